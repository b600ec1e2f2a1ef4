/**
 * The smallest bilingual newsroom a database test writes before its own articles: a publication
 * in UTC, sections named in both languages, and one author. Tests that need more add it.
 */
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import { createAuthor, createSection, setUpPublication } from '../core/operations/index.js';

const system = systemActor('test');

/** Lower case, spaces to hyphens, accents dropped: "Ciudad Vieja" → "ciudad-vieja". */
function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

export async function setUpTestNewsroom(
  core: Core,
  options: { name: string; sections: [en: string, es: string][] },
): Promise<{ sectionIds: number[]; authorId: number }> {
  await runOperation(core, setUpPublication, system, {
    name: options.name,
    timeZone: 'UTC',
    translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
  });
  const sectionIds: number[] = [];
  for (const [en, es] of options.sections)
    sectionIds.push(
      (
        await runOperation(core, createSection, system, {
          translations: { en: { name: en, slug: slugOf(en) }, es: { name: es, slug: slugOf(es) } },
        })
      ).id,
    );
  const { id: authorId } = await runOperation(core, createAuthor, system, {
    slug: 'ana-quintero',
    name: 'Ana Quintero',
    translations: { en: { bio: 'Reporter.' }, es: { bio: 'Reportera.' } },
  });
  return { sectionIds, authorId };
}

/** Finding demo stories with given traits, for tests that need "a story like this". */
import type { BodyNodeJson } from '../content/body-schema.js';
import type { Galley } from '../server/create-galley.js';

function bodyHas(node: BodyNodeJson, test: (node: BodyNodeJson) => boolean): boolean {
  return test(node) || (node.content ?? []).some((child) => bodyHas(child, test));
}

export interface BilingualStory {
  id: number;
  headline: string;
  dek: string;
  sectionName: string;
  /** The section front in each edition: /en/<section>/ and /es/<sección>/ */
  sectionPaths: [string, string];
  /** /en/<section>/<slug> */
  path: string;
  /** /es/<sección>/<slug> */
  otherPath: string;
  otherHeadline: string;
  otherId: number;
}

/**
 * The first English demo story that has a Spanish version, a lead image, and a body with an h2
 * subheading and a blockquote: the story that shows every part of the article page.
 */
export async function findBilingualStory(galley: Galley): Promise<BilingualStory> {
  const rows = await galley.db
    .selectFrom('articles as a')
    .innerJoin('articles as b', (join) =>
      join
        .onRef('b.translation_group', '=', 'a.translation_group')
        .onRef('b.locale', '!=', 'a.locale'),
    )
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .innerJoin('section_translations as st2', (join) =>
      join.onRef('st2.section_id', '=', 'b.section_id').onRef('st2.locale', '=', 'b.locale'),
    )
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.dek',
      'a.body',
      'st.slug as section',
      'st.name as section_name',
      'b.id as other_id',
      'b.slug as other_slug',
      'b.headline as other_headline',
      'st2.slug as other_section',
    ])
    .where('a.locale', '=', 'en')
    .where('a.status', '=', 'published')
    .where('b.status', '=', 'published')
    .where('a.lead_media_id', 'is not', null)
    .orderBy('a.id')
    .execute();
  const row = rows.find((candidate) => {
    const body = JSON.parse(candidate.body) as BodyNodeJson;
    return (
      candidate.dek !== '' &&
      bodyHas(body, (node) => node.type === 'heading' && Number(node.attrs?.['level']) === 2) &&
      bodyHas(body, (node) => node.type === 'blockquote')
    );
  });
  if (!row) throw new Error('the demo has no bilingual story with an image, h2 and blockquote');
  return {
    id: row.id,
    headline: row.headline,
    dek: row.dek,
    sectionName: row.section_name,
    sectionPaths: [`/en/${row.section}/`, `/es/${row.other_section}/`],
    path: `/en/${row.section}/${row.slug}`,
    otherPath: `/es/${row.other_section}/${row.other_slug}`,
    otherHeadline: row.other_headline,
    otherId: row.other_id,
  };
}

/** An English opinion piece: its kicker must carry a type label. */

import { expect, it } from 'vitest';
import { doc, p } from '../content/body-builders.js';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  createTag,
  publishArticle,
  setUpPublication,
} from '../core/operations/index.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { PAGE_SIZE } from './site-pages.js';

const actor = systemActor('test');

describeEachDialect('list pages', { demo: false }, (t) => {
  const run = <I, O>(
    operation: Parameters<typeof runOperation<I, O>>[1],
    input: unknown,
    now?: Date,
  ) => runOperation(t.galley.core, operation, actor, input, now ? { now } : {});

  it('paginate newest first, with rel links, localized labels and canonical URLs per page', async () => {
    await run(setUpPublication, {
      name: 'Paginated Post',
      timeZone: 'UTC',
      translations: { en: { tagline: 'Lists' }, es: { tagline: 'Listas' } },
    });
    const { id: sectionId } = await run(createSection, {
      translations: { en: { name: 'World', slug: 'world' }, es: { name: 'Mundo', slug: 'mundo' } },
    });
    const { id: tagId } = await run(createTag, {
      translations: {
        en: { name: 'Ports', slug: 'ports' },
        es: { name: 'Puertos', slug: 'puertos' },
      },
    });
    const { id: authorId } = await run(createAuthor, {
      slug: 'sam-lee',
      name: 'Sam Lee',
      translations: { en: { bio: 'Writes.' }, es: { bio: 'Escribe.' } },
    });
    const total = PAGE_SIZE + 3;
    for (let index = 1; index <= total; index++) {
      const at = new Date(Date.UTC(2026, 0, index));
      const { id } = await run(
        createArticle,
        {
          locale: 'en',
          headline: `Story number ${index}`,
          slug: `story-${index}`,
          sectionId,
          authorIds: [authorId],
          tagIds: [tagId],
          body: doc(p(`Body of story ${index}.`)),
        },
        at,
      );
      await run(publishArticle, { id }, at);
    }

    for (const path of ['/en/world/', '/en/tag/ports', '/en/author/sam-lee']) {
      const first = await (await t.galley.app.request(path)).text();
      expect(first, path).toContain(`Story number ${total}<`);
      expect(first, path).not.toContain('Story number 3<');
      expect(first, path).toContain(`<a rel="next" href="${path}?page=2">Older stories</a>`);
      expect(first, path).toContain('Page 1 of 2');

      const second = await t.galley.app.request(`${path}?page=2`);
      expect(second.status, path).toBe(200);
      const secondHtml = await second.text();
      expect(secondHtml).toContain('Story number 1<');
      expect(secondHtml).toContain(`<a rel="prev" href="${path}">Newer stories</a>`);
      expect(secondHtml).toContain(
        `<link rel="canonical" href="https://news.galley.test${path}?page=2">`,
      );
      expect((await t.galley.app.request(`${path}?page=3`)).status, path).toBe(404);
    }
    // The Spanish section page exists, in Spanish, and lists no English story.
    const spanish = await (await t.galley.app.request('/es/mundo/')).text();
    expect(spanish).toContain('Todavía no hay artículos aquí.');
  });
});

import { expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import type { Locale } from '../../db/schema.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { systemActor } from '../actor.js';
import { runOperation } from '../operation.js';
import { createArticle, createTag, publishArticle, unpublishArticle } from '../operations/index.js';
import { setUpTestNewsroom } from '../../test/test-newsroom.js';
import { computeRecommendations, refreshRecommendations } from './recommend.js';
import { termVector } from './term-vector.js';

const system = systemActor('test');
const DAY = 86_400_000;
const NOW = new Date('2026-11-20T12:00:00.000Z');

it('keeps the telling words of an article and drops the common ones', () => {
  const vector = termVector(
    {
      headline: 'Spring tides flood the harbour',
      dek: 'The harbour flooded twice',
      body: 'He said the tides were the highest in years.',
    },
    'en',
  );
  const terms = vector.map(([term]) => term);
  expect(terms.slice(0, 2).sort()).toEqual(['flood', 'harbour']);
  expect(terms).toContain('tide');
  expect(terms).not.toContain('the');
  expect(terms).not.toContain('said');
  // Spanish: one term for "elecciones" and "elección", accents folded.
  const spanish = termVector({ headline: 'Elecciones', dek: 'La elección', body: '' }, 'es');
  expect(spanish).toHaveLength(1);
  expect(spanish[0]?.[0]).toBe('eleccion');
});

describeEachDialect('recommendations', { demo: false }, (t) => {
  const run = <I, O>(operation: Parameters<typeof runOperation<I, O>>[1], input: unknown) =>
    runOperation(t.galley.core, operation, system, input, { now: NOW });
  const ids: Record<string, number> = {};
  let city = 0;
  let port = 0;
  let author = 0;
  let tides = 0;
  let slug = 0;

  async function story(
    name: string,
    fields: {
      locale?: Locale;
      headline: string;
      body: string;
      section?: number;
      tags?: number[];
      daysAgo?: number;
      draft?: boolean;
      translationOf?: number;
    },
  ): Promise<number> {
    const { id } = await run(createArticle, {
      locale: fields.locale ?? 'en',
      headline: fields.headline,
      dek: '',
      slug: `story-${++slug}`,
      sectionId: fields.section ?? city,
      authorIds: [author],
      tagIds: fields.tags ?? [],
      type: 'news',
      body: doc(p(fields.body)),
      ...(fields.translationOf ? { translationOf: fields.translationOf } : {}),
    });
    if (!fields.draft)
      await run(publishArticle, {
        id,
        publishedAt: new Date(NOW.getTime() - (fields.daysAgo ?? 1) * DAY).toISOString(),
      });
    ids[name] = id;
    return id;
  }

  const id = (name: string): number => {
    const found = ids[name];
    if (found === undefined) throw new Error(`no story named ${name}`);
    return found;
  };
  const blockOf = async (name: string) =>
    (
      await t.galley.db
        .selectFrom('article_recommendations')
        .select(['recommended_id', 'reason'])
        .where('article_id', '=', id(name))
        .orderBy('position')
        .execute()
    ).map((row) => ({ id: row.recommended_id, reason: row.reason }));
  const named = (block: { id: number }[]) =>
    block.map((entry) => Object.keys(ids).find((name) => ids[name] === entry.id));
  /** What the job runner does within a second of a change, run now. */
  const runJobs = async () => {
    while ((await t.galley.jobs.runOnce()) > 0);
  };

  it('writes a small bilingual newsroom', async () => {
    const newsroom = await setUpTestNewsroom(t.galley.core, {
      name: 'Harbour Gazette',
      sections: [
        ['City', 'Ciudad'],
        ['Port', 'Puerto'],
      ],
    });
    [city = 0, port = 0] = newsroom.sectionIds;
    author = newsroom.authorId;
    tides = (
      await run(createTag, {
        translations: {
          en: { name: 'Tides', slug: 'tides' },
          es: { name: 'Mareas', slug: 'mareas' },
        },
      })
    ).id;
    await story('tides', {
      headline: 'Spring tides flood the harbour district',
      body: 'Seawater covered the harbour district quays at dawn as spring tides peaked, and pumps ran all morning.',
      tags: [tides],
      daysAgo: 1,
    });
    await story('tidesAgain', {
      headline: 'Harbour district quays flood again as tides rise',
      body: 'The quays of the harbour district flooded for a second morning; the pumps could not keep up with the tides.',
      tags: [tides],
      daysAgo: 2,
    });
    await story('bakery', {
      headline: 'A bakery opens on the main square',
      body: 'Bread and pastries from six in the morning, the owners say.',
      daysAgo: 3,
    });
    await story('cranes', {
      headline: 'Crane operators end their strike',
      body: 'Container traffic resumed after the union accepted the offer.',
      section: port,
      daysAgo: 1,
    });
    await story('tidesDraft', {
      headline: 'Harbour district tides flood pumps quays',
      body: 'A draft about the harbour district tides and the quays that flood.',
      tags: [tides],
      draft: true,
    });
    await story('tidesWithdrawn', {
      headline: 'Tides flood harbour district quays, pumps fail',
      body: 'Seawater, quays, pumps and the harbour district once more as the tides flood.',
      tags: [tides],
      daysAgo: 1,
    });
    await run(unpublishArticle, { id: ids['tidesWithdrawn'] });
    await story('tidesSpanish', {
      locale: 'es',
      headline: 'Las mareas vivas inundan el distrito del puerto',
      body: 'El agua cubrió los muelles del distrito del puerto al amanecer.',
      tags: [tides],
      translationOf: ids['tides'],
      daysAgo: 1,
    });
    await story('mareasOnlySpanish', {
      locale: 'es',
      headline: 'Las bombas del distrito del puerto no dan abasto con las mareas',
      body: 'Los vecinos del harbour district piden más bombas contra las mareas.',
      tags: [tides],
      daysAgo: 2,
    });
    await story('bakerySpanish', {
      locale: 'es',
      headline: 'Abre una panadería en la plaza mayor',
      body: 'Pan y bollos desde las seis de la mañana.',
      translationOf: ids['bakery'],
      tags: [tides],
      daysAgo: 3,
    });
    await runJobs();
  });

  it('ranks similar stories first, and never the article, its translation or unpublished ones', async () => {
    const block = named(await blockOf('tides'));
    expect(block[0]).toBe('tidesAgain');
    expect(block).not.toContain('tides');
    expect(block).not.toContain('tidesSpanish');
    expect(block).not.toContain('tidesDraft');
    expect(block).not.toContain('tidesWithdrawn');
    expect(new Set(block).size).toBe(block.length);
  });

  it('offers at most one story from the other edition, last, and only one without a version here', async () => {
    const block = await blockOf('tides');
    const locales = await t.galley.db
      .selectFrom('articles')
      .select(['id', 'locale'])
      .where(
        'id',
        'in',
        block.map((entry) => entry.id),
      )
      .execute();
    const localeOf = new Map(locales.map((row) => [row.id, row.locale]));
    const order = block.map((entry) => localeOf.get(entry.id));
    expect(order.filter((locale) => locale === 'es')).toHaveLength(1);
    expect(order.at(-1)).toBe('es');
    expect(order.filter((locale) => locale === 'en').length).toBeLessThanOrEqual(3);
    // The Spanish bakery story has an English version, so English readers get that one instead.
    expect(named(block)).toContain('mareasOnlySpanish');
    expect(named(block)).not.toContain('bakerySpanish');
  });

  it('shows the block on the page, the other-language story labelled and marked with lang', async () => {
    const response = await t.galley.app.request('/en/city/story-1');
    expect(response.status).toBe(200);
    const page = await response.text();
    const block = page.slice(page.indexOf('data-rec-block'));
    expect(block).toContain(`data-rec-target="${ids['tidesAgain']}"`);
    expect(block).toMatch(
      /<article class="story-card" lang="es">[\s\S]*?class="lang-label" lang="en">In Spanish/,
    );
    expect(block).not.toContain('Harbour district tides flood pumps quays');
  });

  it('puts pinned stories first and never shows excluded ones', async () => {
    await t.galley.db
      .insertInto('recommendation_choices')
      .values([
        {
          article_id: id('tides'),
          target_id: id('cranes'),
          kind: 'pin',
          position: 0,
          created_at: NOW.toISOString(),
        },
        {
          article_id: id('tides'),
          target_id: id('tidesAgain'),
          kind: 'exclude',
          position: 0,
          created_at: NOW.toISOString(),
        },
      ])
      .execute();
    await refreshRecommendations(t.galley.db, { articleIds: [id('tides')], changedIds: [] }, NOW);
    const block = await blockOf('tides');
    expect(block[0]).toEqual({ id: ids['cranes'], reason: 'pin' });
    expect(named(block)).not.toContain('tidesAgain');
    // A pin cannot bring back what is never allowed: the article's own translation.
    expect(
      named(await computeRecommendations(t.galley.db, id('tides'), { now: NOW })),
    ).not.toContain('tidesSpanish');
    await t.galley.db.deleteFrom('recommendation_choices').execute();
    await refreshRecommendations(t.galley.db, { articleIds: [id('tides')], changedIds: [] }, NOW);
  });

  it('takes a newly published story into the blocks it belongs in, and drops a withdrawn one', async () => {
    await story('tidesLatest', {
      headline: 'Tides: the harbour district quays will get new pumps',
      body: 'After two mornings of flooding, the harbour district quays get pumps that can keep up with the tides.',
      tags: [tides],
      daysAgo: 0,
    });
    await runJobs();
    expect(named(await blockOf('tides'))).toContain('tidesLatest');
    await run(unpublishArticle, { id: ids['tidesLatest'] });
    // The page leaves it out at once; the refresh then fills the place.
    const page = await (await t.galley.app.request('/en/city/story-1')).text();
    expect(page).not.toContain(`data-rec-target="${ids['tidesLatest']}"`);
    await runJobs();
    expect(named(await blockOf('tides'))).not.toContain('tidesLatest');
    expect(await blockOf('tidesLatest')).toEqual([]);
  });

  it('drops a story from the other edition once it has a version in this one', async () => {
    expect(named(await blockOf('tides'))).toContain('mareasOnlySpanish');
    await story('mareasInEnglish', {
      headline: 'Harbour district pumps cannot keep up with the tides',
      body: 'Residents of the harbour district ask for more pumps against the tides.',
      tags: [tides],
      translationOf: id('mareasOnlySpanish'),
      daysAgo: 2,
    });
    await runJobs();
    const block = named(await blockOf('tides'));
    expect(block).not.toContain('mareasOnlySpanish');
    expect(block).toContain('mareasInEnglish');
  });

  it('lets popularity lift the most-read of otherwise equal stories', async () => {
    const before = await computeRecommendations(t.galley.db, id('tides'), { now: NOW });
    const bakery = before.find((story) => story.id === ids['bakery']);
    await t.galley.db
      .insertInto('analytics_hourly')
      .values({
        hour: new Date(NOW.getTime() - 3_600_000).toISOString(),
        article_id: id('bakery'),
        locale: 'en',
        section_id: city,
        views: 500,
        visitors: 400,
        engaged_seconds: 0,
        scroll_25: 0,
        scroll_50: 0,
        scroll_75: 0,
        scroll_100: 0,
        rec_impressions: 0,
        rec_clicks: 0,
      })
      .execute();
    const after = await computeRecommendations(t.galley.db, id('tides'), { now: NOW });
    const scoreOfBakery = (ranked: { id: number; score: number }[]) =>
      ranked.find((story) => story.id === id('bakery'))?.score ?? Number.NaN;
    expect(bakery).toBeDefined();
    expect(scoreOfBakery(after)).toBeCloseTo(scoreOfBakery(before) * 1.5, 6);
    const off = await computeRecommendations(t.galley.db, id('tides'), {
      now: NOW,
      weights: { popularity: 0 },
    });
    expect(scoreOfBakery(off)).toBeCloseTo(scoreOfBakery(before), 6);
  });
});

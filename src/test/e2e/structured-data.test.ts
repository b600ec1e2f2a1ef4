/**
 * Structured data and share tags, checked by a third-party tool: the Google, Facebook and Twitter
 * presets of structured-data-testing-tool on the pages the running demo sends (an article of
 * every type in both editions, home, section, tag and author pages), plus value checks of our
 * own in the same tool's JMESPath tests. Then Chromium: the JSON-LD block, even with a headline
 * written to break out of it, runs nothing and trips no Content-Security-Policy violation.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { updateArticle } from '../../core/operations/index.js';
import { ARTICLE_TYPES } from '../../db/schema.js';
import type { ArticleType, Locale } from '../../db/schema.js';
import { ARTICLE_SCHEMA_TYPES } from '../../site/structured-data.js';
import type { TestSite } from './browser.js';
import { findBilingualStory } from './browser.js';
import { setUpNewsroom } from './newsroom-support.js';

/** The parts of structured-data-testing-tool's API (CommonJS, untyped) this test uses. */
interface SdttTest {
  test: string;
  type?: 'jsonld' | 'metatag' | 'any';
  expect?: string | number | boolean | RegExp;
  description?: string;
  group?: string;
  passed?: boolean;
  value?: unknown;
  error?: { message: string };
}
interface SdttPreset {
  name: string;
}
interface SdttResult {
  passed: SdttTest[];
  failed: SdttTest[];
  warnings: SdttTest[];
  schemas: string[];
  structuredData: { jsonld: Record<string, Record<string, unknown>[] | undefined> };
}
interface SdttModule {
  structuredDataTest: (
    html: string,
    options: { presets?: SdttPreset[]; tests?: SdttTest[] },
  ) => Promise<SdttResult>;
}
type SdttPresets = Record<'Google' | 'Twitter' | 'Facebook', SdttPreset>;

const require = createRequire(import.meta.url);
// The tool's HTML extractor (web-auto-extractor) loads babel-polyfill unless this marker is set,
// and that polyfill replaces built-ins the server under test shares this process with (its
// pages then went 404). Node 20 has everything the polyfill adds, so the marker skips it.
(globalThis as { _babelPolyfill?: boolean })._babelPolyfill = true;
const { structuredDataTest } = require('structured-data-testing-tool') as SdttModule;
const { Google, Twitter, Facebook } =
  require('structured-data-testing-tool/presets') as SdttPresets;

/**
 * Runs the tool; a failed validation rejects with the result in `res`, which we want either way.
 * The tool adds to and marks the test objects it is given, so it gets copies.
 */
async function runSdtt(
  html: string,
  options: { presets?: SdttPreset[]; tests?: SdttTest[] },
): Promise<SdttResult> {
  try {
    return await structuredDataTest(html, {
      presets: options.presets,
      tests: (options.tests ?? []).map((test) => ({ ...test })),
    });
  } catch (error) {
    const failed = error as { type?: string; res?: SdttResult };
    if (failed.type === 'VALIDATION_FAILED' && failed.res) return failed.res;
    throw error;
  }
}

const describeFailures = (tests: SdttTest[]) =>
  tests.map((test) => `${test.group ?? ''}: ${test.test} (${test.error?.message ?? ''})`);

/**
 * No test failed, and every one of ours ran and passed. (A RegExp `expect` is not usable: the
 * tool files a passing match under "failed", since the match is an array, not `true`.)
 */
function expectAllPassed(
  result: SdttResult,
  ours: SdttTest[],
  label: string,
  allowedFailures: string[] = [],
): void {
  expect(
    describeFailures(result.failed.filter((test) => !allowedFailures.includes(test.test))),
    label,
  ).toEqual([]);
  const passed = new Set(result.passed.map((test) => test.test));
  expect(
    ours.map((test) => test.test).filter((test) => !passed.has(test)),
    label,
  ).toEqual([]);
}

/** What a page without an image cannot have. */
const IMAGE_ITEMS = (schemaType: string) => [
  `${schemaType}[0].image`,
  '"og:image" || "og:image:src"',
  '"og:image:alt"',
  '"twitter:image" || "twitter:image:src"',
  '"twitter:image:alt"',
];

/** The first entity of a type in the JSON-LD the tool extracted. */
const entity = (result: SdttResult, type: string): Record<string, unknown> =>
  result.structuredData.jsonld[type]?.[0] ?? {};

const actor = systemActor('test');
const newsroom = setUpNewsroom();

interface DemoArticle {
  id: number;
  type: ArticleType;
  locale: Locale;
  path: string;
  headline: string;
  sectionPath: string;
  authorSlug: string;
  hasImage: boolean;
}

/** One published demo article per type and locale, with a lead image where one exists. */
async function articlesByType(target: TestSite): Promise<DemoArticle[]> {
  const rows = await target.galley.db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .innerJoin('article_authors as aa', (join) =>
      join.onRef('aa.article_id', '=', 'a.id').on('aa.position', '=', 0),
    )
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['a.id', 'a.type', 'a.locale', 'a.slug', 'a.headline', 'st.slug as section'])
    .select(['au.slug as author_slug', 'a.lead_media_id'])
    .where('a.status', '=', 'published')
    .orderBy('a.id')
    .execute();
  const chosen = new Map<string, DemoArticle>();
  // Stories with a lead image first, so each type is shown at its fullest where it can be.
  const withImageFirst = [
    ...rows.filter((row) => row.lead_media_id !== null),
    ...rows.filter((row) => row.lead_media_id === null),
  ];
  for (const row of withImageFirst) {
    const key = `${row.type}:${row.locale}`;
    if (chosen.has(key)) continue;
    chosen.set(key, {
      id: row.id,
      type: row.type,
      locale: row.locale,
      path: `/${row.locale}/${row.section}/${row.slug}`,
      headline: row.headline,
      sectionPath: `/${row.locale}/${row.section}/`,
      authorSlug: row.author_slug,
      hasImage: row.lead_media_id !== null,
    });
  }
  return [...chosen.values()];
}

async function fetchPage(path: string): Promise<string> {
  const response = await fetch(`${newsroom.site.origin}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

let articles: DemoArticle[] = [];

beforeAll(async () => {
  articles = await articlesByType(newsroom.site);
}, 120_000);

describe('structured data and share tags, by structured-data-testing-tool', () => {
  it('finds an article of every type in the demo, with and without a lead image', () => {
    const types = new Set(articles.map((article) => article.type));
    expect([...types].sort()).toEqual([...ARTICLE_TYPES].sort());
    expect(articles.filter((article) => article.hasImage).length).toBeGreaterThan(6);
    expect(articles.some((article) => !article.hasImage)).toBe(true);
  });

  it('passes the Google, Facebook and Twitter presets on an article of every type, in both editions', async () => {
    const origin = newsroom.site.origin;
    for (const article of articles) {
      const html = await fetchPage(article.path);
      const schemaType = ARTICLE_SCHEMA_TYPES[article.type];
      const authorPath = `/${article.locale}/${article.locale === 'en' ? 'author' : 'autor'}/${article.authorSlug}`;
      const tests: SdttTest[] = [
        { test: schemaType, type: 'jsonld' },
        { test: `${schemaType}[0].headline`, expect: article.headline },
        { test: `${schemaType}[0].url`, expect: `${origin}${article.path}` },
        { test: `${schemaType}[0].inLanguage`, expect: article.locale },
        { test: `${schemaType}[0].isAccessibleForFree`, expect: true },
        { test: `${schemaType}[0].author[0]."@type"`, expect: 'Person' },
        { test: `${schemaType}[0].author[0].url`, expect: `${origin}${authorPath}` },
        { test: `${schemaType}[0].publisher."@type"`, expect: 'NewsMediaOrganization' },
        ...(article.hasImage
          ? [
              { test: `${schemaType}[0].image[0]."@type"`, expect: 'ImageObject' },
              { test: `${schemaType}[0].image[0].width` },
              { test: `${schemaType}[0].image[0].height` },
              { test: '"og:image:width"', type: 'metatag' as const },
              { test: '"twitter:card"', type: 'metatag' as const, expect: 'summary_large_image' },
            ]
          : [{ test: '"twitter:card"', type: 'metatag' as const, expect: 'summary' }]),
        { test: `${schemaType}[0].datePublished` },
        { test: `${schemaType}[0].dateModified` },
        {
          test: 'BreadcrumbList[0].itemListElement[1].item',
          expect: `${origin}${article.sectionPath}`,
        },
        { test: '"og:type"', type: 'metatag', expect: 'article' },
        { test: '"og:url"', type: 'metatag', expect: `${origin}${article.path}` },
        { test: '"og:locale"', type: 'metatag', expect: `${article.locale}_US` },
        { test: '"article:published_time"', type: 'metatag' },
        { test: '"article:modified_time"', type: 'metatag' },
        { test: '"article:section"', type: 'metatag' },
        { test: '"article:author"', type: 'metatag', expect: `${origin}${authorPath}` },
      ];
      const result = await runSdtt(html, { presets: [Google, Facebook, Twitter], tests });
      // A story with no lead image has no image to offer. The tool's Google preset (written when
      // Google required one) and the social presets then miss exactly the image items; Google's
      // Article guidance now lists `image` as recommended, not required.
      expectAllPassed(result, tests, article.path, article.hasImage ? [] : IMAGE_ITEMS(schemaType));
      // Both dates carry a UTC offset.
      const json = entity(result, schemaType);
      expect(json['datePublished'], article.path).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/,
      );
      expect(json['dateModified'], article.path).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/,
      );
      expect(result.schemas, article.path).toEqual(
        expect.arrayContaining([schemaType, 'BreadcrumbList']),
      );
      // The Google preset ran on this type (its tests are in the passed list), not skipped.
      expect(
        result.passed.some((test) => test.test === `${schemaType}[0].publisher.logo.url`),
        article.path,
      ).toBe(true);
      // Only "should" items remain, for accounts the demo does not have.
      expect(result.warnings.map((test) => test.test).sort(), article.path).toEqual([
        '"twitter:creator"',
        '"twitter:site"',
      ]);
    }
  });

  it('links the two language versions of a story both ways', async () => {
    const story = await findBilingualStory(newsroom.site.galley);
    const origin = newsroom.site.origin;
    const englishHtml = await fetchPage(story.path);
    const spanishHtml = await fetchPage(story.otherPath);
    const english = await runSdtt(englishHtml, { presets: [Google] });
    const type = english.schemas.find((schema) => schema.endsWith('NewsArticle')) ?? 'NewsArticle';
    const forward: SdttTest[] = [
      { test: `${type}[0].workTranslation[0].url`, expect: `${origin}${story.otherPath}` },
      { test: `${type}[0].workTranslation[0].inLanguage`, expect: 'es' },
      { test: `${type}[0].translationOfWork`, expect: false },
    ];
    const back: SdttTest[] = [
      { test: `${type}[0].translationOfWork[0].url`, expect: `${origin}${story.path}` },
      { test: `${type}[0].translationOfWork[0].inLanguage`, expect: 'en' },
      { test: `${type}[0].inLanguage`, expect: 'es' },
    ];
    expectAllPassed(
      await runSdtt(englishHtml, { presets: [Google], tests: forward }),
      forward,
      story.path,
    );
    expectAllPassed(
      await runSdtt(spanishHtml, { presets: [Google], tests: back }),
      back,
      story.otherPath,
    );
  });

  it('passes on home, section, tag and author pages, with WebSite and breadcrumbs', async () => {
    const origin = newsroom.site.origin;
    const story = await findBilingualStory(newsroom.site.galley);
    const [sectionEn, sectionEs] = story.sectionPaths;
    const pages: { path: string; tests: SdttTest[] }[] = [
      ...(['en', 'es'] as const).map((locale) => ({
        path: `/${locale}/`,
        tests: [
          { test: 'WebSite', type: 'jsonld' as const },
          { test: 'WebSite[0].url', expect: `${origin}/${locale}/` },
          { test: 'WebSite[0].inLanguage', expect: locale },
          { test: 'WebSite[0].name', expect: 'La Marea' },
          {
            test: 'WebSite[0].potentialAction.target.urlTemplate',
            expect: `${origin}${locale === 'es' ? '/es/buscar' : '/en/search'}?q={search_term_string}`,
          },
          { test: '"og:type"', type: 'metatag' as const, expect: 'website' },
        ],
      })),
      ...[sectionEn, sectionEs].map((path) => ({
        path,
        tests: [
          {
            test: 'BreadcrumbList[0].itemListElement[0].item',
            expect: `${origin}${path.slice(0, 4)}`,
          },
          { test: 'BreadcrumbList[0].itemListElement[1].item', expect: `${origin}${path}` },
          { test: '"og:url"', type: 'metatag' as const, expect: `${origin}${path}` },
        ],
      })),
      {
        path: '/es/tema/puerto',
        tests: [
          { test: 'BreadcrumbList[0].itemListElement[1].item', expect: `${origin}/es/tema/puerto` },
          { test: '"og:locale"', type: 'metatag', expect: 'es_US' },
          { test: '"og:locale:alternate"', type: 'metatag', expect: 'en_US' },
        ],
      },
      {
        path: `/en/author/${articles[0]?.authorSlug ?? ''}`,
        tests: [{ test: '"og:type"', type: 'metatag', expect: 'website' }],
      },
    ];
    for (const page of pages) {
      const result = await runSdtt(await fetchPage(page.path), {
        presets: [Google, Facebook, Twitter],
        tests: page.tests,
      });
      expectAllPassed(result, page.tests, page.path);
    }
  });

  it('fails a page whose structured data lacks what Google requires (the check is not empty)', async () => {
    const result = await runSdtt(
      '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script></head></html>',
      { presets: [Google, Facebook] },
    );
    const failedTests = result.failed.map((test) => test.test);
    expect(failedTests).toEqual(
      expect.arrayContaining([
        'NewsArticle[0].author',
        'NewsArticle[0].publisher.logo.url',
        '"og:title"',
      ]),
    );
  });
});

describe('the JSON-LD block in Chromium', () => {
  it('survives a headline written to end it, runs nothing, and trips no CSP violation', async () => {
    const target = newsroom.site;
    const article = articles.find((candidate) => candidate.locale === 'en') as DemoArticle;
    const hostile =
      'Harbor vote </script><script>document.title="owned"</script> <!-- \u2028 &amp;';
    await runOperation(target.galley.core, updateArticle, actor, {
      id: article.id,
      headline: hostile,
    });
    const page = await newsroom.browser.newPage();
    try {
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const response = await page.goto(`${target.origin}${article.path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      const found = await page.evaluate<{
        scripts: number;
        types: string[];
        json: string;
      }>(`(() => {
        // Inline scripts only: the page's own same-origin file (the error-report form) is not one.
        const scripts = [...document.querySelectorAll('script:not([src])')];
        return {
          scripts: scripts.length,
          types: scripts.map((s) => s.type),
          json: scripts[0] ? scripts[0].textContent : '',
        };
      })()`);
      // One block, still whole: the headline did not end it or open another script.
      expect(found.scripts).toBe(1);
      expect(found.types).toEqual(['application/ld+json']);
      const parsed = JSON.parse(found.json) as { headline?: string }[];
      expect(parsed[0]?.headline).toBe(hostile);
      expect(await page.title()).not.toBe('owned');
      expect(consoleErrors).toEqual([]);

      // Control: the same policy on a page with a real inline script does report a violation,
      // so an empty list above means something.
      const headers = response?.headers() ?? {};
      await page.route(`${target.origin}/csp-control`, (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-security-policy': headers['content-security-policy'] ?? '' },
          contentType: 'text/html',
          body: '<!doctype html><title>c</title><script>document.title="ran"</script>',
        }),
      );
      await page.goto(`${target.origin}/csp-control`, { waitUntil: 'load' });
      expect(await page.title()).toBe('c');
      expect(consoleErrors.some((text) => /Content Security Policy/i.test(text))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('VideoObject, by structured-data-testing-tool', () => {
  it('describes the demo story’s video on its article, and passes the Google preset', async () => {
    const origin = newsroom.site.origin;
    const story = await newsroom.site.galley.db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.type', 'a.locale', 'a.slug', 'st.slug as section'])
      .where('a.status', '=', 'published')
      .where('a.body_html', 'like', '%<!--galley:video:%')
      .orderBy('a.id')
      .executeTakeFirst();
    expect(story, 'the demo has a story with a video (it needs ffmpeg)').toBeDefined();
    if (!story) return;
    const path = `/${story.locale}/${story.section}/${story.slug}`;
    const schemaType = ARTICLE_SCHEMA_TYPES[story.type];
    const video = `${schemaType}[0].video[0]`;
    const tests: SdttTest[] = [
      { test: `${video}."@type"`, expect: 'VideoObject' },
      { test: `${video}.inLanguage`, expect: story.locale },
      { test: `${video}.encodingFormat`, expect: 'video/mp4' },
      { test: `starts_with(${video}.contentUrl, '${origin}/media/')`, expect: true },
      { test: `ends_with(${video}.contentUrl, '.mp4')`, expect: true },
      { test: `starts_with(${video}.thumbnailUrl[0], '${origin}/media/')`, expect: true },
      { test: `starts_with(${video}.duration, 'PT')`, expect: true },
      { test: `length(${video}.name) > \`0\``, expect: true },
      { test: `length(${video}.description) > \`0\``, expect: true },
      { test: `length(${video}.uploadDate) > \`0\``, expect: true },
    ];
    const result = await runSdtt(await fetchPage(path), { presets: [Google], tests });
    expectAllPassed(result, tests, path);
  });
});

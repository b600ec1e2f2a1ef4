/**
 * The demo shows every trust indicator (The Trust Project's eight) and every kind of note the
 * issue asks for: this walks the demo site as a reader would and finds each one somewhere.
 */
import { beforeAll, expect, it } from 'vitest';
import { POLICY_KINDS } from '../db/schema.js';
import type { Locale } from '../db/schema.js';
import { sitePaths } from '../core/site-paths.js';
import { DEMO_NOTES } from '../demo/content/trust.js';
import { describeEachDialect } from '../test/each-dialect.js';

const PUBLIC_URL = 'https://news.galley.test';
const LOCALES: Locale[] = ['en', 'es'];

describeEachDialect('trust indicators on the demo site', { demo: true }, (t) => {
  /** Every published article page, by locale, as readers get it. */
  const pages = new Map<Locale, { path: string; html: string }[]>();
  const get = async (path: string) => {
    const response = await t.galley.app.request(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    const rows = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.locale', 'a.slug', 'st.slug as section_slug'])
      .where('a.status', '=', 'published')
      .execute();
    for (const locale of LOCALES) {
      const paths = rows
        .filter((row) => row.locale === locale)
        .map((row) => sitePaths.article(locale, row.section_slug, row.slug));
      pages.set(
        locale,
        await Promise.all(paths.map(async (path) => ({ path, html: await get(path) }))),
      );
    }
  });

  const some = (locale: Locale, test: (html: string) => boolean) =>
    (pages.get(locale) ?? []).filter((page) => test(page.html)).map((page) => page.path);

  it('labels the type of work, with opinion set apart, on articles and in listings', async () => {
    for (const locale of LOCALES) {
      const label = locale === 'en' ? 'Opinion' : 'Opinión';
      const opinionTag = `<span class="type-label type-opinion">${label}</span>`;
      expect(some(locale, (html) => html.includes(opinionTag)).length, locale).toBeGreaterThan(0);
      // Home shows the newest four per section; the section pages list every story.
      const sections = await t.galley.db
        .selectFrom('section_translations')
        .select('slug')
        .where('locale', '=', locale)
        .execute();
      const listings = [
        sitePaths.home(locale),
        ...sections.map((section) => sitePaths.section(locale, section.slug)),
      ];
      const listed = await Promise.all(listings.map(get));
      expect(
        listed.some((html) => html.includes(opinionTag)),
        locale,
      ).toBe(true);
      // Straight reporting is labeled as such too.
      const newsTag = `<span class="type-label type-news">${locale === 'en' ? 'News' : 'Noticias'}</span>`;
      expect(
        listed.some((html) => html.includes(newsTag)),
        locale,
      ).toBe(true);
      expect(some(locale, (html) => html.includes(newsTag)).length, locale).toBeGreaterThan(0);
      // Other types (analysis, explainer, ...) are labeled too, in their own style.
      expect(
        some(locale, (html) =>
          /<span class="type-label type-(analysis|explainer|review|interview)">/.test(html),
        ).length,
      ).toBeGreaterThan(0);
    }
  });

  it('shows datelines, sources with links and notes, and "How we reported this"', () => {
    for (const locale of LOCALES) {
      const t9n =
        locale === 'en'
          ? { sources: 'Sources', backstory: 'How we reported this' }
          : { sources: 'Fuentes', backstory: 'Cómo lo reportamos' };
      expect(some(locale, (html) => html.includes('<p class="dateline">')).length).toBeGreaterThan(
        0,
      );
      expect(
        some(
          locale,
          (html) =>
            html.includes(`<h2 id="sources-heading">${t9n.sources}</h2>`) &&
            /<li><a href="https:\/\/[^"]+">[^<]+<\/a>: [^<]+<\/li>/.test(html),
        ).length,
      ).toBeGreaterThan(0);
      expect(
        some(locale, (html) => html.includes(`<h2 id="backstory-heading">${t9n.backstory}</h2>`))
          .length,
      ).toBeGreaterThan(0);
    }
  });

  it('shows a prominent correction above the body and an update after it, in both languages', () => {
    for (const locale of LOCALES) {
      for (const type of ['correction', 'update'] as const) {
        const note = DEMO_NOTES.find((found) => found.locale === locale && found.type === type);
        expect(note, `${locale} ${type}`).toBeDefined();
        if (!note) continue;
        const text = note.text;
        const [path] = some(locale, (html) => html.includes(text));
        expect(path, `${locale} ${type} shown`).toBeDefined();
        const html = pages.get(locale)?.find((page) => page.path === path)?.html ?? '';
        const isAboveBody = html.indexOf(text) < html.indexOf('<div class="article-body">');
        expect(isAboveBody, `${locale} ${type} placement`).toBe(note.isProminent);
      }
      expect(DEMO_NOTES.some((note) => note.type === 'correction' && note.isProminent)).toBe(true);
    }
  });

  it('links bylines to author pages with beat, bio, contact links and archive', async () => {
    for (const locale of LOCALES) {
      const [first] = pages.get(locale) ?? [];
      const authorPath = /<a rel="author" href="([^"]+)">/.exec(first?.html ?? '')?.[1];
      expect(authorPath, locale).toMatch(new RegExp(`^/${locale}/(author|autor)/`));
      const author = await get(authorPath ?? '');
      expect(author).toMatch(/<p class="author-title">[^<]+<\/p>/);
      expect(author).toMatch(/<p class="author-bio">[^<]{40,}<\/p>/);
      expect(author).toMatch(/<ul class="author-links"[^>]*>\s*<li><a href="mailto:/);
      expect(author).toContain('class="story-card"');
      // And for machines: a ProfilePage about a Person with their beat.
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(author)?.[1];
      const profile = JSON.parse(ld ?? '{}') as {
        '@type'?: string;
        mainEntity?: { '@type': string; jobTitle?: string; description?: string };
      };
      expect(profile['@type']).toBe('ProfilePage');
      expect(profile.mainEntity?.['@type']).toBe('Person');
      expect(profile.mainEntity?.jobTitle).toMatch(/\w{4,}/);
      expect(profile.mainEntity?.description).toMatch(/\w{4,}/);
    }
  });

  it('has every policy page in both languages, in every footer and in the publisher markup', async () => {
    for (const locale of LOCALES) {
      const home = await get(sitePaths.home(locale));
      for (const kind of POLICY_KINDS) {
        const path = sitePaths.policy(locale, kind);
        expect(home, path).toContain(`<li><a href="${path}">`);
        const policy = await get(path);
        // Substantive: a few paragraphs, not a placeholder.
        const main = policy.slice(policy.indexOf('<main'), policy.indexOf('</main>'));
        const words = main
          .replace(/<[^>]+>/g, ' ')
          .split(/\s+/)
          .filter(Boolean);
        expect(words.length, path).toBeGreaterThan(120);
        // Described by its opening paragraph, not just its title.
        expect(
          /<meta name="description" content="([^"]*)">/.exec(policy)?.[1]?.length,
        ).toBeGreaterThan(60);
        const other = sitePaths.policy(locale === 'en' ? 'es' : 'en', kind);
        expect(policy).toContain(
          `hreflang="${locale === 'en' ? 'es' : 'en'}" href="${PUBLIC_URL}${other}"`,
        );
      }
      const [article] = pages.get(locale) ?? [];
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article?.html ?? '');
      // An article page's JSON-LD is [the article, its breadcrumbs].
      const [newsArticle] = JSON.parse(ld?.[1] ?? '[]') as { publisher?: Record<string, string> }[];
      const publisher = newsArticle?.publisher;
      for (const property of [
        'publishingPrinciples',
        'correctionsPolicy',
        'ethicsPolicy',
        'masthead',
        'ownershipFundingInfo',
        'actionableFeedbackPolicy',
        'diversityPolicy',
      ])
        expect(publisher?.[property], property).toMatch(
          new RegExp(`^${PUBLIC_URL}/${locale}/(policies|politicas)/`),
        );
    }
  });
});

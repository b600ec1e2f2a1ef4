/**
 * The hreflang walk: every published article, and every home, section, tag and author page, in
 * both editions. Each page must list itself under its own language, list its other-language
 * version exactly when one is published, be listed back by that version, carry an x-default,
 * and every URL it names must answer 200. Runs in process on both databases.
 */
import { expect, it } from 'vitest';
import { sitePaths } from '../../core/site-paths.js';
import type { Locale } from '../../db/schema.js';
import { LOCALES } from '../../db/schema.js';
import { describeEachDialect } from '../each-dialect.js';

const PUBLIC_URL = 'https://news.galley.test';

interface PageLinks {
  status: number;
  lang: string | null;
  canonical: string | null;
  /** hreflang value -> path */
  alternates: Map<string, string>;
}

/** The path of one of our absolute URLs; anything pointing elsewhere fails the test. */
function pathOf(href: string): string {
  const url = new URL(href);
  expect(url.origin, href).toBe(PUBLIC_URL);
  return `${url.pathname}${url.search}`;
}

function linksIn(page: string, status: number): PageLinks {
  const alternates = new Map<string, string>();
  for (const match of page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)) {
    const [, lang = '', href = ''] = match;
    expect(alternates.has(lang), `hreflang="${lang}" listed twice`).toBe(false);
    alternates.set(lang, pathOf(href));
  }
  const canonical = /<link rel="canonical" href="([^"]+)">/.exec(page)?.[1];
  return {
    status,
    lang: /<html lang="([^"]+)">/.exec(page)?.[1] ?? null,
    canonical: canonical ? pathOf(canonical) : null,
    alternates,
  };
}

describeEachDialect('hreflang alternates', { demo: true }, (t) => {
  const seen = new Map<string, PageLinks>();
  async function visit(path: string): Promise<PageLinks> {
    const known = seen.get(path);
    if (known) return known;
    const response = await t.galley.app.request(path);
    const links = linksIn(await response.text(), response.status);
    seen.set(path, links);
    return links;
  }

  /** Every published article, with the path of its published other-language version, if any. */
  async function publishedArticles() {
    const rows = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .leftJoin('articles as b', (join) =>
        join
          .onRef('b.translation_group', '=', 'a.translation_group')
          .onRef('b.locale', '!=', 'a.locale')
          .on('b.status', '=', 'published'),
      )
      .leftJoin('section_translations as bst', (join) =>
        join.onRef('bst.section_id', '=', 'b.section_id').onRef('bst.locale', '=', 'b.locale'),
      )
      .select(['a.locale', 'a.slug', 'st.slug as section', 'b.locale as other_locale'])
      .select(['b.slug as other_slug', 'bst.slug as other_section'])
      .where('a.status', '=', 'published')
      .orderBy('a.id')
      .execute();
    return rows.map((row) => ({
      locale: row.locale,
      path: sitePaths.article(row.locale, row.section, row.slug),
      other:
        row.other_locale && row.other_slug && row.other_section
          ? {
              locale: row.other_locale,
              path: sitePaths.article(row.other_locale, row.other_section, row.other_slug),
            }
          : null,
    }));
  }

  /** Home, section, tag and author pages of both editions that have stories. */
  async function listPages(): Promise<string[]> {
    const sections = await t.galley.db
      .selectFrom('section_translations')
      .select(['locale', 'slug'])
      .execute();
    const tags = await t.galley.db
      .selectFrom('tag_translations as tt')
      .innerJoin('article_tags as at', 'at.tag_id', 'tt.tag_id')
      .innerJoin('articles as a', (join) =>
        join.onRef('a.id', '=', 'at.article_id').onRef('a.locale', '=', 'tt.locale'),
      )
      .where('a.status', '=', 'published')
      .select(['tt.locale', 'tt.slug'])
      .distinct()
      .execute();
    const authors = await t.galley.db.selectFrom('authors').select('slug').execute();
    return [
      ...LOCALES.map((locale) => sitePaths.home(locale)),
      ...sections.map((row) => sitePaths.section(row.locale, row.slug)),
      ...tags.map((row) => sitePaths.tag(row.locale, row.slug)),
      ...authors.flatMap((row) => LOCALES.map((locale) => sitePaths.author(locale, row.slug))),
    ];
  }

  /** What holds on every page: self-reference, x-default, reciprocity, and 200s everywhere. */
  async function checkPage(path: string, locale: Locale): Promise<PageLinks> {
    const page = await visit(path);
    expect(page.status, path).toBe(200);
    expect(page.lang, path).toBe(locale);
    expect(page.canonical, path).toBe(path);
    expect(page.alternates.get(locale), `${path} lists itself`).toBe(path);
    const xDefault = page.alternates.get('x-default');
    expect(xDefault, `${path} has x-default`).toBeDefined();
    // x-default is the English version when there is one.
    expect(xDefault, path).toBe(page.alternates.get('en') ?? path);
    for (const [lang, target] of page.alternates) {
      const other = await visit(target);
      expect(other.status, `${path} -> ${lang} ${target}`).toBe(200);
      if (lang === 'x-default' || lang === locale) continue;
      expect(other.lang, target).toBe(lang);
      expect(other.alternates.get(locale), `${target} points back to ${path}`).toBe(path);
      expect(other.alternates.get(lang), `${target} lists itself`).toBe(target);
    }
    return page;
  }

  it('links every published article to its other-language version and back', async () => {
    const articles = await publishedArticles();
    const translated = articles.filter((article) => article.other);
    // The demo has both kinds: the walk checks pairs and singles.
    expect(translated.length).toBeGreaterThan(5);
    expect(translated.length).toBeLessThan(articles.length);
    for (const article of articles) {
      const page = await checkPage(article.path, article.locale);
      const expected = new Map([[article.locale as string, article.path]]);
      if (article.other) expected.set(article.other.locale, article.other.path);
      expected.set('x-default', expected.get('en') ?? article.path);
      expect(page.alternates, article.path).toEqual(expected);
    }
  });

  it('links every home, section, tag and author page to its other edition and back', async () => {
    const pages = await listPages();
    expect(pages.length).toBeGreaterThan(20);
    for (const path of pages) {
      const locale = path.slice(1, 3) as Locale;
      const page = await checkPage(path, locale);
      // These pages all exist in both editions.
      expect([...page.alternates.keys()].sort(), path).toEqual(['en', 'es', 'x-default']);
    }
  });
});

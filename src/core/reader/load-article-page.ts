import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import {
  loadBylines,
  publishedArticles,
  summaryFromRow,
  linkFromRow,
  publishedArticleLinks,
} from './article-summaries.js';
import type { ArticlePageData } from './reader-types.js';
import type { BodyDoc } from '../../content/body-schema.js';
import { BODY_HTML_VERSION, renderBodyHtml } from '../../content/render-body-html.js';

/** Same-language stories in the Recommended block; one more may come from the other edition. */
const SAME_LANGUAGE_RECOMMENDATIONS = 3;

/**
 * The article with its section, lead image and its version in the other language. Galley has
 * two locales, so a story has at most one translation, and a join costs less than a query.
 */
const articleByPath = preparedQuery(
  (db, p: { locale: Locale; sectionSlug: string; slug: string }) =>
    publishedArticles(db)
      .leftJoin('articles as tr', (join) =>
        join
          .onRef('tr.translation_group', '=', 'a.translation_group')
          .onRef('tr.locale', '!=', 'a.locale')
          .on('tr.status', '=', 'published'),
      )
      .leftJoin('section_translations as trs', (join) =>
        join.onRef('trs.section_id', '=', 'tr.section_id').onRef('trs.locale', '=', 'tr.locale'),
      )
      .select([
        'a.translation_group',
        'a.word_count',
        'a.updated_at',
        'a.version',
        'tr.id as translation_id',
        'tr.locale as translation_locale',
        'tr.headline as translation_headline',
        'tr.slug as translation_slug',
        'trs.slug as translation_section_slug',
        'a.body_html_version',
        'a.body_html',
      ])
      .where('a.locale', '=', p.locale)
      .where('a.slug', '=', p.slug)
      .where('st.slug', '=', p.sectionSlug),
);

const tagsOf = preparedQuery((db, p: { articleId: number; locale: Locale }) =>
  db
    .selectFrom('article_tags as at')
    .innerJoin('tag_translations as tt', (join) =>
      join.onRef('tt.tag_id', '=', 'at.tag_id').on('tt.locale', '=', p.locale),
    )
    .select(['tt.tag_id as id', 'tt.name', 'tt.slug'])
    .where('at.article_id', '=', p.articleId)
    .orderBy('tt.name'),
);

/**
 * The first ranking (a later issue replaces it): the newest stories in the same section and
 * language; then one story from the same section in the other edition that has no version in
 * the reader's language, so bilingual readers see what they would otherwise miss.
 */
const sameLanguageRecommendations = preparedQuery(
  (db, p: { sectionId: number; locale: Locale; articleId: number }) =>
    publishedArticleLinks(db)
      .where('a.section_id', '=', p.sectionId)
      .where('a.locale', '=', p.locale)
      .where('a.id', '!=', p.articleId)
      .orderBy('a.published_at', 'desc')
      .limit(sql.lit(SAME_LANGUAGE_RECOMMENDATIONS)),
);

const otherLanguageRecommendation = preparedQuery(
  (db, p: { sectionId: number; locale: Locale; otherLocale: Locale; group: string }) =>
    publishedArticleLinks(db)
      .where('a.section_id', '=', p.sectionId)
      .where('a.locale', '=', p.otherLocale)
      .where('a.translation_group', '!=', p.group)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('articles as own')
              .select('own.id')
              .whereRef('own.translation_group', '=', 'a.translation_group')
              .where('own.locale', '=', p.locale)
              .where('own.status', '=', 'published'),
          ),
        ),
      )
      .orderBy('a.published_at', 'desc')
      .limit(sql.lit(1)),
);

/**
 * Everything the article page shows, for a published article at /{locale}/{section}/{slug}.
 * Returns null when there is no such published article (the caller then checks redirects).
 */
export async function loadArticlePage(
  db: Kysely<Database>,
  path: { locale: Locale; sectionSlug: string; slug: string },
): Promise<ArticlePageData | null> {
  const [row] = await articleByPath(db, path);
  if (!row) return null;
  const otherLocale: Locale = row.locale === 'en' ? 'es' : 'en';

  const [tags, sameLanguage, otherLanguage] = await Promise.all([
    tagsOf(db, { articleId: row.id, locale: row.locale }),
    sameLanguageRecommendations(db, {
      sectionId: row.section_id,
      locale: row.locale,
      articleId: row.id,
    }),
    otherLanguageRecommendation(db, {
      sectionId: row.section_id,
      locale: row.locale,
      otherLocale,
      group: row.translation_group,
    }),
  ]);
  const recommendedRows = [...sameLanguage, ...otherLanguage];
  // One byline query for the article and everything it recommends.
  const bylines = await loadBylines(db, [row.id, ...recommendedRows.map((rec) => rec.id)]);

  return {
    article: {
      ...summaryFromRow(row, bylines),
      translationGroup: row.translation_group,
      bodyHtml:
        row.body_html_version === BODY_HTML_VERSION
          ? row.body_html
          : await renderStoredBody(db, row.id),
      wordCount: row.word_count,
      updatedAt: row.updated_at,
      version: row.version,
      tags,
    },
    translations:
      row.translation_id !== null &&
      row.translation_locale !== null &&
      row.translation_headline !== null &&
      row.translation_slug !== null &&
      row.translation_section_slug !== null
        ? [
            {
              id: row.translation_id,
              locale: row.translation_locale,
              headline: row.translation_headline,
              path: sitePaths.article(
                row.translation_locale,
                row.translation_section_slug,
                row.translation_slug,
              ),
            },
          ]
        : [],
    recommended: recommendedRows.map((rec) => linkFromRow(rec, bylines)),
  };
}

/**
 * CASE: the row was rendered by an older renderer (or written before bodies were rendered at
 * write time). Render it now from the stored JSON; the next edit stores fresh HTML.
 */
async function renderStoredBody(db: Kysely<Database>, articleId: number): Promise<string> {
  const { body } = await db
    .selectFrom('articles')
    .select('body')
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  return renderBodyHtml(JSON.parse(body) as BodyDoc);
}

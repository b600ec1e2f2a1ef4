import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import {
  fetchSummaries,
  loadBylines,
  publishedArticles,
  summaryFromRow,
} from './article-summaries.js';
import type { ArticlePageData, ArticleSummary } from './reader-types.js';

/** Same-language stories in the Recommended block; one more may come from the other edition. */
const SAME_LANGUAGE_RECOMMENDATIONS = 3;

/**
 * Everything the article page shows, for a published article at /{locale}/{section}/{slug}.
 * Returns null when there is no such published article (the caller then checks redirects).
 */
export async function loadArticlePage(
  db: Kysely<Database>,
  path: { locale: Locale; sectionSlug: string; slug: string },
): Promise<ArticlePageData | null> {
  const row = await publishedArticles(db)
    .select(['a.translation_group', 'a.body', 'a.word_count', 'a.updated_at', 'a.version'])
    .where('a.locale', '=', path.locale)
    .where('a.slug', '=', path.slug)
    .where('st.slug', '=', path.sectionSlug)
    .executeTakeFirst();
  if (!row) return null;

  const [bylines, tags, translations, recommended] = await Promise.all([
    loadBylines(db, [row.id]),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tag_translations as tt', (join) =>
        join.onRef('tt.tag_id', '=', 'at.tag_id').on('tt.locale', '=', path.locale),
      )
      .select(['tt.tag_id as id', 'tt.name', 'tt.slug'])
      .where('at.article_id', '=', row.id)
      .orderBy('tt.name')
      .execute(),
    publishedArticles(db)
      .where('a.translation_group', '=', row.translation_group)
      .where('a.id', '!=', row.id)
      .execute(),
    loadRecommendations(db, row),
  ]);

  return {
    article: {
      ...summaryFromRow(row, bylines),
      translationGroup: row.translation_group,
      body: row.body,
      wordCount: row.word_count,
      updatedAt: row.updated_at,
      version: row.version,
      tags,
    },
    translations: translations.map((t) => ({
      id: t.id,
      locale: t.locale,
      headline: t.headline,
      path: sitePaths.article(t.locale, t.section_slug, t.slug),
    })),
    recommended,
  };
}

/**
 * The first ranking (a later issue replaces it): the newest stories in the same section and
 * language; then one story from the same section in the other edition that has no version in
 * the reader's language, so bilingual readers see what they would otherwise miss.
 */
async function loadRecommendations(
  db: Kysely<Database>,
  article: { id: number; locale: Locale; section_id: number; translation_group: string },
): Promise<ArticleSummary[]> {
  const otherLocale: Locale = article.locale === 'en' ? 'es' : 'en';
  const sameLanguage = publishedArticles(db)
    .where('a.section_id', '=', article.section_id)
    .where('a.locale', '=', article.locale)
    .where('a.id', '!=', article.id)
    .orderBy('a.published_at', 'desc')
    .limit(SAME_LANGUAGE_RECOMMENDATIONS);
  const otherLanguage = publishedArticles(db)
    .where('a.section_id', '=', article.section_id)
    .where('a.locale', '=', otherLocale)
    .where('a.translation_group', '!=', article.translation_group)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('articles as own')
            .select('own.id')
            .whereRef('own.translation_group', '=', 'a.translation_group')
            .where('own.locale', '=', article.locale)
            .where('own.status', '=', 'published'),
        ),
      ),
    )
    .orderBy('a.published_at', 'desc')
    .limit(1);
  const [same, other] = await Promise.all([
    fetchSummaries(db, sameLanguage),
    fetchSummaries(db, otherLanguage),
  ]);
  return [...same, ...other];
}

import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import {
  loadBylines,
  publishedArticles,
  summaryFromRow,
  withBylines,
} from './article-summaries.js';
import type { ArticlePageData, ArticleSummary } from './reader-types.js';

/** Same-language stories in the Recommended block; one more may come from the other edition. */
const SAME_LANGUAGE_RECOMMENDATIONS = 3;

const articleByPath = preparedQuery(
  (db, p: { locale: Locale; sectionSlug: string; slug: string }) =>
    publishedArticles(db)
      .select(['a.translation_group', 'a.body', 'a.word_count', 'a.updated_at', 'a.version'])
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

const translationsOf = preparedQuery((db, p: { group: string; articleId: number }) =>
  publishedArticles(db).where('a.translation_group', '=', p.group).where('a.id', '!=', p.articleId),
);

/**
 * The first ranking (a later issue replaces it): the newest stories in the same section and
 * language; then one story from the same section in the other edition that has no version in
 * the reader's language, so bilingual readers see what they would otherwise miss.
 */
const sameLanguageRecommendations = preparedQuery(
  (db, p: { sectionId: number; locale: Locale; articleId: number }) =>
    publishedArticles(db)
      .where('a.section_id', '=', p.sectionId)
      .where('a.locale', '=', p.locale)
      .where('a.id', '!=', p.articleId)
      .orderBy('a.published_at', 'desc')
      .limit(SAME_LANGUAGE_RECOMMENDATIONS),
);

const otherLanguageRecommendation = preparedQuery(
  (db, p: { sectionId: number; locale: Locale; otherLocale: Locale; group: string }) =>
    publishedArticles(db)
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
      .limit(1),
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

  const [bylines, tags, translations, sameLanguage, otherLanguage] = await Promise.all([
    loadBylines(db, [row.id]),
    tagsOf(db, { articleId: row.id, locale: row.locale }),
    translationsOf(db, { group: row.translation_group, articleId: row.id }),
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
  const recommended: ArticleSummary[] = await withBylines(db, [...sameLanguage, ...otherLanguage]);

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

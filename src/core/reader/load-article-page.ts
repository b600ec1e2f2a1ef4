import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { BODY_HTML_VERSION } from '../../content/render-body-html.js';
import { renderStoredBody } from './stored-body.js';
import { dialectFeatures, jsonArray } from '../../db/dialect-features.js';
import type { JsonArrayColumn } from '../../db/dialect-features.js';
import { bylinesColumn, tagsColumn } from './article-json-columns.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ArticleType, Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import { articlesWithLeadImage, publishedArticles, summaryFromRow } from './article-summaries.js';
import type { PublishedArticlesQuery } from './article-summaries.js';
import type { ArticleLink, ArticlePageData, BylineView, SourceView } from './reader-types.js';
import { notesFromColumn } from './article-notes.js';
import { loadVideos, videoIdsOfArticle } from './videos.js';
import { computeRecommendations } from '../recommend/recommend.js';

type LinkJson = {
  id: number;
  locale: Locale;
  headline: string;
  slug: string;
  type: ArticleType;
  section_id: number;
  section_name: string;
  section_slug: string;
  published_at: string;
  authors: JsonArrayColumn<BylineView>;
};

/**
 * Everything the article page shows, in one query: the article with its section and lead image,
 * its version in the other language (Galley has two locales, so at most one), and, as JSON
 * arrays, its tags, its bylines and its recommendations with their bylines. Five separate queries
 * cost about twice as much: most of a small query's cost is fixed.
 *
 * The recommendations are the article's stored Recommended block (core/recommend/: computed ahead
 * whenever a story is published or changed), read in its order; a story unpublished since the
 * block was computed is left out here at once, before its refresh runs.
 */
/** Links to stories (`r`): what a Recommended block shows of each. */
function storyLinks(db: Kysely<Database>) {
  return db
    .selectFrom('articles as r')
    .innerJoin('section_translations as rs', (join) =>
      join.onRef('rs.section_id', '=', 'r.section_id').onRef('rs.locale', '=', 'r.locale'),
    )
    .select([
      'r.id',
      'r.locale',
      'r.headline',
      'r.slug',
      'r.type',
      'r.section_id',
      'rs.name as section_name',
      'rs.slug as section_slug',
      'r.published_at',
      bylinesColumn(db, 'r.id').as('authors'),
    ]);
}

function articlePageQuery(db: Kysely<Database>, articles: PublishedArticlesQuery) {
  const { jsonArrayFrom } = dialectFeatures(db);
  // Subqueries refer to the outer article (`a`) row by name.
  const outer = <T>(column: string) => sql.ref<T>(column);
  const bylinesOf = (articleRef: 'a.id' | 'r.id') => bylinesColumn(db, articleRef);
  const recommendedLinks = () =>
    storyLinks(db)
      .innerJoin('article_recommendations as ar', 'ar.recommended_id', 'r.id')
      .where('ar.article_id', '=', outer<number>('a.id'))
      .where('r.status', '=', 'published')
      .orderBy('ar.position');

  return articles
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
      tagsColumn(db).as('tags'),
      bylinesOf('a.id').as('authors'),
      jsonArrayFrom(
        db
          .selectFrom('article_sources as src')
          .select(['src.name', 'src.url', 'src.note'])
          .where('src.article_id', '=', outer<number>('a.id'))
          .orderBy('src.position'),
      ).as('sources'),
      'a.dateline',
      'a.backstory',
      // Public notes, oldest first; the page puts the prominent ones above the body.
      jsonArrayFrom(
        db
          .selectFrom('article_notes as n')
          .select(['n.id', 'n.type', 'n.text', 'n.is_prominent', 'n.noted_at', 'n.amended_at'])
          .where('n.article_id', '=', outer<number>('a.id'))
          .orderBy('n.noted_at')
          .orderBy('n.id'),
      ).as('notes'),
      jsonArrayFrom(recommendedLinks()).as('recommended'),
      'a.seo_title',
      'a.seo_description',
      'a.lead_video_id',
      'a.lead_video_autoplay',
      'a.body_html_version',
      'a.body_html',
    ]);
}

const articlePageRow = preparedQuery(
  (db, p: { locale: Locale; sectionSlug: string; slug: string }) =>
    articlePageQuery(db, publishedArticles(db))
      .where('a.locale', '=', p.locale)
      .where('a.slug', '=', p.slug)
      .where('st.slug', '=', p.sectionSlug),
);

/** The same page for an article in any status, by id: what the newsroom previews. */
const articlePreviewRow = preparedQuery((db, p: { id: number }) =>
  articlePageQuery(db, articlesWithLeadImage(db)).where('a.id', '=', p.id),
);

function linkFromJson(link: LinkJson): ArticleLink {
  return {
    id: link.id,
    locale: link.locale,
    headline: link.headline,
    slug: link.slug,
    type: link.type,
    section: { id: link.section_id, name: link.section_name, slug: link.section_slug },
    publishedAt: link.published_at,
    authors: jsonArray(link.authors),
  };
}

/**
 * Everything the article page shows, for a published article at /{locale}/{section}/{slug}.
 * Returns null when there is no such published article (the caller then checks redirects).
 */
export async function loadArticlePage(
  db: Kysely<Database>,
  path: { locale: Locale; sectionSlug: string; slug: string },
): Promise<ArticlePageData | null> {
  const [row] = await articlePageRow(db, path);
  return row ? articlePageData(db, row) : null;
}

/**
 * The article page's data for any article, published or not: the newsroom's preview shows a
 * draft exactly as the reader site will. An unpublished article is dated now.
 */
export async function loadArticlePreview(
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<ArticlePageData | null> {
  const [row] = await articlePreviewRow(db, { id });
  if (!row) return null;
  const data = await articlePageData(db, {
    ...row,
    published_at: row.published_at ?? now.toISOString(),
  });
  // A draft has no stored block yet: the preview shows the one it would get if published now.
  const ranked = await computeRecommendations(db, id, { now });
  const links = ranked.length
    ? await storyLinks(db)
        .where(
          'r.id',
          'in',
          ranked.map((story) => story.id),
        )
        .execute()
    : [];
  const byId = new Map(links.map((link) => [link.id, linkFromJson(link as LinkJson)]));
  data.recommended = ranked.flatMap((story) => byId.get(story.id) ?? []);
  return data;
}

type ArticlePageRow = Awaited<ReturnType<typeof articlePageRow>>[number];

async function articlePageData(
  db: Kysely<Database>,
  row: ArticlePageRow,
): Promise<ArticlePageData> {
  const authors = jsonArray(row.authors as JsonArrayColumn<BylineView>);
  const recommended = jsonArray(row.recommended as JsonArrayColumn<LinkJson>).map(linkFromJson);
  const bodyHtml =
    row.body_html_version === BODY_HTML_VERSION
      ? row.body_html
      : await renderStoredBody(db, row.id);
  const leadVideoId = row.lead_video_id;

  return {
    article: {
      ...summaryFromRow(row, new Map([[row.id, authors]])),
      translationGroup: row.translation_group,
      bodyHtml,
      wordCount: row.word_count,
      updatedAt: row.updated_at,
      version: row.version,
      tags: jsonArray(row.tags as JsonArrayColumn<{ id: number; name: string; slug: string }>),
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      dateline: row.dateline,
      backstory: row.backstory,
      sources: jsonArray(row.sources as JsonArrayColumn<SourceView>),
      leadVideoId,
      leadVideoAutoplay: row.lead_video_autoplay === 1,
    },
    videos: await loadVideos(db, videoIdsOfArticle({ bodyHtml, leadVideoId }), row.locale),
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
    recommended,
    notes: notesFromColumn(row.notes),
  };
}

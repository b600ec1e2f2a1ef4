/**
 * What the newsroom sees of articles: every status, not only the published ones the reader
 * queries return. Plain data for the Admin API's presenters.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { LOCALES } from '../../db/schema.js';
import type { ArticleStatus, ArticleType, Database, Locale } from '../../db/schema.js';
import { dialectFeatures } from '../../db/dialect-features.js';
import { queryWords } from '../../lib/search-text.js';
import { sitePaths } from '../site-paths.js';
import { findMediaForStaff } from './media-for-staff.js';
import { pageOf } from './page-of.js';
import type { StaffMedia } from './media-for-staff.js';

export interface StaffArticle {
  id: number;
  locale: Locale;
  translationGroup: string;
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  type: ArticleType;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  leadMediaId: number | null;
  /** A video shown in place of the lead image on the article page. */
  leadVideoId: number | null;
  leadVideoAutoplay: boolean;
  authorIds: number[];
  tagIds: number[];
  createdByUserId: number | null;
  embargoUntil: string | null;
  scheduledFor: string | null;
  seoTitle: string;
  seoDescription: string;
  /** Where it was reported; '' = none. */
  dateline: string;
  /** "How we reported this"; '' = none. */
  backstory: string;
  sources: { name: string; url: string; note: string }[];
  /** Set on a deleted article (a tombstone); the newsroom lists no deleted articles. */
  deletedAt: string | null;
  body: unknown;
}

export async function findArticleForStaff(
  db: Kysely<Database>,
  id: number,
): Promise<StaffArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [authors, tags, sources] = await Promise.all([
    db
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', id)
      .orderBy('tag_id')
      .execute(),
    db
      .selectFrom('article_sources')
      .select(['name', 'url', 'note'])
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: row.id,
    locale: row.locale,
    translationGroup: row.translation_group,
    headline: row.headline,
    dek: row.dek,
    slug: row.slug,
    sectionId: row.section_id,
    type: row.type,
    status: row.status,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    version: row.version,
    leadMediaId: row.lead_media_id,
    leadVideoId: row.lead_video_id,
    leadVideoAutoplay: row.lead_video_autoplay === 1,
    authorIds: authors.map((author) => author.author_id),
    tagIds: tags.map((tag) => tag.tag_id),
    createdByUserId: row.created_by_user_id,
    embargoUntil: row.embargo_until,
    scheduledFor: row.scheduled_for,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    dateline: row.dateline,
    backstory: row.backstory,
    sources,
    deletedAt: row.deleted_at,
    body: JSON.parse(row.body) as unknown,
  };
}

/** What the editor shows beside the article's own fields. */
export interface StaffArticleDetail extends StaffArticle {
  /** The public path it has (published) or will have (otherwise). */
  path: string;
  /** The other language versions of the story. */
  translations: { id: number; locale: Locale; status: ArticleStatus; headline: string }[];
  leadMedia: StaffMedia | null;
  /** The lead video with its processing state, so the editor can tell whether it can publish. */
  leadVideo: StaffMedia | null;
}

export async function findArticleDetailForStaff(
  db: Kysely<Database>,
  id: number,
): Promise<StaffArticleDetail | null> {
  const article = await findArticleForStaff(db, id);
  if (!article) return null;
  const [section, translations, leadMedia, leadVideo] = await Promise.all([
    db
      .selectFrom('section_translations')
      .select('slug')
      .where('section_id', '=', article.sectionId)
      .where('locale', '=', article.locale)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('articles')
      .select(['id', 'locale', 'status', 'headline'])
      .where('translation_group', '=', article.translationGroup)
      .where('id', '!=', article.id)
      .where('deleted_at', 'is', null)
      .orderBy('locale')
      .execute(),
    article.leadMediaId === null ? null : findMediaForStaff(db, article.leadMediaId),
    article.leadVideoId === null ? null : findMediaForStaff(db, article.leadVideoId),
  ]);
  return {
    ...article,
    path: sitePaths.article(article.locale, section.slug, article.slug),
    translations,
    leadMedia,
    leadVideo,
  };
}

export interface StaffArticleListFilter {
  status?: ArticleStatus | undefined;
  locale?: Locale | undefined;
  sectionId?: number | undefined;
  authorId?: number | undefined;
  /** Words anywhere in the article (full-text: headline, dek, body, tags, authors). */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Newest changes first: what the newsroom is working on. Deleted articles are not listed. */
export async function listArticlesForStaff(db: Kysely<Database>, filter: StaffArticleListFilter) {
  let query = db.selectFrom('articles as a').where('a.deleted_at', 'is', null);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.locale) query = query.where('a.locale', '=', filter.locale);
  if (filter.sectionId) query = query.where('a.section_id', '=', filter.sectionId);
  if (filter.authorId) {
    const authorId = filter.authorId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('aa.author_id', '=', authorId),
      ),
    );
  }
  if (filter.q?.trim()) {
    // Full-text, drafts included, in the chosen language or in both: the same index as search.
    const words = queryWords(filter.q);
    const { search } = dialectFeatures(db);
    const matching = (filter.locale ? [filter.locale] : LOCALES).map(
      (locale) =>
        sql`select article_id from ${search.matches(words, { locale, publishedOnly: false })} as ${sql.id(`m_${locale}`)}`,
    );
    query =
      words.length === 0
        ? query.where(sql<boolean>`1 = 0`)
        : query.where('a.id', 'in', sql<number>`(${sql.join(matching, sql` union `)})`);
  }
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .select([
      'a.id',
      'a.locale',
      'a.headline',
      'a.slug',
      'a.status',
      'a.type',
      'a.section_id',
      'a.updated_at',
      'a.published_at',
      'a.scheduled_for',
      'a.version',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return pageOf(
    rows.map((row) => ({
      id: row.id,
      locale: row.locale,
      headline: row.headline,
      slug: row.slug,
      status: row.status,
      type: row.type,
      sectionId: row.section_id,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      scheduledFor: row.scheduled_for,
      version: row.version,
    })),
    Number(total),
    filter,
  );
}

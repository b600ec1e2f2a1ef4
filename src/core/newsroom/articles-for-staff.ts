/**
 * What the newsroom sees of articles: every status, not only the published ones the reader
 * queries return. Plain data for the Admin API's presenters.
 */
import type { Kysely } from 'kysely';
import type { ArticleStatus, ArticleType, Database, Locale } from '../../db/schema.js';

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
  authorIds: number[];
  tagIds: number[];
  createdByUserId: number | null;
  embargoUntil: string | null;
  scheduledFor: string | null;
  body: unknown;
}

export async function findArticleForStaff(
  db: Kysely<Database>,
  id: number,
): Promise<StaffArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [authors, tags] = await Promise.all([
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
    authorIds: authors.map((author) => author.author_id),
    tagIds: tags.map((tag) => tag.tag_id),
    createdByUserId: row.created_by_user_id,
    embargoUntil: row.embargo_until,
    scheduledFor: row.scheduled_for,
    body: JSON.parse(row.body) as unknown,
  };
}

export interface StaffArticleListFilter {
  status?: ArticleStatus | undefined;
  locale?: Locale | undefined;
  page: number;
  pageSize: number;
}

/** Newest changes first: what the newsroom is working on. */
export async function listArticlesForStaff(db: Kysely<Database>, filter: StaffArticleListFilter) {
  let query = db.selectFrom('articles');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.locale) query = query.where('locale', '=', filter.locale);
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const items = await query
    .select([
      'id',
      'locale',
      'headline',
      'slug',
      'status',
      'type',
      'section_id',
      'updated_at',
      'published_at',
      'version',
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items,
    total: Number(total),
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(Number(total) / filter.pageSize)),
  };
}

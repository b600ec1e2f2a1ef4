/**
 * The database schema as Kysely sees it: one interface per table. Both dialects share it; the
 * differences (id columns, timestamp storage) are absorbed in db/dialects/.
 *
 * Timestamps cross this boundary as ISO-8601 UTC strings in both dialects (PostgreSQL stores
 * `timestamptz` and its driver is told to hand back ISO strings), so core code never sees `Date`
 * on one dialect and `string` on the other.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

export const ARTICLE_TYPES = [
  'news',
  'opinion',
  'analysis',
  'explainer',
  'interview',
  'review',
] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface PublicationsTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  default_locale: Locale;
  logo_path: string | null;
  contact_email: string | null;
  created_at: string;
}

export interface PublicationTranslationsTable {
  publication_id: number;
  locale: Locale;
  tagline: string;
  description: string;
}

export interface SectionsTable {
  id: Generated<number>;
  position: number;
  created_at: string;
}

export interface SectionTranslationsTable {
  section_id: number;
  locale: Locale;
  name: string;
  slug: string;
  description: string;
}

export interface TagsTable {
  id: Generated<number>;
  created_at: string;
}

export interface TagTranslationsTable {
  tag_id: number;
  locale: Locale;
  name: string;
  slug: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  email: string | null;
  /** JSON array of `{ label, url }`. */
  links: string;
  photo_media_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface AuthorTranslationsTable {
  author_id: number;
  locale: Locale;
  title: string;
  bio: string;
}

export interface MediaTable {
  id: Generated<number>;
  kind: 'image';
  /** Storage key under the media root, e.g. `demo/harbor-1600.jpg`. */
  path: string;
  mime: string;
  width: number;
  height: number;
  /** JSON array of `{ path, width, height, mime }`, smallest first. */
  variants: string;
  /** JSON array of `{ ratio: '16x9' | '4x3' | '1x1', path, width, height, mime }`. */
  crops: Generated<string>;
  source_agency: string | null;
  created_at: string;
}

export interface MediaTranslationsTable {
  media_id: number;
  locale: Locale;
  alt: string;
  caption: string;
  credit: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  locale: Locale;
  translation_group: string;
  headline: string;
  dek: string;
  slug: string;
  section_id: number;
  type: ArticleType;
  /** ProseMirror JSON, validated against content/body-schema.ts before it is stored. */
  body: string;
  /** `body` rendered to HTML when it was written; trusted only at the current renderer version. */
  body_html: Generated<string>;
  body_html_version: Generated<number>;
  /** The staff member who created it; null for system-made articles (demo, imports). */
  created_by_user_id: Generated<number | null>;
  /** Nobody may publish the article before this time. */
  embargo_until: Generated<string | null>;
  /** When a scheduled article goes live (the scheduler publishes it). */
  scheduled_for: Generated<string | null>;
  /** What search engines and link previews show instead of the headline; '' = the headline. */
  seo_title: Generated<string>;
  /** Instead of the dek; '' = the dek. */
  seo_description: Generated<string>;
  /** Set when an editor deleted the article: a tombstone, answered with 410 at its old URL. */
  deleted_at: Generated<string | null>;
  word_count: number;
  lead_media_id: number | null;
  status: ArticleStatus;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  version: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface RedirectsTable {
  /** A site path such as `/en/city/old-slug`. */
  from_path: string;
  /** Null together with status 410: the page is gone for good. */
  to_path: string | null;
  status_code: 301 | 410;
  created_at: string;
}

export interface CacheInvalidationsTable {
  id: Generated<number>;
  /** The process that made the change; it has already applied it. */
  origin: string;
  /** Surrogate keys, space-separated. */
  cache_keys: string;
  created_at: string;
}

export interface StaffUsersTable {
  id: Generated<number>;
  /** Lowercased. */
  email: string;
  name: string;
  role: 'contributor' | 'author' | 'editor' | 'admin';
  /** argon2id, in PHC string form. */
  password_hash: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 (base64url) of the token in the cookie. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginThrottlesTable {
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  created_at: string;
  created_by_user_id: number | null;
  note: string | null;
  /** JSON of `RevisionSnapshot` (core/operations/article-support.ts). */
  snapshot: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (base64url) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ContentApiKeysTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 (base64url) of the key; the key itself is shown once and never stored. */
  key_hash: string;
  /** JSON array of allowed browser origins (`https://app.example`), or `["*"]` for any. */
  allowed_origins: string;
  created_by_user_id: number | null;
  created_at: string;
  revoked_at: string | null;
}

/** An article that came in as ninjs, keyed by the document's uri (see migration 0014). */
export interface NinjsImportsTable {
  source_uri: string;
  article_id: number;
  source_version: string | null;
  content_hash: string;
  article_version: number;
  /** JSON array of `{ name, uri, href, caption, credit, alt, reason }`. */
  missing_images: string;
  imported_at: string;
}

export type JobStatus = 'pending' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhooksTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  /** JSON array of event types. */
  events: string;
  created_at: string;
  deleted_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  job_id: number | null;
  event_type: string;
  payload: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

export interface InstanceSecretsTable {
  name: string;
  value: string;
}

export interface Database {
  publications: PublicationsTable;
  publication_translations: PublicationTranslationsTable;
  sections: SectionsTable;
  section_translations: SectionTranslationsTable;
  tags: TagsTable;
  tag_translations: TagTranslationsTable;
  authors: AuthorsTable;
  author_translations: AuthorTranslationsTable;
  media: MediaTable;
  media_translations: MediaTranslationsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  redirects: RedirectsTable;
  cache_invalidations: CacheInvalidationsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_throttles: LoginThrottlesTable;
  instance_secrets: InstanceSecretsTable;
  article_revisions: ArticleRevisionsTable;
  api_tokens: ApiTokensTable;
  ninjs_imports: NinjsImportsTable;
  content_api_keys: ContentApiKeysTable;
  jobs: JobsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type MediaRow = Selectable<MediaTable>;

/**
 * The database schema as Kysely sees it: one interface per table. Both dialects share it; the
 * differences (id columns, timestamp storage) are absorbed in db/dialects/.
 *
 * Timestamps cross this boundary as ISO-8601 UTC strings in both dialects (PostgreSQL stores
 * `timestamptz` and its driver is told to hand back ISO strings), so core code never sees `Date`
 * on one dialect and `string` on the other.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DiscoveryTables } from './schema-discovery.js';

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

export type MediaKind = 'image' | 'video';
export type MediaProcessingStatus = 'pending' | 'processing' | 'ready' | 'failed';

export interface MediaTable {
  id: Generated<number>;
  kind: MediaKind;
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
  /** Videos: what ffprobe read. */
  duration_ms: Generated<number | null>;
  video_codec: Generated<string | null>;
  audio_codec: Generated<string | null>;
  /** Videos: the poster, an image row of its own. */
  poster_media_id: Generated<number | null>;
  /** Videos: the background job's state; images are `ready` when stored. */
  processing_status: Generated<MediaProcessingStatus>;
  /** Whole percent, 0 to 100. */
  processing_progress: Generated<number>;
  processing_error: Generated<string | null>;
}

/** A video's captions: one validated WebVTT file per language. */
export interface MediaCaptionsTable {
  media_id: number;
  locale: Locale;
  /** Storage key of the .vtt file under the media root. */
  path: string;
  label: string;
  created_at: string;
  updated_at: string;
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
  /** Where the story was reported, shown before the body ("MADRID —"); '' = none. */
  dateline: Generated<string>;
  /** "How we reported this": plain text, paragraphs separated by blank lines; '' = none. */
  backstory: Generated<string>;
  word_count: number;
  lead_media_id: number | null;
  /** A video shown in place of the lead image on the article page (media.kind = video). */
  lead_video_id: Generated<number | null>;
  /** The editor chose autoplay for the lead video: muted, and never when motion is reduced. */
  lead_video_autoplay: Generated<number>;
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

/** The sources an article cites, in the order the newsroom listed them. */
export interface ArticleSourcesTable {
  article_id: number;
  position: number;
  name: string;
  /** An http(s) URL, or '' when the source has no public address. */
  url: string;
  note: string;
}

export const POLICY_KINDS = [
  'ethics',
  'corrections',
  'masthead',
  'ownership',
  'feedback',
  'diversity',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** A policy page of the publication, per kind and locale (URLs: core/site-paths.ts). */
export interface PolicyPagesTable {
  kind: PolicyKind;
  locale: Locale;
  title: string;
  /** ProseMirror JSON in the article body schema, validated before it is stored. */
  body: string;
  updated_at: string;
  updated_by_user_id: number | null;
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

export const ARTICLE_NOTE_TYPES = [
  'correction',
  'clarification',
  'update',
  'editors_note',
] as const;
export type ArticleNoteType = (typeof ARTICLE_NOTE_TYPES)[number];

/** A public, dated note on an article (migration 0021); never deleted, only amended. */
export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  type: ArticleNoteType;
  /** Plain text in the article's language. */
  text: string;
  /** 1: shown at the top of the article; 0: at its end. */
  is_prominent: number;
  /** The date-time readers see. */
  noted_at: string;
  created_by_user_id: number | null;
  created_at: string;
  /** The last amendment's time; null while the note is as first written. */
  amended_at: string | null;
}

/** What a note said before each amendment, and who amended it when. */
export interface ArticleNoteAmendmentsTable {
  id: Generated<number>;
  note_id: number;
  previous_type: ArticleNoteType;
  previous_text: string;
  previous_is_prominent: number;
  amended_by_user_id: number | null;
  amended_at: string;
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

export const ERROR_REPORT_STATUSES = [
  'new',
  'in_progress',
  'corrected',
  'clarified',
  'updated',
  'no_change',
  'spam',
] as const;
export type ErrorReportStatus = (typeof ERROR_REPORT_STATUSES)[number];

/** A reader's "Found a mistake?" report (migration 0020). */
export interface ErrorReportsTable {
  id: Generated<number>;
  article_id: number;
  locale: Locale;
  what_is_wrong: string;
  passage: string;
  reply_email: string | null;
  /** HMAC of the reader's address; never the address. */
  client_key: string;
  status: ErrorReportStatus;
  assigned_to_user_id: number | null;
  correction_id: number | null;
  reply_text: string | null;
  replied_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ErrorReportEventsTable {
  id: Generated<number>;
  report_id: number;
  user_id: number | null;
  field: string;
  from_value: string | null;
  to_value: string | null;
  created_at: string;
}

export interface ErrorReportThrottlesTable {
  key: string;
  window_started_at: string;
  count: number;
}

export interface Database extends DiscoveryTables {
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
  media_captions: MediaCaptionsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_sources: ArticleSourcesTable;
  policy_pages: PolicyPagesTable;
  redirects: RedirectsTable;
  cache_invalidations: CacheInvalidationsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_throttles: LoginThrottlesTable;
  instance_secrets: InstanceSecretsTable;
  article_revisions: ArticleRevisionsTable;
  article_notes: ArticleNotesTable;
  article_note_amendments: ArticleNoteAmendmentsTable;
  api_tokens: ApiTokensTable;
  ninjs_imports: NinjsImportsTable;
  content_api_keys: ContentApiKeysTable;
  jobs: JobsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  error_reports: ErrorReportsTable;
  error_report_events: ErrorReportEventsTable;
  error_report_throttles: ErrorReportThrottlesTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type MediaRow = Selectable<MediaTable>;

/**
 * The Admin API's shapes, as the newsroom app uses them. They are the server's own types,
 * imported from the code that builds each response, so the app and the API cannot drift apart.
 * The imports are type-only (erased from the bundle), except the constant lists from the
 * database schema and the embed networks' names, which have no runtime dependencies of their own.
 */
import type { BodyDoc } from '../../src/content/body-schema.ts';
import type { StaffSession } from '../../src/core/accounts/find-session.ts';
import type { findRevision, listRevisions } from '../../src/core/newsroom/article-revisions.ts';
import type {
  StaffArticleDetail,
  listArticlesForStaff,
} from '../../src/core/newsroom/articles-for-staff.ts';
import type {
  StaffMedia,
  StaffMediaText,
  StaffVideo,
} from '../../src/core/newsroom/media-for-staff.ts';
import type { StaffArticleNote } from '../../src/core/newsroom/article-notes-for-staff.ts';
import type { AdminPolicyPage } from '../../src/core/newsroom/policy-pages-for-admin.ts';
import type {
  ErrorReportEventView,
  ErrorReportView,
} from '../../src/core/newsroom/error-reports-for-staff.ts';
import type { PageOf } from '../../src/core/newsroom/page-of.ts';
import type {
  listWebhookDeliveries,
  listWebhooks,
} from '../../src/core/newsroom/webhooks-for-admin.ts';
import type { NinjsImportReport } from '../../src/core/operations/import-ninjs.ts';
import type { listContentApiKeys } from '../../src/core/reader/content-api-keys.ts';
import type { WebhookEvent } from '../../src/core/webhooks/webhook-events.ts';
import type { listStaffUsers } from '../../src/core/newsroom/staff-users.ts';
import type {
  listAuthorsForStaff,
  listSectionsForStaff,
  listTagsForStaff,
} from '../../src/core/newsroom/taxonomy-for-staff.ts';

export { NETWORK_NAMES } from '../../src/content/embeds/networks.ts';
export type { EmbedNetwork } from '../../src/content/embeds/networks.ts';
export {
  ARTICLE_NOTE_TYPES,
  ARTICLE_STATUSES,
  ARTICLE_TYPES,
  ERROR_REPORT_STATUSES,
  LOCALES,
  POLICY_KINDS,
} from '../../src/db/schema.ts';
export type {
  ArticleNoteType,
  ArticleStatus,
  ArticleType,
  ErrorReportStatus,
  Locale,
  PolicyKind,
} from '../../src/db/schema.ts';
export type { StaffRole as Role } from '../../src/core/actor.ts';
export type { BodyDoc };

/** What one list query resolves to, one item of it. */
type ItemOf<List extends (...args: never[]) => Promise<unknown[]>> = Awaited<
  ReturnType<List>
>[number];

export type Session = StaffSession;
export type User = StaffSession['user'];
export type StaffUser = ItemOf<typeof listStaffUsers>;

export type Media = StaffMedia;
export type MediaText = StaffMediaText;

/** A video: what every media item has, and what ffprobe read, processing, poster, captions. */
export type VideoMedia = StaffVideo;

/** The server keeps the body as `unknown` (it validates it); over the wire it is a doc. */
export type Article = Omit<StaffArticleDetail, 'body'> & { body: BodyDoc };
export type TranslationLink = Article['translations'][number];

/** The fields an edit may send: the article's own editable fields. */
export const ARTICLE_FIELD_KEYS = [
  'headline',
  'dek',
  'slug',
  'sectionId',
  'type',
  'authorIds',
  'tagIds',
  'leadMediaId',
  'leadVideoId',
  'leadVideoAutoplay',
  'body',
  'embargoUntil',
  'seoTitle',
  'seoDescription',
  'dateline',
  'backstory',
  'sources',
] as const;
export type ArticleFields = Pick<Article, (typeof ARTICLE_FIELD_KEYS)[number]>;

/** An article's editable fields, as the editor starts from them. */
export function fieldsOf(article: Article): ArticleFields {
  return Object.fromEntries(ARTICLE_FIELD_KEYS.map((key) => [key, article[key]])) as ArticleFields;
}

export type Paged<T> = PageOf<T>;
export type ArticleListItem = Awaited<ReturnType<typeof listArticlesForStaff>>['items'][number];

export type Section = ItemOf<typeof listSectionsForStaff>;
export type Tag = ItemOf<typeof listTagsForStaff>;
export type Author = ItemOf<typeof listAuthorsForStaff>;

export type RevisionSummary = ItemOf<typeof listRevisions>;
export type Revision = NonNullable<Awaited<ReturnType<typeof findRevision>>>;

/** Built inline by the token routes, so declared here. */
export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export type Webhook = ItemOf<typeof listWebhooks>;
export type WebhookDelivery = ItemOf<typeof listWebhookDeliveries>;
export type { NinjsImportReport, WebhookEvent };
export type ContentKey = ItemOf<typeof listContentApiKeys>;

/**
 * The events a webhook can hear, in the order the form offers them. The server's list lives in
 * a module with runtime dependencies, so it is repeated here; the type below fails to compile if
 * the two ever differ.
 */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'correction.added',
  'error_report.received',
] as const satisfies readonly WebhookEvent[];
type MissingEvents = Exclude<WebhookEvent, (typeof WEBHOOK_EVENTS)[number]>;
export const WEBHOOK_EVENTS_COMPLETE: [MissingEvents] extends [never] ? true : MissingEvents = true;

export type ErrorReport = ErrorReportView;
export type ErrorReportDetail = ErrorReportView & { history: ErrorReportEventView[] };
export type ArticleNote = StaffArticleNote;
/** The server keeps the body as `unknown` (it validates it); over the wire it is a doc. */
export type PolicyPage = Omit<AdminPolicyPage, 'body'> & { body: BodyDoc | null };
export type ArticleSource = Article['sources'][number];

export const EMPTY_BODY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** An article's Recommended block: the editors' choices and the block as last computed. */
export type {
  BlockStory,
  ChosenStory,
  StaffRecommendations as Recommendations,
} from '../../src/core/newsroom/recommendations-for-staff.ts';

/** The Admin API's shapes, as the newsroom app uses them. */
import type { BodyDoc } from '../../src/content/body-schema.ts';

export type { BodyDoc };
export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];
export type Role = 'contributor' | 'author' | 'editor' | 'admin';
export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_TYPES = [
  'news',
  'opinion',
  'analysis',
  'explainer',
  'interview',
  'review',
] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface MediaText {
  alt: string;
  caption: string;
  credit: string;
}

export interface MediaVariant {
  url: string;
  width: number;
  height: number;
  mime: string;
}

export interface Media {
  id: number;
  url: string;
  mime: string;
  width: number | null;
  height: number | null;
  sourceAgency: string | null;
  createdAt: string;
  variants: MediaVariant[];
  translations: Partial<Record<Locale, Partial<MediaText>>>;
}

export interface TranslationLink {
  id: number;
  locale: Locale;
  status: ArticleStatus;
  headline: string;
}

export interface Article {
  id: number;
  locale: Locale;
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
  body: BodyDoc;
  seoTitle?: string;
  seoDescription?: string;
  path?: string | null;
  translations?: TranslationLink[];
  leadMedia?: Media | null;
}

/** The fields an edit may send. */
export interface ArticleFields {
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  type: ArticleType;
  authorIds: number[];
  tagIds: number[];
  leadMediaId: number | null;
  body: BodyDoc;
  embargoUntil: string | null;
  seoTitle: string;
  seoDescription: string;
}

export interface ArticleListItem {
  id: number;
  locale: Locale;
  headline: string;
  slug: string;
  status: ArticleStatus;
  type: ArticleType;
  sectionId: number;
  updatedAt: string;
  publishedAt: string | null;
  scheduledFor: string | null;
  version: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export interface Section {
  id: number;
  position: number;
  translations: Partial<Record<Locale, { name: string; slug: string; description?: string }>>;
}

export interface Tag {
  id: number;
  translations: Partial<Record<Locale, { name: string; slug: string }>>;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  email: string | null;
}

export interface RevisionSummary {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
}

export interface RevisionSnapshot {
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  type: string;
  authorIds: number[];
  tagIds: number[];
  leadMediaId: number | null;
  body: unknown;
  seoTitle?: string;
  seoDescription?: string;
}

export interface Revision {
  version: number;
  createdAt: string;
  note: string | null;
  snapshot: RevisionSnapshot;
}

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export const EMPTY_BODY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

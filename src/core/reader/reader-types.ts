/** What the reader site's pages are built from: plain data, allowlisted, no database rows. */
import type { ArticleType, Locale } from '../../db/schema.js';

export interface ImageView {
  id: number;
  /** Media store key of the largest rendition. */
  path: string;
  width: number;
  height: number;
  variants: { path: string; width: number; height: number; mime: string }[];
  alt: string;
  caption: string;
  credit: string;
  sourceAgency: string | null;
}

export interface BylineView {
  id: number;
  name: string;
  slug: string;
}

export interface ArticleSummary {
  id: number;
  locale: Locale;
  headline: string;
  dek: string;
  slug: string;
  type: ArticleType;
  section: { id: number; name: string; slug: string };
  publishedAt: string;
  image: ImageView | null;
  authors: BylineView[];
}

export interface TranslationLink {
  id: number;
  locale: Locale;
  headline: string;
  path: string;
}

export interface ArticlePageData {
  article: ArticleSummary & {
    translationGroup: string;
    body: string; // ProseMirror JSON
    wordCount: number;
    updatedAt: string;
    version: number;
    tags: { id: number; name: string; slug: string }[];
  };
  translations: TranslationLink[];
  recommended: ArticleSummary[];
}

export interface SiteChrome {
  locale: Locale;
  publication: {
    name: string;
    timeZone: string;
    tagline: string;
    description: string;
    logoPath: string | null;
    contactEmail: string | null;
  };
  sections: { id: number; name: string; slug: string }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** What the reader site's pages are built from: plain data, allowlisted, no database rows. */
import type { ArticleType, Locale, PolicyKind } from '../../db/schema.js';
import type { ArticleNoteView } from './article-notes.js';

export interface ImageView {
  id: number;
  /** Media store key of the largest rendition. */
  path: string;
  width: number;
  height: number;
  variants: { path: string; width: number; height: number; mime: string }[];
  /** Fixed-ratio crops (16x9, 4x3, 1x1) for structured data; pages use the variants. */
  crops: { ratio: string; path: string; width: number; height: number; mime: string }[];
  alt: string;
  caption: string;
  credit: string;
  sourceAgency: string | null;
}

/**
 * A ready video as a page shows it: its web renditions, poster, captions and the words the
 * newsroom wrote for it, in the page's language. Videos still processing are never shown.
 */
export interface VideoView {
  id: number;
  width: number;
  height: number;
  durationMs: number;
  /** Web renditions (`video/mp4` H.264/AAC first; an HLS playlist if one was made). */
  sources: { path: string; width: number; height: number; mime: string }[];
  /** The poster frame, an image with its renditions; null when there is none yet. */
  poster: Pick<ImageView, 'id' | 'path' | 'width' | 'height' | 'variants'> | null;
  /** One WebVTT file per language, the page's language first. */
  captions: { locale: Locale; label: string; path: string }[];
  /** A short description of the video: its accessible name and VideoObject description. */
  alt: string;
  caption: string;
  credit: string;
  /** When the video was uploaded (VideoObject `uploadDate`). */
  uploadedAt: string;
}

export interface BylineView {
  id: number;
  name: string;
  slug: string;
}

/** The least a link to a story needs: Recommended blocks and translation links use it. */
export interface ArticleLink {
  id: number;
  locale: Locale;
  headline: string;
  slug: string;
  type: ArticleType;
  section: { id: number; name: string; slug: string };
  publishedAt: string;
  authors: BylineView[];
}

/** A story in a list that shows its dek and lead image (home, section, tag, author pages). */
export interface ArticleSummary extends ArticleLink {
  dek: string;
  image: ImageView | null;
}

/** A source an article cites; `url` and `note` are '' when the newsroom gave none. */
export interface SourceView {
  name: string;
  url: string;
  note: string;
}

/** A policy page of the publication (ethics, masthead, ...), as the footer links to it. */
export interface PolicyLink {
  kind: PolicyKind;
  title: string;
  path: string;
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
    /** The rendered body, escaped by construction (content/render-body-html.ts). */
    bodyHtml: string;
    wordCount: number;
    updatedAt: string;
    version: number;
    tags: { id: number; name: string; slug: string }[];
    /** '' when the newsroom left it to the headline. */
    seoTitle: string;
    /** '' when the newsroom left it to the dek. */
    seoDescription: string;
    /** Where the story was reported; '' = none. */
    dateline: string;
    /** "How we reported this", plain text with blank lines between paragraphs; '' = none. */
    backstory: string;
    sources: SourceView[];
    /** Shown in place of the lead image when it is ready. */
    leadVideoId: number | null;
    leadVideoAutoplay: boolean;
  };
  /** The ready videos the page shows (lead and body), by id; a video not listed renders nothing. */
  videos: Map<number, VideoView>;
  translations: TranslationLink[];
  recommended: ArticleLink[];
  /** Corrections, clarifications, updates and editor's notes, oldest first. */
  notes: ArticleNoteView[];
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
  /** The policy pages this edition has, in the footer's order; absent = none. */
  policies?: PolicyLink[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * The shape of Galley's demo content. The content itself (src/demo/content/) was written for this
 * project in English and Spanish; the loader (load-demo.ts) turns it into core operations, so the
 * demo goes through the same validation and policies as any newsroom write.
 */
import type { BodyDoc } from '../content/body-schema.js';

export type DemoLocale = 'en' | 'es';
export type DemoArticleType =
  'news' | 'opinion' | 'analysis' | 'explainer' | 'interview' | 'review';

export interface DemoPublication {
  name: string;
  timeZone: string; // IANA zone the newsroom works in, e.g. 'America/New_York'
  en: { tagline: string; description: string };
  es: { tagline: string; description: string };
}

export interface DemoSection {
  key: string;
  en: { name: string; slug: string; description: string };
  es: { name: string; slug: string; description: string };
}

export interface DemoTag {
  key: string;
  en: { name: string; slug: string };
  es: { name: string; slug: string };
}

export interface DemoAuthor {
  /** Also the author's URL slug (ASCII, kebab-case). */
  slug: string;
  name: string;
  email: string; // on the project's own demo domain, e.g. name@galley.example
  links: { label: string; url: string }[];
  /** Key of a DemoImage used as the portrait (optional). */
  photo?: string;
  en: { title: string; bio: string };
  es: { title: string; bio: string };
}

/**
 * Demo images are drawn by Galley itself (an SVG scene rendered by sharp), so no photograph is
 * copied from anywhere. `motif` picks the scene, `palette` its three colours (hex).
 */
export interface DemoImage {
  key: string;
  motif: 'skyline' | 'waves' | 'hills' | 'grid' | 'sun' | 'rain' | 'market' | 'stage' | 'portrait';
  palette: [string, string, string];
  /** The agency or desk the credit names, e.g. 'Galley Wire'. */
  sourceAgency: string;
  en: { alt: string; caption: string; credit: string };
  es: { alt: string; caption: string; credit: string };
}

export interface DemoStoryVersion {
  headline: string;
  dek: string;
  /** ASCII, lowercase, kebab-case; unique within its locale. */
  slug: string;
  body: BodyDoc;
}

export interface DemoStory {
  /** Identifies the story across languages (its translation group). */
  key: string;
  section: string; // DemoSection.key
  type: DemoArticleType;
  authors: string[]; // DemoAuthor.slug, in byline order
  tags: string[]; // DemoTag.key
  leadImage?: string; // DemoImage.key
  /** How long before the demo is loaded the story was published; keeps the demo "fresh". */
  publishedHoursAgo: number;
  /** Set when the story was updated after publication. */
  updatedHoursAgo?: number;
  en?: DemoStoryVersion;
  es?: DemoStoryVersion;
}

/** A source a demo story cites. */
export interface DemoSource {
  name: string;
  /** A public institution's home page, or none (a person interviewed, a council meeting). */
  url?: string;
  note?: string;
}

/** The trust indicators of one language version of a story. */
export interface DemoTrustVersion {
  /** Where it was reported, in that language ("Puerto Claro"). */
  dateline?: string;
  /** "How we reported this": paragraphs separated by blank lines. */
  backstory?: string;
  sources?: DemoSource[];
}

/** A public note on one language version of a story (a correction, an update, ...). */
export interface DemoNote {
  story: string; // DemoStory.key
  locale: DemoLocale;
  type: 'correction' | 'clarification' | 'update' | 'editors_note';
  text: string;
  isProminent: boolean;
  /** How long before the demo is loaded the note was added; after the story was published. */
  hoursAgo: number;
}

export type DemoPolicyKind =
  'ethics' | 'corrections' | 'masthead' | 'ownership' | 'feedback' | 'diversity';

/** A policy page, in both languages. */
export interface DemoPolicyPage {
  kind: DemoPolicyKind;
  en: { title: string; body: BodyDoc };
  es: { title: string; body: BodyDoc };
}

export interface DemoContent {
  publication: DemoPublication;
  sections: DemoSection[];
  tags: DemoTag[];
  authors: DemoAuthor[];
  images: DemoImage[];
  stories: DemoStory[];
  /** Dateline, backstory and sources by story key and language. */
  trust?: Record<string, { en?: DemoTrustVersion; es?: DemoTrustVersion }>;
  notes?: DemoNote[];
  policies?: DemoPolicyPage[];
}

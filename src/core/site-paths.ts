/**
 * The public URL layout of the reader site. Core needs it too: a slug change leaves a redirect
 * from the old path, and operations report which pages they changed.
 *
 * Path segments are localized (`/en/author/...`, `/es/autor/...`). Section slugs share the first
 * level with these words, so a section may not take one of them (see RESERVED_SECTION_SLUGS).
 */
import type { Locale, PolicyKind } from '../db/schema.js';

export const LOCALIZED_SEGMENTS = {
  en: {
    tag: 'tag',
    author: 'author',
    contact: 'contact',
    page: 'page',
    corrections: 'corrections',
    policies: 'policies',
  },
  es: {
    tag: 'tema',
    author: 'autor',
    contact: 'contacto',
    page: 'pagina',
    corrections: 'correcciones',
    policies: 'politicas',
  },
} as const;

export const RESERVED_SECTION_SLUGS = new Set<string>([
  ...Object.values(LOCALIZED_SEGMENTS.en),
  ...Object.values(LOCALIZED_SEGMENTS.es),
  'search',
  'buscar',
  'assets',
  'media',
  'admin',
  'api',
  'feed',
  'feeds',
  'sitemap',
]);

/** Each policy page's last URL segment per locale: `/en/policies/ethics`, `/es/politicas/etica`. */
export const POLICY_SLUGS: Record<Locale, Record<PolicyKind, string>> = {
  en: {
    ethics: 'ethics',
    corrections: 'corrections-policy',
    masthead: 'masthead',
    ownership: 'ownership-and-funding',
    feedback: 'feedback',
    diversity: 'diversity',
  },
  es: {
    ethics: 'etica',
    corrections: 'politica-de-correcciones',
    masthead: 'equipo',
    ownership: 'propiedad-y-financiacion',
    feedback: 'comentarios',
    diversity: 'diversidad',
  },
};

export const sitePaths = {
  home: (locale: Locale) => `/${locale}/`,
  section: (locale: Locale, sectionSlug: string) => `/${locale}/${sectionSlug}/`,
  article: (locale: Locale, sectionSlug: string, slug: string) =>
    `/${locale}/${sectionSlug}/${slug}`,
  tag: (locale: Locale, tagSlug: string) =>
    `/${locale}/${LOCALIZED_SEGMENTS[locale].tag}/${tagSlug}`,
  author: (locale: Locale, authorSlug: string) =>
    `/${locale}/${LOCALIZED_SEGMENTS[locale].author}/${authorSlug}`,
  contact: (locale: Locale) => `/${locale}/${LOCALIZED_SEGMENTS[locale].contact}`,
  /** The reader's search page: `/en/search`, `/es/buscar`. */
  search: (locale: Locale) => `/${locale}/${locale === 'es' ? 'buscar' : 'search'}`,
  /** Where a reader lands after sending an error report (`/es/contacto/gracias`). */
  contactThanks: (locale: Locale) =>
    `/${locale}/${LOCALIZED_SEGMENTS[locale].contact}/${locale === 'es' ? 'gracias' : 'thanks'}`,
  policy: (locale: Locale, kind: PolicyKind) =>
    `/${locale}/${LOCALIZED_SEGMENTS[locale].policies}/${POLICY_SLUGS[locale][kind]}`,
  /** Every public note (corrections, clarifications, updates), newest first. */
  corrections: (locale: Locale) => `/${locale}/${LOCALIZED_SEGMENTS[locale].corrections}`,
  /**
   * A list page's feed: the list's own path plus `feed.xml` (RSS 2.0), `feed.atom` (Atom 1.0) or
   * `feed.json` (JSON Feed 1.1), e.g. `/es/tema/puerto/feed.atom`. `listPath` is one of the
   * paths above (home, section, tag, author).
   */
  feed: (listPath: string, format: FeedFormat) =>
    `${listPath.endsWith('/') ? listPath : `${listPath}/`}${FEED_FILES[format]}`,
  sitemapIndex: () => '/sitemap.xml',
  robots: () => '/robots.txt',
} as const;

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'feed.atom',
  json: 'feed.json',
};
export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** Lowercase ASCII words joined by single hyphens: what every slug must look like. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

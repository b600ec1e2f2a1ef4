/**
 * The public URL layout of the reader site. Core needs it too: a slug change leaves a redirect
 * from the old path, and operations report which pages they changed.
 *
 * Path segments are localized (`/en/author/...`, `/es/autor/...`). Section slugs share the first
 * level with these words, so a section may not take one of them (see RESERVED_SECTION_SLUGS).
 */
import type { Locale } from '../db/schema.js';

export const LOCALIZED_SEGMENTS = {
  en: { tag: 'tag', author: 'author', contact: 'contact', page: 'page' },
  es: { tag: 'tema', author: 'autor', contact: 'contacto', page: 'pagina' },
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
} as const;

/** Lowercase ASCII words joined by single hyphens: what every slug must look like. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

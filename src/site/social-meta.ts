/**
 * Open Graph and X (Twitter) card tags: what a link to a page shows when it is shared. Every page
 * gets them; an article adds its dates, section, tags and authors. URLs are absolute (the public
 * URL), as every consumer of these tags requires.
 */
import type { ImageView } from '../core/reader/reader-types.js';
import type { Locale } from '../db/schema.js';
import { html } from '../lib/html.js';
import type { SafeHtml } from '../lib/html.js';
import { mediaUrl } from './templates/fragments.js';

/**
 * `og:locale` values (language_TERRITORY, as the Open Graph protocol asks). Galley's newsrooms so
 * far serve the Americas (the demo's La Marea works in America/New_York for a bilingual US
 * city), so both editions carry the US territory: Spanish as written for US readers, not Spain's.
 * A newsroom elsewhere would make this a publication setting.
 */
export const OG_LOCALES: Record<Locale, string> = { en: 'en_US', es: 'es_US' };

/**
 * Formats the services that read these tags all decode, best first. AVIF is left last: Facebook
 * and X do not show it. The renditions of one image share its aspect ratio, so one format's set
 * says everything the others would.
 */
const SHAREABLE_FORMATS = ['image/jpeg', 'image/png', 'image/webp', ''];

export type Rendition = ImageView['variants'][number];

/**
 * The renditions of an image in the most widely decoded format it has, largest first. Images
 * stored before variants existed have only their own size (mime unknown, `''`).
 */
export function shareableRenditions(image: ImageView): Rendition[] {
  const renditions: Rendition[] =
    image.variants.length > 0 ? image.variants : [{ ...image, mime: '' }];
  const rank = (mime: string) => {
    const index = SHAREABLE_FORMATS.indexOf(mime);
    return index === -1 ? SHAREABLE_FORMATS.length : index;
  };
  const bestRank = Math.min(...renditions.map((rendition) => rank(rendition.mime)));
  return renditions
    .filter((rendition) => rank(rendition.mime) === bestRank)
    .sort((a, b) => b.width - a.width);
}

export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  mime: string;
}

/** The one image a share card shows: the largest rendition in the best-supported format. */
export function shareImage(image: ImageView, publicUrl: string): ShareImage | null {
  const [largest] = shareableRenditions(image);
  if (!largest) return null;
  return {
    url: `${publicUrl}${mediaUrl(largest.path)}`,
    width: largest.width,
    height: largest.height,
    alt: image.alt,
    mime: largest.mime,
  };
}

export interface SocialMetaInput {
  siteName: string;
  type: 'article' | 'website';
  title: string;
  description: string;
  /** Absolute canonical URL; null on pages with none (errors). */
  url: string | null;
  locale: Locale;
  /** The other locales this page exists in. */
  alternateLocales: Locale[];
  image: ShareImage | null;
  article?: {
    /** ISO 8601 with offset. */
    publishedTime: string;
    modifiedTime: string;
    section: string;
    tags: string[];
    /** Absolute URLs of the authors' pages. */
    authorUrls: string[];
  };
}

const property = (name: string, content: string | number): SafeHtml =>
  html`<meta property="${name}" content="${content}">\n`;
const named = (name: string, content: string | number): SafeHtml =>
  html`<meta name="${name}" content="${content}">\n`;

export function socialMetaTags(input: SocialMetaInput): SafeHtml {
  const { image, article } = input;
  return html`${property('og:site_name', input.siteName)}${property('og:type', input.type)}${property('og:title', input.title)}${property('og:description', input.description)}${input.url === null ? null : property('og:url', input.url)}${property('og:locale', OG_LOCALES[input.locale])}${input.alternateLocales.map((locale) => property('og:locale:alternate', OG_LOCALES[locale]))}${
    image
      ? [
          property('og:image', image.url),
          image.mime ? property('og:image:type', image.mime) : null,
          property('og:image:width', image.width),
          property('og:image:height', image.height),
          image.alt ? property('og:image:alt', image.alt) : null,
        ]
      : null
  }${
    article
      ? [
          property('article:published_time', article.publishedTime),
          property('article:modified_time', article.modifiedTime),
          property('article:section', article.section),
          article.tags.map((tag) => property('article:tag', tag)),
          article.authorUrls.map((url) => property('article:author', url)),
        ]
      : null
  }${named('twitter:card', image ? 'summary_large_image' : 'summary')}${named('twitter:title', input.title)}${named('twitter:description', input.description)}${
    image
      ? [
          named('twitter:image', image.url),
          image.alt ? named('twitter:image:alt', image.alt) : null,
        ]
      : null
  }`;
}

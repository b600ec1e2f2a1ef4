/** Pieces several pages share: bylines, dates, images, story cards, pagination. */
import type { Locale } from '../../db/schema.js';
import type {
  ArticleLink,
  ArticleSummary,
  BylineView,
  ImageView,
} from '../../core/reader/reader-types.js';
import { largestRendition, universalRenditions } from '../../core/reader/renditions.js';
import { sitePaths } from '../../core/site-paths.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { formatDateTime, languageTag, messages } from '../i18n/index.js';
import { trustMessages } from '../i18n/trust.js';

export const mediaUrl = (path: string): string => `/media/${path}`;

export function byline(locale: Locale, authors: BylineView[]): SafeHtml | null {
  if (authors.length === 0) return null;
  const t = messages[locale];
  const links = authors.map(
    (author) =>
      html`<a rel="author" href="${sitePaths.author(locale, author.slug)}">${author.name}</a>`,
  );
  // "A", "A and B", "A, B and C"
  const joined: SafeHtml[] = [];
  links.forEach((link, index) => {
    if (index > 0) joined.push(index === links.length - 1 ? html` ${t.and} ` : html`, `);
    joined.push(link);
  });
  return html`<p class="byline">${t.by} ${joined}</p>`;
}

export function dateTime(iso: string, locale: Locale, timeZone: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDateTime(iso, locale, timeZone)}</time>`;
}

/** Formats a browser may not decode, best first; `<picture>` offers them before the fallback. */
const MODERN_FORMATS = ['image/avif', 'image/webp'];

const srcsetOf = (renditions: ImageView['variants']): string =>
  renditions.map((variant) => `${mediaUrl(variant.path)} ${variant.width}w`).join(', ');

/**
 * A responsive image: the stored renditions in `srcset`, intrinsic size set so the page does not
 * jump as it loads. `sizes` matches the stylesheet's column widths. When the renditions come in
 * several formats (uploads: AVIF, WebP and JPEG), `<picture>` offers the smaller modern ones
 * first and JPEG to everything else; the original upload itself is never sent to readers.
 */
export function responsiveImage(
  image: ImageView,
  options: { sizes: string; isLead?: boolean; alt?: string },
): SafeHtml {
  const renditions: ImageView['variants'] =
    image.variants.length > 0 ? image.variants : [{ ...image, mime: '' }];
  const fallback = universalRenditions(renditions);
  const largest = largestRendition(fallback) ?? image;
  const sources =
    fallback[0]?.mime === 'image/jpeg'
      ? MODERN_FORMATS.map((mime) => renditions.filter((variant) => variant.mime === mime))
          .filter((group) => group.length > 0)
          .map(
            (group) =>
              html`<source type="${group[0]?.mime ?? ''}" srcset="${srcsetOf(group)}" sizes="${options.sizes}">`,
          )
      : [];
  // The lead image is the page's largest paint: fetch it first. The rest load as they scroll in.
  const loading = options.isLead ? html` fetchpriority="high"` : html` loading="lazy"`;
  const img = html`<img src="${mediaUrl(largest.path)}" srcset="${srcsetOf(fallback)}" sizes="${options.sizes}" width="${largest.width}" height="${largest.height}" alt="${options.alt ?? image.alt}"${loading} decoding="async">`;
  return sources.length > 0 ? html`<picture>${sources}${img}</picture>` : img;
}

export function imageCredit(image: ImageView): SafeHtml | null {
  // "Photo: Ana Ruiz / AFP"; the agency is not repeated when the credit already names it.
  const parts = image.credit ? [image.credit] : [];
  if (image.sourceAgency && !image.credit.includes(image.sourceAgency))
    parts.push(image.sourceAgency);
  return parts.length === 0 ? null : html`<span class="credit">${parts.join(' / ')}</span>`;
}

/**
 * The type of work (The Trust Project's first indicator), news included, so a reader never has
 * to guess whether a piece is reporting or opinion. Each type has its own class; opinion is
 * styled apart (style.css).
 */
export function typeLabel(locale: Locale, type: ArticleSummary['type']): SafeHtml | null {
  return html`<span class="type-label type-${type}">${typeName(locale, type)}</span>`;
}

/** The type of work in words, e.g. "Analysis" / "Análisis". */
export function typeName(locale: Locale, type: ArticleSummary['type']): string {
  return type === 'news' ? trustMessages[locale].newsLabel : messages[locale].articleTypes[type];
}

/**
 * A story in a list. Stories from the other edition carry `lang` (so screen readers switch voice)
 * and a visible language label.
 */
export function storyCard(
  /** A link shows no dek or image; a summary may. */
  summary: ArticleLink & Partial<Pick<ArticleSummary, 'dek' | 'image'>>,
  pageLocale: Locale,
  timeZone: string,
  options: {
    headingLevel: 2 | 3;
    showImage?: boolean;
    showDek?: boolean;
    /** In a Recommended block: the link names its story for the analytics beacon's clicks. */
    recommendation?: boolean;
  } = { headingLevel: 3 },
): SafeHtml {
  const locale = summary.locale;
  const isOtherLanguage = locale !== pageLocale;
  const path = sitePaths.article(locale, summary.section.slug, summary.slug);
  const hreflang = isOtherLanguage ? html` hreflang="${languageTag[locale]}"` : null;
  const target = options.recommendation ? html` data-rec-target="${summary.id}"` : null;
  const headline = html`<a href="${path}"${hreflang}${target}>${summary.headline}</a>`;
  const languageLabel = isOtherLanguage
    ? html`<span class="lang-label" lang="${languageTag[pageLocale]}">${messages[pageLocale].inLanguage(locale)}</span> `
    : null;
  const label = typeLabel(locale, summary.type);
  // Decorative in a list: the headline beside it says what the story is, so alt is empty.
  const image =
    options.showImage && summary.image
      ? html`<div class="card-image">${responsiveImage(summary.image, { sizes: '(min-width: 48rem) 20rem, 100vw', alt: '' })}</div>\n`
      : null;
  const bylines = summary.authors.map((author) => author.name).join(', ');
  return html`<article class="story-card"${isOtherLanguage ? html` lang="${languageTag[locale]}"` : null}>
${image}<div class="card-text">
<p class="kicker">${languageLabel}${summary.section.name}${label ? html` · ${label}` : null}</p>
${options.headingLevel === 2 ? html`<h2>${headline}</h2>` : html`<h3>${headline}</h3>`}
${options.showDek && summary.dek ? html`<p class="dek">${summary.dek}</p>\n` : null}<p class="card-meta">${bylines}${bylines ? ' · ' : ''}${dateTime(summary.publishedAt, locale, timeZone)}</p>
</div>
</article>`;
}

export function pagination(
  locale: Locale,
  basePath: string,
  page: number,
  pageCount: number,
): SafeHtml | null {
  if (pageCount <= 1) return null;
  const t = messages[locale];
  // The search page's base carries its query; lists' bases carry none.
  const separator = basePath.includes('?') ? '&' : '?';
  const href = (target: number) =>
    target === 1 ? basePath : `${basePath}${separator}page=${target}`;
  return html`<nav class="pagination" aria-label="${t.pagination}">
${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(page, pageCount)}</span>
${page < pageCount ? html`<a rel="next" href="${href(page + 1)}">${t.nextPage}</a>` : null}
</nav>`;
}

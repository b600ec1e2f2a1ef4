/**
 * What the Content API shows of published content: allowlisted fields only, absolute URLs, the
 * same words readers see. Nothing here comes from a row directly (no staff emails, no drafts).
 */
import type { ContentArticle } from '../../core/reader/content-articles.js';
import { withoutEmbedControls } from '../../content/embeds/embed-card.js';
import { largestRendition } from '../../core/reader/renditions.js';
import type { ImageView, VideoView } from '../../core/reader/reader-types.js';
import { bodyWithNativeVideos, presentVideo } from './content-videos.js';
import type { ArticleVideos } from './content-videos.js';
import { sitePaths } from '../../core/site-paths.js';
import { readingMinutes } from '../../content/body-text.js';
import type { Locale } from '../../db/schema.js';

/** Every field an article may have, in the order it is shown; `?fields=` picks among them. */
export const ARTICLE_FIELDS = [
  'id',
  'locale',
  'url',
  'headline',
  'dek',
  'slug',
  'type',
  'section',
  'authors',
  'tags',
  'publishedAt',
  'updatedAt',
  'wordCount',
  'readingMinutes',
  'image',
  'video',
  'translations',
  'dateline',
  'sources',
  'backstory',
  'bodyHtml',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

const mediaUrl = (publicUrl: string, key: string) => new URL(`/media/${key}`, publicUrl).href;

function presentImage(publicUrl: string, image: ImageView) {
  return {
    // The one file to name: the largest JPEG, as the reader page's <img> fallback.
    url: mediaUrl(publicUrl, largestRendition(image.variants)?.path ?? image.path),
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    sourceAgency: image.sourceAgency,
    renditions: image.variants.map((variant) => ({
      url: mediaUrl(publicUrl, variant.path),
      width: variant.width,
      height: variant.height,
      type: variant.mime,
    })),
  };
}

/** Relative URLs inside the body (images under /media/, links to our own pages) made absolute. */
function absoluteBody(publicUrl: string, bodyHtml: string): string {
  const origin = new URL(publicUrl).origin;
  return bodyHtml.replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${origin}/`);
}

export function presentArticle(
  publicUrl: string,
  article: ContentArticle,
  fields: ReadonlySet<ArticleField>,
  /** The article's ready videos (content-videos.ts); without them its video figures are left out. */
  articleVideos?: ArticleVideos,
): Record<string, unknown> {
  const absolute = (path: string) => new URL(path, publicUrl).href;
  const videos = articleVideos?.videos ?? new Map<number, VideoView>();
  const leadVideo =
    articleVideos?.leadVideoId === null || articleVideos === undefined
      ? undefined
      : videos.get(articleVideos.leadVideoId);
  const fileUrl = (key: string) => mediaUrl(publicUrl, key);
  const locale: Locale = article.locale;
  const all: Record<ArticleField, () => unknown> = {
    id: () => article.id,
    locale: () => locale,
    url: () => absolute(sitePaths.article(locale, article.section.slug, article.slug)),
    headline: () => article.headline,
    dek: () => article.dek,
    slug: () => article.slug,
    type: () => article.type,
    section: () => ({
      ...article.section,
      url: absolute(sitePaths.section(locale, article.section.slug)),
    }),
    authors: () =>
      article.authors.map((author) => ({
        id: author.id,
        name: author.name,
        slug: author.slug,
        url: absolute(sitePaths.author(locale, author.slug)),
      })),
    tags: () =>
      article.tags.map((tag) => ({ ...tag, url: absolute(sitePaths.tag(locale, tag.slug)) })),
    publishedAt: () => article.publishedAt,
    updatedAt: () => article.updatedAt,
    wordCount: () => article.wordCount,
    readingMinutes: () => readingMinutes(article.wordCount, locale),
    image: () => (article.image ? presentImage(publicUrl, article.image) : null),
    // The lead video, when it is ready; the page shows it in place of the lead image.
    video: () => (leadVideo ? presentVideo(leadVideo, fileUrl) : null),
    translations: () =>
      article.translations.map((t) => ({
        id: t.id,
        locale: t.locale,
        url: absolute(sitePaths.article(t.locale, t.sectionSlug, t.slug)),
      })),
    dateline: () => article.dateline,
    sources: () => article.sources,
    backstory: () => article.backstory,
    bodyHtml: () =>
      article.bodyHtml === undefined
        ? undefined
        : absoluteBody(
            publicUrl,
            // The card's load buttons work only on Galley's own pages, with their script.
            bodyWithNativeVideos(withoutEmbedControls(article.bodyHtml), videos, fileUrl),
          ),
  };
  const shown: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) {
    if (!fields.has(field)) continue;
    const value = all[field]();
    if (value !== undefined) shown[field] = value;
  }
  return shown;
}

/**
 * One model of a feed, whatever its format: the list it follows and its stories, with every URL
 * absolute and every date in UTC. rss.ts, atom.ts and json-feed.ts only serialize it, so the
 * three formats cannot disagree about what a story is.
 */
import type { FeedArticle } from '../core/reader/feed-articles.js';
import { largestRendition } from '../core/reader/renditions.js';
import type { ImageView } from '../core/reader/reader-types.js';
import { sitePaths } from '../core/site-paths.js';
import type { FeedFormat } from '../core/site-paths.js';
import type { Locale } from '../db/schema.js';
import { escapeHtml } from '../lib/html.js';
// Feeds show embedded posts as their quote and link: the player's button works only on the site.
import { withoutEmbedControls } from '../content/embeds/embed-card.js';
// Feeds show a video as a link to the article: feed readers run no player.
import { bodyWithVideoLinks } from '../content/video-node.js';

/** Whole stories, or only their summaries (`GALLEY_FEED_CONTENT=summary`). */
export type FeedContent = 'full' | 'summary';

export interface FeedLink {
  name: string;
  /** Absolute URL of the page about it. */
  url: string;
}

export interface FeedImage {
  url: string;
  width: number;
  height: number;
  /** '' when the rendition's type is not known. */
  mime: string;
  alt: string;
  credit: string;
}

export interface FeedItem {
  /** A permanent id: a tag: URI made from the article's id, so a new slug is not a new story. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The full body, with absolute URLs; null when the feed carries summaries only. */
  contentHtml: string | null;
  /** ISO-8601 UTC. */
  published: string;
  updated: string;
  authors: FeedLink[];
  section: FeedLink;
  tags: FeedLink[];
  image: FeedImage | null;
}

export interface FeedModel {
  locale: Locale;
  /** BCP 47, as the site's `<html lang>`. */
  language: string;
  title: string;
  description: string;
  /** The list page the feed follows. */
  pageUrl: string;
  feedUrls: Record<FeedFormat, string>;
  /** Newest change among the items (or the time it was built, for an empty feed). */
  updated: string;
  publisher: FeedLink;
  /** Set on an author's feed: everything in it is theirs. */
  author: FeedLink | null;
  items: FeedItem[];
}

export interface FeedListInfo {
  locale: Locale;
  language: string;
  /** The list page's path: sitePaths.home/section/tag/author. */
  listPath: string;
  title: string;
  description: string;
  publication: string;
  author: { name: string; slug: string } | null;
}

export function buildFeedModel(
  list: FeedListInfo,
  articles: FeedArticle[],
  options: { publicUrl: string; content: FeedContent; now: Date },
): FeedModel {
  const absolute = (path: string) => `${options.publicUrl}${path}`;
  const host = new URL(options.publicUrl).hostname;
  const items = articles.map((article) =>
    feedItem(article, { absolute, host, publicUrl: options.publicUrl, content: options.content }),
  );
  const newest = items.map((item) => item.updated).sort();
  return {
    locale: list.locale,
    language: list.language,
    title: list.title,
    description: list.description,
    pageUrl: absolute(list.listPath),
    feedUrls: {
      rss: absolute(sitePaths.feed(list.listPath, 'rss')),
      atom: absolute(sitePaths.feed(list.listPath, 'atom')),
      json: absolute(sitePaths.feed(list.listPath, 'json')),
    },
    updated: newest.at(-1) ?? options.now.toISOString(),
    publisher: { name: list.publication, url: absolute(sitePaths.home(list.locale)) },
    author: list.author
      ? { name: list.author.name, url: absolute(sitePaths.author(list.locale, list.author.slug)) }
      : null,
    items,
  };
}

function feedItem(
  article: FeedArticle,
  context: {
    absolute: (path: string) => string;
    host: string;
    publicUrl: string;
    content: FeedContent;
  },
): FeedItem {
  const { absolute } = context;
  const locale = article.locale;
  const published = utc(article.publishedAt);
  const url = absolute(sitePaths.article(locale, article.section.slug, article.slug));
  // An article is never older than its publication, whatever the clocks said when it was edited.
  const updated = [published, utc(article.updatedAt)].sort().at(-1) ?? published;
  return {
    id: `tag:${context.host},${utc(article.createdAt).slice(0, 10)}:article:${article.id}`,
    url,
    title: article.headline,
    summary: article.dek,
    contentHtml:
      context.content === 'full'
        ? absoluteUrls(
            bodyWithVideoLinks(withoutEmbedControls(article.bodyHtml), url, locale),
            context.publicUrl,
          )
        : null,
    published,
    updated,
    authors: article.authors.map((author) => ({
      name: author.name,
      url: absolute(sitePaths.author(locale, author.slug)),
    })),
    section: {
      name: article.section.name,
      url: absolute(sitePaths.section(locale, article.section.slug)),
    },
    tags: article.tags.map((tag) => ({
      name: tag.name,
      url: absolute(sitePaths.tag(locale, tag.slug)),
    })),
    image: article.image ? feedImage(article.image, absolute) : null,
  };
}

/** A database timestamp as RFC 3339 UTC with milliseconds, the same on both dialects. */
function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * The lead image as a feed shows it: one file, the largest JPEG rendition (every reader decodes
 * JPEG), else the largest rendition of whatever type there is, as `responsiveImage` picks its
 * fallback `<img>` (site/templates/fragments.ts).
 */
export function feedImage(image: ImageView, absolute: (path: string) => string): FeedImage {
  const renditions: ImageView['variants'] =
    image.variants.length > 0 ? image.variants : [{ ...image, mime: '' }];
  const largest = largestRendition(renditions) ?? { ...image, mime: '' };
  // "Photo: Ana Ruiz / AFP"; the agency is not repeated when the credit already names it.
  const credit = [image.credit, image.sourceAgency]
    .filter((part): part is string => Boolean(part))
    .filter((part, index, parts) => index === 0 || !(parts[0] ?? '').includes(part))
    .join(' / ');
  return {
    url: absolute(`/media/${largest.path}`),
    width: largest.width,
    height: largest.height,
    mime: largest.mime || mimeFromPath(largest.path),
    alt: image.alt,
    credit,
  };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

function mimeFromPath(path: string): string {
  return MIME_BY_EXTENSION[path.split('.').at(-1)?.toLowerCase() ?? ''] ?? '';
}

/**
 * Feed readers show a story away from the site, so site paths in its body (`/media/...`,
 * `/en/...`) must become absolute URLs. The body renderer escapes every text and attribute, so
 * `href="/` or `src="/` can only be the start of an attribute, never text; `//host` URLs are
 * already absolute (scheme-relative) and stay as they are.
 */
export function absoluteUrls(bodyHtml: string, publicUrl: string): string {
  const origin = escapeHtml(publicUrl);
  return bodyHtml.replace(/\b(href|src)="\/(?!\/)/g, (_, name: string) => `${name}="${origin}/`);
}

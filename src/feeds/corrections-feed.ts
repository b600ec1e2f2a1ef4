/**
 * The corrections feed of an edition (`/en/corrections/feed.xml`, `.atom`, `.json`): its newest
 * public notes, each an item linking to the note on its article. Built on the same model as the
 * story feeds (feed-items.ts), so the three formats and their validators apply unchanged.
 */
import type { Context } from 'hono';
import { cacheKey } from '../core/change-set.js';
import { listPublicNotes } from '../core/reader/article-notes.js';
import type { NoteWithArticle } from '../core/reader/article-notes.js';
import { FEED_MEDIA_TYPES, sitePaths } from '../core/site-paths.js';
import type { FeedFormat } from '../core/site-paths.js';
import type { Locale } from '../db/schema.js';
import { renderedPage } from '../http/page-cache.js';
import type { RenderedPage } from '../http/page-cache.js';
import { SECURITY_HEADERS, sendPage } from '../http/respond.js';
import { escapeHtml } from '../lib/html.js';
import { correctionMessages } from '../site/i18n/correction-messages.js';
import { languageTag } from '../site/i18n/index.js';
import { noteAnchor } from '../site/templates/article-notes.js';
import { renderAtom } from './atom.js';
import type { FeedItem, FeedModel } from './feed-items.js';
import type { FeedsAppOptions } from './feeds-app.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';

/** How many notes a corrections feed carries: the newest. */
export const CORRECTIONS_FEED_SIZE = 50;

const RENDERERS: Record<FeedFormat, (feed: FeedModel) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** Same freshness as the story feeds (feeds-app.ts FEED_CACHE_CONTROL). */
const CACHE_CONTROL =
  'public, max-age=300, s-maxage=86400, stale-while-revalidate=300, stale-if-error=86400';

/** Note text as feed HTML: escaped, blank lines making paragraphs, then a link to the story. */
function noteHtml(note: NoteWithArticle, articleUrl: string, locale: Locale): string {
  const paragraphs = note.text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const on = correctionMessages[locale].onArticle;
  return `${paragraphs.join('\n')}\n<p>${escapeHtml(on)} <a href="${escapeHtml(articleUrl)}">${escapeHtml(note.article.headline)}</a></p>`;
}

export function correctionsFeedModel(
  notes: NoteWithArticle[],
  context: {
    locale: Locale;
    publication: string;
    publicUrl: string;
    content: 'full' | 'summary';
    now: Date;
  },
): FeedModel {
  const { locale, publicUrl } = context;
  const t = correctionMessages[locale];
  const absolute = (path: string) => `${publicUrl}${path}`;
  const host = new URL(publicUrl).hostname;
  const listPath = sitePaths.corrections(locale);
  const items: FeedItem[] = notes.map((note) => {
    const article = note.article;
    const articleUrl = absolute(sitePaths.article(locale, article.section.slug, article.slug));
    const published = new Date(note.notedAt).toISOString();
    const updated = note.amendedAt === null ? published : new Date(note.amendedAt).toISOString();
    return {
      // The note's own id, dated by when it was first made: amendments keep the same item.
      id: `tag:${host},${published.slice(0, 10)}:note:${note.id}`,
      url: `${articleUrl}#${noteAnchor(note.id)}`,
      title: t.feedItemTitle(t.noteTypes[note.type], article.headline),
      summary: note.text,
      contentHtml: context.content === 'full' ? noteHtml(note, articleUrl, locale) : null,
      published,
      updated,
      authors: [],
      section: {
        name: article.section.name,
        url: absolute(sitePaths.section(locale, article.section.slug)),
      },
      tags: [],
      image: null,
    };
  });
  const newest = items.map((item) => item.updated).sort();
  return {
    locale,
    language: languageTag[locale],
    title: `${context.publication}: ${t.feedTitle}`,
    description: t.feedDescription(context.publication),
    pageUrl: absolute(listPath),
    feedUrls: {
      rss: absolute(sitePaths.feed(listPath, 'rss')),
      atom: absolute(sitePaths.feed(listPath, 'atom')),
      json: absolute(sitePaths.feed(listPath, 'json')),
    },
    updated: newest.at(-1) ?? context.now.toISOString(),
    publisher: { name: context.publication, url: absolute(sitePaths.home(locale)) },
    author: null,
    items,
  };
}

/**
 * The handler for one edition's corrections feed in one format, cached in the page cache under
 * its path with the edition's corrections key and each named article's key.
 */
export function correctionsFeedRoute(
  options: FeedsAppOptions,
  locale: Locale,
  format: FeedFormat,
): (c: Context) => Promise<Response> {
  const now = options.now ?? (() => new Date());
  return async (c) => {
    const cacheUrl = new URL(c.req.url).pathname;
    const cached = options.pageCache.get(cacheUrl);
    if (cached) return sendPage(c, options.pageCache, cached, cacheUrl);
    const chrome = await options.siteChrome.get(locale);
    if (!chrome)
      return new Response('This Galley has no publication yet.\n', {
        status: 503,
        headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
      });
    const { items } = await listPublicNotes(options.db, locale, {
      number: 1,
      size: CORRECTIONS_FEED_SIZE,
    });
    const model = correctionsFeedModel(items, {
      locale,
      publication: chrome.publication.name,
      publicUrl: options.publicUrl,
      content: options.feedContent,
      now: now(),
    });
    const keys = new Set([cacheKey.corrections(locale), cacheKey.layout]);
    for (const note of items) keys.add(cacheKey.article(note.article.id));
    const page: RenderedPage = renderedPage({
      status: 200,
      contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
      body: RENDERERS[format](model),
      surrogateKeys: [...keys],
      cacheControl: CACHE_CONTROL,
      contentLanguage: model.language,
    });
    options.pageCache.set(cacheUrl, page);
    return sendPage(c, options.pageCache, page, cacheUrl);
  };
}

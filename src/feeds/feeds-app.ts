/**
 * The feeds as a Hono app: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each list page (a locale's
 * home, a section, a tag, an author), at `sitePaths.feed(listPath, format)`. Mounted before the
 * reader site, whose `/{locale}/{section}/{slug}` route would otherwise take `/en/city/feed.xml`.
 *
 * Feeds are cached like pages: in the page cache under their path, with the surrogate keys of
 * the list, each story and the layout, so publishing or editing a story drops them; ETag / 304,
 * HEAD and Brotli/gzip come from the same `pageResponseParts` as every page.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { cacheKey } from '../core/change-set.js';
import { loadFeedArticles } from '../core/reader/feed-articles.js';
import { findAuthor, findSection, findTag } from '../core/reader/find-by-slug.js';
import type { ListFilter } from '../core/reader/list-articles.js';
import type { SiteChrome } from '../core/reader/reader-types.js';
import type { SiteChromeCache } from '../core/reader/site-chrome-cache.js';
import {
  FEED_FILES,
  FEED_FORMATS,
  FEED_MEDIA_TYPES,
  LOCALIZED_SEGMENTS,
  sitePaths,
} from '../core/site-paths.js';
import type { FeedFormat } from '../core/site-paths.js';
import type { Database, Locale } from '../db/schema.js';
import { LOCALES } from '../db/schema.js';
import { renderedPage } from '../http/page-cache.js';
import type { PageCache, RenderedPage } from '../http/page-cache.js';
import { SECURITY_HEADERS, sendPage } from '../http/respond.js';
import type { Logger } from '../lib/log.js';
import { languageTag, messages } from '../site/i18n/index.js';
import { renderAtom } from './atom.js';
import { correctionsFeedRoute } from './corrections-feed.js';
import { buildFeedModel } from './feed-items.js';
import type { FeedContent, FeedListInfo, FeedModel } from './feed-items.js';
import { feedMessages } from './feed-messages.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';

export interface FeedsAppOptions {
  db: Kysely<Database>;
  pageCache: PageCache;
  siteChrome: SiteChromeCache;
  /** Canonical origin, without a trailing slash: every URL in a feed is absolute. */
  publicUrl: string;
  /** Whole stories (the default) or summaries only (`GALLEY_FEED_CONTENT=summary`). */
  feedContent: FeedContent;
  logger: Logger;
  /** The clock, for tests; only an empty feed shows it (as its last-updated time). */
  now?: () => Date;
}

/**
 * Feed readers poll; a few minutes is fresh enough for them. CDNs keep a feed for a day and are
 * purged by surrogate key when a story changes, as pages are.
 */
export const FEED_CACHE_CONTROL =
  'public, max-age=300, s-maxage=86400, stale-while-revalidate=300, stale-if-error=86400';

const RENDERERS: Record<FeedFormat, (feed: FeedModel) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** What a feed follows: its list, the query behind it and the keys that invalidate it. */
interface FeedList {
  info: FeedListInfo;
  filter: ListFilter;
  keys: string[];
}

type ListKind = 'home' | 'section' | 'tag' | 'author';

export function createFeedsApp(options: FeedsAppOptions): Hono {
  const { db, pageCache, logger } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  const respond = (c: Context, page: RenderedPage, cacheUrl: string): Response =>
    sendPage(c, pageCache, page, cacheUrl);

  /** The list a feed URL names, or null when there is no such section, tag or author. */
  async function findList(
    kind: ListKind,
    chrome: SiteChrome,
    slug: string,
  ): Promise<FeedList | null> {
    const locale = chrome.locale;
    const publication = chrome.publication.name;
    const t = feedMessages[locale];
    const base = { locale, language: languageTag[locale], publication, author: null };
    switch (kind) {
      case 'home':
        return {
          info: {
            ...base,
            listPath: sitePaths.home(locale),
            title: publication,
            description:
              chrome.publication.description || chrome.publication.tagline || publication,
          },
          filter: { locale },
          keys: [cacheKey.homeList(locale)],
        };
      case 'section': {
        const section = await findSection(db, locale, slug);
        if (!section) return null;
        return {
          info: {
            ...base,
            listPath: sitePaths.section(locale, section.slug),
            title: t.title(publication, section.name),
            description: section.description || t.sectionDescription(section.name, publication),
          },
          filter: { locale, sectionId: section.id },
          keys: [cacheKey.section(section.id), cacheKey.sectionList(section.id)],
        };
      }
      case 'tag': {
        const tag = await findTag(db, locale, slug);
        if (!tag) return null;
        return {
          info: {
            ...base,
            listPath: sitePaths.tag(locale, tag.slug),
            title: t.title(publication, messages[locale].taggedWith(tag.name)),
            description: t.tagDescription(tag.name, publication),
          },
          filter: { locale, tagId: tag.id },
          keys: [cacheKey.tag(tag.id), cacheKey.tagList(tag.id)],
        };
      }
      case 'author': {
        const author = await findAuthor(db, locale, slug);
        if (!author) return null;
        return {
          info: {
            ...base,
            listPath: sitePaths.author(locale, author.slug),
            title: t.title(publication, messages[locale].articlesBy(author.name)),
            description: t.authorDescription(author.name, publication),
            author: { name: author.name, slug: author.slug },
          },
          filter: { locale, authorId: author.id },
          keys: [cacheKey.author(author.id), cacheKey.authorList(author.id)],
        };
      }
    }
  }

  async function renderFeed(format: FeedFormat, list: FeedList): Promise<RenderedPage> {
    const articles = await loadFeedArticles(db, list.filter);
    const model = buildFeedModel(list.info, articles, {
      publicUrl: options.publicUrl,
      content: options.feedContent,
      now: now(),
    });
    const keys = new Set([...list.keys, cacheKey.layout]);
    for (const article of articles) keys.add(cacheKey.article(article.id));
    return renderedPage({
      status: 200,
      contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
      body: RENDERERS[format](model),
      surrogateKeys: [...keys],
      cacheControl: FEED_CACHE_CONTROL,
      contentLanguage: list.info.language,
    });
  }

  const feedRoute =
    (locale: Locale, kind: ListKind, format: FeedFormat) =>
    async (c: Context): Promise<Response> => {
      // The path alone: a feed has no parameters, so `?utm_source=` must not make a new entry.
      // (The node fast path in server/ computes the same key for these paths.)
      const cacheUrl = new URL(c.req.url).pathname;
      const cached = pageCache.get(cacheUrl);
      if (cached) return respond(c, cached, cacheUrl);
      const chrome = await options.siteChrome.get(locale);
      if (!chrome) return noPublication();
      const list = await findList(kind, chrome, c.req.param('slug') ?? '');
      // CASE: no such section, tag or author: the site's own 404 (or redirect) answers.
      if (!list) return c.notFound();
      const page = await renderFeed(format, list);
      pageCache.set(cacheUrl, page);
      return respond(c, page, cacheUrl);
    };

  for (const locale of LOCALES) {
    const segments = LOCALIZED_SEGMENTS[locale];
    for (const format of FEED_FORMATS) {
      const file = FEED_FILES[format];
      app.get(`/${locale}/${file}`, feedRoute(locale, 'home', format));
      // Before the section route, which would take `/en/corrections/feed.xml` for a section's.
      app.get(
        sitePaths.feed(sitePaths.corrections(locale), format),
        correctionsFeedRoute(options, locale, format),
      );
      app.get(`/${locale}/${segments.tag}/:slug/${file}`, feedRoute(locale, 'tag', format));
      app.get(`/${locale}/${segments.author}/:slug/${file}`, feedRoute(locale, 'author', format));
      app.get(`/${locale}/:slug/${file}`, feedRoute(locale, 'section', format));
    }
  }

  app.onError((error, c) => {
    logger.error(error.message, { method: c.req.method, path: c.req.path, status: 500 });
    return new Response('Internal Server Error\n', {
      status: 500,
      headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    });
  });

  return app;
}

/** A fresh installation has no publication yet, so no feed: say so, as the site does. */
function noPublication(): Response {
  return new Response('This Galley has no publication yet.\n', {
    status: 503,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'retry-after': '60',
    },
  });
}

/**
 * The reader site as a Hono app: routing, the page-cache lookup, redirects, and error pages in
 * the reader's language. The pages themselves are built in site-pages.ts.
 */
import { extname, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { SiteChromeCache } from '../core/reader/site-chrome-cache.js';
import { findRedirect, findSection } from '../core/reader/find-by-slug.js';
import type { Core } from '../core/operation.js';
import { LOCALIZED_SEGMENTS, sitePaths } from '../core/site-paths.js';
import type { Database, Locale } from '../db/schema.js';
import { LOCALES } from '../db/schema.js';
import type { SiteChrome } from '../core/reader/reader-types.js';
import type { PageCache, RenderedPage } from '../http/page-cache.js';
import { SECURITY_HEADERS, sendPage } from '../http/respond.js';
import type { Logger } from '../lib/log.js';
import { messages } from './i18n/index.js';
import { siteAssets } from './site-assets.js';
import { searchMessages } from './i18n/search-messages.js';
import { parseSearchParams, searchPage } from './search-page.js';
import { playerAssets } from './player-assets.js';
import { MEDIA_TYPES, isPrivateMediaKey, mediaFileResponse } from './media-files.js';
import { correctionsPage } from './corrections-page.js';
import { policyPage } from './policy-page.js';
import { errorReportRoutes, reportedArticle } from './error-report-routes.js';
import {
  articlePage,
  articlePreviewPage,
  authorPage,
  contactPage,
  errorPage,
  homePage,
  parsePageNumber,
  sectionPage,
  tagPage,
} from './site-pages.js';
import type { SiteDeps } from './site-pages.js';

/** Set by the page-cache middleware for the handlers after it. */
export type SiteEnv = { Variables: { cacheUrl: string } };

export interface SiteAppOptions {
  db: Kysely<Database>;
  /** For the site's one write: readers' error reports. */
  core: Core;
  pageCache: PageCache;
  siteChrome: SiteChromeCache;
  publicUrl: string;
  mediaDir: string;
  logger: Logger;
  /** First-party analytics is on: every reader page loads the beacon. */
  analytics?: boolean;
}

const isLocale = (value: string | undefined): value is Locale => value === 'en' || value === 'es';

/** Query parameters that change what a page shows. Others are ignored, and kept out of cache keys. */
const MEANINGFUL_PARAMS = ['page', 'article'] as const;

/** The cache key of a request: the path plus the meaningful parameters, in a fixed order. */
export function cacheUrlFor(url: URL): string {
  let key = url.pathname;
  let separator = '?';
  for (const name of MEANINGFUL_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) {
      key += `${separator}${name}=${encodeURIComponent(value)}`;
      separator = '&';
    }
  }
  return key;
}

/** The reader's locale for a page outside /en and /es: Accept-Language, else English. */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const quality = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0], quality: quality === undefined ? 1 : Number(quality) };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.find((entry) => isLocale(entry.language))?.language === 'es' ? 'es' : 'en';
}

/**
 * The newsroom's preview of any article (api/ asks for it through server/, never importing the
 * site itself): the reader site's own page, rendered from the article as it is saved now.
 */
export function articlePreviewRenderer(
  options: Pick<SiteAppOptions, 'db' | 'siteChrome' | 'publicUrl'>,
): (id: number) => Promise<RenderedPage | null> {
  const deps: SiteDeps = {
    db: options.db,
    publicUrl: options.publicUrl,
    stylesheetPath: siteAssets().stylesheetPath,
    playerScriptPath: playerAssets()?.scriptPath,
    embedsScriptPath: siteAssets().embedsScriptPath,
  };
  const chromeFor = async (locale: Locale) => {
    const chrome = await options.siteChrome.get(locale);
    if (!chrome) throw new NoPublicationError();
    return chrome;
  };
  return (id) => articlePreviewPage(deps, chromeFor, id, new Date());
}

export function createSiteApp(options: SiteAppOptions): Hono<SiteEnv> {
  const { db, pageCache, logger } = options;
  const assets = siteAssets();
  const player = playerAssets();
  const deps: SiteDeps = {
    db,
    publicUrl: options.publicUrl,
    stylesheetPath: assets.stylesheetPath,
    reportScriptPath: assets.reportScriptPath,
    playerScriptPath: player?.scriptPath,
    embedsScriptPath: assets.embedsScriptPath,
    beaconScriptPath: options.analytics ? assets.beaconScriptPath : undefined,
  };
  const app = new Hono<SiteEnv>();

  const respond = (c: Context, page: RenderedPage, cacheUrl: string | null): Response =>
    sendPage(c, pageCache, page, cacheUrl);

  const chromeFor = async (locale: Locale) => {
    const chrome = await options.siteChrome.get(locale);
    if (!chrome) throw new NoPublicationError();
    return chrome;
  };

  /** A page in the reader's language saying why there is nothing here. */
  const errorResponse = async (
    c: Context,
    status: 400 | 404 | 410 | 500,
    locale?: Locale,
    detail?: string,
  ) => {
    const pathLocale = c.req.path.split('/')[1];
    const chosen =
      locale ??
      (isLocale(pathLocale) ? pathLocale : preferredLocale(c.req.header('accept-language')));
    return respond(c, errorPage(deps, await chromeFor(chosen), status, detail), null);
  };

  const reports = errorReportRoutes({
    core: options.core,
    db,
    deps,
    pageCache,
    publicUrl: options.publicUrl,
    chromeFor,
    notFound: (c, locale) => errorResponse(c, 404, locale),
  });

  // CASE: a cached page. MUST run before routing: the warm path does no database work at all.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const cacheUrl = cacheUrlFor(new URL(c.req.url));
    const cached = pageCache.get(cacheUrl);
    if (cached) return respond(c, cached, cacheUrl);
    c.set('cacheUrl', cacheUrl);
    return next();
  });

  /** Sends a freshly rendered page, keeping a copy when it can be reused. */
  const send = (c: Context<SiteEnv>, page: RenderedPage): Response => {
    const cacheUrl = c.get('cacheUrl');
    if (page.status === 200) pageCache.set(cacheUrl, page);
    return respond(c, page, cacheUrl);
  };

  app.get(assets.stylesheetPath, (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    // The file name carries a hash of the content, so it never changes under the same name.
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(assets.stylesheet);
  });
  app.get(assets.reportScriptPath, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('x-content-type-options', 'nosniff');
    return c.body(assets.reportScript);
  });
  app.get(assets.embedsScriptPath, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('x-content-type-options', 'nosniff');
    return c.body(assets.embedsScript);
  });
  app.get(assets.beaconScriptPath, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('x-content-type-options', 'nosniff');
    return c.body(assets.beaconScript);
  });
  if (player)
    app.get(player.scriptPath, (c) => {
      c.header('content-type', 'text/javascript; charset=utf-8');
      c.header('cache-control', 'public, max-age=31536000, immutable');
      c.header('x-content-type-options', 'nosniff');
      return c.body(player.script);
    });
  app.get('/favicon.svg', (c) => {
    c.header('content-type', 'image/svg+xml');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(assets.favicon);
  });
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  app.get('/media/*', async (c) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice('/media/'.length));
    } catch {
      // CASE: malformed percent-encoding (%E0%A4%A): the client's mistake, not ours.
      return errorResponse(
        c,
        400,
        undefined,
        messages[preferredLocale(c.req.header('accept-language'))].badAddress,
      );
    }
    const root = resolve(options.mediaDir);
    const file = resolve(root, relative);
    const type = MEDIA_TYPES[extname(file).toLowerCase()];
    // CASE: path traversal (/media/../galley.db) or a file type we do not serve.
    if (!file.startsWith(root + sep) || !type) return errorResponse(c, 404);
    // CASE: what readers never get: an uploaded video as it came (its metadata may hold where it
    // was filmed; readers get the web rendition) and uploads still arriving.
    if (isPrivateMediaKey(relative)) return errorResponse(c, 404);
    // Video is sent in byte ranges, streamed from disk (media-files.ts).
    const response = await mediaFileResponse(
      file,
      type,
      c.req.header('range'),
      c.req.method === 'HEAD',
    );
    return response ?? errorResponse(c, 404);
  });

  app.get('/', (c) => {
    const locale = preferredLocale(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language');
    c.header('cache-control', 'public, max-age=300');
    return c.redirect(sitePaths.home(locale), 302);
  });

  const listRoute =
    (
      locale: Locale,
      render: (chrome: SiteChrome, slug: string, page: number) => Promise<RenderedPage | null>,
    ) =>
    async (c: Context<SiteEnv>) => {
      const page = parsePageNumber(c.req.query('page'));
      if (page === 'invalid') return errorResponse(c, 400, locale, messages[locale].badPageNumber);
      const rendered = await render(await chromeFor(locale), c.req.param('slug') as string, page);
      return rendered ? send(c, rendered) : notFound(c);
    };

  // Routes are literal per locale (no `:locale{en|es}` pattern): Hono's router mismatched
  // `/en/` against `/:locale{en|es}` once several such patterns were registered.
  for (const locale of LOCALES) {
    const segments = LOCALIZED_SEGMENTS[locale];
    app.get(`/${locale}`, (c) => c.redirect(sitePaths.home(locale), 301));
    app.get(`/${locale}/`, async (c) => send(c, await homePage(deps, await chromeFor(locale))));
    app.get(`/${locale}/${segments.contact}`, async (c) => {
      const article = await reportedArticle(db, c.req.query('article'));
      // "Found a mistake?" on an article: the report form (never cached: it carries a token).
      if (article) return reports.showForm(c, locale, article);
      return send(c, contactPage(deps, await chromeFor(locale), null));
    });
    app.post(`/${locale}/${segments.contact}`, (c) => reports.submit(c, locale));
    app.get(sitePaths.search(locale), async (c) => {
      const params = parseSearchParams(c.req.query(), locale);
      if ('error' in params) return errorResponse(c, 400, locale, params.error);
      const page = await searchPage(deps, await chromeFor(locale), params);
      if ('badFilter' in page)
        return errorResponse(c, 400, locale, searchMessages[locale].badFilter);
      // Never stored: a published change must show in search at once.
      return respond(c, page, null);
    });
    app.get(sitePaths.contactThanks(locale), (c) => reports.thanks(c, locale, c.get('cacheUrl')));
    app.get(
      sitePaths.corrections(locale),
      listRoute(locale, (chrome, _slug, page) => correctionsPage(deps, chrome, page)),
    );
    app.get(`/${locale}/${segments.policies}/:slug`, async (c) => {
      const page = await policyPage(deps, await chromeFor(locale), c.req.param('slug'));
      return page ? send(c, page) : notFound(c);
    });
    app.get(
      `/${locale}/${segments.tag}/:slug`,
      listRoute(locale, (chrome, slug, page) => tagPage(deps, chrome, slug, page)),
    );
    app.get(
      `/${locale}/${segments.author}/:slug`,
      listRoute(locale, (chrome, slug, page) => authorPage(deps, chrome, slug, page)),
    );
    app.get(
      `/${locale}/:slug/`,
      listRoute(locale, (chrome, slug, page) => sectionPage(deps, chrome, slug, page)),
    );
    app.get(`/${locale}/:section/:slug`, async (c) => {
      const chrome = await chromeFor(locale);
      const page = await articlePage(deps, chrome, {
        sectionSlug: c.req.param('section'),
        slug: c.req.param('slug'),
      });
      return page ? send(c, page) : notFound(c);
    });
  }

  /** Before saying 404: an old URL may have moved (301) or been withdrawn (410). */
  async function notFound(c: Context): Promise<Response> {
    const path = c.req.path;
    const redirect = await findRedirect(db, path);
    if (redirect?.status_code === 301 && redirect.to_path) return c.redirect(redirect.to_path, 301);
    if (redirect?.status_code === 410) return errorResponse(c, 410);
    // CASE: a section URL typed without its trailing slash.
    const parts = path.split('/');
    if (parts.length === 3 && isLocale(parts[1]) && parts[2] && !path.endsWith('/')) {
      if (await findSection(db, parts[1], parts[2])) return c.redirect(`${path}/`, 301);
    }
    return errorResponse(c, 404);
  }

  app.notFound((c) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? notFound(c) : methodNotAllowed(),
  );

  app.onError(async (error, c) => {
    // CASE: a fresh installation without demo content: say what to do, not "error".
    if (error instanceof NoPublicationError) {
      return new Response(`${error.message}\n`, {
        status: 503,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': '60',
        },
      });
    }
    logger.error(error.message, { method: c.req.method, path: c.req.path, status: 500 });
    try {
      return await errorResponse(c, 500);
    } catch {
      return new Response('Internal Server Error', { status: 500, headers: SECURITY_HEADERS });
    }
  });

  return app;
}

/** The site has nothing to show until a publication exists. */
class NoPublicationError extends Error {
  constructor() {
    super(
      'This Galley has no publication yet. Load the demo with `npx galley demo`, or set up your publication (see the README).',
    );
  }
}

function methodNotAllowed(): Response {
  return new Response('Method Not Allowed', {
    status: 405,
    headers: {
      ...SECURITY_HEADERS,
      allow: 'GET, HEAD',
      'content-type': 'text/plain; charset=utf-8',
    },
  });
}

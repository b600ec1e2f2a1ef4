/**
 * The reader pages as functions from a parsed request to a rendered page. Each collects the
 * surrogate keys of what it shows, so the page cache and CDNs can drop it precisely.
 */
import type { Kysely } from 'kysely';
import { cacheKey } from '../core/change-set.js';
import { loadArticlePage, loadArticlePreview } from '../core/reader/load-article-page.js';
import { listArticles } from '../core/reader/list-articles.js';
import { findAuthor, findSection, findTag } from '../core/reader/find-by-slug.js';
import type {
  ArticleLink,
  ArticlePageData,
  ArticleSummary,
  ImageView,
  SiteChrome,
} from '../core/reader/reader-types.js';
import { sitePaths } from '../core/site-paths.js';
import type { Database, Locale } from '../db/schema.js';
import { LOCALES } from '../db/schema.js';
import { renderedPage } from '../http/page-cache.js';
import type { PageAllowances, RenderedPage } from '../http/page-cache.js';
import type { SafeHtml } from '../lib/html.js';
import { languageTag, messages } from './i18n/index.js';
import { articleMain } from './templates/article-page.js';
import { authorIntro, homeMain, listMain } from './templates/list-pages.js';
import { html } from '../lib/html.js';
import { pageShell } from './templates/page-shell.js';
import type { Alternate, FeedList } from './templates/page-shell.js';
import { shareImage, socialMetaTags } from './social-meta.js';
import type { SocialMetaInput } from './social-meta.js';
import {
  articleStructuredData,
  authorProfileStructuredData,
  breadcrumbList,
  homeCrumb,
  isoWithOffset,
  jsonLdScript,
  webSiteStructuredData,
} from './structured-data.js';
import type { JsonObject } from './structured-data.js';
import { contactMain, errorMain } from './templates/simple-pages.js';
import { embedFrameOrigins } from '../content/embeds/embed-card.js';

export const PAGE_SIZE = 12;
const HOME_STORIES_PER_SECTION = 4;

/** Browsers revalidate after a minute; CDNs keep pages for a day and are purged by key. */
const PAGE_CACHE_CONTROL =
  'public, max-age=60, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400';
const ERROR_CACHE_CONTROL = 'public, max-age=60, s-maxage=60';

export interface SiteDeps {
  db: Kysely<Database>;
  publicUrl: string;
  stylesheetPath: string;
  /** The error-report enhancement, loaded by article pages; absent in the newsroom's preview. */
  reportScriptPath?: string;
  /** The video player (Media Chrome and our shortcuts), loaded only by pages that show a video. */
  playerScriptPath?: string;
  /** The social embeds' loader, loaded only by pages whose body quotes a post. */
  embedsScriptPath?: string;
  /**
   * The analytics beacon, loaded by every page a reader is shown with a 200; absent when
   * analytics is off and in the newsroom's preview (staff reading a draft are not readers).
   */
  beaconScriptPath?: string;
}

interface PageParts {
  chrome: SiteChrome;
  title: string;
  description: string;
  canonicalPath: string | null;
  alternates: Alternate[];
  main: SafeHtml;
  keys: Set<string>;
  status?: number;
  /** Feeds offered for autodiscovery; by default the edition's home feed. */
  feeds?: FeedList[];
  /** The image a shared link shows. */
  shareImage?: ImageView | null;
  /** Article pages: the share tags' article:* properties. */
  article?: SocialMetaInput['article'];
  /** JSON-LD entities (structured-data.ts). */
  structuredData?: JsonObject[];
  /** Same-origin scripts; the page's CSP then allows `script-src 'self'`. */
  scripts?: string[];
  /** What else the page's CSP must allow (same-origin video, inline styles, frames). */
  allowances?: PageAllowances;
  /** The article the page shows, for the beacon (`data-analytics-article`). */
  analyticsArticleId?: number;
}

/** The home feed of an edition, e.g. "La Marea". */
const homeFeed = (chrome: SiteChrome): FeedList => ({
  listPath: sitePaths.home(chrome.locale),
  title: chrome.publication.name,
});

/** A list's feed, titled e.g. "La Marea: City". */
const listFeed = (chrome: SiteChrome, listPath: string, name: string): FeedList => ({
  listPath,
  title: `${chrome.publication.name}: ${name}`,
});

/** The image a list page shows first, for its share card (home: the lead story's). */
const firstImage = (stories: ArticleSummary[]): ImageView | null =>
  stories.find((story) => story.image)?.image ?? null;

export function finishPage(deps: SiteDeps, parts: PageParts): RenderedPage {
  const status = parts.status ?? 200;
  const chrome = parts.chrome;
  const publicUrl = deps.publicUrl;
  const image = parts.shareImage ? shareImage(parts.shareImage, publicUrl) : null;
  // Error pages are not page views; the beacon goes on every page a reader is shown with a 200.
  const scripts = [
    ...(parts.scripts ?? []),
    ...(deps.beaconScriptPath && status === 200 ? [deps.beaconScriptPath] : []),
  ];
  const socialMeta = socialMetaTags({
    siteName: chrome.publication.name,
    type: parts.article ? 'article' : 'website',
    title: parts.title,
    description: parts.description,
    url: parts.canonicalPath === null ? null : `${publicUrl}${parts.canonicalPath}`,
    locale: chrome.locale,
    alternateLocales: parts.alternates
      .map((alt) => alt.locale)
      .filter((locale) => locale !== chrome.locale),
    image,
    article: parts.article,
  });
  const body = pageShell({
    chrome,
    publicUrl,
    stylesheetPath: deps.stylesheetPath,
    title: parts.title,
    description: parts.description,
    canonicalPath: parts.canonicalPath,
    alternates: parts.alternates,
    feeds: parts.feeds ?? [homeFeed(chrome)],
    socialMeta,
    structuredData: jsonLdScript(parts.structuredData ?? []),
    main: parts.main,
    scripts,
    analyticsArticleId: parts.analyticsArticleId,
  }).value;
  parts.keys.add(cacheKey.layout);
  return renderedPage({
    status,
    contentType: 'text/html; charset=utf-8',
    body,
    surrogateKeys: [...parts.keys],
    cacheControl: status === 200 ? PAGE_CACHE_CONTROL : ERROR_CACHE_CONTROL,
    contentLanguage: languageTag[parts.chrome.locale],
    allowances:
      scripts.length > 0 || parts.allowances
        ? { ...parts.allowances, ownScripts: scripts.length > 0 }
        : undefined,
  });
}

const bothLocales = (path: (locale: Locale) => string): Alternate[] =>
  LOCALES.map((locale) => ({ locale, path: path(locale) }));

function addSummaryKeys(keys: Set<string>, stories: ArticleLink[]): void {
  for (const story of stories) keys.add(cacheKey.article(story.id));
}

export async function articlePage(
  deps: SiteDeps,
  chrome: SiteChrome,
  path: { sectionSlug: string; slug: string },
): Promise<RenderedPage | null> {
  const data = await loadArticlePage(deps.db, { locale: chrome.locale, ...path });
  return data ? articlePageFrom(deps, chrome, data) : null;
}

/**
 * Any article, in any status, exactly as the reader site would show it: the newsroom's preview.
 * Nothing about it may be cached or indexed (the caller sends it with no-store and noindex).
 */
export async function articlePreviewPage(
  deps: SiteDeps,
  chromeFor: (locale: Locale) => Promise<SiteChrome>,
  id: number,
  now: Date,
): Promise<RenderedPage | null> {
  const data = await loadArticlePreview(deps.db, id, now);
  return data ? articlePageFrom(deps, await chromeFor(data.article.locale), data) : null;
}

function articlePageFrom(deps: SiteDeps, chrome: SiteChrome, data: ArticlePageData): RenderedPage {
  const { article } = data;
  const keys = new Set([cacheKey.article(article.id), cacheKey.sectionList(article.section.id)]);
  addSummaryKeys(keys, data.recommended);
  for (const translation of data.translations) keys.add(cacheKey.article(translation.id));
  // A video's processing, poster or captions change the player: such changes report the media key.
  for (const id of data.videos.keys()) keys.add(cacheKey.media(id));
  const hasVideo = data.videos.size > 0;
  const frameOrigins = embedFrameOrigins(article.bodyHtml);
  const hasEmbeds = frameOrigins.length > 0 && deps.embedsScriptPath !== undefined;
  const ownPath = sitePaths.article(article.locale, article.section.slug, article.slug);
  const description = article.seoDescription || article.dek || article.headline;
  const zone = chrome.publication.timeZone;
  const context = { chrome, publicUrl: deps.publicUrl };
  return finishPage(deps, {
    chrome,
    title: article.seoTitle || article.headline,
    description,
    canonicalPath: ownPath,
    feeds: [
      homeFeed(chrome),
      listFeed(
        chrome,
        sitePaths.section(article.locale, article.section.slug),
        article.section.name,
      ),
    ],
    shareImage: article.image,
    article: {
      publishedTime: isoWithOffset(article.publishedAt, zone),
      modifiedTime: isoWithOffset(
        article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt,
        zone,
      ),
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      authorUrls: article.authors.map(
        (author) => `${deps.publicUrl}${sitePaths.author(article.locale, author.slug)}`,
      ),
    },
    structuredData: articleStructuredData(data, { ...context, description }),
    alternates: [
      { locale: article.locale, path: ownPath },
      ...data.translations.map((t) => ({ locale: t.locale, path: t.path })),
    ],
    main: articleMain(data, chrome),
    analyticsArticleId: article.id,
    scripts: [
      ...(deps.reportScriptPath ? [deps.reportScriptPath] : []),
      ...(hasVideo && deps.playerScriptPath ? [deps.playerScriptPath] : []),
      ...(hasEmbeds && deps.embedsScriptPath ? [deps.embedsScriptPath] : []),
    ],
    ...((hasVideo || hasEmbeds) && {
      allowances: {
        // Media Chrome keeps its styles in <style> elements inside its shadow roots, which a
        // `style-src 'self'` policy refuses; measured in Chromium by the player's end-to-end test.
        ...(hasVideo && { media: true, inlineStyles: true }),
        // The players the page's embeds can load; naming them requests nothing (embeds.js
        // loads one only when the reader asks).
        ...(hasEmbeds && { frameOrigins }),
      },
    }),
    keys,
  });
}

export async function homePage(deps: SiteDeps, chrome: SiteChrome): Promise<RenderedPage> {
  const locale = chrome.locale;
  const keys = new Set([cacheKey.homeList(locale)]);
  const latest = await listArticles(deps.db, { locale }, { number: 1, size: 1 });
  const lead = latest.items[0] ?? null;
  const bySection = await Promise.all(
    chrome.sections.map(async (section) => {
      keys.add(cacheKey.sectionList(section.id));
      const page = await listArticles(
        deps.db,
        { locale, sectionId: section.id },
        { number: 1, size: HOME_STORIES_PER_SECTION + 1 },
      );
      return {
        section,
        stories: page.items
          .filter((story) => story.id !== lead?.id)
          .slice(0, HOME_STORIES_PER_SECTION),
      };
    }),
  );
  if (lead) keys.add(cacheKey.article(lead.id));
  for (const group of bySection) addSummaryKeys(keys, group.stories);
  const description = chrome.publication.description || chrome.publication.tagline;
  return finishPage(deps, {
    chrome,
    title: chrome.publication.name,
    description,
    canonicalPath: sitePaths.home(locale),
    alternates: bothLocales(sitePaths.home),
    shareImage: firstImage([...(lead ? [lead] : []), ...bySection.flatMap((g) => g.stories)]),
    structuredData: [
      webSiteStructuredData({ chrome, publicUrl: deps.publicUrl, description, locale }),
    ],
    main: homeMain({ lead, bySection }, chrome),
    keys,
  });
}

/** `?page=N` on list pages; anything else there is a 400, never a 500. */
export function parsePageNumber(raw: string | undefined): number | 'invalid' {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,4}$/.test(raw)) return 'invalid';
  return Number(raw);
}

const withPage = (path: string, page: number) => (page === 1 ? path : `${path}?page=${page}`);

export async function sectionPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  sectionSlug: string,
  pageNumber: number,
): Promise<RenderedPage | null> {
  const section = await findSection(deps.db, chrome.locale, sectionSlug);
  if (!section) return null;
  const page = await listArticles(
    deps.db,
    { locale: chrome.locale, sectionId: section.id },
    { number: pageNumber, size: PAGE_SIZE },
  );
  if (pageNumber > page.pageCount) return null;
  const keys = new Set([cacheKey.section(section.id), cacheKey.sectionList(section.id)]);
  addSummaryKeys(keys, page.items);
  const basePath = sitePaths.section(chrome.locale, section.slug);
  const context = { chrome, publicUrl: deps.publicUrl };
  return finishPage(deps, {
    chrome,
    title:
      pageNumber === 1
        ? section.name
        : `${section.name} (${messages[chrome.locale].pageOf(pageNumber, page.pageCount)})`,
    description: section.description || section.name,
    canonicalPath: withPage(basePath, pageNumber),
    feeds: [listFeed(chrome, basePath, section.name)],
    shareImage: firstImage(page.items),
    structuredData: [
      breadcrumbList([
        homeCrumb(context),
        { name: section.name, url: `${deps.publicUrl}${basePath}` },
      ]),
    ],
    alternates: section.translations.map((t) => ({
      locale: t.locale,
      path: withPage(sitePaths.section(t.locale, t.slug), pageNumber),
    })),
    main: listMain({
      chrome,
      heading: section.name,
      intro: section.description ? html`<p>${section.description}</p>` : null,
      basePath,
      page,
    }),
    keys,
  });
}

export async function tagPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  tagSlug: string,
  pageNumber: number,
): Promise<RenderedPage | null> {
  const tag = await findTag(deps.db, chrome.locale, tagSlug);
  if (!tag) return null;
  const page = await listArticles(
    deps.db,
    { locale: chrome.locale, tagId: tag.id },
    { number: pageNumber, size: PAGE_SIZE },
  );
  if (pageNumber > page.pageCount) return null;
  const keys = new Set([cacheKey.tag(tag.id), cacheKey.tagList(tag.id)]);
  addSummaryKeys(keys, page.items);
  const heading = messages[chrome.locale].taggedWith(tag.name);
  const basePath = sitePaths.tag(chrome.locale, tag.slug);
  const context = { chrome, publicUrl: deps.publicUrl };
  return finishPage(deps, {
    chrome,
    title: heading,
    description: heading,
    canonicalPath: withPage(basePath, pageNumber),
    feeds: [listFeed(chrome, basePath, tag.name)],
    shareImage: firstImage(page.items),
    structuredData: [
      breadcrumbList([homeCrumb(context), { name: heading, url: `${deps.publicUrl}${basePath}` }]),
    ],
    alternates: tag.translations.map((t) => ({
      locale: t.locale,
      path: withPage(sitePaths.tag(t.locale, t.slug), pageNumber),
    })),
    main: listMain({ chrome, heading, basePath, page }),
    keys,
  });
}

export async function authorPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  authorSlug: string,
  pageNumber: number,
): Promise<RenderedPage | null> {
  const author = await findAuthor(deps.db, chrome.locale, authorSlug);
  if (!author) return null;
  const page = await listArticles(
    deps.db,
    { locale: chrome.locale, authorId: author.id },
    { number: pageNumber, size: PAGE_SIZE },
  );
  if (pageNumber > page.pageCount) return null;
  const keys = new Set([cacheKey.author(author.id), cacheKey.authorList(author.id)]);
  addSummaryKeys(keys, page.items);
  const basePath = sitePaths.author(chrome.locale, author.slug);
  return finishPage(deps, {
    chrome,
    title: author.name,
    description: author.bio || messages[chrome.locale].articlesBy(author.name),
    canonicalPath: withPage(basePath, pageNumber),
    feeds: [listFeed(chrome, basePath, author.name)],
    shareImage: firstImage(page.items),
    structuredData: [
      authorProfileStructuredData(author, { chrome, publicUrl: deps.publicUrl, path: basePath }),
    ],
    alternates: bothLocales((locale) =>
      withPage(sitePaths.author(locale, author.slug), pageNumber),
    ),
    main: listMain({
      chrome,
      heading: author.name,
      intro: authorIntro(author, chrome.locale),
      basePath,
      page,
    }),
    keys,
  });
}

export function contactPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  article: { headline: string; path: string } | null,
): RenderedPage {
  const t = messages[chrome.locale];
  return finishPage(deps, {
    chrome,
    title: t.contactTitle,
    description: t.contactIntro,
    canonicalPath: sitePaths.contact(chrome.locale),
    alternates: bothLocales(sitePaths.contact),
    main: contactMain(chrome.locale, chrome.publication.contactEmail, article),
    keys: new Set(),
  });
}

export function errorPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  status: 400 | 404 | 410 | 500,
  /** For 400: what was wrong with the request, in the reader's language. */
  detail?: string,
): RenderedPage {
  const t = messages[chrome.locale];
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status === 410
        ? [t.goneTitle, t.goneText]
        : status === 400
          ? [t.badRequestTitle, detail ?? t.badRequestTitle]
          : [t.serverErrorTitle, t.serverErrorText];
  return finishPage(deps, {
    chrome,
    title,
    description: text,
    canonicalPath: null,
    alternates: [],
    main: errorMain(chrome.locale, title, text),
    keys: new Set(),
    status,
  });
}

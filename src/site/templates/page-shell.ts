/**
 * The frame of every reader page: head (title, description, canonical, hreflang, feed links,
 * share tags, structured data), header with the edition switch and sections, and footer. Pages
 * pass their main content in.
 */
import type { Locale } from '../../db/schema.js';
import type { SiteChrome } from '../../core/reader/reader-types.js';
import { FEED_FORMATS, FEED_MEDIA_TYPES, sitePaths } from '../../core/site-paths.js';
import type { FeedFormat } from '../../core/site-paths.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { languageTag, messages, otherLocale } from '../i18n/index.js';
import { searchMessages } from '../i18n/search-messages.js';
import { policyFooterLinks } from './trust-fragments.js';

export interface Alternate {
  locale: Locale;
  path: string;
}

export interface ShellInput {
  chrome: SiteChrome;
  /** Absolute origin for canonical and alternate URLs, e.g. https://news.example. */
  publicUrl: string;
  stylesheetPath: string;
  title: string;
  description: string;
  /** The path of this page, or null for error pages (which have no canonical URL). */
  canonicalPath: string | null;
  /** Language versions of this page, this one included; empty for error pages. */
  alternates: Alternate[];
  /** Lists whose feeds this page offers for autodiscovery (RSS, Atom and JSON Feed each). */
  feeds: FeedList[];
  /** Open Graph and X card tags (social-meta.ts). */
  socialMeta: SafeHtml | null;
  /** JSON-LD blocks (structured-data.ts). */
  structuredData: SafeHtml | null;
  main: SafeHtml;
  /** Same-origin scripts the page loads (deferred); the page's CSP must allow them. */
  scripts?: string[];
  /** The article the page shows: the analytics beacon reads it from `data-analytics-article`. */
  analyticsArticleId?: number;
}

export interface FeedList {
  /** The list page's path (home, section, tag or author), as `sitePaths.feed` takes it. */
  listPath: string;
  /** What the list is, e.g. "La Marea: City"; the format is added to it. */
  title: string;
}

/** Format names are the same in every language, so feed titles need no catalog. */
const FEED_FORMAT_NAMES: Record<FeedFormat, string> = {
  rss: 'RSS',
  atom: 'Atom',
  json: 'JSON Feed',
};

/** Absolute, like the canonical link: some feed readers resolve relative links badly. */
function feedLinks(feeds: FeedList[], publicUrl: string): SafeHtml[] {
  return feeds.flatMap((feed) =>
    FEED_FORMATS.map(
      (format) =>
        html`<link rel="alternate" type="${FEED_MEDIA_TYPES[format]}" title="${feed.title} (${FEED_FORMAT_NAMES[format]})" href="${publicUrl}${sitePaths.feed(feed.listPath, format)}">\n`,
    ),
  );
}

/** `x-default` points at the English version when there is one, else at this page. */
function xDefault(alternates: Alternate[]): Alternate | undefined {
  return alternates.find((alt) => alt.locale === 'en') ?? alternates[0];
}

export function pageShell(input: ShellInput): SafeHtml {
  const { chrome, publicUrl } = input;
  const locale = chrome.locale;
  const t = messages[locale];
  const other = otherLocale(locale);
  const otherVersion = input.alternates.find((alt) => alt.locale === other);
  const editionPath = otherVersion?.path ?? sitePaths.home(other);
  const fallback = xDefault(input.alternates);
  const title =
    input.title === chrome.publication.name
      ? input.title
      : `${input.title} | ${chrome.publication.name}`;

  return html`<!doctype html>
<html lang="${languageTag[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${input.description}">
<meta name="color-scheme" content="light dark">
${input.canonicalPath === null ? null : html`<link rel="canonical" href="${publicUrl}${input.canonicalPath}">\n`}${input.alternates.map(
    (alt) =>
      html`<link rel="alternate" hreflang="${languageTag[alt.locale]}" href="${publicUrl}${alt.path}">\n`,
  )}${fallback ? html`<link rel="alternate" hreflang="x-default" href="${publicUrl}${fallback.path}">\n` : null}<link rel="stylesheet" href="${input.stylesheetPath}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${(input.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}${feedLinks(input.feeds, publicUrl)}${input.socialMeta}${input.structuredData}</head>
<body data-analytics-locale="${locale}"${input.analyticsArticleId === undefined ? null : html` data-analytics-article="${String(input.analyticsArticleId)}"`}>
<a class="skip-link" href="#content">${t.skipToContent}</a>
<header class="site-header">
<div class="masthead">
<p class="brand"><a href="${sitePaths.home(locale)}">${chrome.publication.name}</a></p>
<p class="tagline">${chrome.publication.tagline}</p>
<p class="edition-switch"><a href="${editionPath}" hreflang="${languageTag[other]}" lang="${languageTag[other]}">${messages[other].editionSwitchLabel}</a></p>
<p class="search-link"><a href="${sitePaths.search(locale)}">${searchMessages[locale].title}</a></p>
</div>
<nav class="sections" aria-label="${t.mainNavigation}">
<ul>${chrome.sections.map((section) => html`<li><a href="${sitePaths.section(locale, section.slug)}">${section.name}</a></li>`)}</ul>
</nav>
</header>
<main id="content" tabindex="-1">
${input.main}
</main>
<footer class="site-footer">
${policyFooterLinks(locale, chrome.policies)}<p>${chrome.publication.name}. ${t.footerNote}</p>
<p><a href="${sitePaths.contact(locale)}">${t.contactTitle}</a></p>
</footer>
</body>
</html>
`;
}

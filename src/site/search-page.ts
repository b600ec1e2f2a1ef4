/**
 * The reader's search page (`/en/search`, `/es/buscar`): a plain GET form, so it works without
 * JavaScript; results in the page's language with marked snippets, filters by section, type,
 * author and dates, pages of ten, and a link to the same search in the other edition when it has
 * results there. Never cached: a published change must show at once.
 */
import { z } from 'zod';
import type { SiteChrome } from '../core/reader/reader-types.js';
import { MAX_SEARCH_PAGE, searchArticles } from '../core/search/search-articles.js';
import type { SearchFilters, SearchResults } from '../core/search/search-articles.js';
import { sitePaths } from '../core/site-paths.js';
import { ARTICLE_TYPES, LOCALES } from '../db/schema.js';
import type { Locale } from '../db/schema.js';
import type { RenderedPage } from '../http/page-cache.js';
import { html, trustedHtml } from '../lib/html.js';
import type { SafeHtml } from '../lib/html.js';
import { MAX_QUERY_CHARS } from '../lib/search-text.js';
import { languageTag, otherLocale } from './i18n/index.js';
import { searchMessages } from './i18n/search-messages.js';
import { finishPage } from './site-pages.js';
import type { SiteDeps } from './site-pages.js';
import { dateTime, pagination, typeLabel, typeName } from './templates/fragments.js';

export const SEARCH_CACHE_CONTROL = 'no-cache';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** The query string; an over-long `q` is cut, not refused. Anything malformed is a 400. */
const searchParams = z.object({
  q: z
    .string()
    .optional()
    .transform((value) => (value ?? '').slice(0, MAX_QUERY_CHARS).trim()),
  page: z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .optional()
    .transform((value) => Math.min(Number(value ?? 1), MAX_SEARCH_PAGE)),
  section: z.string().max(100).optional(),
  type: z.enum(ARTICLE_TYPES).optional(),
  author: z.string().max(100).optional(),
  from: date.optional(),
  to: date.optional(),
});

export type SearchParams = z.infer<typeof searchParams>;

/** The page's query, or the reason it is malformed (in the reader's language). */
export function parseSearchParams(
  raw: Record<string, string>,
  locale: Locale,
): SearchParams | { error: string } {
  // Empty fields are what a plain form sends for "any".
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const parsed = searchParams.safeParse(given);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  const t = searchMessages[locale];
  return { error: field === 'from' || field === 'to' ? t.badDate : t.badFilter };
}

/** `/en/search?q=...` with the same filters; `page` only past the first. */
function searchHref(locale: Locale, params: SearchParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const name of ['section', 'type', 'author', 'from', 'to'] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `${sitePaths.search(locale)}${text ? `?${text}` : ''}`;
}

export async function searchPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  params: SearchParams,
): Promise<RenderedPage | { badFilter: true }> {
  const locale = chrome.locale;
  const authors = await deps.db
    .selectFrom('authors')
    .select(['id', 'slug', 'name'])
    .orderBy('name')
    .execute();
  const filters: SearchFilters = { type: params.type, from: params.from, to: params.to };
  if (params.section) {
    const section = chrome.sections.find((candidate) => candidate.slug === params.section);
    if (!section) return { badFilter: true };
    filters.sectionId = section.id;
  }
  if (params.author) {
    const author = authors.find((candidate) => candidate.slug === params.author);
    if (!author) return { badFilter: true };
    filters.authorId = author.id;
  }
  const results = params.q
    ? await searchArticles(deps.db, {
        query: params.q,
        locale,
        audience: 'readers',
        filters,
        page: params.page,
      })
    : null;
  const t = searchMessages[locale];
  const page = finishPage(deps, {
    chrome,
    title: params.q ? `${t.title}: ${params.q}` : t.title,
    description: t.prompt,
    canonicalPath: null,
    alternates: LOCALES.map((other) => ({
      locale: other,
      path: searchHref(other, { ...params, section: undefined }),
    })),
    main: searchMain(chrome, params, results, authors),
    keys: new Set(),
  });
  return { ...page, cacheControl: SEARCH_CACHE_CONTROL };
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value ? html` selected` : null}>${label}</option>`;
}

function searchMain(
  chrome: SiteChrome,
  params: SearchParams,
  results: SearchResults | null,
  authors: { slug: string; name: string }[],
): SafeHtml {
  const locale = chrome.locale;
  const t = searchMessages[locale];
  const form = html`<form class="search-form" role="search" method="get" action="${sitePaths.search(locale)}">
<p><label for="search-q">${t.label}</label>
<input id="search-q" type="search" name="q" value="${params.q}" maxlength="${MAX_QUERY_CHARS}" autocomplete="off">
<button type="submit">${t.submit}</button></p>
<fieldset class="search-filters"><legend>${t.filters}</legend>
<p><label for="search-section">${t.section}</label>
<select id="search-section" name="section">${option('', t.any, params.section ?? '')}${chrome.sections.map((section) => option(section.slug, section.name, params.section))}</select></p>
<p><label for="search-type">${t.type}</label>
<select id="search-type" name="type">${option('', t.any, params.type ?? '')}${ARTICLE_TYPES.map((type) => option(type, typeName(locale, type), params.type))}</select></p>
<p><label for="search-author">${t.author}</label>
<select id="search-author" name="author">${option('', t.any, params.author ?? '')}${authors.map((author) => option(author.slug, author.name, params.author))}</select></p>
<p><label for="search-from">${t.from}</label> <input id="search-from" type="date" name="from" value="${params.from ?? ''}"></p>
<p><label for="search-to">${t.to}</label> <input id="search-to" type="date" name="to" value="${params.to ?? ''}"></p>
</fieldset>
</form>`;
  return html`<section class="search-page" aria-labelledby="search-heading">
<h1 id="search-heading">${t.title}</h1>
${form}
${results ? resultList(chrome, params, results) : html`<p>${t.prompt}</p>`}
</section>`;
}

function resultList(chrome: SiteChrome, params: SearchParams, results: SearchResults): SafeHtml {
  const locale = chrome.locale;
  const t = searchMessages[locale];
  const zone = chrome.publication.timeZone;
  const other = otherLocale(locale);
  const otherLink =
    results.otherLanguage.total > 0
      ? html`<p class="search-other-language" lang="${languageTag[other]}"><a href="${searchHref(other, { ...params, section: undefined, page: 1 })}" hreflang="${languageTag[other]}">${searchMessages[other].otherLanguage(results.otherLanguage.total, results.otherLanguage.totalIsCapped)}</a></p>\n`
      : null;
  const status = html`<p class="search-status" role="status">${results.total > 0 ? t.results(results.total, params.q, results.totalIsCapped) : t.noResults(params.q)}</p>\n`;
  const items = results.hits.map((hit) => {
    const label = typeLabel(hit.locale, hit.type);
    // headlineHtml and snippetHtml are escaped by highlightSnippet; only <mark> is added.
    const headline = trustedHtml(hit.headlineHtml);
    return html`<li class="search-hit" data-article-id="${hit.id}">
<h2>${hit.path ? html`<a href="${hit.path}">${headline}</a>` : headline}</h2>
<p class="kicker">${hit.section.name}${label ? html` · ${label}` : null} · ${dateTime(hit.date, locale, zone)}</p>
<p class="search-snippet">${trustedHtml(hit.snippetHtml)}</p>
</li>`;
  });
  const list = results.hits.length > 0 ? html`<ol class="search-results">${items}</ol>\n` : null;
  return html`${status}${otherLink}${list}${pagination(locale, searchHref(locale, params), results.page, results.pageCount)}`;
}

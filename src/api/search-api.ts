/**
 * Search as both APIs offer it (`GET /api/content/search` for readers' apps, published articles;
 * `GET /api/admin/search` for the newsroom, drafts too): one query schema, one answer shape.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  MAX_SEARCH_PAGE,
  filtersFromSlugs,
  searchArticles,
} from '../core/search/search-articles.js';
import { ARTICLE_TYPES, LOCALES } from '../db/schema.js';
import type { Database } from '../db/schema.js';
import { MAX_QUERY_CHARS } from '../lib/search-text.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug');

export const searchQuery = z.object({
  /** Cut to the search's limit, never refused for length; syntax characters are only text. */
  q: z.string({ error: 'is required' }).transform((value) => value.slice(0, MAX_QUERY_CHARS)),
  locale: z.enum(LOCALES, { error: 'must be "en" or "es"' }),
  section: slug.optional(),
  author: slug.optional(),
  type: z.enum(ARTICLE_TYPES, { error: `must be one of ${ARTICLE_TYPES.join(', ')}` }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_SEARCH_PAGE, `must be at most ${MAX_SEARCH_PAGE}`)
    .default(1),
});

/**
 * Runs a search for an API: `found` is the answer, or `unknown` names a section or author filter
 * that matches nothing (the caller answers with its 4xx). `url` turns an article's path into what
 * the API shows.
 */
export async function apiSearch(
  db: Kysely<Database>,
  query: z.output<typeof searchQuery>,
  audience: 'readers' | 'staff',
  url: (path: string) => string,
) {
  const filters = await filtersFromSlugs(db, query.locale, query);
  if ('unknown' in filters) return { unknown: filters.unknown, found: null };
  const results = await searchArticles(db, {
    query: query.q,
    locale: query.locale,
    audience,
    filters,
    page: query.page,
  });
  return {
    unknown: null,
    found: {
      words: results.words,
      total: results.total,
      totalIsCapped: results.totalIsCapped,
      page: results.page,
      pageCount: results.pageCount,
      items: results.hits.map((hit) => ({
        id: hit.id,
        locale: hit.locale,
        status: hit.status,
        type: hit.type,
        headline: hit.headline,
        headlineHtml: hit.headlineHtml,
        snippetHtml: hit.snippetHtml,
        section: hit.section,
        date: hit.date,
        url: hit.path && url(hit.path),
      })),
      ...(audience === 'readers' && { otherLanguage: results.otherLanguage }),
    },
  };
}

/**
 * The Content API: published content as JSON under /api/content/, read-only, for apps and
 * partner sites. Every request names a Content API key (`Authorization: Bearer ...`, or `?key=`
 * where a header cannot be set); browsers may call it only from the origins the key lists (CORS).
 * Responses carry an ETag (If-None-Match gives 304) and public cache headers: the content is the
 * same for every key.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  listAuthorsForStaff,
  listSectionsForStaff,
  listTagsForStaff,
} from '../../core/newsroom/taxonomy-for-staff.js';
import {
  findContentApiConsumer,
  isOriginAllowedByAnyKey,
} from '../../core/reader/content-api-keys.js';
import type { ContentApiConsumer } from '../../core/reader/content-api-keys.js';
import {
  decodeCursor,
  findContentArticle,
  listContentArticles,
} from '../../core/reader/content-articles.js';
import { listPublicNotes } from '../../core/reader/article-notes.js';
import { apiSearch, searchQuery } from '../search-api.js';
import { sitePaths } from '../../core/site-paths.js';
import { ARTICLE_TYPES, LOCALES } from '../../db/schema.js';
import type { Database, Locale } from '../../db/schema.js';
import type { Logger } from '../../lib/log.js';
import { openApiDocument } from '../openapi.js';
import type { DocumentedRoute } from '../openapi.js';
import { ARTICLE_FIELDS, presentArticle } from './content-presenters.js';
import type { ArticleField } from './content-presenters.js';
import { loadArticleVideos } from './content-videos.js';
import type { ArticleVideos } from './content-videos.js';
import type { ContentArticle } from '../../core/reader/content-articles.js';

const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60';

/** A request the client got wrong: 400, naming the parameter. */
class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const errorBody = (message: string, field?: string) => ({
  error: { message, ...(field && { field }) },
});

const localeParam = z.enum(LOCALES as ['en', 'es'], { error: 'must be "en" or "es"' });
const slugParam = z.string().regex(/^[a-z0-9-]{1,120}$/, 'must be a slug');
const fieldsParam = z
  .string()
  .regex(/^[a-zA-Z,]{1,300}$/, 'must be field names separated by commas')
  .optional();

const articlesQuery = z.object({
  locale: localeParam.optional(),
  section: slugParam.optional(),
  tag: slugParam.optional(),
  author: slugParam.optional(),
  type: z.enum(ARTICLE_TYPES, { error: `must be one of ${ARTICLE_TYPES.join(', ')}` }).optional(),
  updated_since: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset' })
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
  fields: fieldsParam,
  key: z.string().optional(),
});

const articleQuery = z.object({ fields: fieldsParam, key: z.string().optional() });

const contentSearchQuery = searchQuery.extend({ key: z.string().optional() });

const correctionsQuery = z.object({
  locale: localeParam,
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000)
    .default(1),
  key: z.string().optional(),
});
const CORRECTIONS_PAGE_SIZE = 50;

function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BadRequest(issue?.path.join('.') || 'query', issue?.message ?? 'invalid');
}

/** `?fields=id,headline` as a set; unknown names are an error, not silently ignored. */
function chosenFields(
  raw: string | undefined,
  defaults: readonly ArticleField[],
): Set<ArticleField> {
  if (raw === undefined) return new Set(defaults);
  const names = raw.split(',').filter(Boolean);
  const unknown = names.find((name) => !(ARTICLE_FIELDS as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw new BadRequest(
      'fields',
      `unknown field "${unknown}"; fields are ${ARTICLE_FIELDS.join(', ')}`,
    );
  return new Set(['id', ...names] as ArticleField[]);
}

/** Lists leave the body out unless `fields` asks for it: it is most of an article's bytes. */
const LIST_FIELDS = ARTICLE_FIELDS.filter((field) => field !== 'bodyHtml');

type ContentEnv = { Variables: { consumer: ContentApiConsumer } };

interface ContentRoute extends DocumentedRoute {
  method: 'GET';
  handle(c: Context<ContentEnv>): Promise<unknown>;
}

export interface ContentApiOptions {
  db: Kysely<Database>;
  publicUrl: string;
  logger: Logger;
}

export function contentRoutes(options: ContentApiOptions): ContentRoute[] {
  const { db, publicUrl } = options;
  const absolute = (path: string) => new URL(path, publicUrl).href;
  // Two small queries, and only when the response shows a video or a body that may hold one.
  const videosFor = (articles: ContentArticle[], fields: ReadonlySet<ArticleField>) =>
    fields.has('video') || fields.has('bodyHtml')
      ? loadArticleVideos(db, articles)
      : Promise.resolve(new Map<number, ArticleVideos>());
  const perLocale = <T>(make: (locale: Locale) => T) =>
    Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
  return [
    {
      method: 'GET',
      path: '/articles',
      summary:
        'Published articles, newest first (or, with updated_since, oldest change first); cursor pagination',
      query: articlesQuery,
      isPublic: false,
      async handle(c) {
        const query = parseQuery(c, articlesQuery);
        const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        if (after === null) throw new BadRequest('cursor', 'is not a cursor this API gave out');
        const fields = chosenFields(query.fields, LIST_FIELDS);
        const { items, nextCursor } = await listContentArticles(
          db,
          {
            locale: query.locale,
            section: query.section,
            tag: query.tag,
            author: query.author,
            type: query.type,
            updatedSince: query.updated_since && new Date(query.updated_since).toISOString(),
            after,
            limit: query.limit,
          },
          { withBody: fields.has('bodyHtml') },
        );
        const videos = await videosFor(items, fields);
        return {
          items: items.map((article) =>
            presentArticle(publicUrl, article, fields, videos.get(article.id)),
          ),
          nextCursor,
        };
      },
    },
    {
      method: 'GET',
      path: '/articles/:id',
      summary: 'One published article by id, with its body',
      query: articleQuery,
      isPublic: false,
      async handle(c) {
        const raw = c.req.param('id') ?? '';
        if (!/^[1-9]\d{0,9}$/.test(raw))
          throw new BadRequest('id', 'must be a positive whole number');
        const fields = chosenFields(parseQuery(c, articleQuery).fields, ARTICLE_FIELDS);
        const article = await findContentArticle(
          db,
          { id: Number(raw) },
          { withBody: fields.has('bodyHtml') },
        );
        if (!article) return null;
        const videos = await videosFor([article], fields);
        return { article: presentArticle(publicUrl, article, fields, videos.get(article.id)) };
      },
    },
    {
      method: 'GET',
      path: '/articles/by-slug/:locale/:slug',
      summary: 'One published article by its language and slug, with its body',
      query: articleQuery,
      isPublic: false,
      async handle(c) {
        const locale = localeParam.safeParse(c.req.param('locale'));
        if (!locale.success) throw new BadRequest('locale', 'must be "en" or "es"');
        const slug = slugParam.safeParse(c.req.param('slug'));
        if (!slug.success) throw new BadRequest('slug', 'must be a slug');
        const fields = chosenFields(parseQuery(c, articleQuery).fields, ARTICLE_FIELDS);
        const article = await findContentArticle(
          db,
          { locale: locale.data, slug: slug.data },
          { withBody: fields.has('bodyHtml') },
        );
        if (!article) return null;
        const videos = await videosFor([article], fields);
        return { article: presentArticle(publicUrl, article, fields, videos.get(article.id)) };
      },
    },
    {
      method: 'GET',
      path: '/corrections',
      summary:
        "Public corrections, clarifications, updates and editor's notes of one edition, newest first",
      query: correctionsQuery,
      isPublic: false,
      async handle(c) {
        const query = parseQuery(c, correctionsQuery);
        const page = await listPublicNotes(db, query.locale, {
          number: query.page,
          size: CORRECTIONS_PAGE_SIZE,
        });
        return {
          items: page.items.map((note) => ({
            id: note.id,
            type: note.type,
            text: note.text,
            isProminent: note.isProminent,
            notedAt: note.notedAt,
            amendedAt: note.amendedAt,
            article: {
              id: note.article.id,
              headline: note.article.headline,
              url: absolute(
                `${sitePaths.article(note.article.locale, note.article.section.slug, note.article.slug)}#note-${note.id}`,
              ),
            },
          })),
          page: page.page,
          pageCount: page.pageCount,
          total: page.total,
        };
      },
    },
    {
      method: 'GET',
      path: '/search',
      summary:
        'Full-text search of published articles in one language (stemmed, accents folded): ten per page, best first, with marked snippets, and how many match in the other language',
      query: contentSearchQuery,
      isPublic: false,
      async handle(c) {
        const { unknown, found } = await apiSearch(
          db,
          parseQuery(c, contentSearchQuery),
          'readers',
          absolute,
        );
        if (unknown) throw new BadRequest(unknown, `no ${unknown} with that slug`);
        const { items, ...rest } = found;
        // Readers' apps get published articles only: no status to show.
        return { ...rest, items: items.map(({ status: _status, ...item }) => item) };
      },
    },
    {
      method: 'GET',
      path: '/sections',
      summary: 'Sections, with their names, slugs and URLs in both languages',
      isPublic: false,
      async handle() {
        const sections = await listSectionsForStaff(db);
        return {
          sections: sections.map((section) => ({
            id: section.id,
            position: section.position,
            ...perLocale((locale) => {
              const text = section.translations[locale];
              return (
                text && {
                  name: text.name,
                  slug: text.slug,
                  description: text.description,
                  url: absolute(sitePaths.section(locale, text.slug)),
                }
              );
            }),
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/tags',
      summary: 'Tags, with their names, slugs and URLs in both languages',
      isPublic: false,
      async handle() {
        const tags = await listTagsForStaff(db);
        return {
          tags: tags.map((tag) => ({
            id: tag.id,
            ...perLocale((locale) => {
              const text = tag.translations[locale];
              return (
                text && {
                  name: text.name,
                  slug: text.slug,
                  url: absolute(sitePaths.tag(locale, text.slug)),
                }
              );
            }),
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/authors',
      summary: 'Authors, with their titles, biographies and page URLs in both languages',
      isPublic: false,
      async handle() {
        const authors = await listAuthorsForStaff(db);
        // Allowlisted: an author's email and internal ids of their photo stay in the newsroom.
        return {
          authors: authors.map((author) => ({
            id: author.id,
            name: author.name,
            slug: author.slug,
            ...perLocale((locale) => ({
              title: author.translations[locale]?.title ?? '',
              bio: author.translations[locale]?.bio ?? '',
              url: absolute(sitePaths.author(locale, author.slug)),
            })),
          })),
        };
      },
    },
  ];
}

export function createContentApi(options: ContentApiOptions): Hono<ContentEnv> {
  const { db, logger } = options;
  const routes = contentRoutes(options);
  const api = new Hono<ContentEnv>();

  // CORS preflight: no key travels with it, so any live key that allows the origin will do; the
  // real request is then held to its own key's list.
  api.options('*', async (c) => {
    const origin = c.req.header('origin');
    if (!origin || !(await isOriginAllowedByAnyKey(db, origin))) return c.body(null, 403);
    return c.body(null, 204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'Authorization, If-None-Match',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  api.use('*', async (c, next) => {
    // The API's description is public: it is how a consumer learns to ask for a key.
    if (c.req.path.endsWith('/openapi.json')) return next();
    const key =
      /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? c.req.query('key');
    const consumer = key ? await findContentApiConsumer(db, key) : null;
    if (!consumer)
      return c.json(
        errorBody(
          key
            ? 'unknown or revoked Content API key'
            : 'send a Content API key: Authorization: Bearer <key>',
        ),
        401,
        { 'www-authenticate': 'Bearer realm="content"' },
      );
    c.set('consumer', consumer);
    const origin = c.req.header('origin');
    if (origin) {
      const allowed = consumer.allowedOrigins;
      if (!allowed.includes('*') && !allowed.includes(origin))
        return c.json(errorBody(`this key may not be used from ${origin}`), 403);
      c.header('access-control-allow-origin', origin);
      c.header('access-control-expose-headers', 'ETag');
      c.header('vary', 'Origin');
    }
    await next();
  });

  api.get('/openapi.json', (c) =>
    c.json(
      openApiDocument(
        {
          title: 'Galley Content API',
          basePath: '/api/content',
          publicUrl: options.publicUrl,
          securitySchemes: {
            key: { type: 'http', scheme: 'bearer', description: 'A Content API key.' },
          },
        },
        routes,
      ),
    ),
  );

  for (const route of routes) {
    api.get(route.path, async (c) => {
      const result = await route.handle(c);
      if (result === null) return c.json(errorBody('no such published article'), 404);
      const body = JSON.stringify(result);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      c.header('etag', etag);
      c.header('cache-control', CACHE_CONTROL);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
    });
  }

  api.notFound((c) => c.json(errorBody(`no such endpoint: ${c.req.method} ${c.req.path}`), 404));
  api.onError((error, c) => {
    if (error instanceof BadRequest) return c.json(errorBody(error.message, error.field), 400);
    logger.error(error.message, { method: c.req.method, path: c.req.path, status: 500 });
    return c.json(errorBody('internal error'), 500);
  });
  return api;
}

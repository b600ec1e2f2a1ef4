/**
 * IPTC ninjs in the Admin API: any article as a ninjs 3.1 document, and wire copy in.
 *
 * `importNinjsDocument` is the one way a ninjs document comes in (this API, `galley import`, the
 * benchmark): check and plan it, fetch its images outside any transaction (unless the same
 * document was already imported), then run the `importNinjs` operation with what was stored.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { GoneError, NotFoundError } from '../../core/errors.js';
import { findMediaForStaff } from '../../core/newsroom/media-for-staff.js';
import { runOperation } from '../../core/operation.js';
import type { Core } from '../../core/operation.js';
import { importNinjs } from '../../core/operations/index.js';
import { findNinjsImport, planImportable } from '../../core/operations/import-ninjs.js';
import type {
  FetchedNinjsImage,
  MissingImage,
  NinjsImportReport,
} from '../../core/operations/import-ninjs.js';
import { sitePaths } from '../../core/site-paths.js';
import type { BodyDoc } from '../../content/body-schema.js';
import { fetchImage } from '../../content/ninjs/fetch-image.js';
import type { FetchImageOptions } from '../../content/ninjs/fetch-image.js';
import { articleToNinjs } from '../../content/ninjs/ninjs-export.js';
import type { NinjsArticleData } from '../../content/ninjs/ninjs-export.js';
import type { Database, Locale } from '../../db/schema.js';
import {
  ImageRejectedError,
  UPLOAD_LIMITS,
  intakeImage,
  storedImageFiles,
} from '../../media/image-intake.js';
import type { LocalMediaStore } from '../../media/media-store.js';
import { anyStaff, jsonObject, parsedQuery, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export interface NinjsImportOptions {
  publish: boolean;
  sectionSlug: string | null;
  locale: Locale | null;
  fetch: FetchImageOptions;
}

/** The API's defaults: a slow agency must not hold the request long, nor reach private hosts. */
export const API_FETCH_OPTIONS: FetchImageOptions = {
  timeoutMs: 5_000,
  maxBytes: UPLOAD_LIMITS.maxBytes,
  allowPrivateNetwork: false,
};

/** Fetches one planned image and runs it through the upload intake (renditions, no GPS). */
async function fetchAndStore(
  mediaStore: LocalMediaStore,
  href: string | null,
  fetchOptions: FetchImageOptions,
): Promise<Omit<FetchedNinjsImage, 'image'>> {
  if (href === null)
    return { stored: null, missingReason: 'the association has no image rendition' };
  const fetched = await fetchImage(href, fetchOptions);
  if (!fetched.ok) return { stored: null, missingReason: fetched.reason };
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  try {
    const intake = await intakeImage(mediaStore, fetched.bytes, {
      keyPrefix: `imports/${now.getUTCFullYear()}/${month}/${randomUUID()}`,
    });
    return {
      stored: { ...storedImageFiles(intake), mime: intake.original.mime as 'image/jpeg' },
      missingReason: null,
    };
  } catch (error) {
    if (error instanceof ImageRejectedError) return { stored: null, missingReason: error.message };
    throw error;
  }
}

/** Imports one ninjs document (see the module comment); a refused one throws a 422. */
export async function importNinjsDocument(
  deps: { core: Core; db: Kysely<Database>; mediaStore: LocalMediaStore },
  actor: Actor,
  document: unknown,
  options: NinjsImportOptions,
): Promise<NinjsImportReport> {
  const plan = planImportable(document);
  const images: FetchedNinjsImage[] = [];
  if (plan.images.length > 0) {
    const previous = await findNinjsImport(deps.db, plan.uri);
    // An unchanged document is skipped by the operation: do not download its images again.
    if (previous?.content_hash !== plan.contentHash)
      for (const [index, image] of plan.images.entries())
        images.push({
          image: index,
          ...(await fetchAndStore(deps.mediaStore, image.href, options.fetch)),
        });
  }
  return runOperation(deps.core, importNinjs, actor, {
    document,
    publish: options.publish,
    sectionSlug: options.sectionSlug,
    locale: options.locale,
    images,
  });
}

/** Everything `articleToNinjs` needs, for an article of any status. */
export async function findArticleForNinjs(
  db: Kysely<Database>,
  id: number,
): Promise<NinjsArticleData | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [section, authors, tags, leadMedia] = await Promise.all([
    db
      .selectFrom('section_translations')
      .select(['name', 'slug'])
      .where('section_id', '=', row.section_id)
      .where('locale', '=', row.locale)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as a', 'a.id', 'aa.author_id')
      .select(['a.name', 'a.slug'])
      .where('aa.article_id', '=', id)
      .orderBy('aa.position')
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tag_translations as t', 't.tag_id', 'at.tag_id')
      .select(['t.name', 't.slug'])
      .where('at.article_id', '=', id)
      .where('t.locale', '=', row.locale)
      .orderBy('t.name')
      .execute(),
    row.lead_media_id === null ? null : findMediaForStaff(db, row.lead_media_id),
  ]);
  const words = leadMedia?.translations[row.locale];
  return {
    id: row.id,
    locale: row.locale,
    headline: row.headline,
    dek: row.dek,
    type: row.type,
    status: row.status,
    deleted: row.deleted_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    embargoUntil: row.embargo_until,
    path: sitePaths.article(row.locale, section.slug, row.slug),
    section: { name: section.name, path: sitePaths.section(row.locale, section.slug) },
    authors: authors.map((author) => ({
      name: author.name,
      path: sitePaths.author(row.locale, author.slug),
    })),
    tags: tags.map((tag) => ({ ...tag, path: sitePaths.tag(row.locale, tag.slug) })),
    body: JSON.parse(row.body) as BodyDoc,
    leadImage:
      leadMedia && words
        ? {
            url: leadMedia.url,
            mime: leadMedia.mime,
            width: leadMedia.width,
            height: leadMedia.height,
            variants: leadMedia.variants,
            alt: words.alt,
            caption: words.caption,
            credit: words.credit,
            sourceAgency: leadMedia.sourceAgency,
          }
        : null,
  };
}

const importQuery = z.object({
  publish: z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).default('false'),
  /** The section when no subject of the document matches one (its slug in the edition). */
  section: z.string().trim().min(1).max(120).optional(),
  /** The edition for a document in another language (or none): en or es. */
  locale: z.enum(['en', 'es'], { error: 'must be "en" or "es"' }).optional(),
});

/** What the API documents of the body; the full ninjs check names the exact value at fault. */
const ninjsBody = z
  .looseObject({ uri: z.string() })
  .describe('An IPTC ninjs 3.0 or 3.1 document (https://iptc.org/std/ninjs/)');

const articleId = (raw: string | undefined) => positiveIntParam(raw, 'id');

export const ninjsRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles/:id/ninjs',
    policy: anyStaff,
    summary: 'The article as an IPTC ninjs 3.1 document',
    async handle(c, { db, publicUrl }) {
      const id = articleId(c.req.param('id'));
      const article = await findArticleForNinjs(db, id);
      if (!article) throw new NotFoundError(`no article with id ${id}`);
      if (article.deleted) throw new GoneError(`article ${id} was deleted`);
      const publication = await db.selectFrom('publications').select('name').executeTakeFirst();
      return c.json(
        articleToNinjs(article, { publicUrl, publicationName: publication?.name ?? 'Galley' }),
      );
    },
  },
  {
    method: 'GET',
    path: '/articles/:id/ninjs-import',
    policy: anyStaff,
    summary:
      'Where an imported article came from: its ninjs uri and version, and the images that could not be fetched',
    async handle(c, { db }) {
      const id = articleId(c.req.param('id'));
      const record = await db
        .selectFrom('ninjs_imports')
        .selectAll()
        .where('article_id', '=', id)
        .executeTakeFirst();
      if (!record) throw new NotFoundError(`article ${id} was not imported from ninjs`);
      return c.json({
        import: {
          uri: record.source_uri,
          version: record.source_version,
          importedAt: record.imported_at,
          missingImages: JSON.parse(record.missing_images) as MissingImage[],
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/imports/ninjs',
    policy: importNinjs.policy,
    summary:
      'Import an IPTC ninjs 3.0/3.1 document (wire copy): creates a draft, updates the article an earlier version made, or skips an unchanged one; ?publish=true publishes it',
    requestBody: ninjsBody,
    query: importQuery,
    async handle(c, { core, db, actor, mediaStore }) {
      const query = parsedQuery(c, importQuery);
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const report = await importNinjsDocument({ core, db, mediaStore }, actor, body, {
        publish: query.publish === 'true',
        sectionSlug: query.section ?? null,
        locale: query.locale ?? null,
        fetch: API_FETCH_OPTIONS,
      });
      return c.json({ import: report }, report.result === 'created' ? 201 : 200);
    },
  },
];

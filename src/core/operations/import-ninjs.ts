/**
 * Wire copy in: one IPTC ninjs 3.0/3.1 document becomes a Galley article, or updates the one an
 * earlier version of it made. The document's `uri` is the idempotency key (table
 * `ninjs_imports`): the same document again changes nothing, a newer version updates the
 * article through `updateArticle` (with the current version as `expectedVersion`, so history
 * keeps every step), and anything else creates a draft.
 *
 * Images are fetched before this operation runs (a download must never hold a write
 * transaction open); the caller passes what it stored, or why an image is missing. A missing
 * image keeps its caption, credit and alt text in `ninjs_imports.missing_images` and is left out
 * of the article; the report says so.
 *
 * Decisions:
 * - Language: `en*` and `es*` (es-ES, es-419...) go to that edition; any other language is
 *   refused (422 on `/language`) unless the caller names an edition (`locale`), which is how a
 *   desk imports foreign copy to translate. No language at all: the named edition, else the
 *   publication's default.
 * - Section: the first subject or genre whose name or slug matches a section, else the
 *   `sectionSlug` given, else the first section.
 * - Authors: matched by name (any case); an unknown name becomes a new author.
 * - Tags: subjects that match an existing tag; wire subjects never create tags.
 * - Publishing (`publish`): through `publishArticle`, so the embargo and the alt-text rule hold.
 *   Agencies rarely send alt text and a caption is not a description of the picture, so a story
 *   whose image has no alt text stays a draft, with the reason in the report.
 * - `pubStatus` withheld or canceled: a new story is not imported; a published one made by an
 *   earlier version is unpublished (the agency has killed it).
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { BodyNodeJson } from '../../content/body-schema.js';
import { fillImageSlots } from '../../content/ninjs/html-to-body.js';
import { parseNinjs } from '../../content/ninjs/ninjs-document.js';
import { planNinjsImport } from '../../content/ninjs/ninjs-import-plan.js';
import type { NinjsArticlePlan } from '../../content/ninjs/ninjs-import-plan.js';
import type { Database, Locale } from '../../db/schema.js';
import { ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import type { OperationRun } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { createArticle } from './create-article.js';
import { createAuthor } from './create-author.js';
import { createImage } from './create-image.js';
import { localeSchema, slugSchema } from './input-schemas.js';
import { publishArticle } from './publish-article.js';
import { unpublishArticle } from './unpublish-article.js';
import { updateArticle } from './update-article.js';

const storedFile = z.object({
  path: z.string().min(1).max(300),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/avif']),
});

/** What the caller did with one image of the plan (`image` indexes `plan.images`). */
const fetchedImage = z.object({
  image: z.number().int().min(0),
  stored: storedFile
    .extend({
      variants: z.array(storedFile).max(12),
      /** Fixed-ratio crops for structured data, as the upload intake makes them. */
      crops: z
        .array(storedFile.extend({ ratio: z.enum(['16x9', '4x3', '1x1']) }))
        .max(3)
        .default([]),
    })
    .nullable(),
  /** Why it is missing, when `stored` is null. */
  missingReason: z.string().max(300).nullable(),
});
export type FetchedNinjsImage = z.infer<typeof fetchedImage>;

const input = z.object({
  /** The ninjs document as received; checked against the ninjs version it declares. */
  document: z.unknown(),
  /** Publish after importing (an import is a draft by default). */
  publish: z.boolean().default(false),
  /** The section when no subject matches one. */
  sectionSlug: slugSchema.nullable().default(null),
  /** The edition for a document in another language (or none). */
  locale: localeSchema.nullable().default(null),
  images: z.array(fetchedImage).max(100).default([]),
});

export interface NinjsImportReport {
  uri: string;
  result: 'created' | 'updated' | 'skipped';
  articleId: number | null;
  /** The article's version after the import. */
  version: number | null;
  reasons: string[];
}

export interface MissingImage {
  name: string;
  uri: string;
  href: string | null;
  caption: string;
  credit: string;
  alt: string;
  reason: string;
}

/** The import record of a ninjs uri, if it was imported before (for callers deciding to fetch). */
export async function findNinjsImport(db: Pick<Transaction<Database>, 'selectFrom'>, uri: string) {
  return db
    .selectFrom('ninjs_imports')
    .selectAll()
    .where('source_uri', '=', uri)
    .executeTakeFirst();
}

/** Checks a document and works out its plan, or refuses it (422) naming the value at fault. */
export function planImportable(json: unknown): NinjsArticlePlan {
  const parsed = parseNinjs(json);
  if (!parsed.ok) throw new ValidationError(parsed.path, parsed.message);
  const { type } = parsed.document;
  if (type !== undefined && type !== 'text' && type !== 'composite')
    throw new ValidationError('/type', `is "${type}"; Galley imports text stories`);
  // Without a type, event details or planned coverage say it is an event or a planning item.
  const untyped = parsed.document as { eventDetails?: unknown; plannedCoverage?: unknown };
  if (type === undefined && (untyped.eventDetails || untyped.plannedCoverage))
    throw new ValidationError('/eventDetails', 'describes an event; Galley imports text stories');
  const plan = planNinjsImport(parsed.document);
  if (plan.headline === '')
    throw new ValidationError('/headlines', 'a story needs a headline (headlines or title)');
  return plan;
}

/** ninjs allows `2024-05-17 10:00:00+0200`; Galley stores ISO-8601 UTC. */
function isoUtc(dateTime: string): string {
  const normalized = dateTime
    .toUpperCase()
    .replace(' ', 'T')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return new Date(normalized).toISOString();
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'story'
  );
}

const lowerName = (name: string) => name.trim().toLowerCase();

async function editionFor(
  trx: Transaction<Database>,
  plan: NinjsArticlePlan,
  requested: Locale | null,
  reasons: string[],
): Promise<Locale> {
  const language = plan.language?.trim().toLowerCase() ?? '';
  const primary = language.split(/[-_]/)[0];
  if (primary === 'en' || primary === 'es') {
    if (requested !== null && requested !== primary)
      reasons.push(
        `the document is in ${plan.language}; imported into the ${requested} edition as asked`,
      );
    return requested ?? primary;
  }
  if (language && requested === null)
    throw new ValidationError(
      '/language',
      `is "${plan.language}"; this publication publishes English and Spanish (name an edition, en or es, to import it for translation)`,
    );
  if (requested !== null) {
    reasons.push(
      language
        ? `the document is in ${plan.language}; imported into the ${requested} edition for translation`
        : `the document names no language; imported into the ${requested} edition`,
    );
    return requested;
  }
  const publication = await trx
    .selectFrom('publications')
    .select('default_locale')
    .executeTakeFirst();
  const fallback = publication?.default_locale ?? 'en';
  reasons.push(
    `the document names no language; imported into the ${fallback} edition (the default)`,
  );
  return fallback;
}

async function sectionFor(
  trx: Transaction<Database>,
  locale: Locale,
  plan: NinjsArticlePlan,
  sectionSlug: string | null,
  reasons: string[],
): Promise<number> {
  const sections = await trx
    .selectFrom('sections as s')
    .innerJoin('section_translations as t', 't.section_id', 's.id')
    .select(['s.id', 't.name', 't.slug'])
    .where('t.locale', '=', locale)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
  for (const subject of plan.subjectNames) {
    const match = sections.find(
      (section) =>
        lowerName(section.name) === lowerName(subject) || section.slug === slugify(subject),
    );
    if (match) {
      reasons.push(`section: ${match.name} (matches the subject "${subject}")`);
      return match.id;
    }
  }
  if (sectionSlug !== null) {
    const named = sections.find((section) => section.slug === sectionSlug);
    if (!named)
      throw new ValidationError(
        'sectionSlug',
        `no section has the ${locale} slug "${sectionSlug}"`,
      );
    reasons.push(`section: ${named.name} (the default given)`);
    return named.id;
  }
  const first = sections[0];
  if (!first) throw new ValidationError('sectionId', 'the publication has no sections yet');
  reasons.push(`section: ${first.name} (no subject matched; the first section)`);
  return first.id;
}

async function authorsFor(
  run: OperationRun,
  names: string[],
  reasons: string[],
): Promise<number[]> {
  const { trx } = run;
  const existing = await trx
    .selectFrom('authors')
    .select(['id', 'name', 'slug'])
    .where((eb) => eb(eb.fn<string>('lower', ['name']), 'in', names.map(lowerName)))
    .execute();
  const ids: number[] = [];
  for (const name of names) {
    const found = existing.find((author) => lowerName(author.name) === lowerName(name));
    if (found) {
      if (!ids.includes(found.id)) ids.push(found.id);
      continue;
    }
    const slug = await freeSlug(slugify(name), async (candidate) =>
      Boolean(
        await trx
          .selectFrom('authors')
          .select('id')
          .where('slug', '=', candidate)
          .executeTakeFirst(),
      ),
    );
    const { id } = await createAuthor.run(run, {
      slug,
      name,
      email: null,
      links: [],
      photoMediaId: null,
      translations: { en: { title: '', bio: '' }, es: { title: '', bio: '' } },
    });
    existing.push({ id, name, slug });
    ids.push(id);
    reasons.push(`created the author ${name}`);
  }
  return ids;
}

async function tagsFor(
  trx: Transaction<Database>,
  locale: Locale,
  plan: NinjsArticlePlan,
): Promise<number[]> {
  if (plan.subjectNames.length === 0) return [];
  const names = plan.subjectNames.map(lowerName);
  const slugs = plan.subjectNames.map(slugify);
  const tags = await trx
    .selectFrom('tag_translations')
    .select('tag_id')
    .where('locale', '=', locale)
    .where((eb) =>
      eb.or([eb(eb.fn<string>('lower', ['name']), 'in', names), eb('slug', 'in', slugs)]),
    )
    .orderBy('tag_id')
    .execute();
  return [...new Set(tags.map((tag) => tag.tag_id))].slice(0, 20);
}

async function freeSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let attempt = 1; attempt < 1000; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new ValidationError('slug', `no free slug starting "${base}"`);
}

interface StoredImage {
  mediaId: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Records the fetched images as media and lists the missing ones, with their words. */
async function storeImages(
  run: OperationRun,
  plan: NinjsArticlePlan,
  fetched: FetchedNinjsImage[],
  locale: Locale,
  reasons: string[],
): Promise<{ stored: Map<number, StoredImage>; missing: MissingImage[] }> {
  const stored = new Map<number, StoredImage>();
  const missing: MissingImage[] = [];
  for (const [index, image] of plan.images.entries()) {
    const result = fetched.find((item) => item.image === index);
    const words = { alt: image.alt, caption: image.caption, credit: image.credit };
    if (!result?.stored) {
      const reason = result?.missingReason ?? (image.href ? 'not fetched' : 'no image rendition');
      missing.push({ name: image.name, uri: image.uri, href: image.href, ...words, reason });
      reasons.push(
        `image "${image.name}" is missing (${reason}); its caption and credit are kept in the import record`,
      );
      continue;
    }
    const file = result.stored;
    const { id } = await createImage.run(run, {
      path: file.path,
      width: file.width,
      height: file.height,
      mime: file.mime,
      variants: file.variants,
      crops: file.crops,
      sourceAgency: null,
      translations:
        locale === 'en'
          ? { en: words, es: { alt: '', caption: '', credit: image.credit } }
          : { en: { alt: '', caption: '', credit: image.credit }, es: words },
    });
    // The body shows one file: the widest JPEG rendition up to 1600 px, else the original.
    const shown =
      file.variants
        .filter((variant) => variant.mime === 'image/jpeg' && variant.width <= 1600)
        .sort((a, b) => b.width - a.width)[0] ?? file;
    stored.set(index, {
      mediaId: id,
      src: `/media/${shown.path}`,
      width: shown.width,
      height: shown.height,
      ...words,
    });
  }
  return { stored, missing };
}

function skipped(uri: string, articleId: number | null, version: number | null, reason: string) {
  return { uri, result: 'skipped' as const, articleId, version, reasons: [reason] };
}

export const importNinjs = defineOperation({
  name: 'import a ninjs document',
  input,
  policy: editorsPolicy,
  async run(run, data): Promise<NinjsImportReport> {
    const { trx, now } = run;
    const plan = planImportable(data.document);
    const reasons: string[] = [];
    const previous = await findNinjsImport(trx, plan.uri);
    const current = previous
      ? await trx
          .selectFrom('articles')
          .select(['id', 'version', 'status', 'deleted_at'])
          .where('id', '=', previous.article_id)
          .executeTakeFirst()
      : undefined;

    if (previous && current) {
      if (current.deleted_at !== null)
        return skipped(
          plan.uri,
          current.id,
          current.version,
          `article ${current.id}, imported from this uri, was deleted in the newsroom; not imported again`,
        );
      if (previous.content_hash === plan.contentHash)
        return skipped(
          plan.uri,
          current.id,
          current.version,
          'unchanged: this document was already imported',
        );
      if (plan.version !== null && previous.source_version !== null) {
        const [incoming, stored] = [Number(plan.version), Number(previous.source_version)];
        if (plan.version === previous.source_version)
          return skipped(
            plan.uri,
            current.id,
            current.version,
            `version ${plan.version} was already imported (the content differs: send a new version to update)`,
          );
        if (Number.isFinite(incoming) && Number.isFinite(stored) && incoming < stored)
          return skipped(
            plan.uri,
            current.id,
            current.version,
            `version ${plan.version} is older than the imported version ${previous.source_version}`,
          );
      }
    }

    if (plan.pubStatus !== 'usable') {
      if (!current || current.status !== 'published')
        return skipped(
          plan.uri,
          current?.id ?? null,
          current?.version ?? null,
          `pubStatus is ${plan.pubStatus}: the agency does not allow it to be used; not imported`,
        );
      await unpublishArticle.run(run, { id: current.id });
      await recordImport(trx, plan, current.id, previous?.missing_images ?? '[]', now);
      return {
        uri: plan.uri,
        result: 'updated',
        articleId: current.id,
        version: current.version,
        reasons: [`pubStatus is ${plan.pubStatus}: the agency withdrew it, so it was unpublished`],
      };
    }

    const locale = await editionFor(trx, plan, data.locale, reasons);
    const authorIds = await authorsFor(run, plan.bylines, reasons);
    const tagIds = await tagsFor(trx, locale, plan);
    const { stored, missing } = await storeImages(run, plan, data.images, locale, reasons);
    const body = fillImageSlots(plan.body, (slot) => {
      const placement = plan.bodySlots[slot];
      const image = placement ? stored.get(placement.image) : undefined;
      if (!placement || !image) return null;
      const node: BodyNodeJson = {
        type: 'image',
        attrs: {
          src: image.src,
          alt: placement.alt ?? image.alt,
          caption: placement.caption || image.caption || null,
          credit: image.credit || null,
          width: image.width,
          height: image.height,
        },
      };
      return node;
    });
    const lead = plan.leadImage === null ? undefined : stored.get(plan.leadImage);
    reasons.push(...plan.notes);
    const revisionNote =
      `imported from ninjs ${plan.uri}${plan.version ? ` (version ${plan.version})` : ''}`.slice(
        0,
        500,
      );
    const embargoUntil = plan.embargoedUntil === null ? null : isoUtc(plan.embargoedUntil);

    let articleId: number;
    let result: 'created' | 'updated';
    if (previous && current) {
      if (current.version !== previous.article_version)
        reasons.push(
          `replaced edits made in the newsroom since the last import (version ${current.version} is in the revisions)`,
        );
      await updateArticle.run(run, {
        id: current.id,
        expectedVersion: current.version,
        headline: plan.headline,
        dek: plan.dek,
        type: plan.type,
        body,
        authorIds,
        tagIds,
        // A lead image that could not be fetched this time leaves the current one in place.
        ...(lead
          ? { leadMediaId: lead.mediaId }
          : plan.leadImage === null && { leadMediaId: null }),
        embargoUntil,
        revisionNote,
      });
      articleId = current.id;
      result = 'updated';
    } else {
      const sectionId = await sectionFor(trx, locale, plan, data.sectionSlug, reasons);
      const slug = await freeSlug(slugify(plan.headline), async (candidate) =>
        Boolean(
          await trx
            .selectFrom('articles')
            .select('id')
            .where('locale', '=', locale)
            .where('slug', '=', candidate)
            .executeTakeFirst(),
        ),
      );
      ({ id: articleId } = await createArticle.run(run, {
        locale,
        translationOf: null,
        headline: plan.headline,
        dek: plan.dek,
        slug,
        sectionId,
        type: plan.type,
        authorIds,
        tagIds,
        leadMediaId: lead?.mediaId ?? null,
        leadVideoId: null,
        leadVideoAutoplay: false,
        seoTitle: '',
        seoDescription: '',
        body,
        embargoUntil,
        revisionNote,
        dateline: '',
        backstory: '',
        sources: [],
      }));
      result = 'created';
    }

    if (data.publish) {
      const status = await trx
        .selectFrom('articles')
        .select('status')
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow();
      if (status.status !== 'published') {
        const firstCreated = plan.firstCreated === null ? null : isoUtc(plan.firstCreated);
        try {
          await publishArticle.run(run, {
            id: articleId,
            // Back-dated to when the agency first sent it, never into the future.
            ...(firstCreated &&
              Date.parse(firstCreated) <= now.getTime() && { publishedAt: firstCreated }),
          });
          reasons.push('published');
        } catch (error) {
          // The publishing checks refuse before they write anything: the draft stands.
          if (!(error instanceof ValidationError)) throw error;
          reasons.push(`left as a draft: ${error.message}`);
        }
      }
    }

    const version = await recordImport(trx, plan, articleId, JSON.stringify(missing), now);
    return { uri: plan.uri, result, articleId, version, reasons };
  },
});

/** Writes (or rewrites) the import record; returns the article's version it saw. */
async function recordImport(
  trx: Transaction<Database>,
  plan: NinjsArticlePlan,
  articleId: number,
  missingImages: string,
  now: Date,
): Promise<number> {
  const { version } = await trx
    .selectFrom('articles')
    .select('version')
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const values = {
    article_id: articleId,
    source_version: plan.version,
    content_hash: plan.contentHash,
    article_version: version,
    missing_images: missingImages,
    imported_at: now.toISOString(),
  };
  await trx
    .insertInto('ninjs_imports')
    .values({ source_uri: plan.uri, ...values })
    .onConflict((conflict) => conflict.column('source_uri').doUpdateSet(values))
    .execute();
  return version;
}

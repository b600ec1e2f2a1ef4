/**
 * What the article operations share: reference checks, slug rules, body validation and the
 * cache keys an article's change touches.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { bodyToText, countWords, imagesWithoutAlt } from '../../content/body-text.js';
import type { BodyNodeJson } from '../../content/body-schema.js';
import { BODY_HTML_VERSION, renderBodyHtml } from '../../content/render-body-html.js';
import { validateBody } from '../../content/validate-body.js';
import { videosInBody } from '../../content/video-node.js';
import type { ArticleStatus, ArticleType, Database, Locale, MediaKind } from '../../db/schema.js';
import { cacheKey } from '../change-set.js';
import { sitePaths } from '../site-paths.js';
import { findArticleForStaff } from '../newsroom/articles-for-staff.js';
import type { ChangeSet } from '../change-set.js';
import type { Actor } from '../actor.js';
import {
  ConflictError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import {
  articleTypeSchema,
  idSchema,
  localeSchema,
  requiredText,
  slugSchema,
} from './input-schemas.js';

/** A source the article cites: who or what, where readers can see it, and what it gave. */
export const articleSourceSchema = z.object({
  name: requiredText(200),
  /** '' (or absent) when the source has no public address, such as a person interviewed. */
  url: z
    .string()
    .trim()
    .pipe(
      z.union([
        z.literal(''),
        z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
      ]),
    )
    .default(''),
  note: z.string().trim().max(500, 'must be at most 500 characters').default(''),
});
export type ArticleSource = z.output<typeof articleSourceSchema>;

/**
 * The editable fields of an article, each without a default: an edit changes only the fields it
 * sends. (zod applies a default even inside `.partial()`, so an edit built from the create
 * schema would silently reset every field it left out.)
 */
const editableFields = {
  headline: requiredText(200),
  dek: z.string().trim().max(400, 'must be at most 400 characters'),
  slug: slugSchema,
  sectionId: idSchema,
  type: articleTypeSchema,
  authorIds: z.array(idSchema).min(1, 'needs at least one author').max(10),
  tagIds: z.array(idSchema).max(20),
  leadMediaId: idSchema.nullable(),
  /** A video (media kind video) shown in place of the lead image on the article page. */
  leadVideoId: idSchema.nullable(),
  /** Play the lead video at once: muted, and never for readers who prefer reduced motion. */
  leadVideoAutoplay: z.boolean(),
  /** Shown by search engines and link previews instead of the headline; '' = the headline. */
  seoTitle: z.string().trim().max(120, 'must be at most 120 characters'),
  /** Instead of the dek; '' = the dek. */
  seoDescription: z.string().trim().max(320, 'must be at most 320 characters'),
  // Checked by validateBody, which names the bad node; zod only sees "some JSON".
  body: z.unknown(),
  /** Nobody may publish before this time (ISO-8601 with offset); null lifts the embargo. */
  embargoUntil: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset' })
    .nullable(),
  /** Why this save was made, kept with its revision ("fixed the mayor's title"). */
  revisionNote: z.string().trim().max(500, 'must be at most 500 characters').nullable(),
  /** Where the story was reported ("Puerto Claro"), shown before the body; '' = none. */
  dateline: z.string().trim().max(120, 'must be at most 120 characters'),
  /** "How we reported this": plain text, paragraphs separated by blank lines; '' = none. */
  backstory: z.string().trim().max(4000, 'must be at most 4000 characters'),
  /** The sources it cites, in the order readers see them; an edit that sends them replaces all. */
  sources: z.array(articleSourceSchema).max(50, 'must list at most 50 sources'),
};

/** An edit: any subset of the fields; what is not sent stays as it is. */
export const articleEdits = z.object(editableFields).partial();

/** A new article: what is not sent takes its default. */
export const articleFields = z.object({
  ...editableFields,
  dek: editableFields.dek.default(''),
  type: editableFields.type.default('news'),
  tagIds: editableFields.tagIds.default([]),
  leadMediaId: editableFields.leadMediaId.default(null),
  leadVideoId: editableFields.leadVideoId.default(null),
  leadVideoAutoplay: editableFields.leadVideoAutoplay.default(false),
  seoTitle: editableFields.seoTitle.default(''),
  seoDescription: editableFields.seoDescription.default(''),
  embargoUntil: editableFields.embargoUntil.default(null),
  revisionNote: editableFields.revisionNote.default(null),
  dateline: editableFields.dateline.default(''),
  backstory: editableFields.backstory.default(''),
  sources: editableFields.sources.default([]),
});

export const createArticleInput = articleFields.extend({
  locale: localeSchema,
  /** Another article this one translates: they share a translation group. */
  translationOf: idSchema.nullable().default(null),
});

/** Validates a body and derives what is stored with it: word count and rendered HTML. */
export function checkedBody(json: unknown, locale: Locale) {
  const result = validateBody(json);
  if (!result.ok) throw new ValidationError(result.path, result.message);
  return {
    body: JSON.stringify(result.doc),
    word_count: countWords(bodyToText(result.doc)),
    body_html: renderBodyHtml(result.doc, locale),
    body_html_version: BODY_HTML_VERSION,
  };
}

export async function assertSlugFree(
  trx: Transaction<Database>,
  locale: Locale,
  slug: string,
  exceptArticleId?: number,
): Promise<void> {
  let query = trx
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('locale', '=', locale)
    .where('slug', '=', slug);
  if (exceptArticleId !== undefined) query = query.where('id', '!=', exceptArticleId);
  const taken = await query.executeTakeFirst();
  if (taken)
    throw new ConflictError(
      'slug',
      `"${slug}" is already used in ${locale} by "${taken.headline}" (article ${taken.id})`,
    );
}

/** Every id the article points at must exist; the message names the first that does not. */
export async function assertReferencesExist(
  trx: Transaction<Database>,
  refs: {
    sectionId: number;
    authorIds: number[];
    tagIds: number[];
    leadMediaId: number | null;
    leadVideoId: number | null;
  },
): Promise<void> {
  const section = await trx
    .selectFrom('sections')
    .select('id')
    .where('id', '=', refs.sectionId)
    .executeTakeFirst();
  if (!section) throw new ValidationError('sectionId', `no section with id ${refs.sectionId}`);
  if (new Set(refs.authorIds).size !== refs.authorIds.length)
    throw new ValidationError('authorIds', 'lists an author twice');
  const authors = await trx
    .selectFrom('authors')
    .select('id')
    .where('id', 'in', refs.authorIds)
    .execute();
  const missingAuthor = refs.authorIds.find((id) => !authors.some((row) => row.id === id));
  if (missingAuthor !== undefined)
    throw new ValidationError('authorIds', `no author with id ${missingAuthor}`);
  if (refs.tagIds.length > 0) {
    const tags = await trx.selectFrom('tags').select('id').where('id', 'in', refs.tagIds).execute();
    const missingTag = refs.tagIds.find((id) => !tags.some((row) => row.id === id));
    if (missingTag !== undefined)
      throw new ValidationError('tagIds', `no tag with id ${missingTag}`);
  }
  await assertMediaOfKind(trx, 'leadMediaId', refs.leadMediaId, 'image');
  await assertMediaOfKind(trx, 'leadVideoId', refs.leadVideoId, 'video');
}

/** Cards, feeds and share tags show the lead image, so it must be an image; a lead video a video. */
async function assertMediaOfKind(
  trx: Transaction<Database>,
  field: 'leadMediaId' | 'leadVideoId',
  id: number | null,
  kind: MediaKind,
): Promise<void> {
  if (id === null) return;
  const media = await trx
    .selectFrom('media')
    .select('kind')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!media) throw new ValidationError(field, `no media with id ${id}`);
  if (media.kind !== kind)
    throw new ValidationError(
      field,
      `media ${id} is ${media.kind === 'video' ? 'a video' : 'an image'}, not ${kind === 'video' ? 'a video' : 'an image'}`,
    );
}

export async function translationGroupFor(
  trx: Transaction<Database>,
  locale: Locale,
  translationOf: number | null,
): Promise<string> {
  if (translationOf === null) return randomUUID();
  const original = await trx
    .selectFrom('articles')
    .select(['translation_group', 'locale'])
    .where('id', '=', translationOf)
    .executeTakeFirst();
  if (!original) throw new ValidationError('translationOf', `no article with id ${translationOf}`);
  const sibling = await trx
    .selectFrom('articles')
    .select('id')
    .where('translation_group', '=', original.translation_group)
    .where('locale', '=', locale)
    .executeTakeFirst();
  if (sibling)
    throw new ConflictError(
      'translationOf',
      `that story already has a ${locale} version (article ${sibling.id})`,
      { articleId: sibling.id },
    );
  return original.translation_group;
}

export async function replaceBylinesAndTags(
  trx: Transaction<Database>,
  articleId: number,
  authorIds: number[],
  tagIds: number[],
): Promise<void> {
  await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  await trx
    .insertInto('article_authors')
    .values(
      authorIds.map((authorId, position) => ({
        article_id: articleId,
        author_id: authorId,
        position,
      })),
    )
    .execute();
  await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length > 0)
    await trx
      .insertInto('article_tags')
      .values([...new Set(tagIds)].map((tagId) => ({ article_id: articleId, tag_id: tagId })))
      .execute();
}

/** Replaces the article's sources with these, in this order. */
export async function replaceSources(
  trx: Transaction<Database>,
  articleId: number,
  sources: ArticleSource[],
): Promise<void> {
  await trx.deleteFrom('article_sources').where('article_id', '=', articleId).execute();
  if (sources.length > 0)
    await trx
      .insertInto('article_sources')
      .values(
        sources.map((source, position) => ({
          article_id: articleId,
          position,
          name: source.name,
          url: source.url,
          note: source.note,
        })),
      )
      .execute();
}

/**
 * Adds the keys of every page that shows this article: its own page, the lists it is (or was) in,
 * and its language versions (which link to it). Call it before and after a change, so pages that
 * showed the old state and pages that will show the new one are both dropped.
 */
export async function addArticleCacheKeys(
  trx: Transaction<Database>,
  articleId: number,
  changes: ChangeSet,
): Promise<void> {
  const article = await trx
    .selectFrom('articles')
    .select(['id', 'locale', 'section_id', 'translation_group'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return;
  const keys = changes.cacheKeys;
  keys.add(cacheKey.article(article.id));
  keys.add(cacheKey.homeList(article.locale));
  keys.add(cacheKey.sectionList(article.section_id));
  const [authors, tags, siblings] = await Promise.all([
    trx
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', articleId)
      .execute(),
    trx.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute(),
    trx
      .selectFrom('articles')
      .select('id')
      .where('translation_group', '=', article.translation_group)
      .where('id', '!=', article.id)
      .execute(),
  ]);
  for (const { author_id } of authors) keys.add(cacheKey.authorList(author_id));
  for (const { tag_id } of tags) keys.add(cacheKey.tagList(tag_id));
  for (const { id } of siblings) keys.add(cacheKey.article(id));
}

/**
 * The article an operation is about to change: 404 when there is none, 410 when an editor
 * deleted it (a tombstone takes no more edits, workflow steps or translations).
 */
export async function findArticleToChange(trx: Transaction<Database>, id: number) {
  const article = await trx
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!article) throw new NotFoundError(`no article with id ${id}`);
  if (article.deleted_at !== null) throw new GoneError(`article ${id} was deleted`);
  return article;
}

/**
 * What must hold before readers see an article, checked when it is published and when it is
 * scheduled (so a scheduled story does not fail when nobody is watching): every image it shows
 * is described for readers who cannot see it, and every video it shows is processed (the page
 * renders nothing for a video that is not ready, which would leave a hole in the story).
 */
export async function assertReadyToPublish(
  trx: Transaction<Database>,
  article: {
    locale: Locale;
    lead_media_id: number | null;
    lead_video_id: number | null;
    body: string;
  },
): Promise<void> {
  const bodyDoc = JSON.parse(article.body) as BodyNodeJson;
  const videos = [
    ...(article.lead_video_id === null
      ? []
      : [{ path: 'leadVideoId', mediaId: article.lead_video_id }]),
    ...videosInBody(bodyDoc),
  ];
  if (videos.length > 0) {
    const rows = await trx
      .selectFrom('media')
      .select(['id', 'processing_status'])
      .where('kind', '=', 'video')
      .where(
        'id',
        'in',
        videos.map((video) => video.mediaId),
      )
      .execute();
    const status = new Map(rows.map((row) => [row.id, row.processing_status]));
    for (const video of videos) {
      const state = status.get(video.mediaId);
      if (state !== 'ready')
        throw new ValidationError(
          video.path,
          state === undefined
            ? `there is no video with id ${video.mediaId} in the library`
            : `video ${video.mediaId} is ${state === 'failed' ? 'a failed upload' : 'still processing'}; publish when it is ready`,
        );
    }
  }
  if (article.lead_media_id !== null) {
    const text = await trx
      .selectFrom('media_translations')
      .select('alt')
      .where('media_id', '=', article.lead_media_id)
      .where('locale', '=', article.locale)
      .executeTakeFirst();
    if (!text?.alt.trim())
      throw new ValidationError(
        'leadMediaId',
        `the lead image has no alt text in ${article.locale === 'en' ? 'English' : 'Spanish'}; describe it before publishing`,
      );
  }
  const [firstWithoutAlt] = imagesWithoutAlt(bodyDoc);
  if (firstWithoutAlt !== undefined)
    throw new ValidationError(
      firstWithoutAlt,
      'this image has no alt text; describe it before publishing',
    );
}

/** Answers 410 at a path that readers could reach, and turns redirects to it into 410s too. */
export async function markPathGone(
  trx: Transaction<Database>,
  path: string,
  now: Date,
  changes: ChangeSet,
): Promise<void> {
  await trx
    .updateTable('redirects')
    .set({ to_path: null, status_code: 410 })
    .where('to_path', '=', path)
    .execute();
  await trx
    .insertInto('redirects')
    .values({ from_path: path, to_path: null, status_code: 410, created_at: now.toISOString() })
    .onConflict((conflict) =>
      conflict.column('from_path').doUpdateSet({ to_path: null, status_code: 410 }),
    )
    .execute();
  changes.cacheKeys.add(cacheKey.redirects);
}

/** The public path of an article as it stands (or would stand) in the database. */
export async function articlePath(
  trx: Transaction<Database>,
  article: { locale: Locale; section_id: number; slug: string },
): Promise<string> {
  const section = await trx
    .selectFrom('section_translations')
    .select('slug')
    .where('section_id', '=', article.section_id)
    .where('locale', '=', article.locale)
    .executeTakeFirstOrThrow();
  return sitePaths.article(article.locale, section.slug, article.slug);
}

/**
 * Below editor, staff change only what they created: contributors their own drafts, authors
 * their own articles (the operation's policy has already said whether the role may act at all).
 */
export function assertMayChangeArticle(
  actor: Actor,
  article: { created_by_user_id: number | null; status: ArticleStatus },
  action: 'edit' | 'publish',
): void {
  if (actor.kind !== 'staff' || actor.role === 'editor' || actor.role === 'admin') return;
  if (article.created_by_user_id !== actor.userId)
    throw new ForbiddenError(
      `${actor.role === 'author' ? 'an' : 'a'} ${actor.role} may ${action} only the articles they created`,
    );
  if (actor.role === 'contributor' && article.status !== 'draft')
    throw new ForbiddenError('a contributor may edit only drafts; an editor takes it from there');
}

/** What a revision keeps: every editable field of the article as it stood. */
export interface RevisionSnapshot {
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  type: ArticleType;
  authorIds: number[];
  tagIds: number[];
  leadMediaId: number | null;
  /** Absent in revisions saved before lead videos existed. */
  leadVideoId?: number | null;
  leadVideoAutoplay?: boolean;
  /** Absent in revisions saved before SEO fields existed. */
  seoTitle?: string;
  seoDescription?: string;
  /** Absent in revisions saved before the trust fields existed. */
  dateline?: string;
  backstory?: string;
  sources?: ArticleSource[];
  body: unknown;
  /** The article's public notes as they stood (absent in revisions saved before notes existed). */
  notes?: RevisionNote[];
}

/** A public note as a revision keeps it: its text before and after an amendment stays on record. */
export interface RevisionNote {
  id: number;
  type: string;
  text: string;
  isProminent: boolean;
  notedAt: string;
  amendedAt: string | null;
}

/**
 * Records the article's current state as a revision. Called by every operation that saves
 * content, after the write, in the same transaction: history is never lost, and never ahead of
 * what was saved.
 */
export async function recordRevision(
  trx: Transaction<Database>,
  articleId: number,
  revision: { actor: Actor; now: Date; note: string | null },
): Promise<void> {
  const article = await findArticleForStaff(trx, articleId);
  if (!article) throw new Error(`article ${articleId} vanished inside its own transaction`);
  const notes = await trx
    .selectFrom('article_notes')
    .select(['id', 'type', 'text', 'is_prominent', 'noted_at', 'amended_at'])
    .where('article_id', '=', articleId)
    .orderBy('id')
    .execute();
  const snapshot: RevisionSnapshot = {
    headline: article.headline,
    dek: article.dek,
    slug: article.slug,
    sectionId: article.sectionId,
    type: article.type,
    authorIds: article.authorIds,
    tagIds: article.tagIds,
    leadMediaId: article.leadMediaId,
    leadVideoId: article.leadVideoId,
    leadVideoAutoplay: article.leadVideoAutoplay,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    dateline: article.dateline,
    backstory: article.backstory,
    sources: article.sources,
    body: article.body,
    notes: notes.map((note) => ({
      id: note.id,
      type: note.type,
      text: note.text,
      isProminent: note.is_prominent === 1,
      notedAt: note.noted_at,
      amendedAt: note.amended_at,
    })),
  };
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      version: article.version,
      created_at: revision.now.toISOString(),
      created_by_user_id: revision.actor.kind === 'staff' ? revision.actor.userId : null,
      note: revision.note,
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
}

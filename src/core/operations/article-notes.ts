/**
 * Public notes on articles: corrections, clarifications, updates and editor's notes. A note is
 * dated, shown on the article (at the top when prominent, else at the end), on the edition's
 * corrections page and in its feeds. It is never deleted: an amendment keeps what it said before,
 * and is dated in turn. Both operations save the article's history like an edit does: the
 * modified time moves, the version goes up and a revision keeps the notes as they now stand.
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { ARTICLE_NOTE_TYPES } from '../../db/schema.js';
import type { ArticleNoteType, Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { cacheKey } from '../change-set.js';
import type { ChangeSet } from '../change-set.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema, requiredText } from './input-schemas.js';
import { findArticleToChange, recordRevision } from './article-support.js';

export const MAX_NOTE_LENGTH = 2000;

const noteType = z.enum(ARTICLE_NOTE_TYPES, {
  error: `must be one of ${ARTICLE_NOTE_TYPES.join(', ')}`,
});

const addInput = z.object({
  articleId: idSchema,
  type: noteType,
  /** Plain text in the article's language; shown as text, never as markup. */
  text: requiredText(MAX_NOTE_LENGTH),
  isProminent: z.boolean().default(false),
  /** The date-time readers see; defaults to now. Never in the future. */
  notedAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset' })
    .optional(),
});

const amendInput = z.object({
  noteId: idSchema,
  type: noteType.optional(),
  text: requiredText(MAX_NOTE_LENGTH).optional(),
  isProminent: z.boolean().optional(),
});

/** How a revision note names a note's type: "Added a correction: ...". */
const TYPE_NAMES: Record<ArticleNoteType, string> = {
  correction: 'a correction',
  clarification: 'a clarification',
  update: 'an update',
  editors_note: "an editor's note",
};

/** Revision notes are one line in the history list; the snapshot keeps the whole text. */
const REVISION_NOTE_TEXT = 300;
const excerpt = (text: string) =>
  text.length <= REVISION_NOTE_TEXT ? text : `${text.slice(0, REVISION_NOTE_TEXT - 1)}…`;

const userIdOf = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/**
 * The article changed: its modified time and version move and a revision records the notes.
 * Only the pages that show notes are dropped: the article's own page (and everything listing it
 * with its modified time: feeds, which carry the `article:N` key) and the edition's corrections
 * page and feeds.
 */
async function saveArticleHistory(
  run: { trx: Transaction<Database>; actor: Actor; now: Date; changes: ChangeSet },
  article: { id: number; locale: 'en' | 'es' },
  revisionNote: string,
): Promise<void> {
  const { trx, actor, now, changes } = run;
  await trx
    .updateTable('articles')
    .set({ updated_at: now.toISOString(), version: sql<number>`version + 1` })
    .where('id', '=', article.id)
    .execute();
  await recordRevision(trx, article.id, { actor, now, note: revisionNote });
  changes.cacheKeys.add(cacheKey.article(article.id));
  changes.cacheKeys.add(cacheKey.corrections(article.locale));
  changes.events.push({ type: 'article.updated', id: article.id });
}

/** Adds a public note to a published article. */
export const addArticleNote = defineOperation({
  name: 'add a correction or other note to an article',
  input: addInput,
  policy: editorsPolicy,
  async run(run, data) {
    const { trx, actor, now, changes } = run;
    const article = await findArticleToChange(trx, data.articleId);
    // A draft is corrected by editing it: a public note is for what readers have already seen.
    if (article.status !== 'published')
      throw new ConflictError(
        'articleId',
        `article ${article.id} is not published (${article.status}); edit it instead of adding a public note`,
      );
    const notedAt = data.notedAt ? new Date(data.notedAt) : now;
    if (notedAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('notedAt', 'is in the future; a note is dated when it is made');
    const { id } = await trx
      .insertInto('article_notes')
      .values({
        article_id: article.id,
        type: data.type,
        text: data.text,
        is_prominent: data.isProminent ? 1 : 0,
        noted_at: notedAt.toISOString(),
        created_by_user_id: userIdOf(actor),
        created_at: now.toISOString(),
        amended_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveArticleHistory(run, article, `Added ${TYPE_NAMES[data.type]}: ${excerpt(data.text)}`);
    // Every type is announced (receivers read `data.note.type`): an update matters as much.
    changes.events.push({ type: 'correction.added', id });
    return { id, articleId: article.id };
  },
});

/** Changes a note's text, type or prominence; what it said before is kept, and the change dated. */
export const amendArticleNote = defineOperation({
  name: 'amend a note on an article',
  input: amendInput,
  policy: editorsPolicy,
  async run(run, data) {
    const { trx, actor, now } = run;
    const note = await trx
      .selectFrom('article_notes')
      .selectAll()
      .where('id', '=', data.noteId)
      .executeTakeFirst();
    if (!note) throw new NotFoundError(`no note with id ${data.noteId}`);
    const article = await findArticleToChange(trx, note.article_id);
    const next = {
      type: data.type ?? note.type,
      text: data.text ?? note.text,
      is_prominent: data.isProminent === undefined ? note.is_prominent : data.isProminent ? 1 : 0,
    };
    const isUnchanged =
      next.type === note.type && next.text === note.text && next.is_prominent === note.is_prominent;
    // Nothing to amend: no dated "Amended" line for a save that changed nothing.
    if (isUnchanged) return { id: note.id, articleId: article.id };
    await trx
      .insertInto('article_note_amendments')
      .values({
        note_id: note.id,
        previous_type: note.type,
        previous_text: note.text,
        previous_is_prominent: note.is_prominent,
        amended_by_user_id: userIdOf(actor),
        amended_at: now.toISOString(),
      })
      .execute();
    await trx
      .updateTable('article_notes')
      .set({ ...next, amended_at: now.toISOString() })
      .where('id', '=', note.id)
      .execute();
    await saveArticleHistory(
      run,
      article,
      `Amended ${TYPE_NAMES[next.type]}: ${excerpt(next.text)}`,
    );
    return { id: note.id, articleId: article.id };
  },
});

/**
 * Public notes on articles (corrections, clarifications, updates, editor's notes): read them,
 * add one, amend one, and the newsroom's log of every note. There is no DELETE: a note is
 * never removed, only amended, and every amendment stays on record.
 */
import { z } from 'zod';
import { GoneError, NotFoundError } from '../../core/errors.js';
import { findArticleForStaff } from '../../core/newsroom/articles-for-staff.js';
import {
  findArticleNote,
  listArticleNotes,
  listNotesForStaff,
} from '../../core/newsroom/article-notes-for-staff.js';
import { runOperation } from '../../core/operation.js';
import { addArticleNote, amendArticleNote } from '../../core/operations/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { anyStaff, jsonObject, pageParam, parsedQuery, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const PAGE_SIZE = 50;

const correctionsQuery = z.object({
  locale: z.enum(['en', 'es'], { error: 'must be "en" or "es"' }).optional(),
  page: pageParam,
});

const articleIdParam = (raw: string | undefined) => positiveIntParam(raw, 'id');

/** The article must exist and not be deleted before its notes are read. */
async function assertArticleExists(db: Kysely<Database>, id: number): Promise<void> {
  const article = await findArticleForStaff(db, id);
  if (!article) throw new NotFoundError(`no article with id ${id}`);
  if (article.deletedAt !== null) throw new GoneError(`article ${id} was deleted`);
}

export const articleNoteRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles/:id/notes',
    policy: anyStaff,
    summary: "An article's public notes, oldest first, each with its amendments",
    async handle(c, { db }) {
      const id = articleIdParam(c.req.param('id'));
      await assertArticleExists(db, id);
      return c.json({ notes: await listArticleNotes(db, id) });
    },
  },
  {
    method: 'POST',
    path: '/articles/:id/notes',
    policy: addArticleNote.policy,
    summary:
      "Add a correction, clarification, update or editor's note to a published article (409 on a draft)",
    requestBody: addArticleNote.input,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, addArticleNote, actor, {
        ...body,
        articleId: articleIdParam(c.req.param('id')),
      });
      return c.json({ note: await findArticleNote(db, id) }, 201);
    },
  },
  {
    method: 'PATCH',
    path: '/articles/:id/notes/:noteId',
    policy: amendArticleNote.policy,
    summary: "Amend a note's text, type or prominence; the amendment is dated and shown",
    requestBody: amendArticleNote.input,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const articleId = articleIdParam(c.req.param('id'));
      const noteId = positiveIntParam(c.req.param('noteId'), 'noteId');
      const current = await findArticleNote(db, noteId);
      // CASE: a note id from another article: the URL names the wrong pair.
      if (!current || current.articleId !== articleId)
        throw new NotFoundError(`article ${articleId} has no note ${noteId}`);
      await runOperation(core, amendArticleNote, actor, { ...body, noteId });
      return c.json({ note: await findArticleNote(db, noteId) });
    },
  },
  {
    method: 'GET',
    path: '/corrections',
    policy: anyStaff,
    summary: 'Every public note on every article, newest first',
    query: correctionsQuery,
    async handle(c, { db }) {
      const filter = parsedQuery(c, correctionsQuery);
      return c.json(await listNotesForStaff(db, { ...filter, pageSize: PAGE_SIZE }));
    },
  },
];

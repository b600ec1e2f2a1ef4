/** Public notes as the newsroom sees them: every note with its amendment history, and who wrote it. */
import type { Kysely } from 'kysely';
import type { ArticleNoteType, Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';
import { pageOf } from './page-of.js';
import type { PageOf } from './page-of.js';

export interface StaffNoteAmendment {
  /** What the note said and was before this amendment. */
  previousType: ArticleNoteType;
  previousText: string;
  previousIsProminent: boolean;
  amendedAt: string;
  amendedBy: string | null;
}

export interface StaffArticleNote {
  id: number;
  articleId: number;
  type: ArticleNoteType;
  text: string;
  isProminent: boolean;
  notedAt: string;
  createdAt: string;
  createdBy: string | null;
  amendedAt: string | null;
  /** Oldest first. */
  amendments: StaffNoteAmendment[];
}

export interface StaffNoteWithArticle extends StaffArticleNote {
  article: { id: number; locale: Locale; headline: string; status: string; path: string };
}

async function notesWithHistory(
  db: Kysely<Database>,
  where: { articleId?: number; noteIds?: number[] },
): Promise<StaffArticleNote[]> {
  let query = db
    .selectFrom('article_notes as n')
    .leftJoin('staff_users as u', 'u.id', 'n.created_by_user_id')
    .select([
      'n.id',
      'n.article_id',
      'n.type',
      'n.text',
      'n.is_prominent',
      'n.noted_at',
      'n.created_at',
      'n.amended_at',
      'u.name as created_by',
    ])
    .orderBy('n.noted_at')
    .orderBy('n.id');
  if (where.articleId !== undefined) query = query.where('n.article_id', '=', where.articleId);
  if (where.noteIds !== undefined) {
    if (where.noteIds.length === 0) return [];
    query = query.where('n.id', 'in', where.noteIds);
  }
  const notes = await query.execute();
  if (notes.length === 0) return [];
  const amendments = await db
    .selectFrom('article_note_amendments as m')
    .leftJoin('staff_users as u', 'u.id', 'm.amended_by_user_id')
    .select([
      'm.note_id',
      'm.previous_type',
      'm.previous_text',
      'm.previous_is_prominent',
      'm.amended_at',
      'u.name as amended_by',
    ])
    .where(
      'm.note_id',
      'in',
      notes.map((note) => note.id),
    )
    .orderBy('m.amended_at')
    .orderBy('m.id')
    .execute();
  return notes.map((note) => ({
    id: note.id,
    articleId: note.article_id,
    type: note.type,
    text: note.text,
    isProminent: note.is_prominent === 1,
    notedAt: note.noted_at,
    createdAt: note.created_at,
    createdBy: note.created_by,
    amendedAt: note.amended_at,
    amendments: amendments
      .filter((amendment) => amendment.note_id === note.id)
      .map((amendment) => ({
        previousType: amendment.previous_type,
        previousText: amendment.previous_text,
        previousIsProminent: amendment.previous_is_prominent === 1,
        amendedAt: amendment.amended_at,
        amendedBy: amendment.amended_by,
      })),
  }));
}

/** An article's notes, oldest first, each with its amendments. */
export function listArticleNotes(
  db: Kysely<Database>,
  articleId: number,
): Promise<StaffArticleNote[]> {
  return notesWithHistory(db, { articleId });
}

export async function findArticleNote(
  db: Kysely<Database>,
  noteId: number,
): Promise<StaffArticleNote | null> {
  const [note] = await notesWithHistory(db, { noteIds: [noteId] });
  return note ?? null;
}

/** Every note (any article status), newest first: the newsroom's corrections log. */
export async function listNotesForStaff(
  db: Kysely<Database>,
  filter: { locale?: Locale | undefined; page: number; pageSize: number },
): Promise<PageOf<StaffNoteWithArticle>> {
  let base = db.selectFrom('article_notes as n').innerJoin('articles as a', 'a.id', 'n.article_id');
  if (filter.locale !== undefined) base = base.where('a.locale', '=', filter.locale);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select([
        'n.id',
        'a.id as article_id',
        'a.locale',
        'a.headline',
        'a.status',
        'a.slug',
        'st.slug as section_slug',
      ])
      .orderBy('n.noted_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const notes = await notesWithHistory(db, { noteIds: rows.map((row) => row.id) });
  const items = rows.flatMap((row) => {
    const note = notes.find((candidate) => candidate.id === row.id);
    if (!note) return [];
    return [
      {
        ...note,
        article: {
          id: row.article_id,
          locale: row.locale,
          headline: row.headline,
          status: row.status,
          path: sitePaths.article(row.locale, row.section_slug, row.slug),
        },
      },
    ];
  });
  return pageOf(items, Number(count.total), filter);
}

/**
 * Public notes (corrections, clarifications, updates, editor's notes) as readers see them: on
 * the edition's corrections page and in its feeds, newest first, each with the article it is
 * about. Only notes on published articles: a withdrawn story takes its notes with it.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ArticleNoteType, Database, Locale } from '../../db/schema.js';
import type { JsonArrayColumn } from '../../db/dialect-features.js';
import { jsonArray } from '../../db/dialect-features.js';
import type { Page } from './reader-types.js';

/** A note on the article page. */
export interface ArticleNoteView {
  id: number;
  type: ArticleNoteType;
  /** Plain text: templates escape it like any other value. */
  text: string;
  isProminent: boolean;
  /** ISO-8601 UTC. */
  notedAt: string;
  /** When it was last amended (ISO-8601 UTC), or null. */
  amendedAt: string | null;
}

/** A note on the corrections page or feed: the note and the article it is about. */
export interface NoteWithArticle extends ArticleNoteView {
  article: {
    id: number;
    locale: Locale;
    headline: string;
    slug: string;
    createdAt: string;
    section: { id: number; name: string; slug: string };
  };
}

/** A note as its JSON array column holds it (article page query). */
export interface ArticleNoteJson {
  id: number;
  type: ArticleNoteType;
  text: string;
  is_prominent: number | boolean;
  noted_at: string;
  amended_at: string | null;
}

/**
 * Timestamps inside JSON arrays are not parsed by the driver: PostgreSQL's `json_agg` writes
 * `2026-03-04T09:30:00+00:00`; this brings them to the ISO UTC form every other column has.
 */
const utc = (value: string) => new Date(value).toISOString();

export function noteFromJson(note: ArticleNoteJson): ArticleNoteView {
  return {
    id: note.id,
    type: note.type,
    text: note.text,
    isProminent: note.is_prominent === 1 || note.is_prominent === true,
    notedAt: utc(note.noted_at),
    amendedAt: note.amended_at === null ? null : utc(note.amended_at),
  };
}

export function notesFromColumn(column: unknown): ArticleNoteView[] {
  return jsonArray(column as JsonArrayColumn<ArticleNoteJson>).map(noteFromJson);
}

function notesOfPublishedArticles(db: Kysely<Database>, p: { locale: Locale }) {
  return db
    .selectFrom('article_notes as n')
    .innerJoin('articles as a', 'a.id', 'n.article_id')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .where('a.status', '=', 'published')
    .where('a.locale', '=', p.locale);
}

const countNotes = preparedQuery((db, p: { locale: Locale }) =>
  notesOfPublishedArticles(db, p).select((eb) => eb.fn.countAll<number>().as('total')),
);

/** One prepared query per page size: LIMIT is a literal, as in list-articles.ts. */
const pagesBySize = new Map<number, ReturnType<typeof preparedNotePage>>();

function preparedNotePage(size: number) {
  return preparedQuery((db, p: { locale: Locale; offset: number }) =>
    notesOfPublishedArticles(db, p)
      .select([
        'n.id',
        'n.type',
        'n.text',
        'n.is_prominent',
        'n.noted_at',
        'n.amended_at',
        'a.id as article_id',
        'a.locale',
        'a.headline',
        'a.slug',
        'a.created_at as article_created_at',
        'a.section_id',
        'st.name as section_name',
        'st.slug as section_slug',
      ])
      .orderBy('n.noted_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(sql.lit(size))
      .offset(p.offset),
  );
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof preparedNotePage>>>[number];

function noteWithArticle(row: NoteRow): NoteWithArticle {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    isProminent: row.is_prominent === 1,
    notedAt: row.noted_at,
    amendedAt: row.amended_at,
    article: {
      id: row.article_id,
      locale: row.locale,
      headline: row.headline,
      slug: row.slug,
      createdAt: row.article_created_at,
      section: { id: row.section_id, name: row.section_name, slug: row.section_slug },
    },
  };
}

/** The notes of one edition, newest first, a page at a time (page numbers from 1). */
export async function listPublicNotes(
  db: Kysely<Database>,
  locale: Locale,
  page: { number: number; size: number },
): Promise<Page<NoteWithArticle>> {
  let query = pagesBySize.get(page.size);
  if (!query) pagesBySize.set(page.size, (query = preparedNotePage(page.size)));
  const [rows, [count]] = await Promise.all([
    query(db, { locale, offset: (page.number - 1) * page.size }),
    countNotes(db, { locale }),
  ]);
  const total = Number(count?.total ?? 0);
  return {
    items: rows.map(noteWithArticle),
    page: page.number,
    pageCount: Math.max(1, Math.ceil(total / page.size)),
    total,
  };
}

/**
 * What the newsroom sees of the media library: every image with its renditions and its alt
 * text, caption and credit in both editions, searchable by any of those words.
 */
import type { Kysely } from 'kysely';
import { containsText } from '../../db/dialect-features.js';
import type { Database, Locale, MediaRow } from '../../db/schema.js';
import { pageOf } from './page-of.js';

export interface StaffMediaText {
  alt: string;
  caption: string;
  credit: string;
}

export interface StaffMedia {
  id: number;
  /** Where the reader site serves the stored file. */
  url: string;
  mime: string;
  width: number;
  height: number;
  sourceAgency: string | null;
  createdAt: string;
  variants: { url: string; width: number; height: number; mime: string }[];
  translations: Record<Locale, StaffMediaText>;
}

export const mediaUrl = (key: string): string => `/media/${key}`;

async function present(db: Kysely<Database>, rows: MediaRow[]): Promise<StaffMedia[]> {
  if (rows.length === 0) return [];
  const texts = await db
    .selectFrom('media_translations')
    .selectAll()
    .where(
      'media_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => {
    const textIn = (locale: Locale): StaffMediaText => {
      const text = texts.find((t) => t.media_id === row.id && t.locale === locale);
      return { alt: text?.alt ?? '', caption: text?.caption ?? '', credit: text?.credit ?? '' };
    };
    const variants = JSON.parse(row.variants) as {
      path: string;
      width: number;
      height: number;
      mime: string;
    }[];
    return {
      id: row.id,
      url: mediaUrl(row.path),
      mime: row.mime,
      width: row.width,
      height: row.height,
      sourceAgency: row.source_agency,
      createdAt: row.created_at,
      variants: variants.map(({ path, ...size }) => ({ url: mediaUrl(path), ...size })),
      translations: { en: textIn('en'), es: textIn('es') },
    };
  });
}

export async function findMediaForStaff(
  db: Kysely<Database>,
  id: number,
): Promise<StaffMedia | null> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await present(db, [row]))[0] ?? null) : null;
}

/** Newest first; `q` matches alt text, caption or credit in either language, or the agency. */
export async function listMediaForStaff(
  db: Kysely<Database>,
  filter: { q?: string | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('media as m');
  const words = filter.q?.trim();
  if (words) {
    const matches = (column: string) => containsText(column, words);
    query = query.where((eb) =>
      eb.or([
        matches('m.source_agency'),
        eb.exists(
          eb
            .selectFrom('media_translations as t')
            .select('t.media_id')
            .whereRef('t.media_id', '=', 'm.id')
            .where((inner) =>
              inner.or([matches('t.alt'), matches('t.caption'), matches('t.credit')]),
            ),
        ),
      ]),
    );
  }
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await query
    .selectAll('m')
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return pageOf(await present(db, rows), Number(total), filter);
}

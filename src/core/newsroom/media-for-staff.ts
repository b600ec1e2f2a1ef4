/**
 * What the newsroom sees of the media library: every image and video with its renditions and
 * its alt text, caption and credit in both editions, searchable by any of those words. A video
 * also shows what ffprobe read, how its processing goes, its poster (an image, shown like any
 * other) and its captions.
 */
import type { Kysely } from 'kysely';
import { containsText } from '../../db/dialect-features.js';
import type {
  Database,
  Locale,
  MediaKind,
  MediaProcessingStatus,
  MediaRow,
} from '../../db/schema.js';
import { pageOf } from './page-of.js';

export interface StaffMediaText {
  alt: string;
  caption: string;
  credit: string;
}

export interface StaffMedia {
  id: number;
  kind: MediaKind;
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

/** A video: the fields of any media item, and the video's own. */
export interface StaffVideo extends StaffMedia {
  kind: 'video';
  durationMs: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  processing: { status: MediaProcessingStatus; progress: number; error: string | null };
  poster: StaffMedia | null;
  /** `path` is where the reader site serves the .vtt file. */
  captions: { locale: Locale; label: string; path: string }[];
}

export const mediaUrl = (key: string): string => `/media/${key}`;

async function present(
  db: Kysely<Database>,
  rows: MediaRow[],
): Promise<(StaffMedia | StaffVideo)[]> {
  if (rows.length === 0) return [];
  const videos = rows.filter((row) => row.kind === 'video');
  const posterIds = videos.flatMap((row) => (row.poster_media_id ? [row.poster_media_id] : []));
  const [posters, captions] = await Promise.all([
    posterIds.length > 0
      ? db.selectFrom('media').selectAll().where('id', 'in', posterIds).execute()
      : [],
    videos.length > 0
      ? db
          .selectFrom('media_captions')
          .select(['media_id', 'locale', 'label', 'path'])
          .where(
            'media_id',
            'in',
            videos.map((row) => row.id),
          )
          .orderBy('locale')
          .execute()
      : [],
  ]);
  const presentedPosters = new Map(
    (await presentImages(db, posters)).map((poster) => [poster.id, poster]),
  );
  return (await presentImages(db, rows)).map((media, index): StaffMedia | StaffVideo => {
    const row = rows[index];
    if (!row || row.kind !== 'video') return media;
    return {
      ...media,
      kind: 'video',
      durationMs: row.duration_ms,
      videoCodec: row.video_codec,
      audioCodec: row.audio_codec,
      processing: {
        status: row.processing_status,
        progress: row.processing_progress,
        error: row.processing_error,
      },
      poster: row.poster_media_id ? (presentedPosters.get(row.poster_media_id) ?? null) : null,
      captions: captions
        .filter((caption) => caption.media_id === row.id)
        .map(({ locale, label, path }) => ({ locale, label, path: mediaUrl(path) })),
    };
  });
}

/** The fields every media item has, images and videos alike. */
async function presentImages(db: Kysely<Database>, rows: MediaRow[]): Promise<StaffMedia[]> {
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
      kind: row.kind,
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
): Promise<StaffMedia | StaffVideo | null> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await present(db, [row]))[0] ?? null) : null;
}

/**
 * Newest first; `q` matches alt text, caption or credit in either language, or the agency;
 * `kind` keeps images or videos only.
 */
export async function listMediaForStaff(
  db: Kysely<Database>,
  filter: { q?: string | undefined; kind?: MediaKind | undefined; page: number; pageSize: number },
) {
  let query = db.selectFrom('media as m');
  if (filter.kind) query = query.where('m.kind', '=', filter.kind);
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

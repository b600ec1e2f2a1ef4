/**
 * The videos an article page shows: its lead video and every video in its body, in one query,
 * with their renditions, poster, captions and words in the page's language. Only ready videos
 * come back: a video still processing (or failed) renders nothing, never a broken player.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { videoIdsInHtml } from '../../content/video-node.js';
import { dialectFeatures, jsonArray } from '../../db/dialect-features.js';
import type { JsonArrayColumn } from '../../db/dialect-features.js';
import type { Database, Locale } from '../../db/schema.js';
import type { VideoView } from './reader-types.js';

type CaptionJson = { locale: Locale; label: string; path: string };

/** The ids a page with this body and lead video shows, lead first, without repeats. */
export function videoIdsOfArticle(article: {
  bodyHtml: string;
  leadVideoId: number | null;
}): number[] {
  const ids = videoIdsInHtml(article.bodyHtml);
  return article.leadVideoId === null
    ? ids
    : [article.leadVideoId, ...ids.filter((id) => id !== article.leadVideoId)];
}

/**
 * Loads the ready videos among `ids`, with words in `locale`. The id list differs per article, so
 * this is a plain query rather than a prepared one; pages without a video never run it.
 */
export async function loadVideos(
  db: Kysely<Database>,
  ids: number[],
  locale: Locale,
): Promise<Map<number, VideoView>> {
  if (ids.length === 0) return new Map();
  const { jsonArrayFrom } = dialectFeatures(db);
  const rows = await db
    .selectFrom('media as v')
    .leftJoin('media_translations as vt', (join) =>
      join.onRef('vt.media_id', '=', 'v.id').on('vt.locale', '=', locale),
    )
    .leftJoin('media as p', (join) =>
      join.onRef('p.id', '=', 'v.poster_media_id').on('p.kind', '=', 'image'),
    )
    .select([
      'v.id',
      'v.width',
      'v.height',
      'v.duration_ms',
      'v.variants',
      'v.created_at',
      'vt.alt',
      'vt.caption',
      'vt.credit',
      'p.id as poster_id',
      'p.path as poster_path',
      'p.width as poster_width',
      'p.height as poster_height',
      'p.variants as poster_variants',
      jsonArrayFrom(
        db
          .selectFrom('media_captions as c')
          .select(['c.locale', 'c.label', 'c.path'])
          .where('c.media_id', '=', sql.ref<number>('v.id'))
          .orderBy('c.locale'),
      ).as('captions'),
    ])
    .where('v.id', 'in', ids)
    .where('v.kind', '=', 'video')
    .where('v.processing_status', '=', 'ready')
    .execute();

  const found = new Map<number, VideoView>();
  for (const row of rows) {
    const sources = (JSON.parse(row.variants) as VideoView['sources'])
      // MP4 first: every browser plays it; an HLS playlist is for players that ask for it.
      .sort((a, b) => Number(b.mime === 'video/mp4') - Number(a.mime === 'video/mp4'));
    // CASE: marked ready without a web rendition (should not happen): no player, no hole.
    if (!sources.some((source) => source.mime === 'video/mp4')) continue;
    const captions = jsonArray(row.captions as JsonArrayColumn<CaptionJson>).sort(
      (a, b) => Number(b.locale === locale) - Number(a.locale === locale),
    );
    found.set(row.id, {
      id: row.id,
      width: row.width,
      height: row.height,
      durationMs: row.duration_ms ?? 0,
      sources,
      poster:
        row.poster_id !== null && row.poster_path !== null
          ? {
              id: row.poster_id,
              path: row.poster_path,
              width: row.poster_width ?? 0,
              height: row.poster_height ?? 0,
              variants: JSON.parse(row.poster_variants ?? '[]') as VideoView['sources'],
            }
          : null,
      captions,
      alt: row.alt ?? '',
      caption: row.caption ?? '',
      credit: row.credit ?? '',
      uploadedAt: row.created_at,
    });
  }
  // In the order asked for (lead first, then the body's): the page's structured data lists them so.
  const videos = new Map<number, VideoView>();
  for (const id of ids) {
    const video = found.get(id);
    if (video) videos.set(id, video);
  }
  return videos;
}

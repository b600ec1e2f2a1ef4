/**
 * The videos of the articles a Content API response shows: each article's lead video (the `video`
 * field) and the videos in its body, whose placeholders become plain `<video controls>` elements
 * with absolute URLs (a consumer's page has no player script of ours). Only ready videos: a
 * placeholder of a video that is not ready is dropped with its figure.
 */
import type { Kysely } from 'kysely';
import { BODY_VIDEO_FIGURE, videoIdsInHtml } from '../../content/video-node.js';
import type { ContentArticle } from '../../core/reader/content-articles.js';
import type { VideoView } from '../../core/reader/reader-types.js';
import { loadVideos } from '../../core/reader/videos.js';
import { largestRendition } from '../../core/reader/renditions.js';
import type { Database, Locale } from '../../db/schema.js';
import { escapeHtml } from '../../lib/html.js';

export interface ArticleVideos {
  leadVideoId: number | null;
  videos: Map<number, VideoView>;
}

/** Loads what `presentArticle` needs to show the articles' videos: two queries per locale at most. */
export async function loadArticleVideos(
  db: Kysely<Database>,
  articles: Pick<ContentArticle, 'id' | 'locale' | 'bodyHtml'>[],
): Promise<Map<number, ArticleVideos>> {
  const result = new Map<number, ArticleVideos>();
  if (articles.length === 0) return result;
  const leads = await db
    .selectFrom('articles')
    .select(['id', 'lead_video_id'])
    .where(
      'id',
      'in',
      articles.map((article) => article.id),
    )
    .execute();
  const leadOf = new Map(leads.map((row) => [row.id, row.lead_video_id]));
  const idsByLocale = new Map<Locale, Set<number>>();
  for (const article of articles) {
    const lead = leadOf.get(article.id) ?? null;
    const ids = [...(lead === null ? [] : [lead]), ...videoIdsInHtml(article.bodyHtml ?? '')];
    const forLocale = idsByLocale.get(article.locale) ?? new Set<number>();
    for (const id of ids) forLocale.add(id);
    idsByLocale.set(article.locale, forLocale);
  }
  const loaded = new Map<Locale, Map<number, VideoView>>();
  for (const [locale, ids] of idsByLocale)
    loaded.set(locale, await loadVideos(db, [...ids], locale));
  for (const article of articles)
    result.set(article.id, {
      leadVideoId: leadOf.get(article.id) ?? null,
      videos: loaded.get(article.locale) ?? new Map(),
    });
  return result;
}

/** A video as the Content API shows it: every file absolute, the duration in seconds. */
export function presentVideo(video: VideoView, mediaUrl: (key: string) => string) {
  const poster = video.poster
    ? mediaUrl(largestRendition(video.poster.variants)?.path ?? video.poster.path)
    : null;
  return {
    id: video.id,
    width: video.width,
    height: video.height,
    durationSeconds: video.durationMs / 1000,
    alt: video.alt,
    caption: video.caption,
    credit: video.credit,
    poster,
    renditions: video.sources.map((source) => ({
      url: mediaUrl(source.path),
      width: source.width,
      height: source.height,
      type: source.mime,
    })),
    captions: video.captions.map((captions) => ({
      locale: captions.locale,
      label: captions.label,
      url: mediaUrl(captions.path),
    })),
  };
}

/**
 * The body with each video figure holding a native `<video controls>` (absolute URLs, its caption
 * tracks) above its figcaption; a video that is not ready goes, figure and all.
 */
export function bodyWithNativeVideos(
  bodyHtml: string,
  videos: ReadonlyMap<number, VideoView>,
  mediaUrl: (key: string) => string,
): string {
  return bodyHtml.replace(
    BODY_VIDEO_FIGURE,
    (_figure, id: string, _autoplay, figcaption: string) => {
      const video = videos.get(Number(id));
      const mp4 = video?.sources.find((source) => source.mime === 'video/mp4');
      if (!video || !mp4) return '';
      const poster = video.poster
        ? ` poster="${escapeHtml(mediaUrl(largestRendition(video.poster.variants)?.path ?? video.poster.path))}"`
        : '';
      const tracks = video.captions
        .map(
          (captions) =>
            `<track kind="captions" srclang="${captions.locale}" label="${escapeHtml(captions.label)}" src="${escapeHtml(mediaUrl(captions.path))}">`,
        )
        .join('');
      return `<figure class="body-video"><video controls preload="metadata" width="${video.width}" height="${video.height}"${poster} src="${escapeHtml(mediaUrl(mp4.path))}">${tracks}</video>${figcaption}</figure>`;
    },
  );
}

/** Media helpers shared by the library screen, the picker and the editor. */
import { ApiError, request, uploadWithProgress } from './api.ts';
import type { Locale, Media, MediaText, VideoMedia } from './types.ts';

export interface UploadResult {
  media: Media;
  prefill: Partial<MediaText> & { sourceAgency?: string | null };
  gpsRemoved: boolean;
}

/** `locale`: the edition whose alt text and caption the file's own words pre-fill. */
export function uploadMedia(file: File, locale: Locale): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', file);
  form.append('locale', locale);
  return request<UploadResult>('POST', '/media', { body: form });
}

/** The largest rendition (or the original) for the body; the smallest for thumbnails. */
export function largestUrl(media: Media): {
  url: string;
  width: number | null;
  height: number | null;
} {
  const largest = [...(media.variants ?? [])].sort((a, b) => b.width - a.width)[0];
  return largest
    ? { url: largest.url, width: largest.width, height: largest.height }
    : { url: media.url, width: media.width, height: media.height };
}

export function thumbnailUrl(media: Media): string {
  const fitting = [...(media.variants ?? [])]
    .sort((a, b) => a.width - b.width)
    .find((variant) => variant.width >= 240);
  return fitting?.url ?? media.url;
}

export function mediaText(media: Media | null | undefined, locale: Locale): MediaText {
  const text = media?.translations?.[locale];
  return { alt: text?.alt ?? '', caption: text?.caption ?? '', credit: text?.credit ?? '' };
}

export function isUploadError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.status === 413 || error.status === 422 || error.status === 415)
  );
}

/** What the video upload offers to choose: the containers the server accepts. */
export const VIDEO_ACCEPT = 'video/mp4,video/webm,video/quicktime,.mp4,.webm,.mov';

export function isVideo(media: Media): media is VideoMedia {
  return media.kind === 'video';
}

/** Still to be made ready by the background job: the app keeps asking how far it got. */
export function isProcessing(video: VideoMedia): boolean {
  return video.processing.status === 'pending' || video.processing.status === 'processing';
}

/**
 * Streams a video to the server with upload progress (`fraction` from 0 to 1); the answer comes
 * once the file is stored, before processing, which the app then follows.
 */
export function uploadVideo(
  file: File,
  locale: Locale,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ media: VideoMedia }> {
  const form = new FormData();
  form.append('locale', locale);
  // The file last: the server may start streaming it to disk before the form has ended.
  form.append('file', file);
  return uploadWithProgress<{ media: VideoMedia }>('/media/videos', form, {
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

/** The web rendition (H.264 MP4) the newsroom previews, once processing made it. */
export function videoPlaybackUrl(video: VideoMedia): string | null {
  return video.variants.find((variant) => variant.mime === 'video/mp4')?.url ?? null;
}

export function posterThumbnailUrl(video: VideoMedia): string | null {
  return video.poster ? thumbnailUrl(video.poster) : null;
}

/** `1:05` or `1:02:05`, from milliseconds. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

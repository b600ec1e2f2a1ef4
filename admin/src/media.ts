/** Media helpers shared by the library screen, the picker and the editor. */
import { ApiError, request } from './api.ts';
import type { Locale, Media, MediaText } from './types.ts';

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

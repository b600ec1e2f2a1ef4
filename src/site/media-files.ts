/**
 * Files under the media root as the reader site sends them. Images are small and sent whole;
 * video is sent in byte ranges (`Range: bytes=...` → 206), which browsers need to seek and to
 * read an MP4's index without downloading the whole file, and streamed from disk, never held
 * whole in memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** The types the reader site serves from the media root; anything else is a 404. */
export const MEDIA_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.vtt': 'text/vtt; charset=utf-8',
};

/**
 * Media keys the reader site never serves: a video's original upload (readers get the web
 * rendition; the original's metadata may say where it was filmed) and the folder uploads stream
 * into before they are checked.
 */
export function isPrivateMediaKey(key: string): boolean {
  const normalized = key.replace(/\\/g, '/').replace(/^\/+/, '');
  return (
    /^videos\/.+\/original\.[a-z0-9]+$/i.test(normalized) || normalized.startsWith('incoming/')
  );
}

/**
 * The byte range a `Range` header asks for in a file of `size` bytes: null for the whole file
 * (no header, or one we do not serve in parts, such as several ranges), 'unsatisfiable' for a
 * range outside the file (416).
 */
export function requestedRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The response for a media file, or null when there is no such file. */
export async function mediaFileResponse(
  file: string,
  type: string,
  rangeHeader: string | undefined,
  /** HEAD: the headers only; no file is opened. */
  isHead = false,
): Promise<Response | null> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    size = info.size;
  } catch {
    return null;
  }
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'public, max-age=604800',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
  };
  const range = requestedRange(rangeHeader, size);
  if (range === 'unsatisfiable')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}` },
    });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (size === 0) return new Response(new Uint8Array(0), { status: 200, headers });
  const body = isHead
    ? null
    : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'content-length': String(end - start + 1),
      ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }),
    },
  });
}

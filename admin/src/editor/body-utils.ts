/**
 * Reading article bodies (ProseMirror JSON): plain text for diffs, images and videos for
 * publishing checks.
 */
import type { BodyNodeJson } from '../../../src/content/body-schema.ts';

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'image',
  'video',
  'embed',
  'horizontalRule',
]);

/**
 * The body as plain text, one block per line; images appear as [image: alt], videos as
 * [video 12: caption], embeds as [X: text — url].
 */
export function bodyText(node: unknown): string {
  const lines: string[] = [];
  let line = '';
  const walk = (current: BodyNodeJson) => {
    if (current.type === 'text') line += current.text ?? '';
    else if (current.type === 'hardBreak') line += '\n';
    else if (current.type === 'image') {
      const attrs = current.attrs ?? {};
      lines.push(
        `[image: ${String(attrs['alt'] ?? '')}${attrs['caption'] ? ` — ${String(attrs['caption'])}` : ''}]`,
      );
    } else if (current.type === 'video') {
      const attrs = current.attrs ?? {};
      lines.push(
        `[video ${String(attrs['mediaId'])}${attrs['caption'] ? `: ${String(attrs['caption'])}` : ''}]`,
      );
    } else if (current.type === 'embed') {
      const attrs = current.attrs ?? {};
      const text = attrs['text'] ? `${String(attrs['text'])} — ` : '';
      lines.push(`[${String(attrs['network'])}: ${text}${String(attrs['url'])}]`);
    } else if (current.type === 'horizontalRule') lines.push('* * *');
    for (const child of current.content ?? []) walk(child);
    if (BLOCKS.has(current.type) && line) {
      lines.push(current.type === 'heading' ? `## ${line}` : line);
      line = '';
    }
  };
  if (node && typeof node === 'object') walk(node as BodyNodeJson);
  if (line) lines.push(line);
  return lines.join('\n');
}

export interface BodyImage {
  index: number;
  src: string;
  alt: string;
  caption: string;
}

export function bodyImages(node: unknown): BodyImage[] {
  const images: BodyImage[] = [];
  const walk = (current: BodyNodeJson) => {
    if (current.type === 'image') {
      const attrs = current.attrs ?? {};
      images.push({
        index: images.length + 1,
        src: String(attrs['src'] ?? ''),
        alt: typeof attrs['alt'] === 'string' ? attrs['alt'] : '',
        caption: typeof attrs['caption'] === 'string' ? attrs['caption'] : '',
      });
    }
    for (const child of current.content ?? []) walk(child);
  };
  if (node && typeof node === 'object') walk(node as BodyNodeJson);
  return images;
}

/** `2026-05-01T09:30` (a datetime-local value, local time) as ISO-8601 with the local offset. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An ISO date-time as a datetime-local value in local time. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A slug from a headline: lowercase ASCII letters, digits and single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
}

export interface BodyVideo {
  /** Its place among the body's videos, from 1. */
  index: number;
  mediaId: number;
}

export function bodyVideos(node: unknown): BodyVideo[] {
  const videos: BodyVideo[] = [];
  const walk = (current: BodyNodeJson) => {
    if (current.type === 'video' && typeof current.attrs?.['mediaId'] === 'number')
      videos.push({ index: videos.length + 1, mediaId: current.attrs['mediaId'] });
    for (const child of current.content ?? []) walk(child);
  };
  if (node && typeof node === 'object') walk(node as BodyNodeJson);
  return videos;
}

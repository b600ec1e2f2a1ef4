/**
 * oEmbed, to pre-fill an embed's words: who posted it, when, and what it says (or the video's
 * title). The answer is read as data, never kept as markup: the post's words are taken out of
 * the `html` field's blockquote with htmlparser2 and stored as text.
 *
 * The request goes through the ninjs image fetcher (content/ninjs/fetch-image.ts): https only
 * (unless the operator pointed every provider at one base URL), a time limit, a size limit, no
 * redirects and no private addresses. Instagram and Facebook answer oEmbed only with an app
 * token, so their fields are typed by the editor.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { fetchImage, isPrivateHost } from '../ninjs/fetch-image.js';
import type { FetchImageOptions } from '../ninjs/fetch-image.js';
import { NETWORK_NAMES, parseEmbedUrl } from './networks.js';
import type { EmbedNetwork, EmbedPost } from './networks.js';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** How Galley reaches oEmbed providers. */
export interface OEmbedSettings {
  /** One base URL standing in for every provider (`GALLEY_OEMBED_BASE`), or null. */
  base: string | null;
  /** For the whole answer; an editor is waiting. */
  timeoutMs: number;
  /** The JSON answer; real ones are a few KB. */
  maxBytes: number;
  /** A thumbnail to copy into the media library. */
  maxThumbnailBytes: number;
}

export const DEFAULT_OEMBED_SETTINGS: OEmbedSettings = {
  base: null,
  timeoutMs: 3_000,
  maxBytes: 256 * 1024,
  maxThumbnailBytes: 5 * 1024 * 1024,
};

/** An embed node's fields, as the editor's form holds them. */
export interface EmbedFields {
  url: string;
  network: EmbedNetwork;
  authorName: string | null;
  authorHandle: string | null;
  publishedAt: string | null;
  text: string | null;
  thumbnail: string | null;
}

/** The providers' own endpoints (each answers `?url=POST&format=json`). */
const PROVIDERS: Partial<Record<EmbedNetwork, (post: EmbedPost) => string>> = {
  x: () => 'https://publish.twitter.com/oembed',
  youtube: () => 'https://www.youtube.com/oembed',
  vimeo: () => 'https://vimeo.com/api/oembed.json',
  tiktok: () => 'https://www.tiktok.com/oembed',
  bluesky: () => 'https://embed.bsky.app/oembed',
  mastodon: (post) => `https://${post.host}/api/oembed`,
};

/** The oEmbed request for a post, or null when the network offers none without a token. */
export function oembedRequestUrl(post: EmbedPost, base: string | null): string | null {
  const endpoint = PROVIDERS[post.network];
  if (!endpoint) return null;
  const url = new URL(base ? `${base}/${post.network}/oembed` : endpoint(post));
  url.searchParams.set('url', post.url);
  url.searchParams.set('format', 'json');
  // X: no personalisation data, and no widgets script in the answer.
  if (post.network === 'x') {
    url.searchParams.set('dnt', 'true');
    url.searchParams.set('omit_script', 'true');
  }
  return url.href;
}

/** Fetch options for a URL: private addresses only on the operator's own base URL. */
export function fetchOptionsFor(
  href: string,
  settings: OEmbedSettings,
  maxBytes: number,
): FetchImageOptions | { refused: string } {
  const url = new URL(href);
  const isOperatorBase = settings.base !== null && url.origin === new URL(settings.base).origin;
  if (!isOperatorBase && url.protocol !== 'https:')
    return { refused: `only https addresses are fetched, not ${url.protocol}` };
  return { timeoutMs: settings.timeoutMs, maxBytes, allowPrivateNetwork: isOperatorBase };
}

/** The fetcher speaks of agencies and images; an editor pasting a post needs other words. */
const inOurWords = (reason: string) =>
  reason
    .replace(/^the agency answered/, 'it answered')
    .replace(/^the image is larger than/, 'the answer is larger than')
    .replace(/rendition URL/, 'address');

export type OEmbedResult =
  | { ok: true; fields: Omit<EmbedFields, 'thumbnail'>; thumbnailUrl: string | null }
  | { ok: false; reason: string };

/**
 * Asks the post's network about it. A failure (unreachable, slow, too big, not oEmbed) is an
 * answer with the reason, never an exception: the editor can always type the fields.
 */
export async function fetchOEmbed(
  post: EmbedPost,
  settings: OEmbedSettings,
): Promise<OEmbedResult> {
  const name = NETWORK_NAMES[post.network];
  const href = oembedRequestUrl(post, settings.base);
  if (href === null)
    return { ok: false, reason: `${name} shares post details only with registered apps` };
  const options = fetchOptionsFor(href, settings, settings.maxBytes);
  if ('refused' in options) return { ok: false, reason: options.refused };
  const fetched = await fetchImage(href, options);
  if (!fetched.ok)
    return { ok: false, reason: `${name} did not answer: ${inOurWords(fetched.reason)}` };
  let json: unknown;
  try {
    json = JSON.parse(fetched.bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: `${name} answered with something that is not oEmbed JSON` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, reason: `${name} answered with something that is not oEmbed JSON` };
  return readOEmbed(post, json as Record<string, unknown>);
}

const MAX_FIELD = 5_000;

function stringField(json: Record<string, unknown>, name: string, max = 300): string | null {
  const value = json[name];
  if (typeof value !== 'string') return null;
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean.slice(0, max);
}

/** The fields an oEmbed answer gives for a post (exported for tests of each network's shape). */
export function readOEmbed(post: EmbedPost, json: Record<string, unknown>): OEmbedResult {
  const name = NETWORK_NAMES[post.network];
  const hasAnything = ['author_name', 'title', 'html', 'author_url'].some(
    (key) => typeof json[key] === 'string',
  );
  if (!hasAnything)
    return { ok: false, reason: `${name} answered without any of the post's details` };
  const quoted = typeof json['html'] === 'string' ? readBlockquote(json['html']) : null;
  const isVideo =
    post.network === 'youtube' || post.network === 'vimeo' || post.network === 'tiktok';
  const text = isVideo
    ? stringField(json, 'title', MAX_FIELD)
    : (quoted?.text ?? stringField(json, 'title', MAX_FIELD));
  const uploaded = stringField(json, 'upload_date');
  const publishedAt =
    (uploaded && /^\d{4}-\d{2}-\d{2}/.exec(uploaded)?.[0]) ?? quoted?.date ?? null;
  const thumbnail = stringField(json, 'thumbnail_url', 2000);
  // Bluesky's answer names the post by its DID, which is what its player needs.
  const atUri = typeof json['html'] === 'string' ? blueskyDid(json['html']) : null;
  const url =
    post.network === 'bluesky' && atUri
      ? `https://bsky.app/profile/${atUri}/post/${post.id}`
      : post.url;
  return {
    ok: true,
    fields: {
      url: parseEmbedUrl(url).ok ? url : post.url,
      network: post.network,
      authorName: stringField(json, 'author_name', 200),
      authorHandle:
        handleFrom(post, stringField(json, 'author_url', 2000)) ?? quoted?.handle ?? post.handle,
      publishedAt,
      text,
    },
    thumbnailUrl: thumbnail,
  };
}

/** `@name` from a profile address: x.com/name, youtube.com/@name, bsky.app/profile/name... */
function handleFrom(post: EmbedPost, authorUrl: string | null): string | null {
  if (!authorUrl) return null;
  let url: URL;
  try {
    url = new URL(authorUrl);
  } catch {
    return null;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  if (post.network === 'mastodon' && last.startsWith('@'))
    return `${last}@${url.hostname.toLowerCase()}`;
  if (last.startsWith('@') && /^@[A-Za-z0-9_.-]{1,64}$/.test(last)) return last;
  if (post.network === 'x' && segments.length === 1 && /^[A-Za-z0-9_]{1,30}$/.test(last))
    return `@${last}`;
  if (post.network === 'bluesky' && segments[0] === 'profile' && last && !last.startsWith('did:'))
    return `@${last}`;
  return null;
}

function blueskyDid(html: string): string | null {
  return (
    /data-bluesky-uri="at:\/\/(did:[a-z]+:[A-Za-z0-9._:-]+)\/app\.bsky\.feed\.post\//.exec(
      html,
    )?.[1] ?? null
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "November 20, 2026" or "Apr 21, 2024 at 15:09" (the networks' English dates) as 2026-11-20. */
function englishDate(text: string): string | null {
  const match = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})\b/.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf((match[1] ?? '').toLowerCase());
  if (month === -1) return null;
  const day = Number(match[2]);
  if (day < 1 || day > 31) return null;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The words of the post in an oEmbed `html`: the text of the blockquote's paragraphs (line
 * breaks kept, links reduced to their words, Bluesky's "[image or embed]" placeholder dropped),
 * and from the attribution after them the handle and the date.
 */
function readBlockquote(
  html: string,
): { text: string | null; handle: string | null; date: string | null } | null {
  const document = parseDocument(html);
  const quote = DomUtils.findOne((node) => node.name === 'blockquote', document.children, true);
  if (!quote) return null;
  const paragraphs = DomUtils.findAll((node) => node.name === 'p', quote.children);
  const textOf = (node: ChildNode): string => {
    if (node.type === 'text') return (node as unknown as { data: string }).data;
    if (node.type !== 'tag') return '';
    const element = node as Element;
    if (element.name === 'br') return '\n';
    if (element.name === 'script' || element.name === 'style') return '';
    const inner = element.children.map(textOf).join('');
    return element.name === 'a' && inner.trim() === '[image or embed]' ? '' : inner;
  };
  const text = paragraphs
    .map((paragraph) =>
      paragraph.children
        .map(textOf)
        .join('')
        .replace(/[ \t]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
    .slice(0, MAX_FIELD);
  // The attribution follows the paragraphs: "— Name (@handle) <a>November 20, 2026</a>".
  const after = quote.children
    .filter((node) => node.type !== 'tag' || (node as Element).name !== 'p')
    .map(textOf)
    .join(' ');
  const handle = /\((@[A-Za-z0-9_.-]{1,64})\)/.exec(after)?.[1] ?? null;
  // The last link outside the paragraphs is the post's date.
  const dateLink = DomUtils.findAll(
    (node) => node.name === 'a',
    quote.children.filter((node) => node.type !== 'tag' || (node as Element).name !== 'p'),
  ).at(-1);
  return {
    text: text === '' ? null : text,
    handle,
    date: dateLink ? englishDate(DomUtils.textContent(dateLink)) : null,
  };
}

/** Whether the post's own host is one Galley must not contact (a Mastodon instance on a LAN). */
export const isPrivatePostHost = (post: EmbedPost): boolean => isPrivateHost(post.host);

/**
 * The privacy-first card an `embed` node renders to: the quoted words, who said them and when,
 * and a link to the original. The page requests nothing from the network; the reader may press
 * the card's button to load the network's own player (site/assets/embeds.js).
 *
 * Every word the card and its loader show lives here, in both languages: the card is rendered
 * when the article is saved, and the loader reads its words (the frame's title) from the card.
 * The controls are hidden until the loader shows them, so without JavaScript the card is whole.
 */
import { escapeHtml } from '../../lib/html.js';
import type { Locale } from '../../db/schema.js';
import { NETWORK_NAMES, VIDEO_NETWORKS, embedFrameForUrl } from './networks.js';
import type { EmbedNetwork } from './networks.js';

interface CardWords {
  /** "Post by NAME on X" with its pieces already escaped (NAME may be marked up). */
  caption: (parts: { isVideo: boolean; who: string | null; network: string }) => string;
  /** The iframe's title, plain text. */
  frameTitle: (parts: { isVideo: boolean; who: string | null; network: string }) => string;
  view: (network: string) => string;
  load: (network: string) => string;
  always: (network: string) => string;
}

const EMBED_WORDS: Record<Locale, CardWords> = {
  en: {
    caption: ({ isVideo, who, network }) =>
      `${isVideo ? 'Video' : 'Post'}${who ? ` by ${who}` : ''} on ${network}`,
    frameTitle: ({ isVideo, who, network }) =>
      `${isVideo ? 'Video' : 'Post'}${who ? ` by ${who}` : ''} on ${network}`,
    view: (network) => `View on ${network}`,
    load: (network) => `Load content from ${network}`,
    always: (network) => `Always load content from ${network} on this device`,
  },
  es: {
    caption: ({ isVideo, who, network }) =>
      `${isVideo ? 'Video' : 'Publicación'}${who ? ` de ${who}` : ''} en ${network}`,
    frameTitle: ({ isVideo, who, network }) =>
      `${isVideo ? 'Video' : 'Publicación'}${who ? ` de ${who}` : ''} en ${network}`,
    view: (network) => `Ver en ${network}`,
    load: (network) => `Cargar contenido de ${network}`,
    always: (network) => `Cargar siempre contenido de ${network} en este dispositivo`,
  },
};

/** Marks the card's controls in stored HTML, so feeds can drop them (`withoutEmbedControls`). */
const CONTROLS_START = '<!--galley:embed-controls-->';
const CONTROLS_END = '<!--/galley:embed-controls-->';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** "November 20, 2026" / "20 de noviembre de 2026": the post's own day, whatever the zone. */
function formatPostDate(value: string, locale: Locale): string | null {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The quote as paragraphs: a blank line starts a new one, a single line break stays one. */
function quoteParagraphs(quote: string): string {
  return quote
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function renderEmbedCard(attrs: Record<string, unknown>, locale: Locale): string {
  const network = attrs['network'] as EmbedNetwork;
  const networkName = NETWORK_NAMES[network];
  const url = String(attrs['url']);
  const words = EMBED_WORDS[locale];
  const isVideo = VIDEO_NETWORKS.has(network);
  const authorName = text(attrs['authorName']);
  const authorHandle = text(attrs['authorHandle']);
  const quote = text(attrs['text']);
  const publishedAt = text(attrs['publishedAt']);
  const thumbnail = text(attrs['thumbnail']);

  const whoHtml =
    authorName || authorHandle
      ? [
          authorName && `<span class="embed-author">${escapeHtml(authorName)}</span>`,
          authorHandle &&
            `<span class="embed-handle">${authorName ? `(${escapeHtml(authorHandle)})` : escapeHtml(authorHandle)}</span>`,
        ]
          .filter(Boolean)
          .join(' ')
      : null;
  const date = publishedAt ? formatPostDate(publishedAt, locale) : null;
  const when = date
    ? `, <time datetime="${escapeHtml(publishedAt ?? '')}">${escapeHtml(date)}</time>`
    : '';
  const caption =
    `${words.caption({ isVideo, who: whoHtml, network: escapeHtml(networkName) })}${when}. ` +
    `<a href="${escapeHtml(url)}" rel="noopener nofollow">${escapeHtml(words.view(networkName))}</a>`;

  // Thumbnails are copies in the media library (validation allows only site paths); they say
  // nothing the quote and caption beside them do not, so they are decorative.
  const image =
    thumbnail && thumbnail.startsWith('/') && !thumbnail.startsWith('//')
      ? `<img class="embed-thumbnail" src="${escapeHtml(thumbnail)}" alt="" loading="lazy" decoding="async">`
      : '';
  const content =
    image || quote
      ? `<div class="embed-content">${image}${quote ? `<blockquote cite="${escapeHtml(url)}">${quoteParagraphs(quote)}</blockquote>` : ''}</div>`
      : '<div class="embed-content"></div>';

  const frame = embedFrameForUrl(network, url);
  const frameData = frame
    ? ` data-embed-src="${escapeHtml(frame.src)}" data-embed-sandbox="${escapeHtml(frame.sandbox)}"` +
      (frame.allow ? ` data-embed-allow="${escapeHtml(frame.allow)}"` : '') +
      ` data-embed-title="${escapeHtml(words.frameTitle({ isVideo, who: authorName ?? authorHandle, network: networkName }))}"`
    : '';
  const controls = frame
    ? `${CONTROLS_START}<div class="embed-actions" hidden>` +
      `<button type="button" class="embed-load">${escapeHtml(words.load(networkName))}</button>` +
      `<label class="embed-always"><input type="checkbox"> ${escapeHtml(words.always(networkName))}</label>` +
      `</div>${CONTROLS_END}`
    : '';

  return (
    `<div class="embed embed-${network}${isVideo ? ' embed-video' : ''}" data-network="${network}"${frameData}>` +
    `<figure>${content}<figcaption>${caption}</figcaption></figure>${controls}</div>`
  );
}

/**
 * Stored body HTML without the cards' buttons: for feeds, which show the quote and the link
 * away from the site, where nothing would load the player. The body renderer escapes all text,
 * so the markers can only be the ones `renderEmbedCard` wrote.
 */
export function withoutEmbedControls(bodyHtml: string): string {
  if (!bodyHtml.includes(CONTROLS_START)) return bodyHtml;
  return bodyHtml
    .replace(/<!--galley:embed-controls-->[\s\S]*?<!--\/galley:embed-controls-->/g, '')
    .replace(/ data-embed-(?:src|sandbox|allow|title)="[^"]*"/g, '');
}

/**
 * The origins of the players the embeds in a stored body can load, for the page's `frame-src`
 * (naming an origin requests nothing). Empty when the body has no embed that can load one.
 */
export function embedFrameOrigins(bodyHtml: string): string[] {
  const origins = new Set<string>();
  for (const match of bodyHtml.matchAll(/ data-embed-src="([^"]*)"/g)) {
    try {
      origins.add(new URL((match[1] ?? '').replace(/&amp;/g, '&')).origin);
    } catch {
      // Written by renderEmbedCard from a parsed URL: unreachable, and a missing origin only
      // means that player cannot load.
    }
  }
  return [...origins].sort();
}

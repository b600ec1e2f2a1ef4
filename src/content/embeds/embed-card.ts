/**
 * The privacy-first card an `embed` node renders to: the quoted words, who said them and when,
 * and a link to the original. The page requests nothing from the network; the reader may press
 * the card's button to load the network's own player.
 */
import { escapeHtml } from '../../lib/html.js';
import type { Locale } from '../../db/schema.js';
import { NETWORK_NAMES } from './networks.js';
import type { EmbedNetwork } from './networks.js';

const LABELS: Record<
  Locale,
  { load: (network: string) => string; view: (network: string) => string }
> = {
  en: {
    load: (network) => `Load content from ${network}`,
    view: (network) => `View on ${network}`,
  },
  es: {
    load: (network) => `Cargar contenido de ${network}`,
    view: (network) => `Ver en ${network}`,
  },
};

export function renderEmbedCard(attrs: Record<string, unknown>, locale: Locale): string {
  const network = attrs['network'] as EmbedNetwork;
  const name = NETWORK_NAMES[network];
  const url = escapeHtml(String(attrs['url']));
  const text = typeof attrs['text'] === 'string' ? attrs['text'] : '';
  const author = [attrs['authorName'], attrs['authorHandle']]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .map(escapeHtml)
    .join(' ');
  const label = LABELS[locale];
  return (
    `<figure class="embed embed-${network}" data-network="${network}" data-url="${url}">` +
    (text ? `<blockquote><p>${escapeHtml(text)}</p></blockquote>` : '') +
    `<figcaption>${author ? `<span class="embed-author">${author}</span> ` : ''}` +
    `<a href="${url}" rel="noopener nofollow">${escapeHtml(label.view(name))}</a></figcaption>` +
    `<button type="button" class="embed-load" hidden>${escapeHtml(label.load(name))}</button>` +
    `</figure>`
  );
}

/**
 * A `video` body node, as stored HTML. The renditions, poster and captions of a video arrive
 * after the article is saved (processing runs as a job, captions are added later), so the stored
 * HTML holds a placeholder that the page replaces with the player when it is served.
 */
import { escapeHtml } from '../lib/html.js';
import type { BodyNodeJson } from './body-schema.js';
import type { Locale } from '../db/schema.js';

/**
 * A body video's whole figure as `renderVideoNode` writes it: the id, the autoplay flag and the
 * figcaption (escaped text, so it holds no `</figure>`). The page swaps the figure for one with a
 * player, or drops it when the video is not ready.
 */
export const BODY_VIDEO_FIGURE =
  /<figure class="body-video"><!--galley:video:(\d+)(:autoplay)?-->([\s\S]*?)<\/figure>/g;

/** Matches the placeholder: the media id, and whether the editor chose autoplay. */
export const VIDEO_PLACEHOLDER = /<!--galley:video:(\d+)(:autoplay)?-->/g;

export function renderVideoNode(attrs: Record<string, unknown>): string {
  const caption = attrs['caption'] ? escapeHtml(String(attrs['caption'])) : '';
  const credit = attrs['credit']
    ? ` <span class="credit">${escapeHtml(String(attrs['credit']))}</span>`
    : '';
  const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
  const autoplay = attrs['autoplay'] === true ? ':autoplay' : '';
  return `<figure class="body-video"><!--galley:video:${Number(attrs['mediaId'])}${autoplay}-->${figcaption}</figure>`;
}

/**
 * The videos a body shows, each with its path (`body.content[3]`) so a refusal can name the node.
 */
export function videosInBody(body: BodyNodeJson): { path: string; mediaId: number }[] {
  const found: { path: string; mediaId: number }[] = [];
  const visit = (node: BodyNodeJson, path: string) => {
    if (node.type === 'video') found.push({ path, mediaId: Number(node.attrs?.['mediaId']) });
    node.content?.forEach((child, index) => visit(child, `${path}.content[${index}]`));
  };
  visit(body, 'body');
  return found;
}

/** The ids of the videos a stored body HTML shows, in order, without repeats. */
export function videoIdsInHtml(bodyHtml: string): number[] {
  return [...new Set([...bodyHtml.matchAll(VIDEO_PLACEHOLDER)].map((match) => Number(match[1])))];
}

/** The words of a video's link where no player can run (feeds), in the article's language. */
const WATCH_VIDEO: Record<Locale, string> = { en: 'Watch the video', es: 'Ver el vídeo' };

/**
 * The body for places that show a story away from the site (feeds): each video's figure holds a
 * link to the article, where the player is, above its figcaption. Never the placeholder itself.
 */
export function bodyWithVideoLinks(bodyHtml: string, articleUrl: string, locale: Locale): string {
  return bodyHtml.replace(
    BODY_VIDEO_FIGURE,
    (_figure, _id, _autoplay, figcaption: string) =>
      `<figure class="body-video"><p><a href="${escapeHtml(articleUrl)}">${WATCH_VIDEO[locale]}</a></p>${figcaption}</figure>`,
  );
}

/**
 * A `video` body node, as stored HTML. The renditions, poster and captions of a video arrive
 * after the article is saved (processing runs as a job, captions are added later), so the stored
 * HTML holds a placeholder that the page replaces with the player when it is served.
 */
import { escapeHtml } from '../lib/html.js';

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

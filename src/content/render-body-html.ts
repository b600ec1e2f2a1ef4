/**
 * Renders a validated body to HTML. Every text and attribute value goes through `escapeHtml`, so
 * the output is safe by construction; the body is never stored or sent as raw HTML.
 */
import { escapeHtml } from '../lib/html.js';
import type { Locale } from '../db/schema.js';
import type { BodyNodeJson } from './body-schema.js';
import { renderEmbedCard } from './embeds/embed-card.js';
import { renderVideoNode } from './video-node.js';

const attr = (value: unknown): string => escapeHtml(String(value));

function renderMarks(node: BodyNodeJson, inner: string): string {
  let out = inner;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = `<strong>${out}</strong>`;
    else if (mark.type === 'italic') out = `<em>${out}</em>`;
    else if (mark.type === 'link') {
      const title = mark.attrs?.['title'];
      out = `<a href="${attr(mark.attrs?.['href'])}"${title ? ` title="${attr(title)}"` : ''}>${out}</a>`;
    }
  }
  return out;
}

function renderChildren(node: BodyNodeJson, locale: Locale): string {
  let out = '';
  for (const child of node.content ?? []) out += renderNode(child, locale);
  return out;
}

function renderNode(node: BodyNodeJson, locale: Locale): string {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'doc':
      return renderChildren(node, locale);
    case 'text':
      return renderMarks(node, escapeHtml(node.text ?? ''));
    case 'paragraph':
      return `<p>${renderChildren(node, locale)}</p>`;
    case 'heading': {
      const level = Number(attrs['level']);
      return `<h${level}>${renderChildren(node, locale)}</h${level}>`;
    }
    case 'blockquote': {
      const attribution = attrs['attribution'];
      const quote = `<blockquote>${renderChildren(node, locale)}</blockquote>`;
      return attribution
        ? `<figure class="quote">${quote}<figcaption>${escapeHtml(String(attribution))}</figcaption></figure>`
        : quote;
    }
    case 'bulletList':
      return `<ul>${renderChildren(node, locale)}</ul>`;
    case 'orderedList': {
      const start = Number(attrs['start'] ?? 1);
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${renderChildren(node, locale)}</ol>`;
    }
    case 'listItem':
      return `<li>${renderChildren(node, locale)}</li>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'image':
      return renderImage(attrs);
    case 'video':
      return renderVideoNode(attrs);
    case 'embed':
      return renderEmbedCard(attrs, locale);
    default:
      // Unreachable for validated bodies; rendering nothing beats rendering something unescaped.
      return '';
  }
}

function renderImage(attrs: Record<string, unknown>): string {
  const size =
    attrs['width'] && attrs['height']
      ? ` width="${attr(attrs['width'])}" height="${attr(attrs['height'])}"`
      : '';
  const img = `<img src="${attr(attrs['src'])}" alt="${attr(attrs['alt'] ?? '')}"${size} loading="lazy" decoding="async">`;
  const caption = attrs['caption'] ? escapeHtml(String(attrs['caption'])) : '';
  const credit = attrs['credit']
    ? ` <span class="credit">${escapeHtml(String(attrs['credit']))}</span>`
    : '';
  const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
  return `<figure class="body-image">${img}${figcaption}</figure>`;
}

/**
 * The renderer's version. Article rows keep the HTML rendered at write time together with the
 * version that made it; bump this whenever the output changes, and rows rendered by an older
 * version are rendered again from their JSON when read.
 */
export const BODY_HTML_VERSION = 3;

/** The body as HTML, for the article page. Headings start at h2 (the headline is the h1). */
export function renderBodyHtml(body: BodyNodeJson, locale: Locale): string {
  return renderNode(body, locale);
}

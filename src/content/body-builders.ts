/**
 * Small builders for body documents, so code that writes bodies (demo content, importers, tests)
 * reads like the article instead of like JSON.
 *
 * @example
 * doc(p('Rain fell on ', b('Tuesday'), '.'), h2('What comes next'), quote('We will rebuild.', 'Mayor Ana Ruiz'))
 */
import type { BodyDoc, BodyNodeJson } from './body-schema.js';

type Inline = string | BodyNodeJson;

function inline(parts: Inline[]): BodyNodeJson[] {
  return parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part));
}

function withMark(mark: BodyNodeJson['marks'] & object, part: Inline): BodyNodeJson {
  const node = typeof part === 'string' ? { type: 'text', text: part } : part;
  return { ...node, marks: [...(node.marks ?? []), ...mark] };
}

export const doc = (...blocks: BodyNodeJson[]): BodyDoc => ({ type: 'doc', content: blocks });
export const p = (...parts: Inline[]): BodyNodeJson => ({
  type: 'paragraph',
  content: inline(parts),
});
export const h2 = (text: string): BodyNodeJson => heading(2, text);
export const h3 = (text: string): BodyNodeJson => heading(3, text);
export const heading = (level: 2 | 3 | 4, text: string): BodyNodeJson => ({
  type: 'heading',
  attrs: { level },
  content: inline([text]),
});
export const quote = (text: string, attribution?: string): BodyNodeJson => ({
  type: 'blockquote',
  attrs: { attribution: attribution ?? null },
  content: [p(text)],
});
export const bullets = (...items: Inline[]): BodyNodeJson => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
export const numbered = (...items: Inline[]): BodyNodeJson => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});
export const rule = (): BodyNodeJson => ({ type: 'horizontalRule' });
export const b = (part: Inline): BodyNodeJson => withMark([{ type: 'bold' }], part);
export const i = (part: Inline): BodyNodeJson => withMark([{ type: 'italic' }], part);
export const link = (part: Inline, href: string): BodyNodeJson =>
  withMark([{ type: 'link', attrs: { href, title: null } }], part);
export const image = (attrs: {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}): BodyNodeJson => ({
  type: 'image',
  attrs: {
    src: attrs.src,
    alt: attrs.alt,
    caption: attrs.caption ?? null,
    credit: attrs.credit ?? null,
    width: attrs.width ?? null,
    height: attrs.height ?? null,
  },
});

/**
 * The one schema for article bodies. The editor app (a later issue) and the server both use it:
 * the server validates every body against it before storing, and renders HTML and plain text
 * from documents that passed. Node and mark names follow TipTap's defaults (`bulletList`,
 * `horizontalRule`, `bold`...) so the editor's extensions map onto it one to one.
 */
import { Schema } from 'prosemirror-model';

export const bodySchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: {
      group: 'block',
      content: 'inline*',
      // h1 is the headline; the body starts its outline at h2.
      attrs: { level: { default: 2 } },
      defining: true,
    },
    blockquote: {
      group: 'block',
      content: 'paragraph+',
      attrs: { attribution: { default: null } },
      defining: true,
    },
    bulletList: { group: 'block', content: 'listItem+' },
    orderedList: { group: 'block', content: 'listItem+', attrs: { start: { default: 1 } } },
    listItem: { content: 'paragraph (paragraph | bulletList | orderedList)*', defining: true },
    image: {
      group: 'block',
      atom: true,
      attrs: {
        src: {},
        alt: {}, // required: an empty string only for a purely decorative image
        caption: { default: null },
        credit: { default: null },
        width: { default: null },
        height: { default: null },
      },
    },
    horizontalRule: { group: 'block' },
    hardBreak: { group: 'inline', inline: true, selectable: false },
    text: { group: 'inline' },
  },
  marks: {
    link: { attrs: { href: {}, title: { default: null } }, inclusive: false },
    bold: {},
    italic: {},
  },
});

/** The JSON form of a body node, as stored and as sent by the editor. */
export interface BodyNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyNodeJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** A whole article body: the root `doc` node. */
export interface BodyDoc extends BodyNodeJson {
  type: 'doc';
  content: BodyNodeJson[];
}

export const HEADING_LEVELS = [2, 3, 4] as const;

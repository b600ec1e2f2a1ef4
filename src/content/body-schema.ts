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
    /**
     * A video from the media library (media.kind = 'video'). The page resolves the id when it is
     * served, because the renditions, poster and captions come later than the article's save.
     */
    video: {
      group: 'block',
      atom: true,
      attrs: {
        mediaId: {},
        caption: { default: null },
        credit: { default: null },
        /** The editor's choice; the player then starts muted, never when motion is reduced. */
        autoplay: { default: false },
      },
    },
    /**
     * A quoted post or video from a social network, stored as words, never as the network's
     * markup: the page shows a card and loads nothing from the network until the reader asks.
     */
    embed: {
      group: 'block',
      atom: true,
      attrs: {
        url: {},
        /** One of EMBED_NETWORKS (content/embeds/networks.ts). */
        network: {},
        authorName: { default: null },
        authorHandle: { default: null },
        /** The post's date, `YYYY-MM-DD` or a full ISO-8601 time. */
        publishedAt: { default: null },
        /** The quoted text of a post, or a video's title. */
        text: { default: null },
        /** A site path (a copy in the media library): a third-party address would leak readers. */
        thumbnail: { default: null },
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

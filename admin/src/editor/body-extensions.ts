/**
 * The editor's TipTap extensions, matched one to one to the server's body schema
 * (`src/content/body-schema.ts`): the same node and mark names, content expressions, groups and
 * attributes. `body-extensions.test.ts` fails when either side drifts.
 *
 * StarterKit supplies doc, paragraph, text, heading (levels 2-4), hardBreak, horizontalRule,
 * bold and italic as they are; the nodes whose shape differs from TipTap's defaults (blockquote,
 * the lists, image, link) are defined or extended here. Lists stay in the `block` group only, as
 * in the schema, so their toggle commands are written here instead of TipTap's `toggleList`
 * (which relies on a `list` group).
 *
 * The video and embed atoms are schema only here (this file also runs in Node, for the test);
 * the editor gives them their React node views through `bodyExtensions({ nodeViews })`.
 */
import { mergeAttributes, Node, wrappingInputRule } from '@tiptap/core';
import type { Editor, Extensions, NodeViewRenderer } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { Transaction } from '@tiptap/pm/state';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';

export const HEADING_LEVELS = [2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    galleyLists: {
      /** Bullets on, off, or switched from numbers. */
      toggleBodyBulletList: () => ReturnType;
      /** Numbers on, off, or switched from bullets. */
      toggleBodyOrderedList: () => ReturnType;
    };
    galleyImage: {
      insertBodyImage: (attrs: BodyImageAttrs) => ReturnType;
    };
    galleyVideo: {
      insertBodyVideo: (attrs: BodyVideoAttrs) => ReturnType;
    };
    galleyEmbed: {
      insertBodyEmbed: (attrs: BodyEmbedAttrs) => ReturnType;
    };
  }
}

/** A `video` node's attributes (content/body-schema.ts). */
export interface BodyVideoAttrs {
  mediaId: number;
  caption: string | null;
  credit: string | null;
  autoplay: boolean;
}

/** An `embed` node's attributes (content/body-schema.ts): a post kept as words. */
export interface BodyEmbedAttrs {
  url: string;
  network: string;
  authorName: string | null;
  authorHandle: string | null;
  publishedAt: string | null;
  text: string | null;
  thumbnail: string | null;
}

export interface BodyImageAttrs {
  src: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

/**
 * After a block atom is inserted it is selected; typing or inserting again would replace it. So
 * the cursor goes into the paragraph after it, made if there is none (the atom ended the body).
 */
function cursorAfterInsertedAtom({ tr }: { tr: Transaction }): boolean {
  const { selection } = tr;
  if (!(selection instanceof NodeSelection)) return true;
  const after = selection.to;
  const next = tr.doc.resolve(after).nodeAfter;
  const paragraph = tr.doc.type.schema.nodes['paragraph'];
  if (!next?.isTextblock && paragraph) tr.insert(after, paragraph.create());
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  return true;
}

/** Which list (if any) the selection is in, innermost first. */
function currentList(editor: Editor): 'bulletList' | 'orderedList' | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const name = $from.node(depth).type.name;
    if (name === 'bulletList' || name === 'orderedList') return name;
  }
  return null;
}

function toggleListCommand(editor: Editor, target: 'bulletList' | 'orderedList') {
  const current = currentList(editor);
  if (current === target) return editor.chain().liftListItem('listItem').run();
  if (current) {
    // Switch the innermost list's type in place.
    const { $from } = editor.state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.name === current) {
        const pos = $from.before(depth);
        return editor
          .chain()
          .command(({ tr }) => {
            tr.setNodeMarkup(pos, editor.schema.nodes[target]);
            return true;
          })
          .run();
      }
    }
  }
  return editor.chain().wrapInList(target).run();
}

const ListItem = Node.create({
  name: 'listItem',
  content: 'paragraph (paragraph | bulletList | orderedList)*',
  defining: true,
  parseHTML: () => [{ tag: 'li' }],
  renderHTML: ({ HTMLAttributes }) => ['li', HTMLAttributes, 0],
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      Tab: () => this.editor.commands.sinkListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
    };
  },
});

const BulletList = Node.create({
  name: 'bulletList',
  group: 'block',
  content: 'listItem+',
  parseHTML: () => [{ tag: 'ul' }],
  renderHTML: ({ HTMLAttributes }) => ['ul', HTMLAttributes, 0],
  addCommands() {
    return {
      toggleBodyBulletList:
        () =>
        ({ editor }) =>
          toggleListCommand(editor, 'bulletList'),
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-8': () => this.editor.commands.toggleBodyBulletList() };
  },
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*([-+*])\s$/, type: this.type })];
  },
});

const OrderedList = Node.create({
  name: 'orderedList',
  group: 'block',
  content: 'listItem+',
  addAttributes() {
    return {
      start: {
        default: 1,
        parseHTML: (element) => {
          const start = Number(element.getAttribute('start') ?? '1');
          return Number.isInteger(start) && start >= 0 ? start : 1;
        },
        renderHTML: (attributes) =>
          attributes['start'] === 1 ? {} : { start: String(attributes['start']) },
      },
    };
  },
  parseHTML: () => [{ tag: 'ol' }],
  renderHTML: ({ HTMLAttributes }) => ['ol', HTMLAttributes, 0],
  addCommands() {
    return {
      toggleBodyOrderedList:
        () =>
        ({ editor }) =>
          toggleListCommand(editor, 'orderedList'),
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-7': () => this.editor.commands.toggleBodyOrderedList() };
  },
  addInputRules() {
    return [
      wrappingInputRule({
        find: /^(\d+)\.\s$/,
        type: this.type,
        getAttributes: (match) => ({ start: Number(match[1]) }),
        joinPredicate: (match, node) =>
          node.childCount + (node.attrs['start'] as number) === Number(match[1]),
      }),
    ];
  },
});

/** A pull quote or block quotation: paragraphs only, with an optional attribution. */
const Blockquote = Node.create({
  name: 'blockquote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      attribution: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-attribution'),
        renderHTML: (attributes) =>
          attributes['attribution'] ? { 'data-attribution': attributes['attribution'] } : {},
      },
    };
  },
  parseHTML: () => [{ tag: 'blockquote' }],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', HTMLAttributes, 0],
  addCommands() {
    return {
      setBlockquote:
        () =>
        ({ commands }) =>
          commands.wrapIn(this.name),
      toggleBlockquote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
      unsetBlockquote:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': () => this.editor.commands.toggleBlockquote() };
  },
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*>\s$/, type: this.type })];
  },
});

const textAttribute = (name: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
  // Shown in the figcaption by renderHTML, not as an attribute of the figure.
  rendered: false,
});

const sizeAttribute = (name: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => {
    const value = Number(element.getAttribute(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  },
  rendered: false,
});

/** A block image with alt text, caption and credit, shown as a figure in the editor. */
const BodyImage = Image.extend({
  inline: false,
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null, rendered: false },
      alt: { default: '', rendered: false },
      caption: textAttribute('caption'),
      credit: textAttribute('credit'),
      width: sizeAttribute('width'),
      height: sizeAttribute('height'),
    };
  },
  parseHTML() {
    return [
      {
        tag: 'img[src]:not([src^="data:"])',
        getAttrs: (element) => ({
          src: element.getAttribute('src'),
          alt: element.getAttribute('alt') ?? '',
        }),
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as BodyImageAttrs;
    const img = [
      'img',
      {
        src: attrs.src,
        alt: attrs.alt,
        'data-caption': attrs.caption ?? '',
        'data-credit': attrs.credit ?? '',
        ...(attrs.width ? { width: String(attrs.width) } : {}),
        ...(attrs.height ? { height: String(attrs.height) } : {}),
      },
    ] as const;
    const captionText = [attrs.caption, attrs.credit].filter(Boolean).join(' — ');
    return captionText
      ? [
          'figure',
          mergeAttributes(HTMLAttributes, { class: 'body-image' }),
          img,
          ['figcaption', {}, captionText],
        ]
      : ['figure', mergeAttributes(HTMLAttributes, { class: 'body-image' }), img];
  },
  addCommands() {
    return {
      insertBodyImage:
        (attrs: BodyImageAttrs) =>
        ({ chain }) =>
          chain().insertContent({ type: this.name, attrs }).command(cursorAfterInsertedAtom).run(),
    };
  },
});

/** An attribute the server requires: no default, so a node without it is invalid in both. */
const requiredAttribute = (parse: (element: HTMLElement) => unknown) => ({
  isRequired: true,
  default: undefined,
  parseHTML: parse,
  rendered: false,
});

const dataAttribute = (name: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) || null,
  rendered: false,
});

/**
 * A video of the media library, by id. Copied and pasted inside the editor it keeps its
 * attributes (data-* on the figure); the reader page resolves the id into the player.
 */
const BodyVideo = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: requiredAttribute((element) => {
        const id = Number(element.getAttribute('data-media-id'));
        return Number.isInteger(id) && id > 0 ? id : null;
      }),
      caption: dataAttribute('caption'),
      credit: dataAttribute('credit'),
      autoplay: {
        default: false,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-autoplay') === 'true',
        rendered: false,
      },
    };
  },
  parseHTML: () => [{ tag: 'figure[data-media-id].body-video' }],
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as BodyVideoAttrs;
    const captionText = [attrs.caption, attrs.credit].filter(Boolean).join(' — ');
    return [
      'figure',
      mergeAttributes(HTMLAttributes, {
        class: 'body-video',
        'data-media-id': String(attrs.mediaId),
        'data-caption': attrs.caption ?? '',
        'data-credit': attrs.credit ?? '',
        'data-autoplay': String(attrs.autoplay),
      }),
      ['figcaption', {}, captionText],
    ];
  },
  addCommands() {
    return {
      insertBodyVideo:
        (attrs: BodyVideoAttrs) =>
        ({ chain }) =>
          chain().insertContent({ type: this.name, attrs }).command(cursorAfterInsertedAtom).run(),
    };
  },
});

/** The embed attributes that are words, in the order the card and the form show them. */
export const EMBED_TEXT_ATTRS = [
  'authorName',
  'authorHandle',
  'publishedAt',
  'text',
  'thumbnail',
] as const;

/** A quoted post of a social network, stored as words (never the network's markup). */
const BodyEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      url: requiredAttribute((element) => element.getAttribute('data-url')),
      network: requiredAttribute((element) => element.getAttribute('data-network')),
      authorName: dataAttribute('author-name'),
      authorHandle: dataAttribute('author-handle'),
      publishedAt: dataAttribute('published-at'),
      text: dataAttribute('text'),
      thumbnail: dataAttribute('thumbnail'),
    };
  },
  parseHTML: () => [{ tag: 'figure[data-url][data-network].body-embed' }],
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as BodyEmbedAttrs;
    return [
      'figure',
      mergeAttributes(HTMLAttributes, {
        class: 'body-embed',
        'data-url': attrs.url,
        'data-network': attrs.network,
        'data-author-name': attrs.authorName ?? '',
        'data-author-handle': attrs.authorHandle ?? '',
        'data-published-at': attrs.publishedAt ?? '',
        'data-text': attrs.text ?? '',
        'data-thumbnail': attrs.thumbnail ?? '',
      }),
      ['blockquote', {}, attrs.text ?? ''],
      ['figcaption', {}, [attrs.authorName, attrs.authorHandle].filter(Boolean).join(' ')],
    ];
  },
  addCommands() {
    return {
      insertBodyEmbed:
        (attrs: BodyEmbedAttrs) =>
        ({ chain }) =>
          chain().insertContent({ type: this.name, attrs }).command(cursorAfterInsertedAtom).run(),
    };
  },
});

/** Links: href and title only (no target, rel or class), and not extended by typing at the end. */
const BodyLink = Link.extend({
  inclusive: false,
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') },
      title: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('title') },
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  protocols: ['mailto'],
  HTMLAttributes: { target: null, rel: null, class: null },
});

/** The React views the editor shows the atoms with (none in Node, where only the schema counts). */
export interface BodyNodeViews {
  video?: NodeViewRenderer;
  embed?: NodeViewRenderer;
}

/** Every extension of the body editor. */
export function bodyExtensions({ nodeViews = {} }: { nodeViews?: BodyNodeViews } = {}): Extensions {
  const { video, embed } = nodeViews;
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
    }),
    Blockquote,
    BulletList,
    OrderedList,
    ListItem,
    BodyImage,
    video ? BodyVideo.extend({ addNodeView: () => video }) : BodyVideo,
    embed ? BodyEmbed.extend({ addNodeView: () => embed }) : BodyEmbed,
    BodyLink,
  ];
}

/** The URL forms the server accepts for links and images. */
export const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/**
 * Agency HTML into Galley's body schema. Wire copy arrives as HTML of every flavour (XHTML
 * fragments, whole HTML5 pages with navigation and byline boxes, markup from old NITF
 * converters), and none of it is stored: this converter keeps what the body schema can say and
 * turns the rest into text or drops it.
 *
 * Kept: p, h1-h6 (h1 and h2 become h2, h5 and h6 become h4: the headline is the page's only h1),
 * blockquote (a footer or cite inside becomes the attribution), ul/ol/li, strong/b, em/i,
 * a[href] for http, https and mailto only, br, hr, and img/figure, which become images only when
 * they stand for one of the document's associations (the caller decides which). Everything else
 * is unwrapped to its text; script, style, iframe, forms, media and similar are dropped with
 * their content. Attributes are never copied, so event handlers and inline styles cannot pass.
 *
 * The output goes through validateBody like any other body before it is stored.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { BodyDoc, BodyNodeJson } from '../body-schema.js';

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];
type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];
type Mark = NonNullable<BodyNodeJson['marks']>[number];

/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'head',
  'title',
  'svg',
  'math',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'link',
  'meta',
  'base',
  'param',
  'dialog',
]);

/** Where the placeholder of an association's image sits until the image is stored. */
export const IMAGE_SLOT = 'ninjsImage';

export interface ImageInBody {
  /** The `src` of the img, if any. */
  src: string | null;
  alt: string | null;
  /** Attributes agencies use to point at an association (`data-assoc-ref`, `data-uri`, `uri`). */
  references: string[];
}

export interface HtmlToBodyOptions {
  /** Which association an img stands for (its index), or null to drop the img. */
  findAssociation(image: ImageInBody): number | null;
  /** A heading that repeats the headline at the top of the body is dropped. */
  headline?: string;
}

export interface BodyImageSlot {
  association: number;
  alt: string | null;
  caption: string | null;
}

export interface ConvertedBody {
  /** A body document whose images are `ninjsImage` slots: see `fillImageSlots`. */
  doc: BodyDoc;
  images: BodyImageSlot[];
  /** What was left out, for the import report: `dropped 2 <script> elements`. */
  dropped: string[];
}

const MAX_HTML_DEPTH = 200;
const MAX_LIST_DEPTH = 4;
const HEADING_LEVEL: Record<string, 2 | 3 | 4> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** A link target Galley keeps: http(s) or mailto, and well formed. */
export function safeHref(raw: string | undefined): string | null {
  const href = raw?.trim() ?? '';
  if (!SAFE_HREF.test(href) || !URL.canParse(href)) return null;
  return href;
}

const collapse = (text: string) => text.replace(/[\t\n\f\r ]+/g, ' ');

interface Shared {
  options: HtmlToBodyOptions;
  images: BodyImageSlot[];
  dropped: Map<string, number>;
  headlineChecked: boolean;
}

class BlockWriter {
  readonly blocks: BodyNodeJson[] = [];
  private inline: BodyNodeJson[] = [];
  private pending: { type: 'paragraph' } | { type: 'heading'; level: 2 | 3 | 4 } = {
    type: 'paragraph',
  };

  constructor(
    private readonly shared: Shared,
    private readonly listDepth: number,
  ) {}

  private drop(what: string): void {
    this.shared.dropped.set(what, (this.shared.dropped.get(what) ?? 0) + 1);
  }

  /** Ends the paragraph (or heading) being written, if it has any text. */
  flush(): void {
    const content = trimInline(this.inline);
    this.inline = [];
    const pending = this.pending;
    this.pending = { type: 'paragraph' };
    if (content.length === 0) return;
    if (pending.type === 'heading') {
      if (!this.shared.headlineChecked && this.blocks.length === 0) {
        this.shared.headlineChecked = true;
        const headline = this.shared.options.headline;
        if (headline && sameWords(inlineText(content), headline)) return;
      }
      this.blocks.push({ type: 'heading', attrs: { level: pending.level }, content });
      return;
    }
    this.shared.headlineChecked = true;
    this.blocks.push({ type: 'paragraph', content });
  }

  private addText(raw: string, marks: Mark[]): void {
    let text = collapse(raw);
    const last = this.inline.at(-1);
    const endsWithSpace =
      last === undefined || last.type === 'hardBreak' || last.text?.endsWith(' ');
    if (endsWithSpace) text = text.replace(/^ /, '');
    if (text === '') return;
    if (last?.type === 'text' && sameMarks(last.marks ?? [], marks)) {
      last.text = `${last.text ?? ''}${text}`;
      return;
    }
    this.inline.push({ type: 'text', text, ...(marks.length > 0 && { marks: [...marks] }) });
  }

  walkChildren(element: { children: HtmlNode[] }, marks: Mark[], depth: number): void {
    for (const child of element.children) this.walk(child, marks, depth + 1);
  }

  walk(node: HtmlNode, marks: Mark[], depth: number): void {
    if (DomUtils.isText(node)) {
      this.addText(node.data, marks);
      return;
    }
    if (!DomUtils.isTag(node)) {
      // Comments, CDATA, processing instructions and doctypes carry nothing for readers.
      if (DomUtils.hasChildren(node)) this.walkChildren(node, marks, depth);
      return;
    }
    if (depth > MAX_HTML_DEPTH) {
      this.drop(`markup nested deeper than ${MAX_HTML_DEPTH} levels`);
      return;
    }
    const name = node.name.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) {
      this.drop(`<${name}> element`);
      return;
    }
    switch (name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        this.flush();
        this.pending = { type: 'heading', level: HEADING_LEVEL[name] ?? 2 };
        this.walkChildren(node, marks, depth);
        this.flush();
        return;
      case 'br':
        if (this.inline.length > 0) this.inline.push({ type: 'hardBreak' });
        return;
      case 'hr':
        this.flush();
        this.blocks.push({ type: 'horizontalRule' });
        return;
      case 'strong':
      case 'b':
        this.walkChildren(node, withMark(marks, { type: 'bold' }), depth);
        return;
      case 'em':
      case 'i':
        this.walkChildren(node, withMark(marks, { type: 'italic' }), depth);
        return;
      case 'a': {
        const href = safeHref(node.attribs['href']);
        if (href === null && node.attribs['href'] !== undefined)
          this.drop('unsafe or relative link');
        this.walkChildren(
          node,
          href === null ? marks : withMark(marks, { type: 'link', attrs: { href, title: null } }),
          depth,
        );
        return;
      }
      case 'img':
        this.flush();
        this.addImage(node, null);
        return;
      case 'figure': {
        const img = DomUtils.findOne((el) => el.name.toLowerCase() === 'img', node.children);
        if (!img) break;
        const figcaption = DomUtils.findOne(
          (el) => el.name.toLowerCase() === 'figcaption',
          node.children,
        );
        this.flush();
        this.addImage(img, figcaption ? collapse(DomUtils.textContent(figcaption)).trim() : null);
        return;
      }
      case 'blockquote':
        this.flush();
        this.addBlockquote(node, marks, depth);
        return;
      case 'ul':
      case 'ol':
        this.flush();
        this.addList(node, name === 'ol', marks, depth);
        return;
      case 'tr':
        // A table row becomes a line of text; tables have no place in the body schema.
        this.flush();
        for (const cell of node.children) {
          this.walk(cell, marks, depth + 1);
          this.addText(' ', marks);
        }
        this.flush();
        return;
    }
    if (isBlockContainer(name)) {
      this.flush();
      this.walkChildren(node, marks, depth);
      this.flush();
      return;
    }
    // Anything else (span, sup, font, u, abbr, custom elements...) is unwrapped to its content.
    this.walkChildren(node, marks, depth);
  }

  private addImage(img: HtmlElement, caption: string | null): void {
    const attr = (name: string) => img.attribs[name]?.trim() || null;
    const image: ImageInBody = {
      src: attr('src'),
      alt: img.attribs['alt'] === undefined ? null : collapse(img.attribs['alt']).trim(),
      references: [attr('data-assoc-ref'), attr('data-uri'), attr('uri'), attr('src')].filter(
        (value): value is string => value !== null,
      ),
    };
    const association = this.shared.options.findAssociation(image);
    if (association === null) {
      this.drop('image that is not one of the associations');
      return;
    }
    const slot = this.shared.images.length;
    this.shared.images.push({ association, alt: image.alt, caption: caption || null });
    this.blocks.push({ type: IMAGE_SLOT, attrs: { slot } });
  }

  private addBlockquote(node: HtmlElement, marks: Mark[], depth: number): void {
    const footer = node.children.find(
      (child): child is HtmlElement =>
        DomUtils.isTag(child) && ['footer', 'cite'].includes(child.name.toLowerCase()),
    );
    const inner = new BlockWriter(this.shared, this.listDepth);
    for (const child of node.children) if (child !== footer) inner.walk(child, marks, depth + 1);
    inner.flush();
    const paragraphs: BodyNodeJson[] = [];
    const after: BodyNodeJson[] = [];
    for (const block of inner.blocks) {
      if (block.type === IMAGE_SLOT) after.push(block);
      else paragraphs.push(...asParagraphs(block));
    }
    const attribution = footer ? collapse(DomUtils.textContent(footer)).trim() : '';
    if (paragraphs.length > 0)
      this.blocks.push({
        type: 'blockquote',
        attrs: { attribution: attribution || null },
        content: paragraphs,
      });
    this.blocks.push(...after);
  }

  private addList(node: HtmlElement, ordered: boolean, marks: Mark[], depth: number): void {
    const items: BodyNodeJson[] = [];
    const after: BodyNodeJson[] = [];
    for (const child of node.children) {
      if (DomUtils.isText(child) && child.data.trim() === '') continue;
      const inner = new BlockWriter(this.shared, this.listDepth + 1);
      if (DomUtils.isTag(child) && child.name.toLowerCase() === 'li')
        inner.walkChildren(child, marks, depth + 1);
      else inner.walk(child, marks, depth + 1);
      inner.flush();
      const content: BodyNodeJson[] = [];
      for (const block of inner.blocks) {
        if (block.type === IMAGE_SLOT) after.push(block);
        else if (block.type === 'bulletList' || block.type === 'orderedList') {
          // Deeper than a reader can follow: the items join this level.
          if (this.listDepth + 1 < MAX_LIST_DEPTH) content.push(block);
          else for (const item of block.content ?? []) content.push(...(item.content ?? []));
        } else content.push(...asParagraphs(block));
      }
      if (content.length === 0) continue;
      if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
      items.push({ type: 'listItem', content });
    }
    if (items.length > 0) {
      const start = Number.parseInt(node.attribs['start'] ?? '1', 10);
      this.blocks.push(
        ordered
          ? {
              type: 'orderedList',
              attrs: { start: Number.isInteger(start) && start >= 0 ? start : 1 },
              content: items,
            }
          : { type: 'bulletList', content: items },
      );
    }
    this.blocks.push(...after);
  }
}

function isBlockContainer(name: string): boolean {
  return [
    'p',
    'div',
    'section',
    'article',
    'main',
    'header',
    'footer',
    'aside',
    'nav',
    'address',
    'pre',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'figure',
    'figcaption',
    'details',
    'summary',
    'center',
    'body',
    'html',
  ].includes(name);
}

/** A block's text as paragraphs, for places that hold only paragraphs (quotes, list items). */
function asParagraphs(block: BodyNodeJson): BodyNodeJson[] {
  switch (block.type) {
    case 'paragraph':
      return [block];
    case 'heading':
      return [{ type: 'paragraph', content: block.content ?? [] }];
    case 'horizontalRule':
      return [];
    default:
      return (block.content ?? []).flatMap(asParagraphs);
  }
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  // A mark of the same type inside another replaces it (a link inside a link takes the inner one).
  return [...marks.filter((existing) => existing.type !== mark.type), mark];
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark, index) => JSON.stringify(mark) === JSON.stringify(b[index]))
  );
}

/** Leading and trailing spaces and line breaks of a paragraph go; empty text nodes too. */
function trimInline(inline: BodyNodeJson[]): BodyNodeJson[] {
  const nodes = [...inline];
  while (nodes[0]?.type === 'hardBreak') nodes.shift();
  while (nodes.at(-1)?.type === 'hardBreak') nodes.pop();
  const first = nodes[0];
  if (first?.type === 'text') first.text = (first.text ?? '').replace(/^ +/, '');
  const last = nodes.at(-1);
  if (last?.type === 'text') last.text = (last.text ?? '').replace(/ +$/, '');
  const kept = nodes.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
  return kept.some((node) => node.type === 'text') ? kept : [];
}

function inlineText(content: BodyNodeJson[]): string {
  return content.map((node) => node.text ?? ' ').join('');
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(a) === words(b);
}

function summarize(dropped: Map<string, number>): string[] {
  return [...dropped].map(([what, count]) =>
    count === 1 ? `dropped one ${what}` : `dropped ${count} × ${what}`,
  );
}

/** Converts agency HTML (a fragment or a whole page) into a body with image slots. */
export function htmlToBody(html: string, options: HtmlToBodyOptions): ConvertedBody {
  const shared: Shared = { options, images: [], dropped: new Map(), headlineChecked: false };
  const writer = new BlockWriter(shared, 0);
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  for (const node of document.children) writer.walk(node, [], 0);
  writer.flush();
  return {
    doc: {
      type: 'doc',
      content: writer.blocks.length > 0 ? writer.blocks : [{ type: 'paragraph' }],
    },
    images: shared.images,
    dropped: summarize(shared.dropped),
  };
}

/** Plain wire text into paragraphs: blank lines separate them, or single lines when none are. */
export function textToBody(text: string): BodyDoc {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  const parts = /\n[ \t]*\n/.test(normalized)
    ? normalized.split(/\n[ \t]*\n/)
    : normalized.split('\n');
  const paragraphs = parts
    .map((part) => collapse(part).trim())
    .filter((part) => part !== '')
    .map((part): BodyNodeJson => ({ type: 'paragraph', content: [{ type: 'text', text: part }] }));
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] };
}

/**
 * Replaces each image slot with the image the caller stored for it, or removes it (an image
 * that could not be fetched is reported, not shown).
 */
export function fillImageSlots(
  doc: BodyDoc,
  imageFor: (slot: number) => BodyNodeJson | null,
): BodyDoc {
  const fill = (nodes: BodyNodeJson[]): BodyNodeJson[] =>
    nodes.flatMap((node) => {
      if (node.type === IMAGE_SLOT) {
        const image = imageFor(Number(node.attrs?.['slot']));
        return image ? [image] : [];
      }
      return node.content ? [{ ...node, content: fill(node.content) }] : [node];
    });
  const content = fill(doc.content);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

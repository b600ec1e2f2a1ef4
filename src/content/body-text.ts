/**
 * The body as plain text, and what follows from it: word count and reading time.
 */
import type { BodyNodeJson } from './body-schema.js';

/** Plain text with a blank line between blocks; for search, feeds and reading time. */
export function bodyToText(body: BodyNodeJson): string {
  const blocks: string[] = [];
  const visit = (node: BodyNodeJson, into: string[]): void => {
    if (node.type === 'text') {
      into.push(node.text ?? '');
      return;
    }
    if (node.type === 'hardBreak') {
      into.push('\n');
      return;
    }
    if (node.type === 'image' || node.type === 'video') {
      const caption = node.attrs?.['caption'];
      if (typeof caption === 'string' && caption) blocks.push(caption);
      return;
    }
    if (node.type === 'embed') {
      blocks.push(embedToText(node.attrs ?? {}));
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading') {
      const parts: string[] = [];
      for (const child of node.content ?? []) visit(child, parts);
      blocks.push(parts.join(''));
      return;
    }
    for (const child of node.content ?? []) visit(child, into);
    if (node.type === 'blockquote' && typeof node.attrs?.['attribution'] === 'string')
      blocks.push(node.attrs['attribution']);
  };
  visit(body, blocks);
  return blocks.filter((block) => block.trim() !== '').join('\n\n');
}

/** An embedded post as text: the quote, who said it (and where), and the link to the original. */
function embedToText(attrs: Record<string, unknown>): string {
  const part = (name: string) => {
    const value = attrs[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const quote = part('text');
  const who = [part('authorName'), part('authorHandle')].filter(Boolean).join(' ');
  const url = part('url');
  return [quote && `“${quote}”`, who && `— ${who}`, url].filter(Boolean).join('\n');
}

/** Words as a reader counts them: runs of letters or digits (with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Silent reading speed for non-fiction, words per minute, from Brysbaert's 2019 meta-analysis
 * ("How many words do we read per minute?"): English 238, Spanish 218.
 */
export const WORDS_PER_MINUTE = { en: 238, es: 218 } as const;

/** Whole minutes, at least 1. */
export function readingMinutes(wordCount: number, locale: keyof typeof WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE[locale]));
}

/**
 * Images in the body that have no alt text, with the path of each (`body.content[3]`), so the
 * newsroom can be told which one to describe before publishing.
 */
export function imagesWithoutAlt(body: BodyNodeJson): string[] {
  const found: string[] = [];
  const visit = (node: BodyNodeJson, path: string) => {
    if (node.type === 'image') {
      const alt = node.attrs?.['alt'];
      if (typeof alt !== 'string' || alt.trim() === '') found.push(path);
    }
    node.content?.forEach((child, index) => visit(child, `${path}.content[${index}]`));
  };
  visit(body, 'body');
  return found;
}

/**
 * Finding a reader's quoted passage in the article as it stands now, to show it highlighted.
 * Readers copy text with other spacing, curly or straight quotes and another letter case, so the
 * search is tolerant of those; it works on whole paragraphs, and falls back to the whole text
 * (for a passage that spans two paragraphs).
 */
import { bodyText } from '../editor/body-utils.ts';

export interface PassageMatch {
  /** The paragraph (or stretch of text) the passage is in, split around it. */
  before: string;
  match: string;
  after: string;
}

/** How a character compares: straight quotes and lower case; spaces are collapsed apart. */
function comparable(char: string): string {
  if ('‘’‚′'.includes(char)) return "'";
  if ('“”„″«»'.includes(char)) return '"';
  if ('–—'.includes(char)) return '-';
  return char.toLowerCase();
}

/**
 * The text with runs of white space made one space, its comparable form, and for each comparable
 * character the index in the original it came from (to cut the original around a match).
 */
function normalize(text: string): { key: string; origin: number[] } {
  let key = '';
  const origin: number[] = [];
  let lastWasSpace = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      if (!lastWasSpace) {
        key += ' ';
        origin.push(index);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    const mapped = comparable(char);
    key += mapped;
    for (let repeat = 0; repeat < mapped.length; repeat++) origin.push(index);
  }
  return { key: key.trimEnd(), origin };
}

function findIn(text: string, passageKey: string): PassageMatch | null {
  const { key, origin } = normalize(text);
  const at = key.indexOf(passageKey);
  if (at < 0) return null;
  const start = origin[at] ?? 0;
  const end = (origin[at + passageKey.length - 1] ?? text.length - 1) + 1;
  return { before: text.slice(0, start), match: text.slice(start, end), after: text.slice(end) };
}

/** Up to this many characters of context on each side when the match is in the whole text. */
const CONTEXT = 200;

export function findPassage(body: unknown, passage: string): PassageMatch | null {
  const passageKey = normalize(passage)
    .key.replace(/^["']+|["']+$/g, '')
    .trim();
  if (!passageKey) return null;
  const blocks = bodyText(body)
    .split('\n')
    .map((line) => line.replace(/^## /, ''));
  for (const block of blocks) {
    const found = findIn(block, passageKey);
    if (found) return found;
  }
  const whole = findIn(blocks.join(' '), passageKey);
  if (!whole) return null;
  return {
    before: whole.before.length > CONTEXT ? `…${whole.before.slice(-CONTEXT)}` : whole.before,
    match: whole.match,
    after: whole.after.length > CONTEXT ? `${whole.after.slice(0, CONTEXT)}…` : whole.after,
  };
}

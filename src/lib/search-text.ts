/**
 * The words of search, the same for indexing, querying and highlighting: text is cut into words,
 * each word is stemmed with its language's Snowball stemmer ("elecciones" and "elección" both
 * become "eleccion") and folded (lower case, accents removed, so "corrupcion" finds
 * "corrupción"). SQLite's index stores these terms; PostgreSQL stems with its own `english` and
 * `spanish` configurations (the same Snowball algorithms), and the snippet highlighter uses these
 * terms on both.
 */
import snowball from 'snowball-stemmers';
import { escapeHtml } from './html.js';

/** The languages Galley stems (its two editions). */
export type SearchLanguage = 'en' | 'es';

const stemmers = {
  en: snowball.newStemmer('english'),
  es: snowball.newStemmer('spanish'),
} as const;

/** Longest query we look at; the rest is cut, never an error. */
export const MAX_QUERY_CHARS = 200;
/** Most words a query may carry; more only slow the search down. */
export const MAX_QUERY_TERMS = 12;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents: "Corrupción" → "corrupcion". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Terms already worked out, per language. The Snowball port is slow (tens of microseconds a
 * word) and news text repeats its words (Zipf), so a bounded memo makes indexing and snippet
 * marking several times faster. Cleared when full rather than evicted one by one: simpler, and
 * the common words come straight back.
 */
const MEMO_LIMIT = 100_000;
const memo: Record<SearchLanguage, Map<string, string>> = { en: new Map(), es: new Map() };

/** One word's search term in a language: stemmed, then folded. */
export function searchTerm(word: string, locale: SearchLanguage): string {
  const known = memo[locale].get(word);
  if (known !== undefined) return known;
  const term = foldAccents(stemmers[locale].stem(word.toLowerCase()));
  if (memo[locale].size >= MEMO_LIMIT) memo[locale].clear();
  memo[locale].set(word, term);
  return term;
}

/**
 * The terms a word of a document is found by: its term, and its term once unaccented when that
 * differs. Snowball's Spanish stemmer knows "-ación" only with the accent: "investigación" stems
 * to "investig" but "investigacion", as readers type it without accents, stays whole.
 */
export function documentTerms(word: string, locale: SearchLanguage): string[] {
  const term = searchTerm(word, locale);
  const unaccented = searchTerm(foldAccents(word), locale);
  return unaccented === term ? [term] : [term, unaccented];
}

/** The terms of a text, in order, for the index. */
export function searchTerms(text: string, locale: SearchLanguage): string[] {
  return (text.match(WORD) ?? []).flatMap((word) => documentTerms(word, locale));
}

/**
 * A reader's query as plain words: every character that is not a letter or a digit is a
 * separator, so quotes, `*`, `-`, `NEAR` or unbalanced parentheses are only text. Cut to
 * MAX_QUERY_CHARS and MAX_QUERY_TERMS; duplicates dropped.
 */
export function queryWords(query: string): string[] {
  const words = query.slice(0, MAX_QUERY_CHARS).match(WORD) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, MAX_QUERY_TERMS);
}

export interface Snippet {
  /** Escaped HTML with the matched words in `<mark>`. */
  html: string;
  matched: boolean;
}

/**
 * The passage of `text` with the most query terms, about `maxWords` long, escaped, with matched
 * words in `<mark>`. Falls back to the text's start when nothing matches. `terms` are the
 * query's (`searchTerm` of each word).
 */
export function highlightSnippet(
  text: string,
  terms: ReadonlySet<string>,
  locale: SearchLanguage,
  maxWords = 30,
): Snippet {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return { html: '', matched: false };
  const isMatch = words.map((word) =>
    documentTerms(word[0], locale).some((term) => terms.has(term)),
  );
  // The window of maxWords words holding the most matches (a sliding count).
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let index = 0; index < words.length; index++) {
    if (isMatch[index]) count++;
    if (index >= maxWords && isMatch[index - maxWords]) count--;
    const start = Math.max(0, index - maxWords + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  const first = words[best] as RegExpExecArray;
  const lastIndex = Math.min(words.length, best + maxWords) - 1;
  const last = words[lastIndex] as RegExpExecArray;
  const from = first.index;
  const to = last.index + last[0].length;
  let html = best > 0 ? '… ' : '';
  let cursor = from;
  for (let index = best; index <= lastIndex; index++) {
    const word = words[index] as RegExpExecArray;
    html += escapeHtml(text.slice(cursor, word.index));
    html += isMatch[index] ? `<mark>${escapeHtml(word[0])}</mark>` : escapeHtml(word[0]);
    cursor = word.index + word[0].length;
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < text.length) html += ' …';
  return { html, matched: bestCount > 0 };
}

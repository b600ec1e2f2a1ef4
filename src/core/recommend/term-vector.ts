/**
 * An article's words for text similarity: the stemmed terms of its headline, dek and body (the
 * same stemming and folding as search, so "elecciones" and "elección" are one term), weighted by
 * where they appear and how often, stop words dropped, strongest first. Only the strongest terms
 * are kept: they carry the similarity, and a short vector keeps the stored row and the ranking
 * cheap. Inverse document frequency is applied when ranking, over the candidates of the moment.
 */
import { foldAccents, searchTerm } from '../../lib/search-text.js';
import type { Locale } from '../../db/schema.js';
import { STOP_WORDS } from './stop-words.js';

/** Terms kept per article. */
export const VECTOR_TERMS = 64;

/** A headline word says more about the story than a body word. */
const FIELD_WEIGHTS = { headline: 3, dek: 2, body: 1 } as const;

const WORD = /[\p{L}\p{N}]+/gu;

export type TermVector = [term: string, weight: number][];

export interface ArticleWords {
  headline: string;
  dek: string;
  body: string;
}

export function termVector(article: ArticleWords, locale: Locale): TermVector {
  const stopWords = STOP_WORDS[locale];
  const counts = new Map<string, number>();
  for (const field of ['headline', 'dek', 'body'] as const) {
    for (const word of article[field].match(WORD) ?? []) {
      const folded = foldAccents(word);
      // One-letter words and bare numbers say nothing about a topic.
      if (folded.length < 2 || stopWords.has(folded) || /^\d+$/.test(folded)) continue;
      const term = searchTerm(folded, locale);
      counts.set(term, (counts.get(term) ?? 0) + FIELD_WEIGHTS[field]);
    }
  }
  // Sublinear term frequency: a word said ten times is not ten times as telling.
  const weighted: TermVector = [...counts].map(([term, count]) => [term, 1 + Math.log(count)]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return weighted.slice(0, VECTOR_TERMS).map(([term, weight]) => [term, round(weight)]);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Ranking metrics for the recommendation evaluation (`eval-recommend.ts`), with binary relevance:
 * a recommended story is relevant (gain 1) or not (gain 0).
 *
 * - precision@k: the share of the first k positions that hold a relevant story. A list shorter
 *   than k counts its empty positions as misses (a block of two stories where three fit has left
 *   a slot unused), so the denominator is always k.
 * - nDCG@k: discounted cumulative gain over the first k positions, gain / log2(position + 1),
 *   divided by the best that ordering could reach, i.e. min(k, number of relevant stories)
 *   relevant stories at the top. 1 is a perfect top k; 0 is no relevant story in it.
 */

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
}

/** The first k distinct ids: a ranking that repeats a story must not count it twice. */
function topK(ranked: readonly number[], k: number): number[] {
  const seen = new Set<number>();
  for (const id of ranked) {
    if (seen.size === k) break;
    seen.add(id);
  }
  return [...seen];
}

export function precisionAtK(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): number {
  assertK(k);
  return topK(ranked, k).filter((id) => relevant.has(id)).length / k;
}

export function ndcgAtK(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): number {
  assertK(k);
  // A query with no relevant story has no ideal ranking to compare against: a caller's mistake.
  if (relevant.size === 0)
    throw new RangeError('nDCG is undefined for a query with no relevant stories');
  const discount = (position: number) => 1 / Math.log2(position + 2);
  let dcg = 0;
  topK(ranked, k).forEach((id, position) => {
    if (relevant.has(id)) dcg += discount(position);
  });
  let ideal = 0;
  for (let position = 0; position < Math.min(k, relevant.size); position++)
    ideal += discount(position);
  return dcg / ideal;
}

/** The arithmetic mean; NaN for no values, so an empty group cannot pass for a score of 0. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

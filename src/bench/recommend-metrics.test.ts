import { describe, expect, it } from 'vitest';
import { mean, ndcgAtK, precisionAtK } from './recommend-metrics.js';

// Expected values are worked out by hand (log2(3) = 1.5849625, log2(4) = 2), not recomputed with
// the formula under test.
describe('precisionAtK', () => {
  it('is the share of the first k positions that are relevant', () => {
    expect(precisionAtK([1, 2, 3], new Set([1, 3]), 3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK([1, 2, 3], new Set([1, 2, 3]), 3)).toBe(1);
    expect(precisionAtK([1, 2, 3], new Set([9]), 3)).toBe(0);
  });

  it('ignores stories past k', () => {
    expect(precisionAtK([1, 2, 3, 4], new Set([4]), 3)).toBe(0);
    expect(precisionAtK([7, 1, 2, 3], new Set([7, 3]), 1)).toBe(1);
  });

  it('counts the empty slots of a short list as misses', () => {
    expect(precisionAtK([4, 5], new Set([4, 5]), 3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK([], new Set([4]), 3)).toBe(0);
  });

  it('does not count a repeated story twice', () => {
    expect(precisionAtK([4, 4, 4], new Set([4]), 3)).toBeCloseTo(1 / 3, 12);
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => precisionAtK([1], new Set([1]), 0)).toThrow(RangeError);
    expect(() => precisionAtK([1], new Set([1]), 1.5)).toThrow(RangeError);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for relevant stories at the top and 0 for none in the top k', () => {
    expect(ndcgAtK([1, 2, 3], new Set([1, 2]), 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK([5, 6, 7, 1], new Set([1]), 3)).toBe(0);
  });

  it('discounts by position: relevant first and third of two relevant', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) = 1.6309298; 1.5 / 1.6309298
    expect(ndcgAtK([1, 2, 3], new Set([1, 3]), 3)).toBeCloseTo(0.9197207, 6);
  });

  it('the one relevant story in second place', () => {
    // DCG = 1/log2(3) = 0.6309298; ideal = 1
    expect(ndcgAtK([1, 2, 3], new Set([2]), 3)).toBeCloseTo(0.6309298, 6);
  });

  it('the ideal fills only k positions when more stories are relevant than fit', () => {
    // DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.1309298
    expect(ndcgAtK([5, 9, 6], new Set([5, 6, 7, 8]), 3)).toBeCloseTo(0.7039181, 6);
  });

  it('a short list is not penalised beyond the stories it misses', () => {
    // One relevant story, found first, in a list of one: as good as it gets.
    expect(ndcgAtK([4], new Set([4]), 3)).toBe(1);
  });

  it('refuses a query with no relevant stories', () => {
    expect(() => ndcgAtK([1, 2, 3], new Set(), 3)).toThrow(RangeError);
  });
});

describe('mean', () => {
  it('averages, and is NaN for nothing', () => {
    expect(mean([1, 0, 0.5])).toBeCloseTo(0.5, 12);
    expect(mean([])).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { bucketOf, periodRange } from './analytics-period.js';

describe('periods (UTC)', () => {
  it('runs today from midnight through the current hour', () => {
    const today = periodRange('today', new Date('2026-11-28T00:59:59.999Z'));
    expect(today).toEqual({
      period: 'today',
      from: '2026-11-28T00:00:00.000Z',
      until: '2026-11-28T01:00:00.000Z',
      bucket: 'hour',
      buckets: ['2026-11-28T00:00:00.000Z'],
    });
  });

  it('runs 7 and 30 days as whole UTC days ending today, across a month end', () => {
    const week = periodRange('7d', new Date('2026-03-02T23:30:00.000Z'));
    expect(week.from).toBe('2026-02-24T00:00:00.000Z');
    expect(week.until).toBe('2026-03-03T00:00:00.000Z');
    expect(week.buckets).toEqual([
      '2026-02-24T00:00:00.000Z',
      '2026-02-25T00:00:00.000Z',
      '2026-02-26T00:00:00.000Z',
      '2026-02-27T00:00:00.000Z',
      '2026-02-28T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    const month = periodRange('30d', new Date('2026-03-02T10:00:00.000Z'));
    expect(month.from).toBe('2026-02-01T00:00:00.000Z');
    expect(month.buckets).toHaveLength(30);
  });
});

describe('buckets', () => {
  it('puts an hour in its own hour, or in its UTC day', () => {
    expect(bucketOf('2026-11-28T23:00:00.000Z', 'hour')).toBe('2026-11-28T23:00:00.000Z');
    expect(bucketOf('2026-11-28T23:00:00.000Z', 'day')).toBe('2026-11-28T00:00:00.000Z');
  });
});

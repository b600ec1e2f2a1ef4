/**
 * The dashboard's periods, in UTC: the rollups are keyed by UTC hour and visitors are counted per
 * UTC day (the visitor salt rotates at UTC midnight), so a period that began at a local midnight
 * could not count its visitors exactly.
 *
 * - `today`: from 00:00 UTC today through the current hour, one bucket per hour;
 * - `7d` and `30d`: today and the 6 (29) UTC days before it, one bucket per day.
 */
export const ANALYTICS_PERIODS = ['today', '7d', '30d'] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DAYS_IN_PERIOD: Record<AnalyticsPeriod, number> = { today: 1, '7d': 7, '30d': 30 };

export interface PeriodRange {
  period: AnalyticsPeriod;
  /** ISO start of the first hour included (a UTC midnight). */
  from: string;
  /** ISO start of the first hour NOT included: the hour after the current one. */
  until: string;
  bucket: 'hour' | 'day';
  /** ISO start of every bucket, oldest first, so a chart has no holes where nothing happened. */
  buckets: string[];
}

/** Start of the UTC hour that contains `time`. */
export function startOfUtcHour(time: Date): Date {
  return new Date(Math.floor(time.getTime() / HOUR_MS) * HOUR_MS);
}

/** Start of the UTC day that contains `time`. */
export function startOfUtcDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
}

/**
 * The hours a period covers at `now`, and its chart buckets.
 *
 * @example
 * periodRange('today', new Date('2026-11-28T16:20:00Z'))
 * // { from: '2026-11-28T00:00:00.000Z', until: '2026-11-28T17:00:00.000Z', bucket: 'hour',
 * //   buckets: ['2026-11-28T00:00:00.000Z', ... 17 hours ... '2026-11-28T16:00:00.000Z'] }
 */
export function periodRange(period: AnalyticsPeriod, now: Date): PeriodRange {
  const today = startOfUtcDay(now).getTime();
  const from = today - (DAYS_IN_PERIOD[period] - 1) * DAY_MS;
  const until = startOfUtcHour(now).getTime() + HOUR_MS;
  const bucket = period === 'today' ? 'hour' : 'day';
  const step = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const buckets: string[] = [];
  for (let start = from; start < until; start += step) buckets.push(new Date(start).toISOString());
  return {
    period,
    from: new Date(from).toISOString(),
    until: new Date(until).toISOString(),
    bucket,
    buckets,
  };
}

/** The bucket an hour's row belongs to: the hour itself, or the start of its UTC day. */
export function bucketOf(hour: string, bucket: PeriodRange['bucket']): string {
  const time = new Date(hour);
  return (bucket === 'hour' ? startOfUtcHour(time) : startOfUtcDay(time)).toISOString();
}

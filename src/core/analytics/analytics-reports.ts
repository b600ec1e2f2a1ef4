/**
 * The newsroom dashboard's figures for a period (today, 7 or 30 UTC days), read from the hourly
 * rollups (db/schema-discovery.ts): views, visitors, engaged time, scroll depth, top articles,
 * referrers, campaigns, the Recommended block's click-through rate, and the views and visitors
 * over time. Every figure can be narrowed to one locale and one section.
 *
 * Visitors are never de-duplicated across days: the visitor hash is salted per UTC day (and the
 * salt deleted after 48 hours), so the same reader on two days is two visitors. A range's
 * visitors are the sum, over its hours, of the visitors first seen that UTC day in that hour:
 * the sum of each day's unique visitors.
 *
 * Sums come back as strings on PostgreSQL (bigint) and as null over no rows: `count` reads both.
 */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import { bucketOf, periodRange } from './analytics-period.js';
import type { AnalyticsPeriod, PeriodRange } from './analytics-period.js';

/** What the dashboard looks at: a period, and optionally one locale and one section. */
export interface AnalyticsFilter {
  period: AnalyticsPeriod;
  locale?: Locale | undefined;
  sectionId?: number | undefined;
  now: Date;
}

/** How many top articles, referrers and campaigns a report lists. */
export const TOP_LIMIT = 10;
export const SCROLL_QUARTERS = [25, 50, 75, 100] as const;

export interface ScrollDepth {
  /** The quarter of the page reached: 25, 50, 75 or 100 (%). */
  quarter: (typeof SCROLL_QUARTERS)[number];
  /** Views whose reader reached it. */
  views: number;
  /** Those views as a share (0..1) of all views; null when there were no views. */
  share: number | null;
}

export interface ArticleFigures {
  articleId: number;
  /** Null when the article has since been deleted for good (the figures outlive it). */
  headline: string | null;
  locale: Locale;
  views: number;
  /** The sum of each UTC day's unique visitors of this article. */
  visitors: number;
  engagedSeconds: number;
  engagedSecondsPerView: number | null;
  /** The Recommended block on this article's page: times seen, and clicks on its stories. */
  recImpressions: number;
  recClicks: number;
  clickThroughRate: number | null;
}

export interface SeriesPoint {
  /** ISO start of the hour (today) or of the UTC day (7 and 30 days). */
  start: string;
  views: number;
  visitors: number;
}

export interface AnalyticsReport {
  period: AnalyticsPeriod;
  from: string;
  until: string;
  bucket: PeriodRange['bucket'];
  locale: Locale | null;
  sectionId: number | null;
  totals: {
    views: number;
    visitors: number;
    engagedSeconds: number;
    engagedSecondsPerView: number | null;
    scrollDepth: ScrollDepth[];
    recImpressions: number;
    recClicks: number;
    clickThroughRate: number | null;
  };
  series: SeriesPoint[];
  topArticles: ArticleFigures[];
  /** Views by referring host; '' = direct (no referrer, or this site). */
  topReferrers: { domain: string; views: number }[];
  /** Views by utm_campaign; views without one are left out. */
  topCampaigns: { campaign: string; views: number }[];
}

/** A SUM or COUNT as a number: PostgreSQL sends bigints as strings, and SUM over nothing is null. */
const count = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The visitors rollup keys "every locale" and "every section" with '*' and -1. */
const visitorKeys = (filter: AnalyticsFilter) => ({
  locale: filter.locale ?? '*',
  sectionId: filter.sectionId ?? -1,
});

/** The rows of analytics_hourly inside the period and the filter. */
function hourlyRows(db: Kysely<Database>, filter: AnalyticsFilter, range: PeriodRange) {
  const { locale, sectionId } = filter;
  return db
    .selectFrom('analytics_hourly as h')
    .where('h.hour', '>=', range.from)
    .where('h.hour', '<', range.until)
    .$if(locale !== undefined, (query) => query.where('h.locale', '=', locale as Locale))
    .$if(sectionId !== undefined, (query) => query.where('h.section_id', '=', sectionId as number));
}

async function totalsOf(db: Kysely<Database>, filter: AnalyticsFilter, range: PeriodRange) {
  const row = await hourlyRows(db, filter, range)
    .select((eb) => [
      eb.fn.sum<string | number | null>('h.views').as('views'),
      eb.fn.sum<string | number | null>('h.engaged_seconds').as('engaged'),
      eb.fn.sum<string | number | null>('h.scroll_25').as('scroll25'),
      eb.fn.sum<string | number | null>('h.scroll_50').as('scroll50'),
      eb.fn.sum<string | number | null>('h.scroll_75').as('scroll75'),
      eb.fn.sum<string | number | null>('h.scroll_100').as('scroll100'),
      eb.fn.sum<string | number | null>('h.rec_impressions').as('impressions'),
      eb.fn.sum<string | number | null>('h.rec_clicks').as('clicks'),
    ])
    .executeTakeFirst();
  const keys = visitorKeys(filter);
  const visitors = await db
    .selectFrom('analytics_hourly_visitors')
    .select((eb) => eb.fn.sum<string | number | null>('visitors').as('visitors'))
    .where('hour', '>=', range.from)
    .where('hour', '<', range.until)
    .where('locale', '=', keys.locale)
    .where('section_id', '=', keys.sectionId)
    .executeTakeFirst();
  const views = count(row?.views);
  const reached = [row?.scroll25, row?.scroll50, row?.scroll75, row?.scroll100].map(count);
  const impressions = count(row?.impressions);
  const clicks = count(row?.clicks);
  return {
    views,
    visitors: count(visitors?.visitors),
    engagedSeconds: count(row?.engaged),
    engagedSecondsPerView: ratio(count(row?.engaged), views),
    scrollDepth: SCROLL_QUARTERS.map((quarter, index) => ({
      quarter,
      views: reached[index] ?? 0,
      share: ratio(reached[index] ?? 0, views),
    })),
    recImpressions: impressions,
    recClicks: clicks,
    clickThroughRate: ratio(clicks, impressions),
  };
}

/** Views and visitors per bucket, every bucket present (zero where nothing happened). */
async function seriesOf(
  db: Kysely<Database>,
  filter: AnalyticsFilter,
  range: PeriodRange,
): Promise<SeriesPoint[]> {
  // Grouped by hour in SQL and by day here: at most 720 rows, and no dialect's date functions.
  const viewRows = await hourlyRows(db, filter, range)
    .select((eb) => ['h.hour', eb.fn.sum<string | number>('h.views').as('views')])
    .groupBy('h.hour')
    .execute();
  const keys = visitorKeys(filter);
  const visitorRows = await db
    .selectFrom('analytics_hourly_visitors')
    .select(['hour', 'visitors'])
    .where('hour', '>=', range.from)
    .where('hour', '<', range.until)
    .where('locale', '=', keys.locale)
    .where('section_id', '=', keys.sectionId)
    .execute();
  const points = new Map(range.buckets.map((start) => [start, { start, views: 0, visitors: 0 }]));
  for (const row of viewRows) {
    const point = points.get(bucketOf(row.hour, range.bucket));
    if (point) point.views += count(row.views);
  }
  for (const row of visitorRows) {
    const point = points.get(bucketOf(row.hour, range.bucket));
    if (point) point.visitors += count(row.visitors);
  }
  return [...points.values()];
}

/**
 * Every article read in the period (pages that are not articles are left out), most viewed
 * first; `limit` keeps the first few.
 */
export async function articleFigures(
  db: Kysely<Database>,
  filter: AnalyticsFilter,
  limit?: number,
): Promise<ArticleFigures[]> {
  const range = periodRange(filter.period, filter.now);
  const rows = await hourlyRows(db, filter, range)
    .leftJoin('articles as a', 'a.id', 'h.article_id')
    .select((eb) => [
      'h.article_id',
      'h.locale',
      'a.headline',
      eb.fn.sum<string | number>('h.views').as('views'),
      eb.fn.sum<string | number>('h.visitors').as('visitors'),
      eb.fn.sum<string | number>('h.engaged_seconds').as('engaged'),
      eb.fn.sum<string | number>('h.rec_impressions').as('impressions'),
      eb.fn.sum<string | number>('h.rec_clicks').as('clicks'),
    ])
    .where('h.article_id', '!=', 0)
    .groupBy(['h.article_id', 'h.locale', 'a.headline'])
    .orderBy((eb) => eb.fn.sum('h.views'), 'desc')
    .orderBy('h.article_id')
    .$if(limit !== undefined, (query) => query.limit(limit as number))
    .execute();
  return rows.map((row) => {
    const views = count(row.views);
    const impressions = count(row.impressions);
    return {
      articleId: row.article_id,
      headline: row.headline,
      locale: row.locale,
      views,
      visitors: count(row.visitors),
      engagedSeconds: count(row.engaged),
      engagedSecondsPerView: ratio(count(row.engaged), views),
      recImpressions: impressions,
      recClicks: count(row.clicks),
      clickThroughRate: ratio(count(row.clicks), impressions),
    };
  });
}

async function topSources(
  db: Kysely<Database>,
  filter: AnalyticsFilter,
  range: PeriodRange,
  dimension: 'referrer' | 'campaign',
) {
  const { locale, sectionId } = filter;
  const rows = await db
    .selectFrom('analytics_hourly_sources')
    .select((eb) => ['value', eb.fn.sum<string | number>('views').as('views')])
    .where('dimension', '=', dimension)
    .where('hour', '>=', range.from)
    .where('hour', '<', range.until)
    .$if(dimension === 'campaign', (query) => query.where('value', '!=', ''))
    .$if(locale !== undefined, (query) => query.where('locale', '=', locale as Locale))
    .$if(sectionId !== undefined, (query) => query.where('section_id', '=', sectionId as number))
    .groupBy('value')
    .orderBy((eb) => eb.fn.sum('views'), 'desc')
    .orderBy('value')
    .limit(TOP_LIMIT)
    .execute();
  return rows.map((row) => ({ value: row.value, views: count(row.views) }));
}

/**
 * The dashboard's report for one period and filter.
 *
 * @example
 * await analyticsReport(db, { period: '7d', locale: 'es', now: new Date() })
 */
export async function analyticsReport(
  db: Kysely<Database>,
  filter: AnalyticsFilter,
): Promise<AnalyticsReport> {
  const range = periodRange(filter.period, filter.now);
  const [totals, series, topArticles, referrers, campaigns] = await Promise.all([
    totalsOf(db, filter, range),
    seriesOf(db, filter, range),
    articleFigures(db, filter, TOP_LIMIT),
    topSources(db, filter, range, 'referrer'),
    topSources(db, filter, range, 'campaign'),
  ]);
  return {
    period: filter.period,
    from: range.from,
    until: range.until,
    bucket: range.bucket,
    locale: filter.locale ?? null,
    sectionId: filter.sectionId ?? null,
    totals,
    series,
    topArticles,
    topReferrers: referrers.map((row) => ({ domain: row.value, views: row.views })),
    topCampaigns: campaigns.map((row) => ({ campaign: row.value, views: row.views })),
  };
}

/** The period's views and visitors over time (the chart's data), on its own for the CSV. */
export function analyticsSeries(
  db: Kysely<Database>,
  filter: AnalyticsFilter,
): Promise<SeriesPoint[]> {
  return seriesOf(db, filter, periodRange(filter.period, filter.now));
}

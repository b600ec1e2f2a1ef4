/**
 * The dashboard's answers from the Admin API (`/api/admin/analytics*`): the server's own types,
 * imported type-only from the code that builds them, so the two cannot drift apart. The period
 * list is a plain constant with no dependencies. Periods and bucket starts are in UTC.
 */
import type { AnalyticsPeriod } from '../../../src/core/analytics/analytics-period.ts';
import type { Locale } from '../types.ts';

export { ANALYTICS_PERIODS as PERIODS } from '../../../src/core/analytics/analytics-period.ts';
export type Period = AnalyticsPeriod;
export type {
  AnalyticsReport,
  ArticleFigures,
  SeriesPoint,
} from '../../../src/core/analytics/analytics-reports.ts';
export type { RealtimeReport } from '../../../src/core/analytics/analytics-realtime.ts';

/** The dashboard's filter, as it stands in the address (`?period=7d&locale=es&section=3`). */
export interface AnalyticsFilter {
  period: AnalyticsPeriod;
  /** '' = both languages. */
  locale: '' | Locale;
  /** A section id, or '' = every section (and the pages that are not articles). */
  section: string;
}

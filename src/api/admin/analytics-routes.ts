/**
 * The newsroom dashboard's figures: the report for a period (today, 7 or 30 UTC days), readers
 * in the last five minutes, and CSV downloads of the period's per-article figures and of its
 * views and visitors over time. Editors and admins only: they decide what to cover and promote.
 *
 * Query parameters: `period` (today | 7d | 30d, default today), `locale` (en | es; empty or
 * absent = both), `section` (a section id; empty or absent = every page), and for the CSV
 * `table` (articles | series). A bad value is a 400 that names the parameter.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { articlesCsv, seriesCsv } from '../../core/analytics/analytics-csv.js';
import { ANALYTICS_PERIODS } from '../../core/analytics/analytics-period.js';
import { analyticsRealtime } from '../../core/analytics/analytics-realtime.js';
import {
  analyticsReport,
  analyticsSeries,
  articleFigures,
} from '../../core/analytics/analytics-reports.js';
import { GalleyError } from '../../core/errors.js';
import type { Policy } from '../../core/policy.js';
import { LOCALES } from '../../db/schema.js';
import type { Database } from '../../db/schema.js';
import type { AdminRoute } from './admin-route.js';

/** Who may read the dashboard: the people who decide coverage. Scripts use an editor's token. */
export const analyticsViewers: Policy = { staff: ['editor', 'admin'], system: false };

/** An empty parameter means "all", as a filter form with "All" selected sends it. */
const emptyAsAll = (value: unknown) => (value === '' ? undefined : value);

const filterQuery = z.object({
  locale: z.preprocess(
    emptyAsAll,
    z
      .enum(LOCALES as ['en', 'es'], { error: 'must be "en" or "es" (or empty for both)' })
      .optional(),
  ),
  section: z.preprocess(
    emptyAsAll,
    z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'must be a section id (a positive whole number), or empty for all')
      .transform(Number)
      .optional(),
  ),
});
const reportQuery = filterQuery.extend({
  period: z
    .enum(ANALYTICS_PERIODS, { error: 'must be "today", "7d" or "30d"' })
    .optional()
    .default('today'),
});
const exportQuery = reportQuery.extend({
  table: z.enum(['articles', 'series'], { error: 'must be "articles" or "series"' }),
});

/** The query checked against `schema`, or a 400 naming the first bad parameter. */
async function parsedFilter<T extends z.ZodType<{ section?: number | undefined }>>(
  c: Context,
  db: Kysely<Database>,
  schema: T,
): Promise<z.output<T>> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'query';
    throw new GalleyError(`${field}: ${issue?.message ?? 'invalid'}`, 400, field);
  }
  const { section } = parsed.data;
  if (section !== undefined) {
    const found = await db
      .selectFrom('sections')
      .select('id')
      .where('id', '=', section)
      .executeTakeFirst();
    if (!found) throw new GalleyError(`section: no section with id ${section}`, 400, 'section');
  }
  return parsed.data;
}

/** `galley-analytics-articles-7d-es-section-3-2026-11-28.csv`: what, which filter, which day. */
function csvFileName(query: z.output<typeof exportQuery>, now: Date): string {
  const parts = [
    'galley-analytics',
    query.table,
    query.period,
    query.locale,
    query.section === undefined ? undefined : `section-${query.section}`,
    now.toISOString().slice(0, 10),
  ];
  return `${parts.filter((part) => part !== undefined).join('-')}.csv`;
}

export const analyticsRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/analytics',
    policy: analyticsViewers,
    summary:
      'Readership for a UTC period (today by hour; 7 or 30 days by day): views, visitors, engaged time, scroll depth, top articles, referrers, campaigns, Recommended click-through; by locale and section',
    query: reportQuery,
    async handle(c, { db }) {
      const query = await parsedFilter(c, db, reportQuery);
      const report = await analyticsReport(db, {
        period: query.period,
        locale: query.locale,
        sectionId: query.section,
        now: new Date(),
      });
      return c.json({ report });
    },
  },
  {
    method: 'GET',
    path: '/analytics/realtime',
    policy: analyticsViewers,
    summary: 'Readers in the last five minutes (distinct visitors), in all and per story',
    query: filterQuery,
    async handle(c, { db }) {
      const query = await parsedFilter(c, db, filterQuery);
      const realtime = await analyticsRealtime(db, {
        locale: query.locale,
        sectionId: query.section,
        now: new Date(),
      });
      return c.json({ realtime });
    },
  },
  {
    method: 'GET',
    path: '/analytics/export.csv',
    policy: analyticsViewers,
    summary:
      "CSV of a period's per-article figures (table=articles) or its views and visitors over time (table=series)",
    query: exportQuery,
    async handle(c, { db }) {
      const query = await parsedFilter(c, db, exportQuery);
      const now = new Date();
      const filter = { period: query.period, locale: query.locale, sectionId: query.section, now };
      const csv =
        query.table === 'articles'
          ? articlesCsv(await articleFigures(db, filter))
          : seriesCsv(await analyticsSeries(db, filter));
      // The byte order mark makes spreadsheet programs read the file as UTF-8 (accented
      // Spanish headlines) rather than in the system's legacy code page.
      return c.body(`\uFEFF${csv}`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName(query, now)}"`,
      });
    },
  },
];

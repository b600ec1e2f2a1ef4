/**
 * The newsroom dashboard: readers right now, and for today, 7 or 30 days (UTC), per language and
 * section: views, visitors, engaged time, scroll depth, top articles, referrers, campaigns, the
 * Recommended block's click-through rate; views and visitors over time as a chart and a table;
 * CSV downloads of the per-article figures and of the series. A lazy chunk, with uPlot.
 */
import { useEffect, useState } from 'react';
import { API_BASE, errorMessage, get, query } from '../api.ts';
import { AlertRegion } from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { AnalyticsFilters, filterFromParams, PERIOD_KEYS } from '../analytics/AnalyticsFilters.tsx';
import { useAnalyticsFormat } from '../analytics/format.ts';
import { KpiTiles } from '../analytics/KpiTiles.tsx';
import { RealtimePanel } from '../analytics/RealtimePanel.tsx';
import { SeriesChart, SeriesTable } from '../analytics/SeriesChart.tsx';
import { ScrollDepthTable, SourcesTable, TopArticlesTable } from '../analytics/TopTables.tsx';
import type { AnalyticsFilter, AnalyticsReport } from '../analytics/types.ts';

export function Analytics({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const filter = filterFromParams(params);
  const { period, locale, section } = filter;
  const [report, setReport] = useState<AnalyticsReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    get<{ report: AnalyticsReport }>(
      `/analytics${query({ period, locale, section })}`,
      controller.signal,
    ).then(
      (answer) => setReport(answer.report),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [period, locale, section]);

  const isCurrent =
    report !== null &&
    report.period === period &&
    (report.locale ?? '') === locale &&
    String(report.sectionId ?? '') === section;
  return (
    <>
      <ScreenHeading title={t('analyticsTitle')} />
      <p>{t('analyticsIntro')}</p>
      <AnalyticsFilters filter={filter} />
      <RealtimePanel filter={filter} />
      <AlertRegion message={error && t('errorPrefix', { message: error })} />
      <p role="status" className="list-status">
        {!isCurrent && !error ? t('loading') : ''}
      </p>
      {isCurrent && <PeriodReport report={report} filter={filter} />}
    </>
  );
}

function PeriodReport({ report, filter }: { report: AnalyticsReport; filter: AnalyticsFilter }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const periodName = t(PERIOD_KEYS[report.period]);
  const hasViews = report.totals.views > 0 || report.totals.visitors > 0;
  const busiest = report.series.reduce(
    (best, point) => (point.views > best.views ? point : best),
    report.series[0] ?? { start: report.from, views: 0, visitors: 0 },
  );
  const lastHour = new Date(Date.parse(report.until) - 60_000).toISOString();
  return (
    <>
      <section className="analytics-section" aria-labelledby="analytics-period-title">
        <h2 id="analytics-period-title">{periodName}</h2>
        <p className="help">
          {t('analyticsRangeUtc', {
            from: format.moment(report.from),
            to: format.moment(lastHour),
          })}
        </p>
        <KpiTiles totals={report.totals} />
      </section>

      <section className="analytics-section" aria-labelledby="analytics-series-title">
        <h2 id="analytics-series-title">
          {report.bucket === 'hour' ? t('analyticsSeriesHourly') : t('analyticsSeriesDaily')}
        </h2>
        {hasViews ? (
          <SeriesChart
            series={report.series}
            bucket={report.bucket}
            summary={t('analyticsChartSummary', {
              period: periodName,
              views: format.count(report.totals.views),
              visitors: format.count(report.totals.visitors),
              busiest: format.bucket(busiest.start, report.bucket),
              busiestViews: format.count(busiest.views),
            })}
          />
        ) : (
          <p>{t('analyticsNoViews')}</p>
        )}
        {hasViews && (
          <SeriesTable
            series={report.series}
            bucket={report.bucket}
            caption={t('analyticsSeriesTable', { period: periodName })}
          />
        )}
      </section>

      <section className="analytics-section" aria-labelledby="analytics-articles-title">
        <h2 id="analytics-articles-title">{t('analyticsTopArticles')}</h2>
        <TopArticlesTable articles={report.topArticles} />
      </section>

      <div className="analytics-columns">
        <section aria-labelledby="analytics-referrers-title">
          <h2 id="analytics-referrers-title">{t('analyticsTopReferrers')}</h2>
          <SourcesTable
            rows={report.topReferrers.map((row) => ({
              name: row.domain || t('analyticsDirect'),
              views: row.views,
            }))}
            caption={t('analyticsTopReferrers')}
            nameHeader={t('analyticsColReferrer')}
            empty={t('analyticsNoReferrers')}
          />
        </section>
        <section aria-labelledby="analytics-campaigns-title">
          <h2 id="analytics-campaigns-title">{t('analyticsCampaigns')}</h2>
          <SourcesTable
            rows={report.topCampaigns.map((row) => ({ name: row.campaign, views: row.views }))}
            caption={t('analyticsCampaigns')}
            nameHeader={t('analyticsColCampaign')}
            empty={t('analyticsNoCampaigns')}
          />
        </section>
        <section aria-labelledby="analytics-scroll-title">
          <h2 id="analytics-scroll-title">{t('analyticsScrollDepth')}</h2>
          <p className="help">{t('analyticsScrollHelp')}</p>
          <ScrollDepthTable depth={report.totals.scrollDepth} />
        </section>
      </div>

      <section className="analytics-section" aria-labelledby="analytics-downloads-title">
        <h2 id="analytics-downloads-title">{t('analyticsDownloads')}</h2>
        <ul className="analytics-downloads">
          {(['articles', 'series'] as const).map((table) => (
            <li key={table}>
              <a
                href={`${API_BASE}/analytics/export.csv${query({
                  period: filter.period,
                  locale: filter.locale,
                  section: filter.section,
                  table,
                })}`}
                download
              >
                {table === 'articles'
                  ? t('analyticsDownloadArticles')
                  : t('analyticsDownloadSeries')}
              </a>
            </li>
          ))}
        </ul>
        <p className="help">{t('analyticsUtcNote')}</p>
      </section>
    </>
  );
}

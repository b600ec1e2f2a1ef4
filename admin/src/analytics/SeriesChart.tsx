/**
 * Views and visitors over the period: a uPlot line chart, and the same numbers as a table, which
 * is the chart's accessible alternative. The chart is one image to assistive technology
 * (`role="img"`) whose name summarises it; nothing inside it takes the focus.
 *
 * uPlot and its stylesheet are imported here only, so they load with the dashboard's lazy chunk.
 * uPlot styles its elements through `element.style` (the CSSOM), which the app's CSP
 * (`style-src 'self'`) allows; it writes no style attributes or style elements.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n/index.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { useAnalyticsFormat } from './format.ts';
import type { SeriesPoint } from './types.ts';

const CHART_HEIGHT = 260;
const MIN_WIDTH = 280;
/** The app's --accent and --success: at least 3:1 against white, as graphics need (WCAG 1.4.11). */
const VIEWS_COLOR = '#0a4f9c';
const VISITORS_COLOR = '#17612d';
const AXIS_COLOR = '#4a5058';
const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;
const HOUR_INCREMENTS = [HOUR_S, 2 * HOUR_S, 3 * HOUR_S, 6 * HOUR_S, 12 * HOUR_S, DAY_S];
const DAY_INCREMENTS = [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S];
const GRID_COLOR = '#d5d9de';

export function SeriesChart({
  series,
  bucket,
  summary,
}: {
  series: readonly SeriesPoint[];
  bucket: 'hour' | 'day';
  /** The chart's accessible name: what it shows and its main figures. */
  summary: string;
}) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const widthNow = () => Math.max(element.clientWidth, MIN_WIDTH);
    const data: uPlot.AlignedData = [
      series.map((point) => Date.parse(point.start) / 1000),
      series.map((point) => point.views),
      series.map((point) => point.visitors),
    ];
    const axisFont = '13px system-ui, sans-serif';
    const plot = new uPlot(
      {
        width: widthNow(),
        height: CHART_HEIGHT,
        // The periods are UTC days and hours: ticks fall on UTC hours and midnights.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        // Our own legend sits outside the image, in the page's text.
        legend: { show: false },
        // No drag-to-zoom: the whole period is the point, and the table has every value.
        cursor: { drag: { x: false, y: false, setScale: false } },
        scales: {
          x: { time: true },
          // From zero, with a tenth of headroom so the highest point is not on the edge.
          y: { range: (_plot, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
        },
        axes: [
          {
            stroke: AXIS_COLOR,
            font: axisFont,
            grid: { stroke: GRID_COLOR, width: 1 },
            ticks: { stroke: GRID_COLOR, width: 1 },
            // Ticks only on whole buckets: a day's label repeated at 8-hour ticks says nothing.
            incrs: bucket === 'hour' ? HOUR_INCREMENTS : DAY_INCREMENTS,
            space: bucket === 'hour' ? 50 : 64,
            values: (_plot, splits) =>
              splits.map((seconds) =>
                format.bucket(new Date(seconds * 1000).toISOString(), bucket),
              ),
          },
          {
            stroke: AXIS_COLOR,
            font: axisFont,
            grid: { stroke: GRID_COLOR, width: 1 },
            ticks: { stroke: GRID_COLOR, width: 1 },
            // Wide enough for the longest label ("12,345"), which uPlot does not measure itself.
            size: (_plot, values) =>
              18 + 8 * Math.max(3, ...(values ?? []).map((value) => String(value).length)),
            // Counts are whole: no tick at 0.5 readers.
            values: (_plot, splits) =>
              splits.map((value) => (Number.isInteger(value) ? format.count(value) : null)),
          },
        ],
        series: [
          {},
          { label: t('analyticsViews'), stroke: VIEWS_COLOR, width: 2, points: { size: 6 } },
          {
            label: t('analyticsVisitors'),
            stroke: VISITORS_COLOR,
            width: 2,
            dash: [6, 4],
            points: { size: 6 },
          },
        ],
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() => {
      if (plot.width !== widthNow()) plot.setSize({ width: widthNow(), height: CHART_HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, bucket, format, t]);

  return (
    <figure className="analytics-chart">
      <div ref={target} role="img" aria-label={summary} className="analytics-chart-canvas" />
      <figcaption className="analytics-legend">
        <span className="legend-views">{t('analyticsViews')}</span>
        <span className="legend-visitors">{t('analyticsVisitors')}</span>
      </figcaption>
    </figure>
  );
}

/** Every bucket's views and visitors: the chart's numbers, for everyone who cannot see it. */
export function SeriesTable({
  series,
  bucket,
  caption,
}: {
  series: readonly SeriesPoint[];
  bucket: 'hour' | 'day';
  caption: string;
}) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  return (
    <FiguresTable
      className="analytics-series"
      caption={caption}
      isCaptionVisible
      rows={series}
      rowKey={(point) => point.start}
      columns={[
        {
          header: bucket === 'hour' ? t('analyticsHourUtc') : t('analyticsDayUtc'),
          isRowHeader: true,
          cell: (point) => <time dateTime={point.start}>{format.bucket(point.start, bucket)}</time>,
        },
        { header: t('analyticsViews'), isNumber: true, cell: (point) => format.count(point.views) },
        {
          header: t('analyticsVisitors'),
          isNumber: true,
          cell: (point) => format.count(point.visitors),
        },
      ]}
    />
  );
}

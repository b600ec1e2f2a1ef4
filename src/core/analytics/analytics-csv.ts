/**
 * CSV (RFC 4180) of the dashboard's figures: the period's per-article figures, and its views and
 * visitors over time. Headlines are text written by people and opened in spreadsheets, so every
 * cell is escaped, and a text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` (OWASP's advice against
 * CSV injection). Numbers are written as numbers, never prefixed: `-1` stays a number.
 */
import type { ArticleFigures, SeriesPoint } from './analytics-reports.js';

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text quoted when it must be and defused when it could run. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: CRLF line ends, as RFC 4180 asks and spreadsheets expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Ratios rounded for reading; the exact counts they come from are in the same row. */
const rounded = (value: number | null, digits: number): number | null =>
  value === null ? null : Number(value.toFixed(digits));

export function articlesCsv(articles: readonly ArticleFigures[]): string {
  return toCsv(
    [
      'article_id',
      'headline',
      'locale',
      'views',
      'visitors',
      'engaged_seconds',
      'engaged_seconds_per_view',
      'rec_impressions',
      'rec_clicks',
      'rec_click_through_rate',
    ],
    articles.map((article) => [
      article.articleId,
      article.headline,
      article.locale,
      article.views,
      article.visitors,
      article.engagedSeconds,
      rounded(article.engagedSecondsPerView, 1),
      article.recImpressions,
      article.recClicks,
      rounded(article.clickThroughRate, 4),
    ]),
  );
}

/** `start` is the ISO start (UTC) of each hour or day. */
export function seriesCsv(points: readonly SeriesPoint[]): string {
  return toCsv(
    ['start_utc', 'views', 'visitors'],
    points.map((point) => [point.start, point.views, point.visitors]),
  );
}

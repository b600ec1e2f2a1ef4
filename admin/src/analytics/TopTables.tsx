/**
 * The period's tables: top articles (with engaged time and the Recommended block's
 * click-through rate on each), scroll depth, referrers and campaigns. Each says so when it has
 * nothing to list.
 */
import { useI18n } from '../i18n/index.tsx';
import { FiguresTable, StoryLink } from './FiguresTable.tsx';
import { useAnalyticsFormat } from './format.ts';
import type { AnalyticsReport } from './types.ts';

export function TopArticlesTable({ articles }: { articles: AnalyticsReport['topArticles'] }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  if (articles.length === 0) return <p>{t('analyticsNoArticles')}</p>;
  return (
    <FiguresTable
      className="analytics-top-articles"
      caption={t('analyticsTopArticles')}
      rows={articles}
      rowKey={(article) => article.articleId}
      columns={[
        { header: t('analyticsColStory'), cell: (article) => <StoryLink story={article} /> },
        { header: t('colLanguage'), cell: (article) => t(`locale_${article.locale}`) },
        {
          header: t('analyticsViews'),
          isNumber: true,
          cell: (article) => format.count(article.views),
        },
        {
          header: t('analyticsVisitors'),
          isNumber: true,
          cell: (article) => format.count(article.visitors),
        },
        {
          header: t('analyticsEngagedTime'),
          isNumber: true,
          cell: (article) => format.duration(article.engagedSeconds),
        },
        {
          header: t('analyticsEngagedPerView'),
          isNumber: true,
          cell: (article) => format.duration(article.engagedSecondsPerView),
        },
        {
          header: t('analyticsRecCtr'),
          isNumber: true,
          cell: (article) => (
            <>
              {format.percent(article.clickThroughRate)}
              <span className="subtle">
                {' '}
                ({format.count(article.recClicks)}/{format.count(article.recImpressions)})
              </span>
            </>
          ),
        },
      ]}
    />
  );
}

export function ScrollDepthTable({ depth }: { depth: AnalyticsReport['totals']['scrollDepth'] }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  return (
    <FiguresTable
      className="analytics-scroll"
      caption={t('analyticsScrollDepth')}
      rows={depth}
      rowKey={(row) => row.quarter}
      columns={[
        {
          header: t('analyticsScrollReached'),
          isRowHeader: true,
          cell: (row) => format.percent(row.quarter / 100),
        },
        { header: t('analyticsViews'), isNumber: true, cell: (row) => format.count(row.views) },
        {
          header: t('analyticsShareOfViews'),
          isNumber: true,
          cell: (row) => format.percent(row.share),
        },
      ]}
    />
  );
}

/** Views per referrer or per campaign, named as the first column should show them. */
export function SourcesTable({
  rows,
  caption,
  nameHeader,
  empty,
}: {
  rows: { name: string; views: number }[];
  caption: string;
  nameHeader: string;
  empty: string;
}) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <FiguresTable
      className="analytics-sources"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.name}
      columns={[
        { header: nameHeader, cell: (row) => row.name },
        { header: t('analyticsViews'), isNumber: true, cell: (row) => format.count(row.views) },
      ]}
    />
  );
}

/**
 * The period's tables: top articles (with engaged time and the Recommended block's
 * click-through rate on each), scroll depth, referrers and campaigns. Each says so when it has
 * nothing to list.
 */
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAnalyticsFormat } from './format.ts';
import type { AnalyticsReport } from './types.ts';

export function TopArticlesTable({ articles }: { articles: AnalyticsReport['topArticles'] }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  if (articles.length === 0) return <p>{t('analyticsNoArticles')}</p>;
  return (
    <div className="table-wrap">
      <table className="analytics-top-articles">
        <caption className="visually-hidden">{t('analyticsTopArticles')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analyticsColStory')}</th>
            <th scope="col">{t('colLanguage')}</th>
            <th scope="col" className="number">
              {t('analyticsViews')}
            </th>
            <th scope="col" className="number">
              {t('analyticsVisitors')}
            </th>
            <th scope="col" className="number">
              {t('analyticsEngagedTime')}
            </th>
            <th scope="col" className="number">
              {t('analyticsEngagedPerView')}
            </th>
            <th scope="col" className="number">
              {t('analyticsRecCtr')}
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.articleId}>
              <td>
                <Link to={`/articles/${article.articleId}`} lang={article.locale}>
                  {article.headline ?? t('analyticsGoneArticle', { id: article.articleId })}
                </Link>
              </td>
              <td>{t(`locale_${article.locale}`)}</td>
              <td className="number">{format.count(article.views)}</td>
              <td className="number">{format.count(article.visitors)}</td>
              <td className="number">{format.duration(article.engagedSeconds)}</td>
              <td className="number">{format.duration(article.engagedSecondsPerView)}</td>
              <td className="number">
                {format.percent(article.clickThroughRate)}
                <span className="subtle">
                  {' '}
                  ({format.count(article.recClicks)}/{format.count(article.recImpressions)})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ScrollDepthTable({ depth }: { depth: AnalyticsReport['totals']['scrollDepth'] }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  return (
    <div className="table-wrap">
      <table className="analytics-scroll">
        <caption className="visually-hidden">{t('analyticsScrollDepth')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analyticsScrollReached')}</th>
            <th scope="col" className="number">
              {t('analyticsViews')}
            </th>
            <th scope="col" className="number">
              {t('analyticsShareOfViews')}
            </th>
          </tr>
        </thead>
        <tbody>
          {depth.map((row) => (
            <tr key={row.quarter}>
              <th scope="row">{format.percent(row.quarter / 100)}</th>
              <td className="number">{format.count(row.views)}</td>
              <td className="number">{format.percent(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
    <div className="table-wrap">
      <table className="analytics-sources">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="number">
              {t('analyticsViews')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td className="number">{format.count(row.views)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The period's headline figures: views, visitors (with what a visitor is), engaged time in all
 * and per view, and the Recommended block's click-through rate. A list of terms and values, so
 * each number is read with its name.
 */
import { useI18n } from '../i18n/index.tsx';
import { useAnalyticsFormat } from './format.ts';
import type { AnalyticsReport } from './types.ts';

export function KpiTiles({ totals }: { totals: AnalyticsReport['totals'] }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  return (
    <dl className="analytics-kpis">
      <div className="analytics-kpi">
        <dt>{t('analyticsViews')}</dt>
        <dd className="value">{format.count(totals.views)}</dd>
      </div>
      <div className="analytics-kpi">
        <dt>{t('analyticsVisitors')}</dt>
        <dd className="value">{format.count(totals.visitors)}</dd>
        <dd className="help">{t('analyticsVisitorsHelp')}</dd>
      </div>
      <div className="analytics-kpi">
        <dt>{t('analyticsEngagedTime')}</dt>
        <dd className="value">{format.duration(totals.engagedSeconds)}</dd>
        <dd className="help">
          {t('analyticsPerView', { time: format.duration(totals.engagedSecondsPerView) })}
        </dd>
      </div>
      <div className="analytics-kpi">
        <dt>{t('analyticsRecCtr')}</dt>
        <dd className="value">{format.percent(totals.clickThroughRate)}</dd>
        <dd className="help">
          {t('analyticsRecCtrDetail', {
            clicks: format.count(totals.recClicks),
            impressions: format.count(totals.recImpressions),
          })}
        </dd>
      </div>
    </dl>
  );
}

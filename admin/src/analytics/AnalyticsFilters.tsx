/**
 * The dashboard's filter: period, language and section. A plain form (Apply, or Enter in any
 * field) that puts the choice in the address, so a view can be bookmarked and shared, and the
 * browser's Back button undoes a change.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { query } from '../api.ts';
import { Field, LocaleOptions, SectionOptions } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { useReferenceData } from '../reference-data.ts';
import { navigate } from '../router.ts';
import { PERIODS } from './types.ts';
import type { AnalyticsFilter, Period } from './types.ts';

export const PERIOD_KEYS: Record<Period, MessageKey> = {
  today: 'analyticsPeriodToday',
  '7d': 'analyticsPeriod7d',
  '30d': 'analyticsPeriod30d',
};

/** The filter as the address says, with anything unknown read as the default. */
export function filterFromParams(params: URLSearchParams): AnalyticsFilter {
  const period = params.get('period') ?? '';
  const locale = params.get('locale') ?? '';
  const section = params.get('section') ?? '';
  return {
    period: (PERIODS as readonly string[]).includes(period) ? (period as Period) : 'today',
    locale: locale === 'en' || locale === 'es' ? locale : '',
    section: /^[1-9]\d{0,9}$/.test(section) ? section : '',
  };
}

/** The address of the dashboard with `filter` (the default period is left out). */
export function analyticsPath(filter: AnalyticsFilter): string {
  return `/analytics${query({
    period: filter.period === 'today' ? undefined : filter.period,
    locale: filter.locale,
    section: filter.section,
  })}`;
}

export function AnalyticsFilters({ filter }: { filter: AnalyticsFilter }) {
  const { t, locale: uiLocale } = useI18n();
  const { data } = useReferenceData();
  // The fields are controlled, not remounted when the address changes: after Apply the focus
  // stays on the button, and Back (a new address) still resets them to what it says. Their
  // values come from the options below, hence the casts.
  const [draft, setDraft] = useState(filter);
  const { period, locale, section } = filter;
  useEffect(() => setDraft({ period, locale, section }), [period, locale, section]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(analyticsPath(draft));
  }

  const isFiltered = period !== 'today' || locale !== '' || section !== '';
  return (
    <form className="filters card" onSubmit={apply} aria-label={t('analyticsFilters')}>
      <Field id="analytics-period" label={t('analyticsPeriod')}>
        {(control) => (
          <select
            {...control}
            value={draft.period}
            onChange={(event) => setDraft({ ...draft, period: event.target.value as Period })}
          >
            {PERIODS.map((code) => (
              <option key={code} value={code}>
                {t(PERIOD_KEYS[code])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="analytics-locale" label={t('filterLocale')}>
        {(control) => (
          <select
            {...control}
            value={draft.locale}
            onChange={(event) =>
              setDraft({ ...draft, locale: event.target.value as AnalyticsFilter['locale'] })
            }
          >
            <option value="">{t('analyticsAllLocales')}</option>
            <LocaleOptions />
          </select>
        )}
      </Field>
      <Field id="analytics-section" label={t('analyticsSection')}>
        {(control) => (
          <select
            {...control}
            value={draft.section}
            onChange={(event) => setDraft({ ...draft, section: event.target.value })}
          >
            <option value="">{t('analyticsAllSections')}</option>
            <SectionOptions sections={data?.sections} locale={uiLocale} />
          </select>
        )}
      </Field>
      <div className="filter-actions">
        <button type="submit" className="button primary">
          {t('applyFilters')}
        </button>
        {isFiltered && <Link to="/analytics">{t('clearFilters')}</Link>}
      </div>
    </form>
  );
}

/**
 * Numbers, shares, durations and UTC times in the interface language, with Intl. The dashboard's
 * periods are UTC days and hours, so its times are shown in UTC (and say so), never in the
 * browser's zone, where "today" would not match the figures.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';

export interface AnalyticsFormat {
  count: (value: number) => string;
  /** A share (0..1) as a percentage; a dash when there is nothing to divide. */
  percent: (share: number | null) => string;
  /** Seconds as "1 h 5 min", "4 min 10 s", "12 s". */
  duration: (seconds: number | null) => string;
  /** A bucket's start: "09:00" for hours, "28 Nov" for days (UTC). */
  bucket: (iso: string, bucket: 'hour' | 'day') => string;
  /** A moment in full, in UTC: "28 Nov 2026, 16:20". */
  moment: (iso: string) => string;
}

export function useAnalyticsFormat(): AnalyticsFormat {
  const { locale } = useI18n();
  return useMemo(() => {
    const count = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const unit = (name: 'hour' | 'minute' | 'second') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
    const hours = unit('hour');
    const minutes = unit('minute');
    const seconds = unit('second');
    const hour = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      hour: '2-digit',
      minute: '2-digit',
    });
    const day = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
    });
    const moment = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      count: (value) => count.format(value),
      percent: (share) => (share === null ? '–' : percent.format(share)),
      duration: (total) => {
        if (total === null) return '–';
        const whole = Math.round(total);
        const h = Math.floor(whole / 3600);
        const m = Math.floor((whole % 3600) / 60);
        const s = whole % 60;
        if (h > 0) return m > 0 ? `${hours.format(h)} ${minutes.format(m)}` : hours.format(h);
        if (m > 0) return s > 0 ? `${minutes.format(m)} ${seconds.format(s)}` : minutes.format(m);
        return seconds.format(s);
      },
      bucket: (iso, bucket) => (bucket === 'hour' ? hour : day).format(new Date(iso)),
      moment: (iso) => moment.format(new Date(iso)),
    };
  }, [locale]);
}

/**
 * Readers in the last five minutes, and on which stories, refreshed every 15 seconds while the
 * tab is visible (and at once when it becomes visible again).
 *
 * A polite live region announces the reader count only when it changes, and never the first
 * load (the heading and figure are read with the page): a panel that spoke every 15 seconds
 * would drown whatever the person is doing. The story list is not announced.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage, get, query } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { FiguresTable, StoryLink } from './FiguresTable.tsx';
import { useAnalyticsFormat } from './format.ts';
import type { AnalyticsFilter, RealtimeReport } from './types.ts';

export const REALTIME_REFRESH_MS = 15_000;

export function RealtimePanel({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const [realtime, setRealtime] = useState<RealtimeReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastCount = useRef<number | null>(null);
  const { locale, section } = filter;

  useEffect(() => {
    // A new filter is a new figure: its first answer is not a change to announce.
    lastCount.current = null;
    setAnnouncement('');
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const signal = controller.signal;
      get<{ realtime: RealtimeReport }>(
        `/analytics/realtime${query({ locale, section })}`,
        signal,
      ).then(
        ({ realtime: next }) => {
          setRealtime(next);
          setError(null);
          if (lastCount.current !== null && lastCount.current !== next.readers)
            setAnnouncement(t('analyticsRealtimeChanged', { count: format.count(next.readers) }));
          lastCount.current = next.readers;
        },
        (caught: unknown) => {
          if (!signal.aborted) setError(errorMessage(caught));
        },
      );
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, REALTIME_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      controller.abort();
    };
  }, [locale, section, t, format]);

  return (
    <section className="card analytics-realtime" aria-labelledby="analytics-realtime-title">
      <h2 id="analytics-realtime-title">{t('analyticsRealtimeTitle')}</h2>
      <p className="help">
        {t('analyticsRealtimeHelp', { minutes: realtime?.windowMinutes ?? 5 })}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p className="error" role="alert">
          {t('errorPrefix', { message: error })}
        </p>
      )}
      {!realtime && !error && <p className="subtle">{t('loading')}</p>}
      {realtime && (
        <>
          <p className="analytics-big-number">
            <span className="value">{format.count(realtime.readers)}</span>{' '}
            <span className="label">{t('analyticsRealtimeReaders')}</span>
          </p>
          {realtime.readers === 0 ? (
            <p>{t('analyticsNoReaders')}</p>
          ) : realtime.stories.length === 0 ? (
            <p>{t('analyticsNoStoryReaders')}</p>
          ) : (
            <FiguresTable
              className="analytics-realtime-stories"
              caption={t('analyticsRealtimeStories')}
              rows={realtime.stories}
              rowKey={(story) => story.articleId}
              columns={[
                { header: t('analyticsColStory'), cell: (story) => <StoryLink story={story} /> },
                {
                  header: t('analyticsRealtimeReaders'),
                  isNumber: true,
                  cell: (story) => format.count(story.readers),
                },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}

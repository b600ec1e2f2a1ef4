/**
 * The article's lead video: shown on the article page in place of the lead image (which cards,
 * feeds and share tags still use), with the editor's autoplay choice (muted, never when the
 * reader prefers reduced motion).
 */
import { NOT_A_VIDEO, useVideo } from '../components/useVideo.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatDuration, mediaText, posterThumbnailUrl } from '../media.ts';
import type { Locale } from '../types.ts';

export function LeadVideo({
  locale,
  videoId,
  autoplay,
  onChoose,
  onRemove,
  onAutoplay,
  error,
}: {
  locale: Locale;
  videoId: number | null;
  autoplay: boolean;
  onChoose: () => void;
  onRemove: () => void;
  onAutoplay: (autoplay: boolean) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="lead-video-title">
      <h2 id="lead-video-title">{t('leadVideo')}</h2>
      <p className="help">{t('leadVideoHelp')}</p>
      {videoId === null ? (
        <p className="subtle">{t('noLeadVideo')}</p>
      ) : (
        <>
          <LeadVideoSummary id={videoId} locale={locale} />
          <label className="checkbox">
            <input
              type="checkbox"
              id="lead-video-autoplay"
              checked={autoplay}
              onChange={(event) => onAutoplay(event.target.checked)}
            />
            <span>{t('autoplayMuted')}</span>
          </label>
        </>
      )}
      {error && <p className="error">{error}</p>}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onChoose}>
          {t('chooseVideo')}
        </button>
        {videoId !== null && (
          <button type="button" className="button secondary" onClick={onRemove}>
            {t('removeVideo')}
          </button>
        )}
      </div>
    </section>
  );
}

function LeadVideoSummary({ id, locale }: { id: number; locale: Locale }) {
  const { t } = useI18n();
  const { video, error } = useVideo(id);
  if (error)
    return (
      <p className="error">
        {error === NOT_A_VIDEO ? t('notAVideo') : t('errorPrefix', { message: error })}
      </p>
    );
  if (!video) return <p className="subtle">{t('loading')}</p>;
  const poster = posterThumbnailUrl(video);
  const { status, progress } = video.processing;
  const description = mediaText(video, locale).alt;
  const hasCaptions = video.captions.some((caption) => caption.locale === locale);
  return (
    <div className="lead-video" data-media-id={video.id}>
      {poster && <img className="lead-thumb" src={poster} alt="" />}
      <p>
        {t('videoItem', { id: video.id, description: description || t('noDescription') })}
        {video.durationMs !== null && ` · ${formatDuration(video.durationMs)}`}
      </p>
      {status === 'ready' ? (
        <p className="subtle">
          {hasCaptions
            ? t('leadVideoCaptioned', { language: t(`locale_${locale}`) })
            : t('checkVideoNoCaptions', {
                video: t('leadVideoName'),
                language: t(`locale_${locale}`),
              })}
        </p>
      ) : status === 'failed' ? (
        <p className="error">{t('processingFailed', { message: video.processing.error ?? '' })}</p>
      ) : (
        <p>
          <progress max={100} value={progress} aria-label={t('processingLabel', { id })} />{' '}
          {t('processingPercent', { percent: progress })}
        </p>
      )}
    </div>
  );
}

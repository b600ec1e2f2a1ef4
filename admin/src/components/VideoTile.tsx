/** One video in a grid: its poster, what it shows, its length, and whether it is ready. */
import { useI18n } from '../i18n/index.tsx';
import { formatDuration, mediaText, posterThumbnailUrl } from '../media.ts';
import type { Locale, VideoMedia } from '../types.ts';

export function VideoTile({
  video,
  locale,
  pressed,
  onClick,
}: {
  video: VideoMedia;
  locale: Locale;
  pressed: boolean;
  onClick: () => void;
}) {
  const { t } = useI18n();
  const poster = posterThumbnailUrl(video);
  const description = mediaText(video, locale).alt;
  const { status, progress } = video.processing;
  const state =
    status === 'ready'
      ? formatDuration(video.durationMs)
      : status === 'failed'
        ? t('processingFailedShort')
        : t('processingPercent', { percent: progress });
  return (
    <button
      type="button"
      className="media-tile video-tile"
      aria-pressed={pressed}
      onClick={onClick}
      data-media-id={video.id}
    >
      {poster ? (
        <img src={poster} alt="" loading="lazy" />
      ) : (
        <span className="video-tile-blank" aria-hidden="true">
          ▶
        </span>
      )}
      <span>
        {t('videoItem', { id: video.id, description: description || t('noDescription') })}
        {state && ` · ${state}`}
      </span>
    </button>
  );
}

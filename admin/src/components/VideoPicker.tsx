/**
 * The editor's video dialog: the library's videos (or a new upload), then, for the body, the
 * caption, credit and autoplay of this use of the video. A video still being processed may be
 * chosen: the page shows it once it is ready.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { query } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { isVideo, mediaText } from '../media.ts';
import type { Locale, Media, Paged, VideoMedia } from '../types.ts';
import { Modal } from './Modal.tsx';
import { useAsyncList } from './useAsyncList.ts';
import { VideoTile } from './VideoTile.tsx';
import { VideoUpload } from './VideoUpload.tsx';

export interface VideoUse {
  caption: string | null;
  credit: string | null;
  autoplay: boolean;
}

export function VideoPicker({
  locale,
  withUseFields,
  onPick,
  onClose,
}: {
  /** The article's language: the words offered are the video's in it. */
  locale: Locale;
  /** Ask for this use's caption, credit and autoplay (the body; the lead has its own). */
  withUseFields: boolean;
  onPick: (video: VideoMedia, use: VideoUse) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const list = useAsyncList<Paged<Media>, VideoMedia>(`/media${query({ kind: 'video' })}`, (page) =>
    page.items.filter(isVideo),
  );
  const [chosen, setChosen] = useState<VideoMedia | null>(null);
  const [use, setUse] = useState<VideoUse>({ caption: null, credit: null, autoplay: false });

  function choose(video: VideoMedia) {
    const text = mediaText(video, locale);
    setChosen(video);
    setUse({ caption: text.caption || null, credit: text.credit || null, autoplay: false });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    onPick(chosen, {
      caption: use.caption?.trim() || null,
      credit: use.credit?.trim() || null,
      autoplay: use.autoplay,
    });
    onClose();
  }

  return (
    <Modal className="media-dialog video-dialog" labelledBy="video-dialog-title" onClose={onClose}>
      <div className="dialog-header">
        <h2 id="video-dialog-title">{t('videoDialog')}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <VideoUpload
        id="video-dialog-file"
        locale={locale}
        onUploaded={(video) => {
          list.reload();
          choose(video);
        }}
      />
      {list.error && (
        <p role="alert" className="error">
          {t('errorPrefix', { message: list.error })}
        </p>
      )}
      {list.items?.length === 0 && <p>{t('noVideos')}</p>}
      {list.items && list.items.length > 0 && (
        <ul className="media-grid" aria-label={t('videoList')}>
          {list.items.map((video) => (
            <li key={video.id}>
              <VideoTile
                video={video}
                locale={locale}
                pressed={chosen?.id === video.id}
                onClick={() => choose(video)}
              />
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form className="video-use card" onSubmit={submit} aria-labelledby="video-use-title">
          <h3 id="video-use-title">{t('videoChosen', { id: chosen.id })}</h3>
          {withUseFields && (
            <>
              <div className="field">
                <label htmlFor="video-use-caption">{t('caption')}</label>
                <textarea
                  id="video-use-caption"
                  rows={2}
                  lang={locale}
                  value={use.caption ?? ''}
                  onChange={(event) => setUse({ ...use, caption: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="video-use-credit">{t('credit')}</label>
                <input
                  id="video-use-credit"
                  lang={locale}
                  value={use.credit ?? ''}
                  onChange={(event) => setUse({ ...use, credit: event.target.value })}
                />
              </div>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={use.autoplay}
                  onChange={(event) => setUse({ ...use, autoplay: event.target.checked })}
                />
                <span>{t('autoplayMuted')}</span>
              </label>
            </>
          )}
          <div className="button-row">
            <button type="submit" className="button primary">
              {withUseFields ? t('insertVideo') : t('useVideo')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

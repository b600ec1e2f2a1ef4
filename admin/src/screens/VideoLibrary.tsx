/**
 * The library's videos: upload one (with the bytes' progress), then follow its processing, add
 * its captions, poster and words in the panel beside the list.
 */
import { useState } from 'react';
import { query } from '../api.ts';
import { useAsyncList } from '../components/useAsyncList.ts';
import { VideoDetails } from '../components/VideoDetails.tsx';
import { VideoTile } from '../components/VideoTile.tsx';
import { VideoUpload } from '../components/VideoUpload.tsx';
import { useI18n } from '../i18n/index.tsx';
import { isVideo } from '../media.ts';
import type { Media, Paged, VideoMedia } from '../types.ts';

export function VideoLibrary() {
  const { t, locale } = useI18n();
  const list = useAsyncList<Paged<Media>, VideoMedia>(`/media${query({ kind: 'video' })}`, (page) =>
    page.items.filter(isVideo),
  );
  const [selected, setSelected] = useState<VideoMedia | null>(null);
  // A newer copy of a listed video (from its panel) replaces the listed one.
  const [newer, setNewer] = useState<Record<number, VideoMedia>>({});
  const shown = (video: VideoMedia) => newer[video.id] ?? video;
  const listed = list.items?.map(shown) ?? null;

  return (
    <div className="media-browser video-library">
      <VideoUpload
        id="library-video-file"
        locale={locale}
        onUploaded={(video) => {
          setSelected(video);
          list.reload();
        }}
      />
      {list.error && (
        <p role="alert" className="error">
          {t('errorPrefix', { message: list.error })}
        </p>
      )}
      <div className="media-layout">
        <div>
          {listed?.length === 0 && !selected && <p>{t('noVideos')}</p>}
          {listed && listed.length > 0 && (
            <ul className="media-grid" aria-label={t('videoList')}>
              {listed.map((video) => (
                <li key={video.id}>
                  <VideoTile
                    video={video}
                    locale={locale}
                    pressed={selected?.id === video.id}
                    onClick={() => setSelected(video)}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        {selected && (
          <VideoDetails
            key={selected.id}
            video={newer[selected.id] ?? selected}
            headingLevel={2}
            onChanged={(video) => setNewer((current) => ({ ...current, [video.id]: video }))}
          />
        )}
      </div>
    </div>
  );
}

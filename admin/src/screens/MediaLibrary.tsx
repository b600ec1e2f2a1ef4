/**
 * The media library: images and videos, each under its own tab (an address of its own, so a
 * reload or a link keeps the choice).
 */
import { lazy, Suspense } from 'react';
import { Link } from '../components/Link.tsx';
import { MediaBrowser } from '../components/MediaBrowser.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LOCALES } from '../types.ts';

// Videos are a few people's work and most of this screen's code: loaded when the tab opens.
const VideoLibrary = lazy(() =>
  import('./VideoLibrary.tsx').then((module) => ({ default: module.VideoLibrary })),
);

export function MediaLibrary({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const isVideos = params.get('kind') === 'video';
  return (
    <>
      <ScreenHeading title={t('mediaTitle')} />
      <nav aria-label={t('mediaKinds')} className="tabs">
        <ul>
          <li>
            <Link to="/media" aria-current={isVideos ? undefined : 'page'}>
              {t('mediaImages')}
            </Link>
          </li>
          <li>
            <Link to="/media?kind=video" aria-current={isVideos ? 'page' : undefined}>
              {t('mediaVideos')}
            </Link>
          </li>
        </ul>
      </nav>
      {isVideos ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <VideoLibrary />
        </Suspense>
      ) : (
        <MediaBrowser locales={LOCALES} headingLevel={2} idPrefix="library" kind="image" />
      )}
    </>
  );
}

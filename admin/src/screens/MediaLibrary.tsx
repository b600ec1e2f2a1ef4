import { MediaBrowser } from '../components/MediaBrowser.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LOCALES } from '../types.ts';

export function MediaLibrary() {
  const { t } = useI18n();
  return (
    <>
      <ScreenHeading title={t('mediaTitle')} />
      <MediaBrowser locales={LOCALES} headingLevel={2} idPrefix="library" />
    </>
  );
}

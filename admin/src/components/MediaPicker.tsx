/** The editor's image dialog: a modal (focus stays inside; Escape closes it). */
import { useI18n } from '../i18n/index.tsx';
import type { Locale, Media } from '../types.ts';
import { MediaBrowser } from './MediaBrowser.tsx';
import { Modal } from './Modal.tsx';

export function MediaPicker({
  locale,
  onPick,
  onClose,
}: {
  locale: Locale;
  onPick: (media: Media) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal className="media-dialog" labelledBy="media-dialog-title" onClose={onClose}>
      <div className="dialog-header">
        <h2 id="media-dialog-title">{t('mediaDialog')}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <MediaBrowser
        locales={[locale]}
        headingLevel={3}
        idPrefix="picker"
        kind="image"
        onUse={(media) => {
          onPick(media);
          onClose();
        }}
      />
    </Modal>
  );
}

/** The editor's image dialog: a modal <dialog> (focus stays inside; Escape closes it). */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { Locale, Media } from '../types.ts';
import { MediaBrowser } from './MediaBrowser.tsx';

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
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="media-dialog"
      aria-labelledby="media-dialog-title"
      onClose={onClose}
    >
      <div className="dialog-header">
        <h2 id="media-dialog-title">{t('mediaDialog')}</h2>
        <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
      <MediaBrowser
        locales={[locale]}
        headingLevel={3}
        idPrefix="picker"
        onUse={(media) => {
          onPick(media);
          ref.current?.close();
        }}
      />
    </dialog>
  );
}

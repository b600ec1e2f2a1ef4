/**
 * "Are you sure?" for an action that cannot be undone from here, instead of window.confirm
 * (which cannot be styled, translated by us, or checked by axe). Cancel has the focus first, so
 * an Enter pressed out of habit does nothing harmful.
 */
import { useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { Modal } from './Modal.tsx';

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      role="alertdialog"
      className="confirm-dialog"
      labelledBy="confirm-title"
      describedBy="confirm-message"
      initialFocus={cancelRef}
      onClose={onCancel}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-message">{message}</p>
      <div className="button-row">
        <button ref={cancelRef} type="button" className="button secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

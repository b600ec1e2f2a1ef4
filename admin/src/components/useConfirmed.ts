/**
 * An action on one row that asks first (revoke a key, delete a webhook, end someone's sessions):
 * `ask` opens the ConfirmDialog for a row, `confirm` runs the action on it, says "Refused: …" if the
 * server refuses, and closes the dialog either way.
 */
import { useState } from 'react';
import { errorMessage } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export function useConfirmed<T>(
  action: (item: T) => Promise<void>,
  setError: (error: string | null) => void,
  /** Runs when the dialog opens: to clear the last "done" message, say. */
  onAsk?: () => void,
): {
  pending: T | null;
  ask: (item: T) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
} {
  const { t } = useI18n();
  const [pending, setPending] = useState<T | null>(null);

  async function confirm() {
    if (pending === null) return;
    const item = pending;
    setError(null);
    try {
      await action(item);
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
    } finally {
      setPending(null);
    }
  }

  const ask = (item: T) => {
    onAsk?.();
    setPending(item);
  };
  return { pending, ask, cancel: () => setPending(null), confirm };
}

/** The ConfirmDialog of a `useConfirmed` action, open while a row waits for the answer. */
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { useConfirmed } from './useConfirmed.ts';

export function ConfirmPending<T>({
  confirmed,
  title,
  message,
  confirmLabel,
}: {
  confirmed: ReturnType<typeof useConfirmed<T>>;
  title: (item: T) => string;
  message: (item: T) => string;
  confirmLabel: string;
}) {
  if (confirmed.pending === null) return null;
  return (
    <ConfirmDialog
      title={title(confirmed.pending)}
      message={message(confirmed.pending)}
      confirmLabel={confirmLabel}
      onConfirm={() => void confirmed.confirm()}
      onCancel={confirmed.cancel}
    />
  );
}

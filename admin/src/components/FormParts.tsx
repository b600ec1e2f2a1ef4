/**
 * Pieces the newsroom's list screens and forms share: the polite "done" message, a "create"
 * form in its own card, and a form's Save/Cancel row.
 */
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { AlertRegion } from './Field.tsx';

/** A success message, in a live region that is always there so it is announced. */
export function StatusRegion({ message }: { message: string | null }) {
  return <div role="status">{message && <p className="success">{message}</p>}</div>;
}

/** A card with a heading and a form whose submit button repeats the heading ("Add webhook"). */
export function CreateForm({
  id,
  title,
  busy,
  otherError,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  busy: boolean;
  /** An error no field of the form shows. */
  otherError: string | null;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <section className="card narrow-form" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <form onSubmit={onSubmit} noValidate>
        {children}
        <AlertRegion message={otherError} />
        <button type="submit" className="button primary" disabled={busy}>
          {title}
        </button>
      </form>
    </section>
  );
}

/** Submit and Cancel, side by side. */
export function SubmitCancel({
  label,
  busy,
  onCancel,
}: {
  label: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button primary" disabled={busy}>
        {label}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

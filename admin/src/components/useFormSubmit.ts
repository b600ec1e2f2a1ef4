/**
 * The submit handler of a form that sends to the API: busy while it waits, and the error the
 * server gave (by field), with the offending control focused when `focusFor` names one.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { formError } from '../api.ts';
import type { FormError } from '../api.ts';
import { focusLater } from './Field.tsx';

export function useFormSubmit(
  send: () => Promise<void>,
  focusFor: (field: string | undefined) => string | null | undefined,
): { error: FormError | null; busy: boolean; submit: (event: FormEvent) => Promise<void> } {
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (caught) {
      const found = formError(caught);
      setError(found);
      const control = focusFor(found.field);
      if (control) focusLater(control);
    } finally {
      setBusy(false);
    }
  }

  return { error, busy, submit };
}

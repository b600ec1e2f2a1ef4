/**
 * A modal dialog on the native <dialog> element: the browser makes the rest of the page inert,
 * Tab wraps around inside it (not out to the browser's own controls), Escape closes it, and the
 * focus goes back where it was when the dialog opened. Its parent shows it by rendering it and
 * closes it by not rendering it; `onClose` asks the parent to.
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({
  labelledBy,
  describedBy,
  className,
  role,
  initialFocus,
  onClose,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** `alertdialog` for a question that must be answered (a confirmation). */
  role?: 'dialog' | 'alertdialog';
  /** What has the focus first; else the browser's choice (the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const focusRef = useRef(initialFocus);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    focusRef.current?.current?.focus();
    return () => {
      dialog?.close();
      // The element that opened the dialog may have gone meanwhile (a deleted row's button).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function wrapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={wrapTab}
      onCancel={(event) => {
        // Escape: the parent decides (it stops rendering the dialog), not the browser.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

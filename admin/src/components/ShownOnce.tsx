/**
 * A secret the server shows only once (a webhook's signing secret, a Content API key): a
 * read-only field, selected when it appears so Ctrl+C copies it, and a Copy button.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function ShownOnce({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setCopied(false);
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [value]);
  return (
    <div className="notice shown-once">
      <label htmlFor={id}>{label}</label>
      <div className="inline-form">
        <input id={id} ref={inputRef} readOnly value={value} className="mono secret" />
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            inputRef.current?.select();
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              // No clipboard permission: the text is selected, Ctrl+C still works.
              () => setCopied(false),
            );
          }}
        >
          {t('copy')}
        </button>
        <span role="status">{copied ? t('copied') : ''}</span>
      </div>
    </div>
  );
}

/** Drag and drop an image, or choose one with a button (which works from the keyboard). */
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { errorMessage, ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { uploadMedia } from '../media.ts';
import type { UploadResult } from '../media.ts';
import type { Locale } from '../types.ts';

export function UploadZone({
  id,
  locale,
  onUploaded,
}: {
  id: string;
  locale: Locale;
  onUploaded: (result: UploadResult) => void;
}) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await uploadMedia(file, locale);
      setMessage({
        kind: 'ok',
        text: `${t('uploaded', { name: file.name })}${result.gpsRemoved ? ` ${t('gpsRemoved')}` : ''}`,
      });
      onUploaded(result);
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 413
          ? t('uploadTooBig')
          : error instanceof ApiError && (error.status === 422 || error.status === 415)
            ? t('uploadNotImage', { message: error.message })
            : t('errorPrefix', { message: errorMessage(error) });
      setMessage({ kind: 'error', text });
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer.files[0]);
  }

  return (
    <div
      className={`upload-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>
        {t('uploadZone')}{' '}
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => inputRef.current?.click()}
        >
          {busy ? t('uploading') : t('chooseFile')}
        </button>
      </p>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept="image/*"
        hidden
        tabIndex={-1}
        aria-label={t('chooseFile')}
        onChange={(event) => void upload(event.target.files?.[0])}
      />
      <div role="status" className="upload-status">
        {message && (
          <p className={message.kind === 'error' ? 'error' : 'success'}>{message.text}</p>
        )}
      </div>
    </div>
  );
}

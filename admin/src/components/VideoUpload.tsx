/**
 * Upload a video (MP4, WebM or MOV) with a progress bar of the bytes sent. The server answers
 * once the file is stored; processing then runs on its own, and the caller follows it.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { uploadVideo, VIDEO_ACCEPT } from '../media.ts';
import type { Locale, VideoMedia } from '../types.ts';

export function VideoUpload({
  id,
  locale,
  onUploaded,
}: {
  id: string;
  /** The edition whose words the file's own metadata may pre-fill. */
  locale: Locale;
  onUploaded: (video: VideoMedia) => void;
}) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<{ name: string; percent: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  // Leaving the screen abandons an upload in flight.
  useEffect(() => () => controllerRef.current?.abort(), []);

  async function upload(file: File | undefined) {
    if (!file) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    setMessage(null);
    setSent({ name: file.name, percent: 0 });
    try {
      const { media } = await uploadVideo(
        file,
        locale,
        (fraction) => setSent({ name: file.name, percent: Math.round(fraction * 100) }),
        controller.signal,
      );
      setMessage({ kind: 'ok', text: t('videoUploaded', { name: file.name }) });
      onUploaded(media);
    } catch (error) {
      if (controller.signal.aborted) return;
      let text: string;
      if (error instanceof ApiError && error.status === 413)
        text = t('videoTooBig', { message: error.message });
      else if (error instanceof ApiError && (error.status === 415 || error.status === 422))
        text = t('videoRefused', { message: error.message });
      else if (error instanceof ApiError && error.status === 503)
        text = t('videoUnavailable', { message: error.message });
      else text = t('errorPrefix', { message: errorMessage(error) });
      setMessage({ kind: 'error', text });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
      setSent(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  return (
    <div className="upload-zone video-upload">
      <p>
        <label htmlFor={id}>{t('videoUploadLabel')}</label>{' '}
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={VIDEO_ACCEPT}
          disabled={sent !== null}
          aria-describedby={`${id}-help`}
          onChange={(event) => void upload(event.target.files?.[0])}
        />
      </p>
      <p className="help" id={`${id}-help`}>
        {t('videoUploadHelp')}
      </p>
      {sent && (
        <p className="upload-progress">
          <progress
            max={100}
            value={sent.percent}
            aria-label={t('videoUploadProgress', { name: sent.name })}
          />{' '}
          <span>{t('percent', { percent: sent.percent })}</span>{' '}
          <button
            type="button"
            className="button small secondary"
            onClick={() => controllerRef.current?.abort()}
          >
            {t('cancelUpload')}
          </button>
        </p>
      )}
      <div role="status" className="upload-status">
        {message?.kind === 'ok' && <p className="success">{message.text}</p>}
      </div>
      <div role="alert">{message?.kind === 'error' && <p className="error">{message.text}</p>}</div>
    </div>
  );
}

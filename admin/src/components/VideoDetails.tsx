/**
 * One video of the library: how far processing got (followed while it runs), a preview with its
 * captions, the facts ffprobe read, the poster (a frame of the video or an uploaded image), the
 * WebVTT captions per language (a refused file names its wrong line), and its words per language.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, del, errorMessage, request } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Translate } from '../i18n/index.tsx';
import { formatDuration, isVideo, largestUrl, videoPlaybackUrl } from '../media.ts';
import { LOCALES } from '../types.ts';
import type { Locale, VideoMedia } from '../types.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { MediaDetails } from './MediaDetails.tsx';
import { NOT_A_VIDEO, useVideo } from './useVideo.ts';

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function VideoDetails({
  video: initial,
  headingLevel,
  onChanged,
}: {
  video: VideoMedia;
  headingLevel: 2 | 3;
  /** Every newer copy (progress, poster, captions, words), for the list to show it too. */
  onChanged: (video: VideoMedia) => void;
}) {
  const { t } = useI18n();
  const { video, error, setVideo, refresh } = useVideo(initial.id, initial);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const playerRef = useRef<HTMLVideoElement>(null);
  const prefix = `video-${initial.id}`;
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  useEffect(() => {
    if (video && video !== initial) onChangedRef.current(video);
  }, [video, initial]);

  if (!video)
    return (
      <section className="card video-details" aria-labelledby={`${prefix}-title`}>
        <Heading id={`${prefix}-title`}>{t('videoNodeLabel', { id: initial.id })}</Heading>
        {error ? (
          <p role="alert" className="error">
            {error === NOT_A_VIDEO ? t('notAVideo') : t('errorPrefix', { message: error })}
          </p>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </section>
    );

  const playback = videoPlaybackUrl(video);
  const poster = video.poster ? largestUrl(video.poster).url : undefined;
  return (
    <section className="card video-details" aria-labelledby={`${prefix}-title`}>
      <Heading id={`${prefix}-title`}>{t('videoNodeLabel', { id: video.id })}</Heading>
      <ProcessingState video={video} />
      {video.processing.status === 'ready' && playback && (
        // A preview for choosing the poster frame; the captions show as they will on the page.
        <video
          ref={playerRef}
          className="video-preview"
          controls
          preload="metadata"
          src={playback}
          poster={poster}
          aria-label={t('videoPreview', { id: video.id })}
        >
          {video.captions.map((caption) => (
            <track
              key={caption.locale}
              kind="captions"
              src={caption.path}
              srcLang={caption.locale}
              label={caption.label}
            />
          ))}
        </video>
      )}
      <dl className="video-facts">
        {video.durationMs !== null && (
          <>
            <dt>{t('videoDuration')}</dt>
            <dd>{formatDuration(video.durationMs)}</dd>
          </>
        )}
        {video.width > 0 && video.height > 0 && (
          <>
            <dt>{t('videoSize')}</dt>
            <dd>{t('dimensions', { width: video.width, height: video.height })}</dd>
          </>
        )}
        {(video.videoCodec || video.audioCodec) && (
          <>
            <dt>{t('videoCodecs')}</dt>
            <dd>{[video.videoCodec, video.audioCodec].filter(Boolean).join(' / ')}</dd>
          </>
        )}
      </dl>

      <PosterForm
        video={video}
        heading={Sub}
        prefix={prefix}
        currentTime={() => playerRef.current?.currentTime ?? null}
        refresh={refresh}
      />

      <section aria-labelledby={`${prefix}-captions`}>
        <Sub id={`${prefix}-captions`}>{t('captionsTitle')}</Sub>
        <p className="help">{t('captionsHelp')}</p>
        {LOCALES.map((locale) => (
          <CaptionsField
            key={locale}
            video={video}
            locale={locale}
            prefix={prefix}
            onChanged={() => void refresh()}
          />
        ))}
      </section>

      <section aria-labelledby={`${prefix}-words`}>
        <Sub id={`${prefix}-words`}>{t('videoWords')}</Sub>
        <MediaDetails
          key={video.id}
          media={video}
          kind="video"
          locales={LOCALES}
          idPrefix={prefix}
          onSaved={(media) => (isVideo(media) ? setVideo(media) : void refresh())}
        />
      </section>
    </section>
  );
}

function processingText(video: VideoMedia, t: Translate): string {
  switch (video.processing.status) {
    case 'pending':
      return t('processingPending');
    case 'processing':
      return t('processingRunning');
    case 'ready':
      return t('processingReady');
    case 'failed':
      return t('processingFailed', { message: video.processing.error ?? '' });
  }
}

/** The job's state in a live region (said once per change), and its progress as a bar. */
function ProcessingState({ video }: { video: VideoMedia }) {
  const { t } = useI18n();
  const { status, progress } = video.processing;
  const isRunning = status === 'pending' || status === 'processing';
  return (
    <div className="processing-state">
      {isRunning && (
        <p>
          <progress
            max={100}
            value={progress}
            aria-label={t('processingLabel', { id: video.id })}
          />{' '}
          <span className="processing-percent">
            {t('processingPercent', { percent: progress })}
          </span>
        </p>
      )}
      <div role="status">
        <p className={status === 'failed' ? 'error' : 'subtle'}>{processingText(video, t)}</p>
      </div>
    </div>
  );
}

function PosterForm({
  video,
  heading: Sub,
  prefix,
  currentTime,
  refresh,
}: {
  video: VideoMedia;
  heading: 'h3' | 'h4';
  prefix: string;
  currentTime: () => number | null;
  refresh: () => Promise<VideoMedia | null>;
}) {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState('0');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const isReady = video.processing.status === 'ready';
  const durationSeconds = video.durationMs === null ? null : video.durationMs / 1000;

  async function send(body: unknown) {
    setBusy(true);
    setMessage(null);
    try {
      await request<unknown>('POST', `/media/${video.id}/poster`, { body });
      await refresh();
      setMessage({ kind: 'ok', text: t('posterSaved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('errorPrefix', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  function takeFrame(event: FormEvent) {
    event.preventDefault();
    const at = Number(seconds);
    if (!Number.isFinite(at) || at < 0) {
      setMessage({ kind: 'error', text: t('posterTimeInvalid') });
      return;
    }
    void send({ atSeconds: at });
  }

  function uploadPoster(file: File | undefined) {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    void send(form);
  }

  const posterImage = video.poster;
  return (
    <section aria-labelledby={`${prefix}-poster`}>
      <Sub id={`${prefix}-poster`}>{t('posterTitle')}</Sub>
      {posterImage ? (
        <img className="media-preview" src={largestUrl(posterImage).url} alt={t('posterAlt')} />
      ) : (
        <p className="subtle">{t('noPoster')}</p>
      )}
      <form className="inline-form" onSubmit={takeFrame}>
        <label htmlFor={`${prefix}-poster-at`}>{t('posterAt')}</label>
        <input
          id={`${prefix}-poster-at`}
          type="number"
          min={0}
          step={0.1}
          {...(durationSeconds === null ? {} : { max: durationSeconds })}
          value={seconds}
          onChange={(event) => setSeconds(event.target.value)}
        />
        {isReady && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              const at = currentTime();
              if (at !== null) setSeconds(String(Math.round(at * 10) / 10));
            }}
          >
            {t('posterFromPlayer')}
          </button>
        )}
        <button type="submit" className="button secondary" disabled={busy || !isReady}>
          {t('posterUseFrame')}
        </button>
      </form>
      <p>
        <label htmlFor={`${prefix}-poster-file`}>{t('posterUpload')}</label>{' '}
        <input
          ref={fileRef}
          id={`${prefix}-poster-file`}
          type="file"
          accept="image/*"
          disabled={busy}
          onChange={(event) => uploadPoster(event.target.files?.[0])}
        />
      </p>
      <div role="status">{message?.kind === 'ok' && <p className="success">{message.text}</p>}</div>
      <div role="alert">{message?.kind === 'error' && <p className="error">{message.text}</p>}</div>
    </section>
  );
}

/** The refused file's message, naming the line the server found wrong. */
function captionError(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 422) {
    const line = error.details['line'];
    // The server's message may name the line too; it is said once, in our words.
    return typeof line === 'number'
      ? t('captionsRefusedLine', {
          line,
          message: error.message.replace(`line ${line}: `, ''),
        })
      : t('captionsRefused', { message: error.message });
  }
  return t('errorPrefix', { message: errorMessage(error) });
}

function CaptionsField({
  video,
  locale,
  prefix,
  onChanged,
}: {
  video: VideoMedia;
  locale: Locale;
  prefix: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const current = video.captions.find((caption) => caption.locale === locale);
  const language = t(`locale_${locale}`);
  const id = `${prefix}-captions-${locale}`;

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    const form = new FormData();
    form.append('file', file);
    try {
      await request<unknown>('PUT', `/media/${video.id}/captions/${locale}`, { body: form });
      setMessage({ kind: 'ok', text: t('captionsSaved', { language, name: file.name }) });
      onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: captionError(error, t) });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  async function remove() {
    setBusy(true);
    setMessage(null);
    try {
      await del(`/media/${video.id}/captions/${locale}`);
      setMessage({ kind: 'ok', text: t('captionsRemoved', { language }) });
      onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: t('errorPrefix', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <fieldset className="captions-field" data-locale={locale}>
      <legend>{t('captionsFor', { language })}</legend>
      {current ? (
        <p>
          <a href={current.path} download>
            {t('captionsFile', { label: current.label })}
          </a>{' '}
          <button
            type="button"
            className="button small secondary"
            disabled={busy}
            aria-label={t('captionsRemoveNamed', { language })}
            onClick={() => setConfirming(true)}
          >
            {t('remove')}
          </button>
        </p>
      ) : (
        <p className="subtle">{t('captionsNone', { language })}</p>
      )}
      <p>
        <label htmlFor={id}>
          {current ? t('captionsReplace', { language }) : t('captionsUpload', { language })}
        </label>{' '}
        <input
          ref={fileRef}
          id={id}
          type="file"
          accept=".vtt,text/vtt"
          disabled={busy}
          onChange={(event) => void upload(event.target.files?.[0])}
        />
      </p>
      <div role="status">{message?.kind === 'ok' && <p className="success">{message.text}</p>}</div>
      <div role="alert">
        {message?.kind === 'error' && (
          <p className="error" data-testid={`captions-error-${locale}`}>
            {message.text}
          </p>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('captionsRemoveNamed', { language })}
          message={t('captionsRemoveConfirm', { language })}
          confirmLabel={t('remove')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </fieldset>
  );
}

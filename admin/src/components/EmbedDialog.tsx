/**
 * "Embed a post": a pasted address is looked up (POST /embeds/preview: the network, and the
 * post's words where the network's oEmbed answers), then a form with those words, which the
 * editor can always type or correct: offline, or when the network says nothing, it starts
 * empty. The same form edits an embed already in the body.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, fieldMessage, errorMessage, post } from '../api.ts';
import type { BodyEmbedAttrs } from '../editor/body-extensions.ts';
import { networkName } from '../editor/BodyNodeViews.tsx';
import { useI18n } from '../i18n/index.tsx';
import { focusLater } from './Field.tsx';
import { Modal } from './Modal.tsx';

interface EmbedPreview {
  embed: BodyEmbedAttrs;
  prefilled: boolean;
  message?: string;
}

type Words = Omit<BodyEmbedAttrs, 'url' | 'network'>;

const NO_WORDS: Words = {
  authorName: null,
  authorHandle: null,
  publishedAt: null,
  text: null,
  thumbnail: null,
};

const clean = (value: string | null) => (value?.trim() ? value.trim() : null);

export function EmbedDialog({
  initial,
  pastedUrl,
  onSave,
  onClose,
}: {
  /** The embed being edited; none for a new one. */
  initial: BodyEmbedAttrs | null;
  /** An address pasted into the body: looked up at once. */
  pastedUrl?: string | undefined;
  onSave: (attrs: BodyEmbedAttrs) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState(initial?.url ?? pastedUrl ?? '');
  // The address the form's words belong to, and its network: set by a look-up (or the embed).
  const [found, setFound] = useState<{ url: string; network: string } | null>(
    initial ? { url: initial.url, network: initial.network } : null,
  );
  const [words, setWords] = useState<Words>(initial ? { ...NO_WORDS, ...initial } : NO_WORDS);
  const [urlError, setUrlError] = useState<string | null>(null);
  // What the look-up found, and the server's own words about it (why nothing was pre-filled).
  const [notice, setNotice] = useState<{ text: string; detail: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const isStale = found !== null && url.trim() !== found.url;

  function lookUp(event: FormEvent) {
    event.preventDefault();
    void lookUpAddress(url.trim());
  }

  // A pasted address needs no second step: the look-up starts with the dialog.
  const pastedRef = useRef(pastedUrl);
  useEffect(() => {
    if (pastedRef.current) void lookUpAddress(pastedRef.current);
    pastedRef.current = undefined;
    // Once, on opening.
  }, []);

  async function lookUpAddress(address: string) {
    setUrlError(null);
    setNotice(null);
    if (!address) {
      setUrlError(t('embedUrlMissing'));
      urlRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const preview = await post<EmbedPreview>('/embeds/preview', { url: address });
      setFound({ url: preview.embed.url, network: preview.embed.network });
      setUrl(preview.embed.url);
      // Words the editor typed for this same post stay when the network has none to offer.
      setWords((current) => ({
        authorName: preview.embed.authorName ?? current.authorName,
        authorHandle: preview.embed.authorHandle ?? current.authorHandle,
        publishedAt: preview.embed.publishedAt ?? current.publishedAt,
        text: preview.embed.text ?? current.text,
        thumbnail: preview.embed.thumbnail,
      }));
      setNotice({
        text: preview.prefilled ? t('embedPrefilled') : t('embedNotPrefilled'),
        detail: preview.message ?? null,
      });
      focusLater('embed-author-name');
    } catch (caught) {
      setUrlError(caught instanceof ApiError ? fieldMessage(caught) : errorMessage(caught));
      urlRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (!found || isStale) return;
    onSave({
      url: found.url,
      network: found.network,
      authorName: clean(words.authorName),
      authorHandle: clean(words.authorHandle),
      publishedAt: clean(words.publishedAt),
      text: clean(words.text),
      thumbnail: words.thumbnail,
    });
    onClose();
  }

  const text = (name: keyof Words, label: string, multiline = false) => {
    const id = `embed-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    const value = words[name] ?? '';
    const change = (next: string) => setWords((current) => ({ ...current, [name]: next }));
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea
            id={id}
            rows={4}
            value={value}
            onChange={(event) => change(event.target.value)}
          />
        ) : (
          <input id={id} value={value} onChange={(event) => change(event.target.value)} />
        )}
      </div>
    );
  };

  return (
    <Modal
      className="embed-dialog"
      labelledBy="embed-dialog-title"
      initialFocus={urlRef}
      onClose={onClose}
    >
      <div className="dialog-header">
        <h2 id="embed-dialog-title">{initial ? t('editEmbed') : t('embedPost')}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <form className="inline-form embed-lookup" onSubmit={lookUp} noValidate>
        <label htmlFor="embed-url">{t('embedUrl')}</label>
        <input
          id="embed-url"
          ref={urlRef}
          type="url"
          value={url}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? 'embed-url-help embed-url-error' : 'embed-url-help'}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? t('embedLookingUp') : t('embedLookUp')}
        </button>
        <p className="help" id="embed-url-help">
          {t('embedUrlHelp')}
        </p>
        {urlError && (
          <p className="error" id="embed-url-error" role="alert">
            {urlError}
          </p>
        )}
      </form>
      <div role="status" className="embed-notice">
        {notice && (
          <>
            <p>{notice.text}</p>
            {notice.detail && <p className="subtle">{notice.detail}</p>}
          </>
        )}
      </div>
      {found && (
        <form className="embed-form" onSubmit={save}>
          <p>
            <span className="label">{t('embedNetwork')}</span>{' '}
            <strong data-testid="embed-network">{networkName(found.network)}</strong>
          </p>
          {text('authorName', t('embedAuthorName'))}
          {text('authorHandle', t('embedAuthorHandle'))}
          <div className="field">
            <label htmlFor="embed-published-at">{t('embedDate')}</label>
            <input
              id="embed-published-at"
              type="date"
              value={words.publishedAt?.slice(0, 10) ?? ''}
              onChange={(event) =>
                setWords((current) => ({ ...current, publishedAt: event.target.value || null }))
              }
            />
          </div>
          {text('text', t('embedText'), true)}
          {words.thumbnail && (
            <div className="field">
              <img className="embed-thumbnail" src={words.thumbnail} alt="" />
              <button
                type="button"
                className="button small secondary"
                onClick={() => setWords((current) => ({ ...current, thumbnail: null }))}
              >
                {t('embedDropThumbnail')}
              </button>
            </div>
          )}
          {isStale && <p className="error">{t('embedUrlChanged')}</p>}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={isStale}>
              {initial ? t('embedSave') : t('embedInsert')}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

/**
 * Content API keys, for editors and admins: who may read published content through the public
 * Content API, and from which browser origins (CORS). A key is shown once, when it is made.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { del, errorFor, errorMessage, formError, get, post } from '../api.ts';
import type { FormError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { ContentKey } from '../types.ts';

/** One origin a line; blank lines and surrounding spaces do not count. */
export function originsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function ContentKeys() {
  const { t, formatDate } = useI18n();
  const [keys, setKeys] = useState<ContentKey[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ContentKey | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    get<{ keys: ContentKey[] }>('/content-keys', controller.signal).then(
      (result) => setKeys(result.keys),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [reloads]);

  async function revoke(key: ContentKey) {
    setError(null);
    try {
      await del(`/content-keys/${key.id}`);
      setStatus(t('contentKeyRevoked', { name: key.name }));
      setReloads((n) => n + 1);
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
    } finally {
      setRevoking(null);
    }
  }

  return (
    <>
      <ScreenHeading title={t('contentKeysTitle')} />
      <p>{t('contentKeysIntro')}</p>
      <div role="status">{status && <p className="success">{status}</p>}</div>
      <AlertRegion message={error} />
      {keys && keys.length === 0 && <p>{t('noContentKeys')}</p>}
      {keys && keys.length > 0 && (
        <div className="table-wrap">
          <table className="content-keys">
            <caption className="visually-hidden">{t('contentKeysTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('allowedOrigins')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    {key.allowedOrigins.length === 0 ? (
                      <span className="subtle">{t('noOrigins')}</span>
                    ) : (
                      <ul className="plain-list">
                        {key.allowedOrigins.map((origin) => (
                          <li key={origin} className="mono break">
                            {origin}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{formatDate(key.createdAt)}</td>
                  <td>
                    {key.revokedAt ? `${t('revoked')} ${formatDate(key.revokedAt)}` : t('active')}
                  </td>
                  <td>
                    {!key.revokedAt && (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => {
                          setStatus(null);
                          setRevoking(key);
                        }}
                      >
                        {t('revoke', { name: key.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {created && (
        <ShownOnce
          id="content-key-value"
          label={t('contentKeyShown', { name: created.name })}
          value={created.key}
        />
      )}
      <CreateKeyForm
        onCreated={(name, key) => {
          setStatus(t('contentKeyCreated', { name }));
          setCreated({ name, key });
          setReloads((n) => n + 1);
        }}
      />

      {revoking && (
        <ConfirmDialog
          title={t('revoke', { name: revoking.name })}
          message={t('revokeContentKeyConfirm', { name: revoking.name })}
          confirmLabel={t('revokeDo')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (name: string, key: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await post<{ id: number; key: string }>('/content-keys', {
        name,
        allowedOrigins: originsFromText(origins),
      });
      onCreated(name, result.key);
      setName('');
      setOrigins('');
    } catch (caught) {
      const found = formError(caught);
      setError(found);
      if (found.field === 'name') focusLater('content-key-name');
      else if (found.field?.startsWith('allowedOrigins')) focusLater('content-key-origins');
    } finally {
      setBusy(false);
    }
  }

  // `allowedOrigins.1`: say which line, counting from one as people do.
  const originsError = error?.field?.startsWith('allowedOrigins')
    ? (() => {
        const index = /\.(\d+)$/.exec(error.field)?.[1];
        return index === undefined
          ? error.message
          : t('originLineError', { line: Number(index) + 1, message: error.message });
      })()
    : undefined;
  const otherError =
    error && error.field !== 'name' && !originsError
      ? t('errorPrefix', { message: error.message })
      : null;
  return (
    <section className="card narrow-form" aria-labelledby="add-key-title">
      <h2 id="add-key-title">{t('addContentKey')}</h2>
      <form onSubmit={submit} noValidate>
        <Field id="content-key-name" label={t('colName')} required error={errorFor(error, 'name')}>
          {(control) => (
            <input
              {...control}
              required
              maxLength={80}
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="content-key-origins"
          label={t('allowedOrigins')}
          help={t('allowedOriginsHelp')}
          error={originsError}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className="mono"
              spellCheck={false}
              value={origins}
              onChange={(event) => setOrigins(event.target.value)}
            />
          )}
        </Field>
        <AlertRegion message={otherError} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('addContentKey')}
        </button>
      </form>
    </section>
  );
}

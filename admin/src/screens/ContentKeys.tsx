/**
 * Content API keys, for editors and admins: who may read published content through the public
 * Content API, and from which browser origins (CORS). A key is shown once, when it is made.
 */
import { useState } from 'react';
import { del, errorFor, post } from '../api.ts';
import { ConfirmPending } from '../components/ConfirmPending.tsx';
import { AlertRegion, Field } from '../components/Field.tsx';
import { CreateForm, StatusRegion } from '../components/FormParts.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { ResourceTable } from '../components/ResourceTable.tsx';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useAsyncList } from '../components/useAsyncList.ts';
import { useConfirmed } from '../components/useConfirmed.ts';
import { useFormSubmit } from '../components/useFormSubmit.ts';
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
  const {
    items: keys,
    error,
    setError,
    reload,
  } = useAsyncList('/content-keys', (result: { keys: ContentKey[] }) => result.keys);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const revoking = useConfirmed(
    async (key: ContentKey) => {
      await del(`/content-keys/${key.id}`);
      setStatus(t('contentKeyRevoked', { name: key.name }));
      reload();
    },
    setError,
    () => setStatus(null),
  );

  return (
    <>
      <ScreenHeading title={t('contentKeysTitle')} />
      <p>{t('contentKeysIntro')}</p>
      <StatusRegion message={status} />
      <AlertRegion message={error} />
      <ResourceTable
        items={keys}
        empty={t('noContentKeys')}
        caption={t('contentKeysTitle')}
        className="content-keys"
        columns={[
          t('colName'),
          t('allowedOrigins'),
          t('colCreated'),
          t('colStatus'),
          t('colActions'),
        ]}
      >
        {(key) => (
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
            <td>{key.revokedAt ? `${t('revoked')} ${formatDate(key.revokedAt)}` : t('active')}</td>
            <td>
              {!key.revokedAt && (
                <button type="button" className="button small" onClick={() => revoking.ask(key)}>
                  {t('revoke', { name: key.name })}
                </button>
              )}
            </td>
          </tr>
        )}
      </ResourceTable>

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
          reload();
        }}
      />

      <ConfirmPending
        confirmed={revoking}
        title={(item) => t('revoke', { name: item.name })}
        message={(item) => t('revokeContentKeyConfirm', { name: item.name })}
        confirmLabel={t('revokeDo')}
      />
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (name: string, key: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const { error, busy, submit } = useFormSubmit(
    async () => {
      const result = await post<{ id: number; key: string }>('/content-keys', {
        name,
        allowedOrigins: originsFromText(origins),
      });
      onCreated(name, result.key);
      setName('');
      setOrigins('');
    },
    (field) =>
      field === 'name'
        ? 'content-key-name'
        : field?.startsWith('allowedOrigins')
          ? 'content-key-origins'
          : null,
  );

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
    <CreateForm
      id="add-key-title"
      title={t('addContentKey')}
      busy={busy}
      otherError={otherError}
      onSubmit={(event) => void submit(event)}
    >
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
    </CreateForm>
  );
}

/** API tokens for scripts: list, create (shown once), revoke. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { del, errorMessage, post } from '../api.ts';
import { AlertRegion } from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { ResourceTable } from '../components/ResourceTable.tsx';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useAsyncList } from '../components/useAsyncList.ts';
import { useI18n } from '../i18n/index.tsx';
import type { ApiToken } from '../types.ts';

export function Tokens() {
  const { t, formatDate } = useI18n();
  const {
    items: tokens,
    error,
    setError,
    reload,
  } = useAsyncList('/tokens', (result: { tokens: ApiToken[] }) => result.tokens);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const result = await post<{ id: number; token: string }>('/tokens', { name });
      setCreated(result.token);
      setName('');
      reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function revoke(id: number) {
    setError(null);
    try {
      await del(`/tokens/${id}`);
      reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <ScreenHeading title={t('tokensTitle')} />
      <p>{t('tokensIntro')}</p>
      <form className="inline-form card" onSubmit={create}>
        <label htmlFor="token-name">{t('tokenName')}</label>
        <input
          id="token-name"
          required
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={!name.trim()}>
          {t('createToken')}
        </button>
      </form>
      {created && <ShownOnce id="new-token" label={t('newTokenShown')} value={created} />}
      <AlertRegion message={error && t('errorPrefix', { message: error })} />
      <ResourceTable
        items={tokens}
        empty={t('noTokens')}
        caption={t('tokensTitle')}
        columns={[t('colName'), t('colCreated'), t('colStatus'), t('colActions')]}
      >
        {(token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>{formatDate(token.createdAt)}</td>
            <td>
              {token.revokedAt ? `${t('revoked')} ${formatDate(token.revokedAt)}` : t('active')}
            </td>
            <td>
              {!token.revokedAt && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void revoke(token.id)}
                >
                  {t('revoke', { name: token.name })}
                </button>
              )}
            </td>
          </tr>
        )}
      </ResourceTable>
    </>
  );
}

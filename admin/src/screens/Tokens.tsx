/** API tokens for scripts: list, create (shown once), revoke. */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { del, errorMessage, get, post } from '../api.ts';
import { AlertRegion } from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { ApiToken } from '../types.ts';

export function Tokens() {
  const { t, formatDate } = useI18n();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const tokenRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    get<{ tokens: ApiToken[] }>('/tokens').then(
      (result) => setTokens(result.tokens),
      (caught: unknown) => setError(errorMessage(caught)),
    );
  }, [reloads]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setCopied(false);
    try {
      const result = await post<{ id: number; token: string }>('/tokens', { name });
      setCreated(result.token);
      setName('');
      setReloads((n) => n + 1);
      requestAnimationFrame(() => tokenRef.current?.select());
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function revoke(id: number) {
    setError(null);
    try {
      await del(`/tokens/${id}`);
      setReloads((n) => n + 1);
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
      {created && (
        <div className="notice" role="status">
          <label htmlFor="new-token">{t('newTokenShown')}</label>
          <div className="inline-form">
            <input id="new-token" ref={tokenRef} readOnly value={created} className="mono" />
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created).then(() => setCopied(true));
              }}
            >
              {t('copy')}
            </button>
            {copied && <span>{t('copied')}</span>}
          </div>
        </div>
      )}
      <AlertRegion message={error && t('errorPrefix', { message: error })} />
      {tokens && tokens.length === 0 && <p>{t('noTokens')}</p>}
      {tokens && tokens.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('tokensTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>
                    {token.revokedAt
                      ? `${t('revoked')} ${formatDate(token.revokedAt)}`
                      : t('active')}
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
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

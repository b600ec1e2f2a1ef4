import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, NetworkError, request } from '../api.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { Session } from '../types.ts';

export function Login({
  expired,
  onLoggedIn,
}: {
  expired: boolean;
  onLoggedIn: (session: Session) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await request<Session>('POST', '/session', {
        body: { email, password },
        quiet401: true,
      });
      onLoggedIn(session);
    } catch (caught) {
      let message: string;
      if (caught instanceof ApiError && caught.status === 429)
        message = t('loginLocked', { seconds: caught.retryAfter ?? 60 });
      else if (caught instanceof ApiError && caught.status === 401) message = t('loginWrong');
      else if (caught instanceof NetworkError) message = t('loginOffline');
      else message = t('errorPrefix', { message: String((caught as Error).message) });
      setError(message);
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  }

  return (
    <section className="login card">
      <ScreenHeading title={t('loginTitle')} />
      {expired && <p className="notice">{t('sessionExpired')}</p>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="login-email">{t('email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div role="alert" className="alert-region">
          {error && (
            <p id="login-error" className="error" tabIndex={-1} ref={errorRef}>
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('loggingIn') : t('logIn')}
        </button>
      </form>
    </section>
  );
}

import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, NetworkError, errorMessage, request } from '../api.ts';
import { Field } from '../components/Field.tsx';
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
      else message = t('errorPrefix', { message: errorMessage(caught) });
      setError(message);
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  }

  // A wrong email or password is not said to be either one: both fields point at the message.
  const describedBy = error ? 'login-error' : undefined;
  return (
    <section className="login card">
      <ScreenHeading title={t('loginTitle')} />
      {expired && <p className="notice">{t('sessionExpired')}</p>}
      <form onSubmit={submit} noValidate>
        <Field id="login-email" label={t('email')} describedBy={describedBy} invalid={!!error}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="login-password"
          label={t('password')}
          describedBy={describedBy}
          invalid={!!error}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
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

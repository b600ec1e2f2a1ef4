/**
 * Staff accounts, for admins: who can log in and with which role; add an account, set someone a
 * new password, or log someone out everywhere (a lost laptop, a departure).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { errorFor, errorMessage, formError, get, post } from '../api.ts';
import type { FormError } from '../api.ts';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ROLE_KEYS } from '../session.tsx';
import type { Role, StaffUser } from '../types.ts';

/** For the help text only: the server checks the length and says so if it is too short. */
const PASSWORD_MIN_LENGTH = 12;
// Every role has a name in the catalogs, in rank order.
const ROLES = Object.keys(ROLE_KEYS) as Role[];

export function Users() {
  const { t, formatDate } = useI18n();
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [passwordFor, setPasswordFor] = useState<StaffUser | null>(null);
  const [endingFor, setEndingFor] = useState<StaffUser | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    get<{ users: StaffUser[] }>('/users', controller.signal).then(
      (result) => setUsers(result.users),
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [reloads]);

  async function endSessions(user: StaffUser) {
    setActionError(null);
    try {
      const { ended } = await post<{ ended: number }>(`/users/${user.id}/end-sessions`);
      setStatus(t('sessionsEnded', { name: user.name, count: ended }));
    } catch (caught) {
      setActionError(t('refused', { message: errorMessage(caught) }));
    } finally {
      setEndingFor(null);
    }
  }

  return (
    <>
      <ScreenHeading title={t('usersTitle')} />
      <p>{t('usersIntro')}</p>
      <div role="status">{status && <p className="success">{status}</p>}</div>
      <AlertRegion message={loadError ?? actionError} />
      {users && users.length === 0 && <p>{t('noUsers')}</p>}
      {users && users.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('usersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colEmail')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name}
                    {user.disabledAt && <span className="subtle"> ({t('accountDisabled')})</span>}
                  </td>
                  <td>{user.email}</td>
                  <td>{t(ROLE_KEYS[user.role])}</td>
                  <td>{formatDate(user.createdAt)}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button small"
                        onClick={() => {
                          setStatus(null);
                          setPasswordFor(user);
                          focusLater('new-password');
                        }}
                      >
                        {t('setPasswordFor', { name: user.name })}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => {
                          setStatus(null);
                          setEndingFor(user);
                        }}
                      >
                        {t('endSessions', { name: user.name })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {passwordFor && (
        <NewPasswordForm
          key={passwordFor.id}
          user={passwordFor}
          onDone={(message) => {
            setPasswordFor(null);
            setStatus(message);
          }}
          onCancel={() => setPasswordFor(null)}
        />
      )}

      <AddUserForm
        onAdded={(message) => {
          setStatus(message);
          setReloads((n) => n + 1);
        }}
      />

      {endingFor && (
        <ConfirmDialog
          title={t('endSessions', { name: endingFor.name })}
          message={t('endSessionsConfirm', { name: endingFor.name })}
          confirmLabel={t('endSessionsDo')}
          onConfirm={() => void endSessions(endingFor)}
          onCancel={() => setEndingFor(null)}
        />
      )}
    </>
  );
}

/** The ids of the add form's controls, by the API field each one sends. */
const ADD_FIELDS = {
  name: 'user-name',
  email: 'user-email',
  role: 'user-role',
  password: 'user-password',
} as const;

function AddUserForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ name: '', email: '', role: 'author', password: '' });
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await post<{ user: StaffUser }>('/users', values);
      setValues({ name: '', email: '', role: 'author', password: '' });
      onAdded(t('userAdded', { name: user.name, email: user.email }));
    } catch (caught) {
      const found = formError(caught);
      setError(found);
      const control = ADD_FIELDS[found.field as keyof typeof ADD_FIELDS] as string | undefined;
      if (control) focusLater(control);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: keyof typeof ADD_FIELDS) => errorFor(error, field);
  const otherError =
    error && !(error.field && error.field in ADD_FIELDS)
      ? t('errorPrefix', { message: error.message })
      : null;
  return (
    <section className="card narrow-form" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('addUser')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          id={ADD_FIELDS.name}
          label={t('userName')}
          value={values.name}
          onChange={set('name')}
          error={fieldError('name')}
        />
        <TextField
          id={ADD_FIELDS.email}
          type="email"
          label={t('email')}
          value={values.email}
          onChange={set('email')}
          error={fieldError('email')}
        />
        <Field id={ADD_FIELDS.role} label={t('userRole')} error={fieldError('role')}>
          {(control) => (
            <select
              {...control}
              value={values.role}
              onChange={(event) => set('role')(event.target.value)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(ROLE_KEYS[role])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id={ADD_FIELDS.password}
          type="password"
          label={t('firstPassword')}
          value={values.password}
          onChange={set('password')}
          error={fieldError('password')}
        />
        <AlertRegion message={otherError} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('addUser')}
        </button>
      </form>
    </section>
  );
}

function NewPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: StaffUser;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post(`/users/${user.id}/password`, { password });
      onDone(t('passwordSet', { name: user.name }));
    } catch (caught) {
      setError(formError(caught));
      focusLater('new-password');
      setBusy(false);
    }
  }

  return (
    <section className="card narrow-form" aria-labelledby="new-password-title">
      <h2 id="new-password-title">{t('setPasswordFor', { name: user.name })}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          id="new-password"
          type="password"
          label={t('newPasswordFor', { name: user.name })}
          value={password}
          onChange={setPassword}
          error={error?.message}
        />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {t('setPassword')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * A required text, email or password input. Passwords are new ones (the browser may offer to
 * generate one) and say how long they must be; nothing here is the admin's own, so no autofill.
 */
function TextField({
  id,
  type = 'text',
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  type?: 'text' | 'email' | 'password';
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const isPassword = type === 'password';
  return (
    <Field
      id={id}
      label={label}
      required
      help={isPassword ? t('passwordHelp', { min: PASSWORD_MIN_LENGTH }) : undefined}
      error={error}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          required
          autoComplete={isPassword ? 'new-password' : 'off'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * Staff accounts, for admins: who can log in and with which role; add an account, set someone a
 * new password, or log someone out everywhere (a lost laptop, a departure).
 */
import { useState } from 'react';
import { errorFor, post } from '../api.ts';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { ConfirmPending } from '../components/ConfirmPending.tsx';
import { CreateForm, StatusRegion, SubmitCancel } from '../components/FormParts.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { ResourceTable } from '../components/ResourceTable.tsx';
import { useAsyncList } from '../components/useAsyncList.ts';
import { useConfirmed } from '../components/useConfirmed.ts';
import { useFormSubmit } from '../components/useFormSubmit.ts';
import { useI18n } from '../i18n/index.tsx';
import { ROLE_KEYS } from '../session.tsx';
import type { Role, StaffUser } from '../types.ts';

/** For the help text only: the server checks the length and says so if it is too short. */
const PASSWORD_MIN_LENGTH = 12;
// Every role has a name in the catalogs, in rank order.
const ROLES = Object.keys(ROLE_KEYS) as Role[];

export function Users() {
  const { t, formatDate } = useI18n();
  const {
    items: users,
    error: loadError,
    reload,
  } = useAsyncList('/users', (result: { users: StaffUser[] }) => result.users);
  const [status, setStatus] = useState<string | null>(null);
  const [passwordFor, setPasswordFor] = useState<StaffUser | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const endingFor = useConfirmed(
    async (user: StaffUser) => {
      const { ended } = await post<{ ended: number }>(`/users/${user.id}/end-sessions`);
      setStatus(t('sessionsEnded', { name: user.name, count: ended }));
    },
    setActionError,
    () => setStatus(null),
  );

  return (
    <>
      <ScreenHeading title={t('usersTitle')} />
      <p>{t('usersIntro')}</p>
      <StatusRegion message={status} />
      <AlertRegion message={loadError ?? actionError} />
      <ResourceTable
        items={users}
        empty={t('noUsers')}
        caption={t('usersTitle')}
        columns={[t('colName'), t('colEmail'), t('colRole'), t('colCreated'), t('colActions')]}
      >
        {(user) => (
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
                <button type="button" className="button small" onClick={() => endingFor.ask(user)}>
                  {t('endSessions', { name: user.name })}
                </button>
              </div>
            </td>
          </tr>
        )}
      </ResourceTable>

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
          reload();
        }}
      />

      <ConfirmPending
        confirmed={endingFor}
        title={(item) => t('endSessions', { name: item.name })}
        message={(item) => t('endSessionsConfirm', { name: item.name })}
        confirmLabel={t('endSessionsDo')}
      />
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
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const { error, busy, submit } = useFormSubmit(
    async () => {
      const { user } = await post<{ user: StaffUser }>('/users', values);
      setValues({ name: '', email: '', role: 'author', password: '' });
      onAdded(t('userAdded', { name: user.name, email: user.email }));
    },
    (field) => ADD_FIELDS[field as keyof typeof ADD_FIELDS] as string | undefined,
  );

  const fieldError = (field: keyof typeof ADD_FIELDS) => errorFor(error, field);
  const otherError =
    error && !(error.field && error.field in ADD_FIELDS)
      ? t('errorPrefix', { message: error.message })
      : null;
  return (
    <CreateForm
      id="add-user-title"
      title={t('addUser')}
      busy={busy}
      otherError={otherError}
      onSubmit={(event) => void submit(event)}
    >
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
    </CreateForm>
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
  const { error, busy, submit } = useFormSubmit(
    async () => {
      await post(`/users/${user.id}/password`, { password });
      onDone(t('passwordSet', { name: user.name }));
    },
    () => 'new-password',
  );

  return (
    <section className="card narrow-form" aria-labelledby="new-password-title">
      <h2 id="new-password-title">{t('setPasswordFor', { name: user.name })}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="new-password"
          type="password"
          label={t('newPasswordFor', { name: user.name })}
          value={password}
          onChange={setPassword}
          error={error?.message}
        />
        <SubmitCancel label={t('setPassword')} busy={busy} onCancel={onCancel} />
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

/**
 * The publication's policy pages, for admins: ethics, corrections policy, masthead, ownership and
 * funding, feedback, diversity, each in English and Spanish. Readers reach them from every page's
 * footer, and the publisher markup names them. A page is written with the article body editor
 * and saved explicitly (these pages speak for the publication: no autosave of half a sentence).
 * The page being edited is in the address (`?kind=ethics&locale=es`).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorMessage, get, put, query } from '../api.ts';
import { BodyField, bodyImageOf } from '../components/BodyField.tsx';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { MediaPicker } from '../components/MediaPicker.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import type { BodyImageAttrs } from '../editor/body-extensions.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { EMPTY_BODY, LOCALES, POLICY_KINDS } from '../types.ts';
import type { BodyDoc, Locale, PolicyKind, PolicyPage } from '../types.ts';

export const POLICY_KEYS: Record<PolicyKind, MessageKey> = {
  ethics: 'policy_ethics',
  corrections: 'policy_corrections',
  masthead: 'policy_masthead',
  ownership: 'policy_ownership',
  feedback: 'policy_feedback',
  diversity: 'policy_diversity',
};

const isKind = (value: string | null): value is PolicyKind =>
  (POLICY_KINDS as readonly (string | null)[]).includes(value);
const isLocale = (value: string | null): value is Locale =>
  (LOCALES as readonly (string | null)[]).includes(value);

export function Policies({ params }: { params: URLSearchParams }) {
  const { t, formatDate } = useI18n();
  const [pages, setPages] = useState<PolicyPage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const kind = params.get('kind');
  const locale = params.get('locale');
  const editing =
    isKind(kind) && isLocale(locale)
      ? pages?.find((page) => page.kind === kind && page.locale === locale)
      : undefined;

  useEffect(() => {
    const controller = new AbortController();
    get<{ policies: PolicyPage[] }>('/policies', controller.signal).then(
      (result) => setPages(result.policies),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [reloads]);

  return (
    <>
      <ScreenHeading title={t('policiesTitle')} />
      <p>{t('policiesIntro')}</p>
      <AlertRegion message={error} />
      {pages && (
        <div className="table-wrap">
          <table className="policies">
            <caption className="visually-hidden">{t('policiesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policyKind')}</th>
                {LOCALES.map((code) => (
                  <th scope="col" key={code}>
                    {t(`locale_${code}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {POLICY_KINDS.map((code) => (
                <tr key={code}>
                  <th scope="row">{t(POLICY_KEYS[code])}</th>
                  {LOCALES.map((language) => {
                    const page = pages.find(
                      (candidate) => candidate.kind === code && candidate.locale === language,
                    );
                    const label = t('policyWhich', {
                      policy: t(POLICY_KEYS[code]),
                      language: t(`locale_${language}`),
                    });
                    return (
                      <td key={language}>
                        {page?.exists ? (
                          <>
                            <span lang={language}>{page.title}</span>
                            <br />
                            <span className="subtle">
                              {t('policyUpdated', { date: formatDate(page.updatedAt) })}
                            </span>
                          </>
                        ) : (
                          <span className="subtle">{t('policyNotWritten')}</span>
                        )}
                        <br />
                        <Link
                          to={`/policies${query({ kind: code, locale: language })}`}
                          aria-current={
                            editing?.kind === code && editing.locale === language
                              ? 'page'
                              : undefined
                          }
                        >
                          {page?.exists ? t('policyEdit') : t('policyWrite')}
                          <span className="visually-hidden">: {label}</span>
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <PolicyEditor
          key={`${editing.kind}-${editing.locale}`}
          page={editing}
          onSaved={() => setReloads((n) => n + 1)}
        />
      )}
    </>
  );
}

function PolicyEditor({ page, onSaved }: { page: PolicyPage; onSaved: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState<BodyDoc>(page.body ?? EMPTY_BODY);
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picker, setPicker] = useState<((attrs: BodyImageAttrs) => void) | null>(null);
  const name = t('policyWhich', {
    policy: t(POLICY_KEYS[page.kind]),
    language: t(`locale_${page.locale}`),
  });

  useEffect(() => focusLater('policy-editor-title'), []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await put(`/policies/${page.kind}/${page.locale}`, { title, body });
      setStatus(t('policySaved', { policy: t(POLICY_KEYS[page.kind]) }));
      onSaved();
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      setError({ field, message: errorMessage(caught) });
      if (field === 'title') focusLater('policy-title');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card policy-editor" aria-labelledby="policy-editor-title">
      <h2 id="policy-editor-title" tabIndex={-1}>
        {name}
      </h2>
      <div role="status">{status && <p className="success">{status}</p>}</div>
      <form onSubmit={save} noValidate>
        <Field
          id="policy-title"
          label={t('policyTitleLabel')}
          required
          error={error?.field === 'title' ? error.message : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="big"
              lang={page.locale}
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <BodyField
          label={t('policyBody')}
          initial={body}
          locale={page.locale}
          onChange={setBody}
          onRequestImage={(insert) => setPicker(() => insert)}
        />
        <AlertRegion
          message={
            error && error.field !== 'title' ? t('refused', { message: error.message }) : null
          }
        />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {t('policySave')}
          </button>
          {page.exists && (
            <a href={page.path} target="_blank" rel="noopener">
              {t('openPublic')}
            </a>
          )}
        </div>
      </form>
      {picker && (
        <MediaPicker
          locale={page.locale}
          onPick={(media) => picker(bodyImageOf(media, page.locale))}
          onClose={() => setPicker(null)}
        />
      )}
    </section>
  );
}

/**
 * Readers' error reports, for editors and admins: the queue (filtered by status and language,
 * newest first) and one report: its article with the quoted passage highlighted, the assignee,
 * the status, the recorded reply, "Resolve with a public note" (a correction or other note on the
 * article, then the report marked resolved with it), and the history of who changed what.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorMessage, get, patch, query } from '../api.ts';
import { AlertRegion, Field, focusLater, LocaleOptions } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey, Translate } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { addNote, emptyNote, NOTE_TYPE_KEYS, NoteFields } from '../trust/notes.tsx';
import type { NoteDraft } from '../trust/notes.tsx';
import { findPassage } from '../trust/passage.ts';
import { ERROR_REPORT_STATUSES } from '../types.ts';
import type {
  Article,
  ArticleNoteType,
  ErrorReport,
  ErrorReportDetail,
  ErrorReportStatus,
  Paged,
  StaffUser,
} from '../types.ts';

export const REPORT_STATUS_KEYS: Record<ErrorReportStatus, MessageKey> = {
  new: 'reportStatus_new',
  in_progress: 'reportStatus_in_progress',
  corrected: 'reportStatus_corrected',
  clarified: 'reportStatus_clarified',
  updated: 'reportStatus_updated',
  no_change: 'reportStatus_no_change',
  spam: 'reportStatus_spam',
};

/** The status a report takes when it is resolved with a note of this type. */
const RESOLVED_BY: Record<ArticleNoteType, ErrorReportStatus> = {
  correction: 'corrected',
  clarification: 'clarified',
  update: 'updated',
  editors_note: 'clarified',
};

const isReportStatus = (value: string | null): value is ErrorReportStatus =>
  (ERROR_REPORT_STATUSES as readonly (string | null)[]).includes(value);

type ReportPage = Omit<Paged<ErrorReport>, 'items'> & { reports: ErrorReport[] };

const excerpt = (text: string, length = 120) =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

export function ErrorReportQueue({ params }: { params: URLSearchParams }) {
  const { t, formatDate } = useI18n();
  const status = params.get('status') ?? '';
  const locale = params.get('locale') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [result, setResult] = useState<ReportPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    get<ReportPage>(
      `/error-reports${query({ status, locale, page: page > 1 ? page : undefined })}`,
      controller.signal,
    ).then(setResult, (caught: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(caught));
    });
    return () => controller.abort();
  }, [status, locale, page]);

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    navigate(
      `/reports${query({ status: String(form.get('status') ?? ''), locale: String(form.get('locale') ?? '') })}`,
    );
  }

  const pageLink = (to: number) => `/reports${query({ status, locale, page: to })}`;
  return (
    <>
      <ScreenHeading title={t('reportsTitle')} />
      <p>{t('reportsIntro')}</p>
      <form
        className="filters card"
        onSubmit={applyFilters}
        aria-label={t('reportFilters')}
        key={`${status}|${locale}`}
      >
        <div className="field">
          <label htmlFor="report-status">{t('colStatus')}</label>
          <select id="report-status" name="status" defaultValue={status}>
            <option value="">{t('allStatuses')}</option>
            {ERROR_REPORT_STATUSES.map((code) => (
              <option key={code} value={code}>
                {t(REPORT_STATUS_KEYS[code])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-locale">{t('filterLocale')}</label>
          <select id="report-locale" name="locale" defaultValue={locale}>
            <option value="">{t('any')}</option>
            <LocaleOptions />
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button primary">
            {t('applyFilters')}
          </button>
          {(status || locale) && <Link to="/reports">{t('clearFilters')}</Link>}
        </div>
      </form>
      <AlertRegion message={error} />
      {result && (
        <p role="status" className="list-status">
          {t('reportsCount', { total: result.total })}
        </p>
      )}
      {result && result.reports.length === 0 && <p>{t('noReports')}</p>}
      {result && result.reports.length > 0 && (
        <div className="table-wrap">
          <table className="reports">
            <caption className="visually-hidden">{t('reportsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colReport')}</th>
                <th scope="col">{t('colArticle')}</th>
                <th scope="col">{t('colLanguage')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colAssignee')}</th>
                <th scope="col">{t('colReceived')}</th>
              </tr>
            </thead>
            <tbody>
              {result.reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link to={`/reports/${report.id}`}>
                      <span lang={report.locale}>{excerpt(report.whatIsWrong)}</span>
                    </Link>
                  </td>
                  <td lang={report.article.locale}>{report.article.headline}</td>
                  <td>{t(`locale_${report.locale}`)}</td>
                  <td>
                    <span className={`badge report-${report.status}`}>
                      {t(REPORT_STATUS_KEYS[report.status])}
                    </span>
                  </td>
                  <td>
                    {report.assignedTo?.name ?? <span className="subtle">{t('nobody')}</span>}
                  </td>
                  <td>{formatDate(report.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result && result.pageCount > 1 && (
        <nav className="pagination" aria-label={t('pagination')}>
          {result.page > 1 && <Link to={pageLink(result.page - 1)}>{t('previousPage')}</Link>}
          <span>{t('pageOf', { page: result.page, pageCount: result.pageCount })}</span>
          {result.page < result.pageCount && (
            <Link to={pageLink(result.page + 1)}>{t('nextPage')}</Link>
          )}
        </nav>
      )}
    </>
  );
}

/** The people a report can be assigned to: every active account for admins, else oneself. */
function useAssignees(report: ErrorReportDetail | null): { id: number; name: string }[] {
  const { user } = useSession();
  const [staff, setStaff] = useState<StaffUser[] | null>(null);
  useEffect(() => {
    if (user.role !== 'admin') return;
    const controller = new AbortController();
    get<{ users: StaffUser[] }>('/users', controller.signal).then(
      (result) => setStaff(result.users.filter((candidate) => !candidate.disabledAt)),
      () => setStaff(null),
    );
    return () => controller.abort();
  }, [user.role]);
  const people = staff
    ? staff.map(({ id, name }) => ({ id, name }))
    : [{ id: user.id, name: user.name }];
  if (report?.assignedTo && !people.some((person) => person.id === report.assignedTo?.id))
    people.push(report.assignedTo);
  return people;
}

export function ErrorReportScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const [report, setReport] = useState<ErrorReportDetail | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const found = await get<{ report: ErrorReportDetail }>(`/error-reports/${id}`);
      setReport(found.report);
      const { article: current } = await get<{ article: Article }>(
        `/articles/${found.report.article.id}`,
      );
      setArticle(current);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!report)
    return (
      <>
        <ScreenHeading title={t('reportTitle', { id })} />
        {error ? (
          <>
            <p role="alert" className="error">
              {t('errorPrefix', { message: error })}
            </p>
            <p>
              <Link to="/reports">{t('backToReports')}</Link>
            </p>
          </>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </>
    );
  return (
    <ReportDetail
      report={report}
      article={article}
      onChanged={(next) => {
        setReport(next);
        void load();
      }}
    />
  );
}

function ReportDetail({
  report,
  article,
  onChanged,
}: {
  report: ErrorReportDetail;
  article: Article | null;
  onChanged: (report: ErrorReportDetail) => void;
}) {
  const { t, formatDate } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function change(edit: Record<string, unknown>, done: string): Promise<boolean> {
    setError(null);
    setStatus(null);
    try {
      const result = await patch<{ report: ErrorReportDetail }>(
        `/error-reports/${report.id}`,
        edit,
      );
      setStatus(done);
      onChanged(result.report);
      return true;
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
      return false;
    }
  }

  const publicLink = report.passage
    ? `${report.article.path}#:~:text=${encodeURIComponent(report.passage)}`
    : report.article.path;
  return (
    <>
      <p>
        <Link to="/reports">{t('backToReports')}</Link>
      </p>
      <ScreenHeading title={t('reportTitle', { id: report.id })} />
      <div role="status">{status && <p className="success">{status}</p>}</div>
      <AlertRegion message={error} />
      <div className="editor-columns">
        <div className="editor-main">
          <section className="card" aria-labelledby="report-what-title">
            <h2 id="report-what-title">{t('reportWhat')}</h2>
            <p className="report-text" lang={report.locale}>
              {report.whatIsWrong}
            </p>
            <h3>{t('reportPassage')}</h3>
            {report.passage ? (
              <blockquote lang={report.locale} className="report-passage">
                {report.passage}
              </blockquote>
            ) : (
              <p className="subtle">{t('noPassage')}</p>
            )}
            <dl className="facts">
              <dt>{t('colReceived')}</dt>
              <dd>{formatDate(report.createdAt)}</dd>
              <dt>{t('reportEdition')}</dt>
              <dd>{t(`locale_${report.locale}`)}</dd>
              <dt>{t('reportReplyTo')}</dt>
              <dd>
                {report.replyEmail ? (
                  <a href={`mailto:${report.replyEmail}`}>{report.replyEmail}</a>
                ) : (
                  <span className="subtle">{t('noReplyAddress')}</span>
                )}
              </dd>
            </dl>
          </section>

          <section className="card" aria-labelledby="report-article-title">
            <h2 id="report-article-title">{t('reportInArticle')}</h2>
            <p>
              <Link to={`/articles/${report.article.id}`}>
                <span lang={report.article.locale}>{report.article.headline}</span>
              </Link>{' '}
              <span className="subtle">
                ({t(`locale_${report.article.locale}`)},{' '}
                {t(`status_${report.article.status}` as MessageKey)})
              </span>
            </p>
            {report.article.status === 'published' && (
              <p>
                <a href={publicLink} target="_blank" rel="noopener">
                  {t('openPublicAtPassage')}
                </a>
              </p>
            )}
            {report.passage && article && <PassageInArticle article={article} report={report} />}
          </section>

          <ResolveWithNote report={report} article={article} onResolved={onChanged} />
        </div>

        <div className="editor-side">
          <StatusCard report={report} change={change} />
          <AssignCard report={report} change={change} />
          <ReplyCard report={report} change={change} />
          <HistoryCard report={report} />
        </div>
      </div>
    </>
  );
}

function PassageInArticle({ article, report }: { article: Article; report: ErrorReport }) {
  const { t } = useI18n();
  const found = findPassage(article.body, report.passage);
  if (!found) return <p className="warning">{t('passageNotFound')}</p>;
  return (
    <figure className="passage-context">
      <figcaption>{t('passageInContext')}</figcaption>
      <blockquote lang={article.locale}>
        {found.before}
        <mark>{found.match}</mark>
        {found.after}
      </blockquote>
    </figure>
  );
}

type Change = (edit: Record<string, unknown>, done: string) => Promise<boolean>;

function StatusCard({ report, change }: { report: ErrorReport; change: Change }) {
  const { t } = useI18n();
  const [next, setNext] = useState<ErrorReportStatus>(report.status);
  useEffect(() => setNext(report.status), [report.status]);
  return (
    <section className="card" aria-labelledby="report-status-title">
      <h2 id="report-status-title">{t('colStatus')}</h2>
      <p>
        <span className={`badge report-${report.status}`}>
          {t(REPORT_STATUS_KEYS[report.status])}
        </span>
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (next === report.status) return;
          void change(
            { status: next },
            t('reportStatusSaved', { status: t(REPORT_STATUS_KEYS[next]) }),
          );
        }}
      >
        <Field id="report-next-status" label={t('changeStatus')}>
          {(control) => (
            <select
              {...control}
              value={next}
              onChange={(event) => setNext(event.target.value as ErrorReportStatus)}
            >
              {ERROR_REPORT_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {t(REPORT_STATUS_KEYS[code])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button secondary" aria-disabled={next === report.status}>
          {t('saveStatus_')}
        </button>
      </form>
      {report.status === 'new' && (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              // The button goes once the report is in progress: the focus goes to the status.
              void change(
                { status: 'in_progress' },
                t('reportStatusSaved', { status: t('reportStatus_in_progress') }),
              ).then(() => focusLater('report-next-status'))
            }
          >
            {t('startWork')}
          </button>
        </p>
      )}
    </section>
  );
}

function AssignCard({ report, change }: { report: ErrorReportDetail; change: Change }) {
  const { t } = useI18n();
  const { user } = useSession();
  const people = useAssignees(report);
  const [assignee, setAssignee] = useState(String(report.assignedTo?.id ?? ''));
  useEffect(() => setAssignee(String(report.assignedTo?.id ?? '')), [report.assignedTo?.id]);
  const nameOf = (id: string) => people.find((person) => String(person.id) === id)?.name;
  return (
    <section className="card" aria-labelledby="report-assign-title">
      <h2 id="report-assign-title">{t('colAssignee')}</h2>
      <p>{report.assignedTo ? report.assignedTo.name : t('nobody')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee === String(report.assignedTo?.id ?? '')) return;
          void change(
            { assignedToUserId: assignee ? Number(assignee) : null },
            assignee ? t('assignedTo', { name: nameOf(assignee) ?? assignee }) : t('unassigned'),
          );
        }}
      >
        <Field
          id="report-assignee"
          label={t('assignTo')}
          help={user.role === 'admin' ? undefined : t('assignSelfHelp')}
        >
          {(control) => (
            <select
              {...control}
              value={assignee}
              onChange={(event) => setAssignee(event.target.value)}
            >
              <option value="">{t('nobody')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === user.id ? t('meName', { name: person.name }) : person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="submit"
          className="button secondary"
          aria-disabled={assignee === String(report.assignedTo?.id ?? '')}
        >
          {t('assign')}
        </button>
      </form>
    </section>
  );
}

function ReplyCard({ report, change }: { report: ErrorReport; change: Change }) {
  const { t, formatDate } = useI18n();
  const [text, setText] = useState('');
  return (
    <section className="card" aria-labelledby="report-reply-title">
      <h2 id="report-reply-title">{t('replyTitle')}</h2>
      <p className="help" id="report-reply-help">
        {report.replyEmail ? t('replyHelp', { email: report.replyEmail }) : t('replyNoAddress')}
      </p>
      {report.replyText && (
        <>
          <h3>{t('replyRecorded', { date: formatDate(report.repliedAt) })}</h3>
          <p className="report-text" lang={report.locale}>
            {report.replyText}
          </p>
        </>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          void change({ replyText: text }, t('replySaved')).then((saved) => {
            if (saved) setText('');
          });
        }}
      >
        <Field id="report-reply" label={t('replyText')} describedBy="report-reply-help">
          {(control) => (
            <textarea
              {...control}
              rows={4}
              lang={report.locale}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button secondary" aria-disabled={!text.trim()}>
          {t('recordReply')}
        </button>
      </form>
    </section>
  );
}

function historyLine(
  event: ErrorReportDetail['history'][number],
  t: Translate,
  formatDate: (iso: string) => string,
): string {
  const by = event.by?.name ?? t('unknownAuthor');
  const at = formatDate(event.at);
  switch (event.field) {
    case 'status':
      return t('historyStatus', {
        by,
        at,
        to: isReportStatus(event.to) ? t(REPORT_STATUS_KEYS[event.to]) : (event.to ?? ''),
      });
    case 'assignedToUserId':
      return event.to ? t('historyAssigned', { by, at }) : t('historyUnassigned', { by, at });
    case 'correctionId':
      return t('historyCorrection', { by, at, id: event.to ?? '' });
    case 'replyText':
      return t('historyReply', { by, at });
    default:
      return `${event.field}: ${event.to ?? ''} (${by}, ${at})`;
  }
}

function HistoryCard({ report }: { report: ErrorReportDetail }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="card" aria-labelledby="report-history-title">
      <h2 id="report-history-title">{t('reportHistory')}</h2>
      <ol className="history-list">
        <li>{t('historyReceived', { at: formatDate(report.createdAt) })}</li>
        {report.history.map((event) => (
          <li key={event.id}>{historyLine(event, t, formatDate)}</li>
        ))}
      </ol>
    </section>
  );
}

function ResolveWithNote({
  report,
  article,
  onResolved,
}: {
  report: ErrorReportDetail;
  article: Article | null;
  onResolved: (report: ErrorReportDetail) => void;
}) {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState<NoteDraft>(emptyNote());
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const lang = article?.locale ?? report.article.locale;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const note = await addNote(report.article.id, draft);
      const { report: resolved } = await patch<{ report: ErrorReportDetail }>(
        `/error-reports/${report.id}`,
        { status: RESOLVED_BY[note.type], correctionId: note.id },
      );
      setDraft(emptyNote());
      setDone(
        t('resolvedWith', {
          type: t(NOTE_TYPE_KEYS[note.type]),
          date: formatDate(note.notedAt),
          status: t(REPORT_STATUS_KEYS[resolved.status]),
        }),
      );
      onResolved(resolved);
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      setError({ field, message: errorMessage(caught) });
      if (field === 'text') document.getElementById('resolve-text')?.focus();
    } finally {
      setBusy(false);
    }
  }

  const isPublished = report.article.status === 'published';
  return (
    <section className="card" aria-labelledby="resolve-title">
      <h2 id="resolve-title">{t('resolveTitle')}</h2>
      <p className="help">{t('resolveHelp')}</p>
      <div role="status">{done && <p className="success">{done}</p>}</div>
      {report.correctionId !== null && <p>{t('resolvedAlready', { id: report.correctionId })}</p>}
      {!isPublished ? (
        <p className="warning">{t('resolveNotPublished')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <NoteFields
            idPrefix="resolve"
            draft={draft}
            onChange={setDraft}
            lang={lang}
            error={error}
          />
          <AlertRegion
            message={
              error && !['type', 'text', 'notedAt'].includes(error.field ?? '')
                ? t('refused', { message: error.message })
                : null
            }
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t('resolveDo')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Articles: a dashboard of what needs attention, status views, filters, search and pages. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, get, query } from '../api.ts';
import { AuthorOptions, Field, LocaleOptions, SectionOptions } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { sectionName, useReferenceData } from '../reference-data.ts';
import { navigate } from '../router.ts';
import { mayOpen, useSession } from '../session.tsx';
import { ARTICLE_STATUSES } from '../types.ts';
import type { ArticleListItem, ArticleStatus, ErrorReport, Paged } from '../types.ts';

const FILTER_KEYS = ['status', 'locale', 'sectionId', 'authorId', 'q', 'page'] as const;

function paramsToQuery(params: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) result[key] = value;
  }
  return result;
}

function listPath(params: Record<string, string | undefined>): string {
  return `/${query(params)}`;
}

export function ArticleList({ params }: { params: URLSearchParams }) {
  const { t, formatDate, locale: uiLocale } = useI18n();
  const { data: refs } = useReferenceData();
  const filters = paramsToQuery(params);
  const filterKey = JSON.stringify(filters);
  const [list, setList] = useState<Paged<ArticleListItem> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    get<Paged<ArticleListItem>>(
      `/articles${query(JSON.parse(filterKey) as Record<string, string>)}`,
      controller.signal,
    ).then(setList, (caught: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(caught));
    });
    return () => controller.abort();
  }, [filterKey, reloads]);

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string | undefined> = { status: filters['status'] };
    for (const key of ['locale', 'sectionId', 'authorId', 'q'] as const) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim()) next[key] = value.trim();
    }
    navigate(listPath(next));
  }

  const statusLink = (status: ArticleStatus | undefined) =>
    listPath({ ...filters, status, page: undefined });
  const sectionById = new Map(refs?.sections.map((section) => [section.id, section]));

  return (
    <>
      <div className="screen-header">
        <ScreenHeading title={t('articlesTitle')} />
        <Link to="/articles/new" className="button primary">
          {t('newArticle')}
        </Link>
      </div>

      <Dashboard />

      <nav aria-label={t('statusViews')} className="tabs">
        <ul>
          <li>
            <Link to={statusLink(undefined)} aria-current={!filters['status'] ? 'page' : undefined}>
              {t('allStatuses')}
            </Link>
          </li>
          {ARTICLE_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={statusLink(status)}
                aria-current={filters['status'] === status ? 'page' : undefined}
              >
                {t(`status_${status}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        className="filters"
        role="search"
        aria-label={t('filters')}
        onSubmit={applyFilters}
        key={filterKey}
      >
        <Field id="filter-q" label={t('search')}>
          {(control) => (
            <input {...control} name="q" type="search" defaultValue={filters['q'] ?? ''} />
          )}
        </Field>
        <Field id="filter-locale" label={t('filterLocale')}>
          {(control) => (
            <select {...control} name="locale" defaultValue={filters['locale'] ?? ''}>
              <option value="">{t('any')}</option>
              <LocaleOptions />
            </select>
          )}
        </Field>
        <Field id="filter-section" label={t('filterSection')}>
          {(control) => (
            <select {...control} name="sectionId" defaultValue={filters['sectionId'] ?? ''}>
              <option value="">{t('any')}</option>
              <SectionOptions sections={refs?.sections} locale={uiLocale} />
            </select>
          )}
        </Field>
        <Field id="filter-author" label={t('filterAuthor')}>
          {(control) => (
            <select {...control} name="authorId" defaultValue={filters['authorId'] ?? ''}>
              <option value="">{t('any')}</option>
              <AuthorOptions authors={refs?.authors} />
            </select>
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="button secondary">
            {t('applyFilters')}
          </button>
          <Link to="/" className="button link-button">
            {t('clearFilters')}
          </Link>
        </div>
      </form>

      <div role="status" className="list-status">
        {list && !error && t('resultsCount', { total: list.total })}
      </div>
      {error && (
        <div role="alert" className="error">
          <p>{t('errorPrefix', { message: error })}</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setReloads((n) => n + 1)}
          >
            {t('retry')}
          </button>
        </div>
      )}
      {!list && !error && <p>{t('loading')}</p>}
      {list && list.items.length === 0 && <p>{t('noArticles')}</p>}
      {list && list.items.length > 0 && (
        <div className="table-wrap">
          <table className="articles">
            <caption className="visually-hidden">{t('articlesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colHeadline')}</th>
                <th scope="col">{t('colLanguage')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colSection')}</th>
                <th scope="col">{t('colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/articles/${item.id}`} lang={item.locale}>
                      {item.headline}
                    </Link>
                  </td>
                  <td>{t(`locale_${item.locale}`)}</td>
                  <td>
                    <span className={`badge status-${item.status}`}>
                      {t(`status_${item.status}`)}
                    </span>
                    {item.status === 'scheduled' && item.scheduledFor && (
                      <span className="subtle"> {formatDate(item.scheduledFor)}</span>
                    )}
                  </td>
                  <td>{sectionName(sectionById.get(item.sectionId), item.locale)}</td>
                  <td>{formatDate(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && list.pageCount > 1 && (
        <nav aria-label={t('pagination')} className="pagination">
          {list.page > 1 ? (
            <Link to={listPath({ ...filters, page: String(list.page - 1) })} rel="prev">
              {t('previousPage')}
            </Link>
          ) : (
            <span />
          )}
          <span>{t('pageOf', { page: list.page, pageCount: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link to={listPath({ ...filters, page: String(list.page + 1) })} rel="next">
              {t('nextPage')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}

/**
 * What needs attention: stories waiting for review, stories about to go live, and (for editors)
 * readers' error reports nobody has taken yet.
 */
function Dashboard() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const seesReports = mayOpen(user.role, 'reports');
  const [inReview, setInReview] = useState<Paged<ArticleListItem> | null>(null);
  const [scheduled, setScheduled] = useState<Paged<ArticleListItem> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    get<Paged<ArticleListItem>>('/articles?status=in_review', controller.signal).then(
      setInReview,
      () => undefined,
    );
    get<Paged<ArticleListItem>>('/articles?status=scheduled', controller.signal).then(
      setScheduled,
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  const block = (
    id: string,
    title: string,
    empty: string,
    list: Paged<ArticleListItem> | null,
    status: ArticleStatus,
  ) => (
    <section className="dashboard-block card" aria-labelledby={id}>
      <h2 id={id}>
        {title} {list && <span className="count">({list.total})</span>}
      </h2>
      {list && list.items.length === 0 && <p className="subtle">{empty}</p>}
      {list && list.items.length > 0 && (
        <ul>
          {list.items.slice(0, 5).map((item) => (
            <li key={item.id}>
              <Link to={`/articles/${item.id}`} lang={item.locale}>
                {item.headline}
              </Link>{' '}
              <span className="subtle">
                ({item.locale.toUpperCase()})
                {status === 'scheduled' && item.scheduledFor
                  ? ` · ${t('scheduledFor', { date: formatDate(item.scheduledFor) })}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list && list.total > 5 && (
        <Link to={`/?status=${status}`}>{`${title} (${list.total})`}</Link>
      )}
    </section>
  );
  return (
    <section className="dashboard" aria-label={t('dashboard')}>
      {block('dash-review', t('inReviewBlock'), t('noneInReview'), inReview, 'in_review')}
      {block('dash-scheduled', t('scheduledBlock'), t('noneScheduled'), scheduled, 'scheduled')}
      {seesReports && <NewReportsBlock />}
    </section>
  );
}

/** The newest reports still marked "new", linked to the queue. */
function NewReportsBlock() {
  const { t } = useI18n();
  const [reports, setReports] = useState<{ reports: ErrorReport[]; total: number } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    get<{ reports: ErrorReport[]; total: number }>(
      '/error-reports?status=new',
      controller.signal,
    ).then(setReports, () => undefined);
    return () => controller.abort();
  }, []);
  return (
    <section className="dashboard-block card" aria-labelledby="dash-reports">
      <h2 id="dash-reports">
        {t('newReportsBlock')} {reports && <span className="count">({reports.total})</span>}
      </h2>
      {reports && reports.reports.length === 0 && <p className="subtle">{t('noNewReports')}</p>}
      {reports && reports.reports.length > 0 && (
        <ul>
          {reports.reports.slice(0, 5).map((report) => (
            <li key={report.id}>
              <Link to={`/reports/${report.id}`} lang={report.locale}>
                {report.whatIsWrong.length > 80
                  ? `${report.whatIsWrong.slice(0, 79)}…`
                  : report.whatIsWrong}
              </Link>{' '}
              <span className="subtle">({report.locale.toUpperCase()})</span>
            </li>
          ))}
        </ul>
      )}
      {reports && reports.total > 0 && (
        <Link to="/reports?status=new">{t('allNewReports', { total: reports.total })}</Link>
      )}
    </section>
  );
}

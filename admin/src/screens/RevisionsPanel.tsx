/**
 * An article's history: every saved version, a word-level diff between any two (headline, dek
 * and body as plain text), and restoring one as a new version.
 */
import { diffWords } from 'diff';
import { useEffect, useState } from 'react';
import { errorMessage, get, post } from '../api.ts';
import { AlertRegion } from '../components/Field.tsx';
import { bodyText } from '../editor/body-utils.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Article, Revision, RevisionSummary } from '../types.ts';

export function RevisionsPanel({
  article,
  onRestored,
}: {
  article: Article;
  onRestored: (article: Article) => void;
}) {
  const { t, formatDate } = useI18n();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<{ from: Revision; to: Revision } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    get<{ revisions: RevisionSummary[] }>(`/articles/${article.id}/revisions`).then(
      (result) => {
        if (!live) return;
        setRevisions(result.revisions);
        setTo(String(result.revisions[0]?.version ?? ''));
        setFrom(String(result.revisions[1]?.version ?? result.revisions[0]?.version ?? ''));
      },
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [article.id]);

  async function compare() {
    setError(null);
    try {
      const [older, newer] = await Promise.all([
        get<{ revision: Revision }>(`/articles/${article.id}/revisions/${from}`),
        get<{ revision: Revision }>(`/articles/${article.id}/revisions/${to}`),
      ]);
      setDiff({ from: older.revision, to: newer.revision });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function restore(version: number) {
    setError(null);
    try {
      const { article: restored } = await post<{ article: Article }>(
        `/articles/${article.id}/revisions/${version}/restore`,
        { expectedVersion: article.version },
      );
      setStatus(t('restored', { version }));
      onRestored(restored);
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
    }
  }

  const option = (revision: RevisionSummary) => (
    <option key={revision.version} value={revision.version}>
      {t('revisionLine', {
        version: revision.version,
        date: formatDate(revision.createdAt),
        by: revision.createdBy ?? t('unknownAuthor'),
      })}
    </option>
  );

  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('revisions')}</h2>
      {revisions && revisions.length === 0 && <p className="subtle">{t('noRevisions')}</p>}
      {revisions && revisions.length > 0 && (
        <>
          <ol className="revision-list">
            {revisions.map((revision) => (
              <li key={revision.version}>
                <span>
                  {t('revisionLine', {
                    version: revision.version,
                    date: formatDate(revision.createdAt),
                    by: revision.createdBy ?? t('unknownAuthor'),
                  })}
                  {revision.note && <span className="subtle"> — {revision.note}</span>}
                </span>
                {revision.version !== article.version && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void restore(revision.version)}
                  >
                    {t('restore', { version: revision.version })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <div className="field">
            <label htmlFor="diff-from">{t('compareFrom')}</label>
            <select id="diff-from" value={from} onChange={(event) => setFrom(event.target.value)}>
              {revisions.map(option)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">{t('compareTo')}</label>
            <select id="diff-to" value={to} onChange={(event) => setTo(event.target.value)}>
              {revisions.map(option)}
            </select>
          </div>
          <button type="button" className="button secondary" onClick={() => void compare()}>
            {t('compare')}
          </button>
        </>
      )}
      <AlertRegion message={error && t('errorPrefix', { message: error })} />
      <div role="status">{status && <p className="success">{status}</p>}</div>
      {diff && <RevisionDiff from={diff.from} to={diff.to} lang={article.locale} />}
    </section>
  );
}

function RevisionDiff({ from, to, lang }: { from: Revision; to: Revision; lang: string }) {
  const { t } = useI18n();
  const parts: { label: string; before: string; after: string }[] = [
    { label: t('headline'), before: from.snapshot.headline, after: to.snapshot.headline },
    { label: t('dek'), before: from.snapshot.dek, after: to.snapshot.dek },
    { label: t('body'), before: bodyText(from.snapshot.body), after: bodyText(to.snapshot.body) },
  ];
  return (
    <div className="diff" aria-labelledby="diff-title">
      <h3 id="diff-title">{t('diffTitle', { from: from.version, to: to.version })}</h3>
      <p className="help">{t('diffLegend')}</p>
      {parts.map((part) => {
        const changes = diffWords(part.before, part.after);
        const changed = changes.some((change) => change.added || change.removed);
        return (
          <div key={part.label} className="diff-part">
            <h4>{part.label}</h4>
            {!changed ? (
              <p className="subtle">{t('noChanges')}</p>
            ) : (
              <p className="diff-text" lang={lang}>
                {changes.map((change, index) =>
                  change.added ? (
                    <ins key={index}>
                      <span className="diff-label">{t('inserted')}</span>
                      {change.value}
                    </ins>
                  ) : change.removed ? (
                    <del key={index}>
                      <span className="diff-label">{t('deleted')}</span>
                      {change.value}
                    </del>
                  ) : (
                    <span key={index}>{change.value}</span>
                  ),
                )}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

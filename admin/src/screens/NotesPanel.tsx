/**
 * The editor's panel of public notes (corrections, clarifications, updates, editor's notes):
 * each with its date, type and prominence and what it said before every amendment; editors add
 * notes to a published article and amend them. There is no delete: a note is never removed.
 *
 * A note changes the article's version (its history records it), so the editor saves pending
 * changes first and takes the new version afterwards: the next autosave does not conflict.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorMessage, get, patch } from '../api.ts';
import { AlertRegion, focusLater } from '../components/Field.tsx';
import { SubmitCancel } from '../components/FormParts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { addNote, emptyNote, NOTE_TYPE_KEYS, NoteFields } from '../trust/notes.tsx';
import type { NoteDraft } from '../trust/notes.tsx';
import type { Article, ArticleNote } from '../types.ts';

type FieldError = { field: string | undefined; message: string } | null;

const asError = (caught: unknown): FieldError => ({
  field: caught instanceof ApiError ? caught.field : undefined,
  message: errorMessage(caught),
});

export function NotesPanel({
  article,
  mayEdit,
  beforeChange,
  afterChange,
}: {
  article: Article;
  mayEdit: boolean;
  /** Saves the editor's pending changes; false when they could not be saved. */
  beforeChange: () => Promise<boolean>;
  /** The article's version moved: the editor reloads what it needs. */
  afterChange: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [notes, setNotes] = useState<ArticleNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [amending, setAmending] = useState<number | null>(null);

  const load = useCallback(
    () =>
      get<{ notes: ArticleNote[] }>(`/articles/${article.id}/notes`).then(
        (result) => setNotes(result.notes),
        (caught: unknown) => setError(errorMessage(caught)),
      ),
    [article.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change to the notes with the editor saved before and refreshed after. */
  async function withArticleSaved(change: () => Promise<string>): Promise<FieldError> {
    setError(null);
    setStatus(null);
    if (!(await beforeChange())) return { field: undefined, message: t('cannotSaveFirst') };
    try {
      const done = await change();
      await Promise.all([load(), afterChange()]);
      setStatus(done);
      return null;
    } catch (caught) {
      return asError(caught);
    }
  }

  const isPublished = article.status === 'published';
  return (
    <section className="card notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notesTitle')}</h2>
      <div role="status">{status && <p className="success">{status}</p>}</div>
      <AlertRegion message={error} />
      {notes && notes.length === 0 && <p className="subtle">{t('noNotes')}</p>}
      {notes && notes.length > 0 && (
        <ol className="note-list">
          {notes.map((note) => (
            <li key={note.id}>
              {amending === note.id ? (
                <NoteForm
                  idPrefix={`amend-${note.id}`}
                  titleId={`amend-${note.id}-title`}
                  title={t('amendNote')}
                  help={t('amendHelp')}
                  initial={{
                    type: note.type,
                    text: note.text,
                    isProminent: note.isProminent,
                    notedAt: '',
                  }}
                  lang={article.locale}
                  fields={['type', 'text']}
                  submitLabel={t('saveAmendment')}
                  onCancel={() => {
                    setAmending(null);
                    focusLater(`amend-button-${note.id}`);
                  }}
                  onSubmit={async (draft) => {
                    const failed = await withArticleSaved(async () => {
                      await patch(`/articles/${article.id}/notes/${note.id}`, {
                        type: draft.type,
                        text: draft.text,
                        isProminent: draft.isProminent,
                      });
                      return t('noteAmended');
                    });
                    if (!failed) {
                      setAmending(null);
                      focusLater(`amend-button-${note.id}`);
                    }
                    return failed;
                  }}
                />
              ) : (
                <NoteView
                  note={note}
                  lang={article.locale}
                  onAmend={
                    mayEdit
                      ? () => {
                          setAmending(note.id);
                          focusLater(`amend-${note.id}-text`);
                        }
                      : null
                  }
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {mayEdit && !isPublished && <p className="help">{t('notesOnlyPublished')}</p>}
      {mayEdit && isPublished && !adding && (
        <button
          type="button"
          id="add-note-button"
          className="button secondary"
          onClick={() => {
            setAdding(true);
            focusLater('note-type');
          }}
        >
          {t('addNote')}
        </button>
      )}
      {mayEdit && isPublished && adding && (
        <NoteForm
          idPrefix="note"
          titleId="add-note-title"
          title={t('addNote')}
          initial={emptyNote()}
          lang={article.locale}
          fields={['type', 'text', 'notedAt']}
          submitLabel={t('addNoteDo')}
          focusTextOnError
          onCancel={() => {
            setAdding(false);
            focusLater('add-note-button');
          }}
          onSubmit={async (draft) => {
            const failed = await withArticleSaved(async () => {
              const note = await addNote(article.id, draft);
              return t('noteAdded', { type: t(NOTE_TYPE_KEYS[note.type]) });
            });
            if (!failed) {
              setAdding(false);
              focusLater('add-note-button');
            }
            return failed;
          }}
        />
      )}
    </section>
  );
}

function NoteView({
  note,
  lang,
  onAmend,
}: {
  note: ArticleNote;
  lang: string;
  onAmend: (() => void) | null;
}) {
  const { t, formatDate } = useI18n();
  return (
    <article className="note" aria-labelledby={`note-${note.id}-title`}>
      <h3 id={`note-${note.id}-title`}>
        {t(NOTE_TYPE_KEYS[note.type])}, {formatDate(note.notedAt)}
        {note.isProminent && <span className="badge note-prominent">{t('prominent')}</span>}
      </h3>
      <p lang={lang} className="note-text">
        {note.text}
      </p>
      {note.amendedAt && (
        <p className="subtle">{t('noteAmendedOn', { date: formatDate(note.amendedAt) })}</p>
      )}
      {note.amendments.length > 0 && (
        <details>
          <summary>{t('amendmentHistory', { count: note.amendments.length })}</summary>
          <ol className="amendments">
            {note.amendments.map((amendment, index) => (
              <li key={index}>
                <p>
                  {t('amendmentLine', {
                    date: formatDate(amendment.amendedAt),
                    by: amendment.amendedBy ?? t('unknownAuthor'),
                    type: t(NOTE_TYPE_KEYS[amendment.previousType]),
                  })}
                  {amendment.previousIsProminent && ` (${t('prominent')})`}
                </p>
                <blockquote lang={lang}>{amendment.previousText}</blockquote>
              </li>
            ))}
          </ol>
        </details>
      )}
      {onAmend && (
        <button
          type="button"
          id={`amend-button-${note.id}`}
          className="button small"
          onClick={onAmend}
        >
          {t('amendNote')}
          <span className="visually-hidden">
            {' '}
            {t(NOTE_TYPE_KEYS[note.type])}, {formatDate(note.notedAt)}
          </span>
        </button>
      )}
    </article>
  );
}

/** A note's fields, an error none of them shows, and Save/Cancel: adding a note or amending one. */
function NoteForm({
  idPrefix,
  titleId,
  title,
  help,
  initial,
  lang,
  fields,
  submitLabel,
  focusTextOnError = false,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  titleId: string;
  title: string;
  help?: string;
  initial: NoteDraft;
  lang: string;
  /** The fields the form shows (and so shows the errors of); the date only when adding. */
  fields: string[];
  submitLabel: string;
  focusTextOnError?: boolean;
  onSubmit: (draft: NoteDraft) => Promise<FieldError>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NoteDraft>(initial);
  const [error, setError] = useState<FieldError>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const failed = await onSubmit(draft);
    setBusy(false);
    setError(failed);
    if (focusTextOnError && failed?.field === 'text') focusLater(`${idPrefix}-text`);
  }
  return (
    <form
      className="note-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{title}</h3>
      {help && <p className="help">{help}</p>}
      <NoteFields
        idPrefix={idPrefix}
        draft={draft}
        onChange={setDraft}
        lang={lang}
        error={error}
        withDate={fields.includes('notedAt')}
      />
      <AlertRegion
        message={
          error && !fields.includes(error.field ?? '')
            ? t('refused', { message: error.message })
            : null
        }
      />
      <SubmitCancel label={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/**
 * Public notes on articles (corrections, clarifications, updates, editor's notes): the form
 * fields the report screen and the editor's notes panel share, and adding one through the API.
 */
import { post } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { localToIso } from '../editor/body-utils.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { ARTICLE_NOTE_TYPES } from '../types.ts';
import type { ArticleNote, ArticleNoteType } from '../types.ts';

export const NOTE_TYPE_KEYS: Record<ArticleNoteType, MessageKey> = {
  correction: 'noteType_correction',
  clarification: 'noteType_clarification',
  update: 'noteType_update',
  editors_note: 'noteType_editors_note',
};

/** The note form both the report screen and the editor's notes panel use. */
export interface NoteDraft {
  type: ArticleNoteType;
  text: string;
  isProminent: boolean;
  /** datetime-local text; '' = now. */
  notedAt: string;
}

export function NoteFields({
  idPrefix,
  draft,
  onChange,
  lang,
  error,
  withDate = true,
}: {
  idPrefix: string;
  draft: NoteDraft;
  onChange: (draft: NoteDraft) => void;
  lang: string;
  error: { field: string | undefined; message: string } | null;
  /** An amendment keeps the note's date (the amendment itself is dated by the server). */
  withDate?: boolean;
}) {
  const { t } = useI18n();
  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <>
      <Field id={`${idPrefix}-type`} label={t('noteType')} error={errorOf('type')}>
        {(control) => (
          <select
            {...control}
            value={draft.type}
            onChange={(event) =>
              onChange({ ...draft, type: event.target.value as ArticleNoteType })
            }
          >
            {ARTICLE_NOTE_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(NOTE_TYPE_KEYS[code])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${idPrefix}-text`}
        label={t('noteText')}
        required
        help={t('noteTextHelp', { language: t(`locale_${lang === 'es' ? 'es' : 'en'}`) })}
        error={errorOf('text')}
      >
        {(control) => (
          <textarea
            {...control}
            required
            rows={4}
            lang={lang}
            value={draft.text}
            onChange={(event) => onChange({ ...draft, text: event.target.value })}
          />
        )}
      </Field>
      <label className="checkbox">
        <input
          id={`${idPrefix}-prominent`}
          type="checkbox"
          checked={draft.isProminent}
          onChange={(event) => onChange({ ...draft, isProminent: event.target.checked })}
        />
        <span>{t('noteProminent')}</span>
      </label>
      {withDate && (
        <Field
          id={`${idPrefix}-date`}
          label={t('noteDate')}
          help={t('noteDateHelp')}
          error={errorOf('notedAt')}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={draft.notedAt}
              onChange={(event) => onChange({ ...draft, notedAt: event.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}

/** Adds a note to an article; resolves to the new note. */
export async function addNote(articleId: number, draft: NoteDraft): Promise<ArticleNote> {
  const notedAt = draft.notedAt ? localToIso(draft.notedAt) : null;
  const { note } = await post<{ note: ArticleNote }>(`/articles/${articleId}/notes`, {
    type: draft.type,
    text: draft.text,
    isProminent: draft.isProminent,
    ...(notedAt ? { notedAt } : {}),
  });
  return note;
}

export const emptyNote = (type: ArticleNoteType = 'correction'): NoteDraft => ({
  type,
  text: '',
  isProminent: false,
  notedAt: '',
});

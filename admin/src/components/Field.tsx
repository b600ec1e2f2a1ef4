/**
 * Form building blocks every screen shares: a labelled field whose control is wired to its help
 * text and its error by ids (so a screen reader reads them with the control), the option lists
 * the article screens offer, and the live region an error is announced in.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { sectionName } from '../reference-data.ts';
import { ARTICLE_TYPES, LOCALES } from '../types.ts';
import type { Author, Locale, Section } from '../types.ts';

/** What a field hands its control: spread it on the <input>, <select> or <textarea>. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function Field({
  id,
  label,
  required,
  help,
  error,
  describedBy,
  invalid,
  children,
}: {
  id: string;
  label: ReactNode;
  /** Marks the label "(required)"; the control itself carries `required` if it wants to. */
  required?: boolean;
  help?: ReactNode;
  error?: string | null | undefined;
  /** An element elsewhere that describes this control too (a form-wide error, say). */
  describedBy?: string | undefined;
  /** Invalid though the error is shown elsewhere (see `describedBy`). */
  invalid?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="subtle"> {t('required')}</span>}
      </label>
      {children({
        id,
        'aria-invalid': error || invalid ? true : undefined,
        'aria-describedby': [helpId, errorId, describedBy].filter(Boolean).join(' ') || undefined,
      })}
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {error && (
        <p className="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Moves the focus to a control once the screen has re-rendered: after a server error about it
 * (a screen reader then reads the label with the error), or to a form that just opened.
 */
export function focusLater(id: string): void {
  // The control may appear only when React commits the change that goes with this call, and a
  // reload right after (a new article version) may replace it; a busy browser can push either
  // past the next frame. So watch for about half a second: focus the control once it exists,
  // focus it again if the focus falls to the page, and stop once the person moves elsewhere.
  let framesLeft = 30;
  let hasFocused = false;
  const attempt = () => {
    const element = document.getElementById(id);
    const active = document.activeElement;
    const isFocusLost = active === null || active === document.body;
    if (element && (!hasFocused || isFocusLost)) {
      if (active !== element) element.focus();
      hasFocused = true;
    } else if (hasFocused && !isFocusLost && active !== element) {
      return;
    }
    if (--framesLeft > 0) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** An assertive live region that is always in the page, so a message put in it is announced. */
export function AlertRegion({ message, id }: { message: string | null | undefined; id?: string }) {
  return (
    <div role="alert" className="alert-region">
      {message && (
        <p className="error" id={id}>
          {message}
        </p>
      )}
    </div>
  );
}

export function LocaleOptions() {
  const { t } = useI18n();
  return LOCALES.map((code) => (
    <option key={code} value={code}>
      {t(`locale_${code}`)}
    </option>
  ));
}

export function ArticleTypeOptions() {
  const { t } = useI18n();
  return ARTICLE_TYPES.map((code) => (
    <option key={code} value={code}>
      {t(`type_${code}`)}
    </option>
  ));
}

/** Sections by name in `locale` (the article's language, or the interface's for filters). */
export function SectionOptions({
  sections,
  locale,
}: {
  sections: readonly Section[] | undefined;
  locale: Locale;
}) {
  return sections?.map((section) => (
    <option key={section.id} value={section.id}>
      {sectionName(section, locale)}
    </option>
  ));
}

export function AuthorOptions({ authors }: { authors: readonly Author[] | undefined }) {
  return authors?.map((author) => (
    <option key={author.id} value={author.id}>
      {author.name}
    </option>
  ));
}

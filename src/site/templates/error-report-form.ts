/**
 * The error-report form and its thank-you page. A plain HTML form (method post, same origin)
 * that works with JavaScript off; the optional script (assets/report-error.js) lifts the same
 * form into the article and sends it in place, reading its strings from the data attributes.
 *
 * Everything the reader typed comes back escaped by the `html` tag, never as markup.
 */
import type { Locale } from '../../db/schema.js';
import { sitePaths } from '../../core/site-paths.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { ERROR_REPORT_LIMITS } from '../../core/operations/error-reports.js';
import { errorReportMessages } from '../i18n/error-report-messages.js';
import { messages } from '../i18n/index.js';

export type ReportField = 'whatIsWrong' | 'passage' | 'replyEmail';

export interface ReportFormState {
  article: { id: number; headline: string; path: string };
  /** Where the form posts: this page's own address, e.g. `/es/contacto?article=12`. */
  action: string;
  formToken: string;
  values: Record<ReportField, string>;
  /** The field at fault, with the message in the reader's language. */
  fieldError: { field: ReportField; message: string } | null;
  /** A problem with the whole form (expired, too many reports...). */
  formError: string | null;
  /** The newsroom's address, for readers who would rather write. */
  contactEmail: string | null;
}

const FIELD_IDS: Record<ReportField, string> = {
  whatIsWrong: 'report-what',
  passage: 'report-passage',
  replyEmail: 'report-email',
};

function describedBy(field: ReportField, state: ReportFormState): string {
  const id = FIELD_IDS[field];
  return state.fieldError?.field === field ? `${id}-hint ${id}-error` : `${id}-hint`;
}

function fieldErrorText(field: ReportField, state: ReportFormState): SafeHtml | null {
  return state.fieldError?.field === field
    ? html`<p class="field-error" id="${FIELD_IDS[field]}-error">${state.fieldError.message}</p>\n`
    : null;
}

const invalid = (field: ReportField, state: ReportFormState) =>
  state.fieldError?.field === field ? html` aria-invalid="true"` : null;

export function reportFormMain(locale: Locale, state: ReportFormState): SafeHtml {
  const t = errorReportMessages[locale];
  const problem = state.fieldError
    ? html`<p><a href="#${FIELD_IDS[state.fieldError.field]}">${state.fieldError.message}</a></p>`
    : state.formError
      ? html`<p>${state.formError}</p>`
      : null;
  const summary = problem
    ? html`<div class="form-errors" id="report-errors" role="alert">
<h2>${t.errorSummaryTitle}</h2>
${problem}
</div>\n`
    : null;
  const { values } = state;
  return html`<div class="contact-page report-page">
<h1>${t.formTitle}</h1>
<p>${t.formIntro}</p>
<p class="contact-article">${t.aboutArticle} <a href="${state.article.path}">${state.article.headline}</a></p>
${summary}<form class="report-form" method="post" action="${state.action}" data-sending="${t.sending}" data-failed="${t.failed}">
<input type="hidden" name="formToken" value="${state.formToken}">
<div class="field">
<label for="report-what">${t.whatIsWrongLabel}</label>
<p class="field-hint" id="report-what-hint">${t.whatIsWrongHint}</p>
${fieldErrorText('whatIsWrong', state)}<textarea id="report-what" name="whatIsWrong" rows="6" maxlength="${ERROR_REPORT_LIMITS.whatIsWrong}" required aria-describedby="${describedBy('whatIsWrong', state)}"${invalid('whatIsWrong', state)}>${values.whatIsWrong}</textarea>
</div>
<div class="field">
<label for="report-passage">${t.passageLabel}</label>
<p class="field-hint" id="report-passage-hint">${t.passageHint}</p>
${fieldErrorText('passage', state)}<textarea id="report-passage" name="passage" rows="3" maxlength="${ERROR_REPORT_LIMITS.passage}" aria-describedby="${describedBy('passage', state)}"${invalid('passage', state)}>${values.passage}</textarea>
</div>
<div class="field">
<label for="report-email">${t.replyEmailLabel}</label>
<p class="field-hint" id="report-email-hint">${t.replyEmailHint}</p>
${fieldErrorText('replyEmail', state)}<input type="email" id="report-email" name="replyEmail" maxlength="${ERROR_REPORT_LIMITS.replyEmail}" autocomplete="email" value="${values.replyEmail}" aria-describedby="${describedBy('replyEmail', state)}"${invalid('replyEmail', state)}>
</div>
<div class="report-hp" aria-hidden="true">
<label for="report-website">${t.honeypotLabel}</label>
<input type="text" id="report-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<div class="form-status" role="status"></div>
<p><button type="submit">${t.send}</button></p>
</form>
${state.contactEmail ? html`<p>${messages[locale].contactEmailLabel} <a href="mailto:${state.contactEmail}">${state.contactEmail}</a></p>\n` : null}</div>`;
}

export function reportThanksMain(
  locale: Locale,
  article: { headline: string; path: string } | null,
): SafeHtml {
  const t = errorReportMessages[locale];
  return html`<div class="contact-page report-thanks">
<h1>${t.thanksTitle}</h1>
<p>${t.thanksText}</p>
${article ? html`<p><a href="${article.path}">${t.backToArticle}: ${article.headline}</a></p>\n` : null}<p><a href="${sitePaths.home(locale)}">${messages[locale].backHome}</a></p>
</div>`;
}

/**
 * Public notes as readers see them: on the article (prominent ones above the body, the rest at
 * its end) and on the corrections page. Note text is plain text: the `html` tag escapes it, and
 * blank lines make paragraphs.
 */
import type { ArticleNoteView, NoteWithArticle } from '../../core/reader/article-notes.js';
import type { Page, SiteChrome } from '../../core/reader/reader-types.js';
import { sitePaths } from '../../core/site-paths.js';
import type { Locale } from '../../db/schema.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { correctionMessages } from '../i18n/correction-messages.js';
import { dateTime, pagination } from './fragments.js';

/** The anchor of a note on its article, so the corrections page can link straight to it. */
export const noteAnchor = (noteId: number) => `note-${noteId}`;

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => html`<p class="note-text">${paragraph}</p>`);
}

/** "Correction · March 4, 2026, 9:30 AM EST", then the text, then "Amended on ..." if it was. */
function noteContent(note: ArticleNoteView, locale: Locale, zone: string): SafeHtml {
  const t = correctionMessages[locale];
  return html`<p class="note-label"><strong>${t.noteTypes[note.type]}</strong> · ${dateTime(note.notedAt, locale, zone)}</p>
${paragraphs(note.text)}${note.amendedAt === null ? null : html`\n<p class="note-amended">${t.amendedOn} ${dateTime(note.amendedAt, locale, zone)}</p>`}`;
}

function noteBlock(note: ArticleNoteView, locale: Locale, zone: string): SafeHtml {
  return html`<div class="article-note note-${note.type}${note.isProminent ? ' is-prominent' : ''}" id="${noteAnchor(note.id)}">
${noteContent(note, locale, zone)}
</div>\n`;
}

/** The prominent notes, shown between the article's header and its body. */
export function prominentNotes(
  notes: ArticleNoteView[],
  locale: Locale,
  zone: string,
): SafeHtml | null {
  const prominent = notes.filter((note) => note.isProminent);
  if (prominent.length === 0) return null;
  return html`<div class="article-notes-top">
${prominent.map((note) => noteBlock(note, locale, zone))}</div>\n`;
}

/** The other notes, at the end of the article under their own heading. */
export function endNotes(notes: ArticleNoteView[], locale: Locale, zone: string): SafeHtml | null {
  const rest = notes.filter((note) => !note.isProminent);
  if (rest.length === 0) return null;
  return html`<section class="article-notes-end" aria-labelledby="notes-heading">
<h2 id="notes-heading">${correctionMessages[locale].notesHeading}</h2>
${rest.map((note) => noteBlock(note, locale, zone))}</section>\n`;
}

/** The corrections page: every note of the edition, newest first, each linked to its article. */
export function correctionsMain(chrome: SiteChrome, page: Page<NoteWithArticle>): SafeHtml {
  const locale = chrome.locale;
  const zone = chrome.publication.timeZone;
  const t = correctionMessages[locale];
  const basePath = sitePaths.corrections(locale);
  const entries =
    page.items.length === 0
      ? html`<p>${t.noCorrections}</p>`
      : html`<ol class="corrections-list">
${page.items.map((note) => {
  const path = sitePaths.article(note.article.locale, note.article.section.slug, note.article.slug);
  return html`<li class="correction-entry note-${note.type}">
${noteContent(note, locale, zone)}
<p class="correction-article">${t.onArticle} <a href="${path}#${noteAnchor(note.id)}">${note.article.headline}</a></p>
</li>\n`;
})}</ol>`;
  return html`<header class="list-header"><h1>${t.correctionsTitle}</h1><p>${t.correctionsIntro}</p></header>
${entries}
${pagination(locale, basePath, page.page, page.pageCount)}`;
}

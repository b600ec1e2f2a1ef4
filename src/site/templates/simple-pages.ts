/** Pages with no list: errors and contact. */
import type { Locale } from '../../db/schema.js';
import { sitePaths } from '../../core/site-paths.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { messages } from '../i18n/index.js';

export function errorMain(locale: Locale, title: string, text: string): SafeHtml {
  return html`<div class="error-page">
<h1>${title}</h1>
<p>${text}</p>
<p><a href="${sitePaths.home(locale)}">${messages[locale].backHome}</a></p>
</div>`;
}

export function contactMain(
  locale: Locale,
  contactEmail: string | null,
  article: { headline: string; path: string } | null,
): SafeHtml {
  const t = messages[locale];
  const subject = article ? `?subject=${encodeURIComponent(article.headline)}` : '';
  return html`<div class="contact-page">
<h1>${t.contactTitle}</h1>
<p>${t.contactIntro}</p>
<p>${t.contactCorrections}</p>
${article ? html`<p class="contact-article"><a href="${article.path}">${article.headline}</a></p>\n` : null}${contactEmail ? html`<p>${t.contactEmailLabel} <a href="mailto:${contactEmail}${subject}">${contactEmail}</a></p>\n` : null}</div>`;
}

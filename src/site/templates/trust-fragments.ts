/**
 * The trust indicators on reader pages: an article's dateline, sources and backstory ("How we
 * reported this"), the footer's links to the policy pages, and a policy page's main content.
 */
import type { ArticlePageData, PolicyLink } from '../../core/reader/reader-types.js';
import type { PolicyPageView } from '../../core/reader/policy-pages.js';
import type { Locale } from '../../db/schema.js';
import { html, trustedHtml } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { trustMessages } from '../i18n/trust.js';
import { dateTime } from './fragments.js';

type ArticleView = ArticlePageData['article'];

/** "PUERTO CLARO —" before the body: where the reporting was done. */
export function dateline(article: ArticleView): SafeHtml | null {
  if (!article.dateline) return null;
  const t = trustMessages[article.locale];
  return html`<p class="dateline"><span class="dateline-place">${article.dateline}</span> ${t.datelineDash}</p>\n`;
}

/** Paragraphs of plain text: blank lines separate them, single line breaks are kept as spaces. */
function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => html`<p>${paragraph}</p>\n`);
}

/** After the body: "How we reported this" and the sources, each only when the article has it. */
export function articleTrustSections(article: ArticleView): SafeHtml | null {
  const t = trustMessages[article.locale];
  const backstory = article.backstory
    ? html`<section class="backstory" aria-labelledby="backstory-heading">
<h2 id="backstory-heading">${t.howWeReported}</h2>
${paragraphs(article.backstory)}</section>\n`
    : null;
  const sources =
    article.sources.length > 0
      ? html`<section class="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">${t.sources}</h2>
<ol>${article.sources.map(
          (source) =>
            html`<li>${source.url ? html`<a href="${source.url}">${source.name}</a>` : html`<span class="source-name">${source.name}</span>`}${source.note ? html`: ${source.note}` : null}</li>\n`,
        )}</ol>
</section>\n`
      : null;
  return backstory || sources
    ? html`<div class="article-trust">
${backstory}${sources}</div>\n`
    : null;
}

/** The footer's list of the edition's policy pages; nothing when there are none. */
export function policyFooterLinks(
  locale: Locale,
  policies: PolicyLink[] | undefined,
): SafeHtml | null {
  if (!policies || policies.length === 0) return null;
  return html`<nav class="policy-links" aria-label="${trustMessages[locale].aboutOurJournalism}">
<ul>${policies.map((policy) => html`<li><a href="${policy.path}">${policy.title}</a></li>`)}</ul>
</nav>\n`;
}

export function policyMain(page: PolicyPageView, timeZone: string): SafeHtml {
  const t = trustMessages[page.locale];
  // Rendered by renderBodyHtml, which escapes every value, from a body that passed validateBody.
  const body = trustedHtml(page.bodyHtml);
  return html`<article class="policy-page">
<h1>${page.title}</h1>
<p class="dates">${t.policyUpdated} ${dateTime(page.updatedAt, page.locale, timeZone)}</p>
<div class="article-body">
${body}
</div>
</article>`;
}

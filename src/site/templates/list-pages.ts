/** Home, section, tag and author pages: lists of stories with a heading and pagination. */
import type { Locale } from '../../db/schema.js';
import type { ArticleSummary, Page, SiteChrome } from '../../core/reader/reader-types.js';
import { sitePaths } from '../../core/site-paths.js';
import { html } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { messages } from '../i18n/index.js';
import { imageCredit, mediaUrl, pagination, responsiveImage, storyCard } from './fragments.js';

export interface HomeData {
  lead: ArticleSummary | null;
  bySection: { section: { id: number; name: string; slug: string }; stories: ArticleSummary[] }[];
}

export function homeMain(data: HomeData, chrome: SiteChrome): SafeHtml {
  const locale = chrome.locale;
  const t = messages[locale];
  const zone = chrome.publication.timeZone;
  const lead = data.lead;
  const leadImage = lead?.image
    ? html`<figure class="lead-image">${responsiveImage(lead.image, { sizes: '(min-width: 64rem) 64rem, 100vw', isLead: true })}<figcaption>${lead.image.caption} ${imageCredit(lead.image)}</figcaption></figure>\n`
    : null;
  const leadStory = lead
    ? html`<section class="lead-story" aria-label="${t.leadStory}">
${leadImage}${storyCard(lead, locale, zone, { headingLevel: 2, showDek: true })}
</section>`
    : html`<p>${t.noArticles}</p>`;
  const sections = data.bySection
    .filter((group) => group.stories.length > 0)
    .map(
      (group) => html`<section class="section-block" aria-labelledby="section-${group.section.id}">
<h2 id="section-${group.section.id}"><a href="${sitePaths.section(locale, group.section.slug)}">${group.section.name}</a></h2>
<div class="card-list">${group.stories.map((story) => storyCard(story, locale, zone, { headingLevel: 3, showImage: true }))}</div>
</section>
`,
    );
  return html`<h1 class="visually-hidden">${chrome.publication.name}</h1>
${leadStory}
${sections}`;
}

export interface ListPageInput {
  chrome: SiteChrome;
  heading: string;
  intro?: SafeHtml | null;
  basePath: string;
  page: Page<ArticleSummary>;
}

export function listMain(input: ListPageInput): SafeHtml {
  const locale = input.chrome.locale;
  const t = messages[locale];
  const zone = input.chrome.publication.timeZone;
  const stories =
    input.page.items.length === 0
      ? html`<p>${t.noArticles}</p>`
      : html`<div class="card-list">${input.page.items.map((story) => storyCard(story, locale, zone, { headingLevel: 2, showImage: true, showDek: true }))}</div>`;
  return html`<header class="list-header"><h1>${input.heading}</h1>${input.intro ?? null}</header>
${stories}
${pagination(locale, input.basePath, input.page.page, input.page.pageCount)}`;
}

export interface AuthorView {
  name: string;
  title: string;
  bio: string;
  email: string | null;
  links: { label: string; url: string }[];
  photo: { path: string; width: number; height: number; alt: string } | null;
}

export function authorIntro(author: AuthorView, locale: Locale): SafeHtml {
  const t = messages[locale];
  const photo = author.photo
    ? html`<img class="author-photo" src="${mediaUrl(author.photo.path)}" width="${author.photo.width}" height="${author.photo.height}" alt="${author.photo.alt}">\n`
    : null;
  const links =
    author.email || author.links.length > 0
      ? html`<ul class="author-links" aria-label="${t.authorLinks}">
${author.email ? html`<li><a href="mailto:${author.email}">${t.emailAuthor}: ${author.email}</a></li>` : null}${author.links.map((link) => html`<li><a href="${link.url}">${link.label}</a></li>`)}
</ul>\n`
      : null;
  return html`<div class="author-profile">
${photo}${author.title ? html`<p class="author-title">${author.title}</p>\n` : null}${author.bio ? html`<p class="author-bio">${author.bio}</p>\n` : null}${links}</div>`;
}

import type { ArticlePageData, SiteChrome } from '../../core/reader/reader-types.js';
import { sitePaths } from '../../core/site-paths.js';
import { readingMinutes } from '../../content/body-text.js';
import { html, trustedHtml } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { languageTag, messages } from '../i18n/index.js';
import { endNotes, prominentNotes } from './article-notes.js';
import {
  byline,
  dateTime,
  imageCredit,
  responsiveImage,
  storyCard,
  typeLabel,
} from './fragments.js';
import { articleTrustSections, dateline } from './trust-fragments.js';
import { bodyWithVideos, videoPlayer } from './video-player.js';
import type { VideoView } from '../../core/reader/reader-types.js';
import type { Locale } from '../../db/schema.js';

/** The lead video, in place of the lead image, with the newsroom's caption and credit. */
function leadVideoFigure(video: VideoView, locale: Locale, autoplay: boolean): SafeHtml {
  const credit = video.credit ? html` <span class="credit">${video.credit}</span>` : null;
  return html`<figure class="lead-video">
${videoPlayer(video, { locale, autoplay, instance: 0 })}
${video.caption || credit ? html`<figcaption>${video.caption}${credit}</figcaption>\n` : null}</figure>\n`;
}

/** The main content of an article page; the shell adds head, header and footer. */
export function articleMain(data: ArticlePageData, chrome: SiteChrome): SafeHtml {
  const { article, translations, recommended } = data;
  const locale = article.locale;
  const t = messages[locale];
  const zone = chrome.publication.timeZone;
  const wasUpdated = article.updatedAt.slice(0, 16) > article.publishedAt.slice(0, 16);
  // Rendered by renderBodyHtml, which escapes every value, from a body that passed validateBody;
  // its video placeholders become players (or nothing, for a video that is not ready).
  const leadVideo = article.leadVideoId === null ? undefined : data.videos.get(article.leadVideoId);
  const bodyHtml = article.bodyHtml.includes('<figure class="body-video">')
    ? bodyWithVideos(article.bodyHtml, data.videos, locale, leadVideo ? 1 : 0)
    : trustedHtml(article.bodyHtml);
  const image = article.image;
  const label = typeLabel(locale, article.type);

  const updated = wasUpdated
    ? html`<span class="updated">${t.updated} ${dateTime(article.updatedAt, locale, zone)}</span>`
    : null;
  // The link text is written in the language it leads to (see the catalogs), hence its `lang`.
  const translationLinks = translations.map(
    (translation) =>
      html`<p class="translation-link"><a href="${translation.path}" hreflang="${languageTag[translation.locale]}" lang="${languageTag[translation.locale]}">${t.readInOtherLanguage}</a></p>\n`,
  );
  const leadImage = leadVideo
    ? leadVideoFigure(leadVideo, locale, article.leadVideoAutoplay)
    : image
      ? html`<figure class="lead-image">
${responsiveImage(image, { sizes: '(min-width: 64rem) 64rem, 100vw', isLead: true })}
<figcaption>${image.caption} ${imageCredit(image)}</figcaption>
</figure>\n`
      : null;
  const tags =
    article.tags.length > 0
      ? html`<h2 class="tags-heading">${t.tags}</h2>
<ul class="tags">${article.tags.map((tag) => html`<li><a href="${sitePaths.tag(locale, tag.slug)}">${tag.name}</a></li>`)}</ul>\n`
      : null;
  const recommendations =
    recommended.length > 0
      ? html`<aside class="recommended" aria-labelledby="recommended-heading" data-rec-block>
<h2 id="recommended-heading">${t.recommended}</h2>
<div class="card-list">${recommended.map((story) => storyCard(story, locale, zone, { headingLevel: 3, recommendation: true }))}</div>
</aside>`
      : null;

  return html`<article class="article" data-article-id="${article.id}">
<header class="article-header">
<p class="kicker"><a href="${sitePaths.section(locale, article.section.slug)}">${article.section.name}</a>${label ? html` · ${label}` : null}</p>
<h1>${article.headline}</h1>
${article.dek ? html`<p class="dek">${article.dek}</p>\n` : null}<div class="article-meta">
${byline(locale, article.authors)}
<p class="dates">${t.published} ${dateTime(article.publishedAt, locale, zone)}${updated}</p>
<p class="reading-time">${t.minRead(readingMinutes(article.wordCount, locale))}</p>
</div>
${translationLinks}</header>
${prominentNotes(data.notes, locale, zone)}${leadImage}<div class="article-body">
${dateline(article)}${bodyHtml}
</div>
${endNotes(data.notes, locale, zone)}${articleTrustSections(article)}<footer class="article-footer">
${tags}<p class="report-error"><a href="${sitePaths.contact(locale)}?article=${article.id}">${t.foundMistake}</a></p>
</footer>
</article>
${recommendations}`;
}

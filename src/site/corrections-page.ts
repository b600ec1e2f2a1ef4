/**
 * The edition's public corrections page (`/en/corrections`, `/es/correcciones`): every note on
 * its published articles, newest first, paginated like a section, with its feeds offered for
 * autodiscovery. Cached under the edition's corrections key and the keys of the articles it
 * names, so adding or amending a note, or changing a headline, drops it.
 */
import { cacheKey } from '../core/change-set.js';
import { listPublicNotes } from '../core/reader/article-notes.js';
import type { SiteChrome } from '../core/reader/reader-types.js';
import { sitePaths } from '../core/site-paths.js';
import { LOCALES } from '../db/schema.js';
import type { RenderedPage } from '../http/page-cache.js';
import { correctionMessages } from './i18n/correction-messages.js';
import { messages } from './i18n/index.js';
import { PAGE_SIZE, finishPage } from './site-pages.js';
import type { SiteDeps } from './site-pages.js';
import { breadcrumbList, homeCrumb } from './structured-data.js';
import { correctionsMain } from './templates/article-notes.js';

const withPage = (path: string, page: number) => (page === 1 ? path : `${path}?page=${page}`);

/** The corrections feed's title in the page head and in feed readers, e.g. "La Marea: Corrections". */
export const correctionsFeedTitle = (chrome: SiteChrome): string =>
  `${chrome.publication.name}: ${correctionMessages[chrome.locale].feedTitle}`;

export async function correctionsPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  pageNumber: number,
): Promise<RenderedPage | null> {
  const locale = chrome.locale;
  const page = await listPublicNotes(deps.db, locale, { number: pageNumber, size: PAGE_SIZE });
  if (pageNumber > page.pageCount) return null;
  const keys = new Set([cacheKey.corrections(locale)]);
  for (const note of page.items) keys.add(cacheKey.article(note.article.id));
  const t = correctionMessages[locale];
  const basePath = sitePaths.corrections(locale);
  const title =
    pageNumber === 1
      ? t.correctionsTitle
      : `${t.correctionsTitle} (${messages[locale].pageOf(pageNumber, page.pageCount)})`;
  return finishPage(deps, {
    chrome,
    title,
    description: t.correctionsIntro,
    canonicalPath: withPage(basePath, pageNumber),
    feeds: [{ listPath: basePath, title: correctionsFeedTitle(chrome) }],
    structuredData: [
      breadcrumbList([
        homeCrumb({ chrome, publicUrl: deps.publicUrl }),
        { name: t.correctionsTitle, url: `${deps.publicUrl}${basePath}` },
      ]),
    ],
    alternates: LOCALES.map((other) => ({
      locale: other,
      path: withPage(sitePaths.corrections(other), pageNumber),
    })),
    main: correctionsMain(chrome, page),
    keys,
  });
}

/** A policy page of the publication (ethics, corrections policy, masthead, ...), per locale. */
import { cacheKey } from '../core/change-set.js';
import { loadPolicyPage } from '../core/reader/policy-pages.js';
import type { SiteChrome } from '../core/reader/reader-types.js';
import { sitePaths } from '../core/site-paths.js';
import { LOCALES } from '../db/schema.js';
import type { RenderedPage } from '../http/page-cache.js';
import { finishPage } from './site-pages.js';
import type { SiteDeps } from './site-pages.js';
import { breadcrumbList, homeCrumb } from './structured-data.js';
import { policyMain } from './templates/trust-fragments.js';

/** The page at `/{locale}/{policies}/{slug}`, or null when this edition has no such page. */
export async function policyPage(
  deps: SiteDeps,
  chrome: SiteChrome,
  slug: string,
): Promise<RenderedPage | null> {
  const page = await loadPolicyPage(deps.db, chrome.locale, slug);
  if (!page) return null;
  const path = sitePaths.policy(page.locale, page.kind);
  const description = page.summary || `${chrome.publication.name}: ${page.title}`;
  return finishPage(deps, {
    chrome,
    title: page.title,
    description,
    canonicalPath: path,
    alternates: page.versions,
    structuredData: [
      breadcrumbList([
        homeCrumb({ chrome, publicUrl: deps.publicUrl }),
        { name: page.title, url: `${deps.publicUrl}${path}` },
      ]),
    ],
    main: policyMain(page, chrome.publication.timeZone),
    // Both locales: the other version's hreflang link comes and goes with that version.
    keys: new Set(LOCALES.map((locale) => cacheKey.policy(page.kind, locale))),
  });
}

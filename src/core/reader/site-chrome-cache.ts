/**
 * The publication and its sections, kept in memory per locale. Every page shows them and they
 * change only when an editor changes the publication or its sections, whose operations report the
 * `layout` key. Like the page cache this is a copy: the database stays the source of truth, and
 * a process that starts empty fills it on the first request.
 */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import { cacheKey } from '../change-set.js';
import { loadSiteChrome } from './load-site-chrome.js';
import type { SiteChrome } from './reader-types.js';

export class SiteChromeCache {
  private readonly byLocale = new Map<Locale, Promise<SiteChrome | null>>();

  constructor(private readonly db: Kysely<Database>) {}

  get(locale: Locale): Promise<SiteChrome | null> {
    let chrome = this.byLocale.get(locale);
    if (!chrome) {
      chrome = loadSiteChrome(this.db, locale).then((loaded) => {
        // Nothing to keep until the publication exists (a fresh database before `galley demo`).
        if (!loaded) this.byLocale.delete(locale);
        return loaded;
      });
      chrome.catch(() => this.byLocale.delete(locale));
      this.byLocale.set(locale, chrome);
    }
    return chrome;
  }

  /** Drops the copies when a change touched the layout. */
  invalidate(keys: Set<string>): void {
    if (keys.has(cacheKey.layout)) this.byLocale.clear();
  }
}

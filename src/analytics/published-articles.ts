/**
 * What the server knows of an article a beacon names: published or not, and its section and
 * language, which the payload is never trusted to say. Answers are kept in memory for a minute
 * (each page view would otherwise cost a query), and dropped at once when a change in this
 * process names the article (`invalidate`, wired to the page cache's listener).
 */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../db/schema.js';

export interface PublishedArticle {
  sectionId: number;
  locale: Locale;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

export class PublishedArticles {
  private readonly entries = new Map<
    number,
    { article: Promise<PublishedArticle | null>; expiresMs: number }
  >();

  constructor(private readonly db: Kysely<Database>) {}

  /** The article when it exists and is published now; null otherwise. */
  find(id: number, nowMs: number): Promise<PublishedArticle | null> {
    const cached = this.entries.get(id);
    if (cached && cached.expiresMs > nowMs) return cached.article;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const article = this.load(id);
    this.entries.set(id, { article, expiresMs: nowMs + TTL_MS });
    article.catch(() => this.entries.delete(id));
    return article;
  }

  /** Drops the articles named by `article:N` keys of a change. */
  invalidate(keys: Iterable<string>): void {
    for (const key of keys) {
      const match = /^article:(\d+)$/.exec(key);
      if (match) this.entries.delete(Number(match[1]));
    }
  }

  private async load(id: number): Promise<PublishedArticle | null> {
    const row = await this.db
      .selectFrom('articles')
      .select(['section_id', 'locale'])
      .where('id', '=', id)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? { sectionId: row.section_id, locale: row.locale } : null;
  }
}

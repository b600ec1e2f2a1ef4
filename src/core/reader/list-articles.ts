import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import { fetchSummaries, publishedArticles } from './article-summaries.js';
import type { ArticleSummary, Page } from './reader-types.js';

export interface ListFilter {
  locale: Locale;
  sectionId?: number;
  tagId?: number;
  authorId?: number;
}

/** A page of published articles, newest first, filtered by section, tag or author. */
export async function listArticles(
  db: Kysely<Database>,
  filter: ListFilter,
  page: { number: number; size: number },
): Promise<Page<ArticleSummary>> {
  let query = publishedArticles(db).where('a.locale', '=', filter.locale);
  if (filter.sectionId !== undefined) query = query.where('a.section_id', '=', filter.sectionId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where('a.id', 'in', (sub) =>
      sub.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    );
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    query = query.where('a.id', 'in', (sub) =>
      sub.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    );
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.total);
  const items = await fetchSummaries(
    db,
    query
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.size)
      .offset((page.number - 1) * page.size),
  );
  return { items, page: page.number, pageCount: Math.max(1, Math.ceil(total / page.size)), total };
}

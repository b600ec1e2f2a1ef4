/**
 * An article's tags and bylines as JSON array columns of the query that reads the article, so a
 * page or feed needs one query, not one per list. The subqueries name the outer rows: `a` is the
 * article; a byline list may also be a recommendation's (`r`).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectFeatures } from '../../db/dialect-features.js';
import type { Database, Locale } from '../../db/schema.js';

/** The tags of the outer article `a`, in its own language, by name. */
export function tagsColumn(db: Kysely<Database>) {
  return dialectFeatures(db).jsonArrayFrom(
    db
      .selectFrom('article_tags as at')
      .innerJoin('tag_translations as tt', 'tt.tag_id', 'at.tag_id')
      .select(['tt.tag_id as id', 'tt.name', 'tt.slug'])
      .where('tt.locale', '=', sql.ref<Locale>('a.locale'))
      .where('at.article_id', '=', sql.ref<number>('a.id'))
      .orderBy('tt.name'),
  );
}

/** The article's authors in byline order. */
export function bylinesColumn(db: Kysely<Database>, articleRef: 'a.id' | 'r.id') {
  return dialectFeatures(db).jsonArrayFrom(
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['au.id', 'au.name', 'au.slug'])
      .where('aa.article_id', '=', sql.ref<number>(articleRef))
      .orderBy('aa.position'),
  );
}

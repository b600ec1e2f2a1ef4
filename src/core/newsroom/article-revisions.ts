/** An article's history, for the newsroom. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RevisionSnapshot } from '../operations/article-support.js';

export async function listRevisions(db: Kysely<Database>, articleId: number) {
  const rows = await db
    .selectFrom('article_revisions as r')
    .leftJoin('staff_users as u', 'u.id', 'r.created_by_user_id')
    .select(['r.version', 'r.created_at', 'r.note', 'u.name as created_by'])
    .where('r.article_id', '=', articleId)
    .orderBy('r.version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    note: row.note,
  }));
}

export async function findRevision(
  db: Kysely<Database>,
  articleId: number,
  version: number,
): Promise<{
  version: number;
  createdAt: string;
  note: string | null;
  snapshot: RevisionSnapshot;
} | null> {
  const row = await db
    .selectFrom('article_revisions')
    .select(['version', 'created_at', 'note', 'snapshot'])
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    createdAt: row.created_at,
    note: row.note,
    snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
  };
}

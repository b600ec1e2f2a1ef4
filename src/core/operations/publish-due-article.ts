import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { idSchema } from './input-schemas.js';
import { afterPublishing } from './publish-article.js';

const input = z.object({ id: idSchema });

/**
 * The scheduler's half of scheduling: publishes a scheduled article whose time has come, exactly
 * once however many processes try at the same moment. The status change is one conditional
 * UPDATE: on PostgreSQL a second process's UPDATE waits for the first to commit, then finds the
 * status changed and updates nothing; SQLite runs one write at a time. Whoever updated no row
 * does nothing else.
 */
export const publishDueArticle = defineOperation({
  name: 'publish a scheduled article whose time has come',
  input,
  policy: { staff: [], system: true },
  async run({ trx, now, changes }, data) {
    const nowIso = now.toISOString();
    const updated = await trx
      .updateTable('articles')
      .set((eb) => ({
        status: 'published',
        // The scheduled time is the publication time, even when the scheduler catches up late.
        published_at: eb.fn.coalesce('published_at', 'scheduled_for'),
        updated_at: nowIso,
        scheduled_for: null,
      }))
      .where('id', '=', data.id)
      .where('status', '=', 'scheduled')
      .where('scheduled_for', '<=', nowIso)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { id: data.id, isPublished: false };
    const article = await trx
      .selectFrom('articles')
      .select(['id', 'locale', 'slug', 'section_id'])
      .where('id', '=', data.id)
      .executeTakeFirstOrThrow();
    await afterPublishing(trx, article, changes);
    return { id: data.id, isPublished: true };
  },
});

import { z } from 'zod';
import { sql } from 'kysely';
import { cacheKey } from '../change-set.js';
import { ConflictError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { idSchema } from './input-schemas.js';
import {
  addArticleCacheKeys,
  articlePath,
  assertMayChangeArticle,
  articleEdits,
  assertReferencesExist,
  assertSlugFree,
  checkedBody,
  recordRevision,
  replaceBylinesAndTags,
  replaceSources,
  findArticleToChange,
} from './article-support.js';

const input = articleEdits.extend({
  id: idSchema,
  /** The version the editor started from; a newer stored version means someone else saved first. */
  expectedVersion: z.number().int().positive().optional(),
});

/**
 * Changes an article and bumps its version. When a published article's URL changes (new slug or
 * section), the old URL is kept as a 301 redirect so links and search results keep working.
 */
export const updateArticle = defineOperation({
  name: 'edit an article',
  input,
  policy: writersPolicy,
  async run({ trx, actor, now, changes }, data) {
    const current = await findArticleToChange(trx, data.id);
    assertMayChangeArticle(actor, current, 'edit');
    if (data.expectedVersion !== undefined && data.expectedVersion !== current.version)
      throw new ConflictError(
        'expectedVersion',
        `the article is at version ${current.version}; reload it before saving over someone else's changes`,
        { currentVersion: current.version },
      );

    const currentAuthors = await trx
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', data.id)
      .orderBy('position')
      .execute();
    const currentTags = await trx
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', data.id)
      .execute();
    const next = {
      sectionId: data.sectionId ?? current.section_id,
      authorIds: data.authorIds ?? currentAuthors.map((row) => row.author_id),
      tagIds: data.tagIds ?? currentTags.map((row) => row.tag_id),
      leadMediaId: data.leadMediaId === undefined ? current.lead_media_id : data.leadMediaId,
      leadVideoId: data.leadVideoId === undefined ? current.lead_video_id : data.leadVideoId,
      slug: data.slug ?? current.slug,
    };
    await assertReferencesExist(trx, next);
    if (next.slug !== current.slug)
      await assertSlugFree(trx, current.locale, next.slug, current.id);
    const bodyUpdate = data.body === undefined ? undefined : checkedBody(data.body, current.locale);

    // Pages that showed the old state (its lists, its old URL) are dropped as well as the new ones.
    await addArticleCacheKeys(trx, current.id, changes);
    const oldPath = await articlePath(trx, current);

    await trx
      .updateTable('articles')
      .set({
        headline: data.headline ?? current.headline,
        dek: data.dek ?? current.dek,
        slug: next.slug,
        section_id: next.sectionId,
        type: data.type ?? current.type,
        lead_media_id: next.leadMediaId,
        lead_video_id: next.leadVideoId,
        ...(data.leadVideoAutoplay !== undefined && {
          lead_video_autoplay: data.leadVideoAutoplay ? 1 : 0,
        }),
        seo_title: data.seoTitle ?? current.seo_title,
        seo_description: data.seoDescription ?? current.seo_description,
        dateline: data.dateline ?? current.dateline,
        backstory: data.backstory ?? current.backstory,
        ...(data.embargoUntil !== undefined && {
          embargo_until:
            data.embargoUntil === null ? null : new Date(data.embargoUntil).toISOString(),
        }),
        ...bodyUpdate,
        updated_at: now.toISOString(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', current.id)
      .execute();
    await replaceBylinesAndTags(trx, current.id, next.authorIds, next.tagIds);
    if (data.sources !== undefined) await replaceSources(trx, current.id, data.sources);
    await recordRevision(trx, current.id, { actor, now, note: data.revisionNote ?? null });
    await addArticleCacheKeys(trx, current.id, changes);

    const newPath = await articlePath(trx, {
      ...current,
      section_id: next.sectionId,
      slug: next.slug,
    });
    if (current.status === 'published' && newPath !== oldPath) {
      // Chains collapse: anything that pointed at the old path now points at the new one.
      await trx
        .updateTable('redirects')
        .set({ to_path: newPath })
        .where('to_path', '=', oldPath)
        .execute();
      await trx.deleteFrom('redirects').where('from_path', '=', newPath).execute();
      await trx
        .insertInto('redirects')
        .values({
          from_path: oldPath,
          to_path: newPath,
          status_code: 301,
          created_at: now.toISOString(),
        })
        .onConflict((conflict) =>
          conflict.column('from_path').doUpdateSet({ to_path: newPath, status_code: 301 }),
        )
        .execute();
      changes.cacheKeys.add(cacheKey.redirects);
    }
    changes.events.push({ type: 'article.updated', id: current.id });
    return { id: current.id, version: current.version + 1 };
  },
});

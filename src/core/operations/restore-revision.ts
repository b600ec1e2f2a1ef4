import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { findRevision } from '../newsroom/article-revisions.js';
import { idSchema } from './input-schemas.js';
import { updateArticle } from './update-article.js';

const input = z.object({
  id: idSchema,
  /** The revision to bring back. */
  version: idSchema,
  /** The version the editor was looking at; a newer one gets 409, as for any edit. */
  expectedVersion: z.number({ error: 'is required: send the version you started from' }).int(),
});

/**
 * Brings back an earlier revision's content as a new revision: nothing in between is lost, and
 * the restore itself is in the history ("Restored version 3"). It is an edit, made by
 * updateArticle's own logic, so ownership, references, slugs and redirects are checked the same.
 */
export const restoreRevision = defineOperation({
  name: 'restore an earlier revision of an article',
  input,
  policy: writersPolicy,
  async run(run, data) {
    const revision = await findRevision(run.trx, data.id, data.version);
    if (!revision) throw new NotFoundError(`article ${data.id} has no version ${data.version}`);
    const { snapshot } = revision;
    return updateArticle.run(run, {
      id: data.id,
      expectedVersion: data.expectedVersion,
      headline: snapshot.headline,
      dek: snapshot.dek,
      slug: snapshot.slug,
      sectionId: snapshot.sectionId,
      type: snapshot.type,
      authorIds: snapshot.authorIds,
      tagIds: snapshot.tagIds,
      leadMediaId: snapshot.leadMediaId,
      // Revisions from before lead videos existed leave the current one as it is.
      leadVideoId: snapshot.leadVideoId,
      leadVideoAutoplay: snapshot.leadVideoAutoplay,
      seoTitle: snapshot.seoTitle,
      seoDescription: snapshot.seoDescription,
      // Revisions from before the trust fields existed leave the current ones as they are.
      dateline: snapshot.dateline,
      backstory: snapshot.backstory,
      sources: snapshot.sources,
      body: snapshot.body,
      revisionNote: `Restored version ${data.version}`,
    });
  },
});

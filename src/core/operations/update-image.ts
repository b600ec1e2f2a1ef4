import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { addArticleCacheKeys } from './article-support.js';
import { imageTextSchema } from './create-image.js';
import { idSchema } from './input-schemas.js';
import { addVideoCacheKeys } from './videos.js';

const input = z.object({
  id: idSchema,
  sourceAgency: z.string().trim().max(120).nullable().optional(),
  /** Only the editions and fields given change: a Spanish caption edit leaves English alone. */
  translations: z
    .object({ en: imageTextSchema.partial().optional(), es: imageTextSchema.partial().optional() })
    .default({}),
});

/**
 * Edits an image's alt text, caption and credit (per edition) and its agency. Every page that
 * shows it as a lead image is dropped from the caches.
 */
export const updateImage = defineOperation({
  name: 'edit an image',
  input,
  policy: writersPolicy,
  async run({ trx, changes }, data) {
    const media = await trx
      .selectFrom('media')
      .select(['id', 'kind'])
      .where('id', '=', data.id)
      .executeTakeFirst();
    if (!media) throw new NotFoundError(`no media with id ${data.id}`);
    if (data.sourceAgency !== undefined)
      await trx
        .updateTable('media')
        .set({ source_agency: data.sourceAgency || null })
        .where('id', '=', data.id)
        .execute();
    for (const locale of ['en', 'es'] as const) {
      const text = data.translations[locale];
      if (!text || Object.keys(text).length === 0) continue;
      await trx
        .updateTable('media_translations')
        .set(text)
        .where('media_id', '=', data.id)
        .where('locale', '=', locale)
        .execute();
    }
    // A video's words show in its player and captions: drop every page that shows it.
    if (media.kind === 'video') await addVideoCacheKeys(trx, data.id, changes);
    const showing = await trx
      .selectFrom('articles')
      .select('id')
      .where('lead_media_id', '=', data.id)
      .execute();
    for (const { id } of showing) await addArticleCacheKeys(trx, id, changes);
    changes.events.push({ type: 'media.updated', id: data.id });
    return { id: data.id };
  },
});

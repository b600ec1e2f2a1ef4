import type { Insertable, Transaction } from 'kysely';
import { z } from 'zod';
import { LOCALES } from '../../db/schema.js';
import type { Database, Locale, MediaTable } from '../../db/schema.js';
import { ConflictError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { writersPolicy } from '../policy.js';
import { optionalText, perLocale } from './input-schemas.js';

const storedFile = z.object({
  path: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[a-z0-9][a-z0-9/._-]*$/, 'must be a media store key'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/avif']),
});

/**
 * An image's words in one edition. Alt text may start empty (an upload has none yet); nothing is
 * published while an image it shows lacks it (assertReadyToPublish).
 */
export const imageTextSchema = z.object({
  alt: optionalText(400),
  caption: optionalText(600),
  credit: optionalText(200),
});

const input = storedFile.extend({
  /** Smaller renditions of the same image, for `srcset`. */
  variants: z.array(storedFile).max(12).default([]),
  /** Fixed-ratio crops for structured data (not shown on pages). */
  crops: z
    .array(storedFile.extend({ ratio: z.enum(['16x9', '4x3', '1x1']) }))
    .max(3)
    .default([]),
  sourceAgency: z.string().trim().max(120).nullable().default(null),
  translations: perLocale(imageTextSchema),
});

/**
 * Records an image already written to the media store (media/ writes the files; this makes them
 * content, with alt text, caption and credit in both editions).
 */
export const createImage = defineOperation({
  name: 'add an image',
  input,
  policy: writersPolicy,
  async run({ trx, now, changes }, data) {
    const id = await insertMedia(
      trx,
      {
        kind: 'image',
        path: data.path,
        mime: data.mime,
        width: data.width,
        height: data.height,
        variants: JSON.stringify([...data.variants].sort((a, b) => a.width - b.width)),
        crops: JSON.stringify(data.crops),
        source_agency: data.sourceAgency,
        created_at: now.toISOString(),
      },
      data.translations,
    );
    changes.events.push({ type: 'media.created', id });
    return { id };
  },
});

/**
 * Stores a media row (an image, a video) with its words in both editions; a path already stored
 * is a 409. Its files are already in the media store.
 */
export async function insertMedia(
  trx: Transaction<Database>,
  row: Insertable<MediaTable>,
  translations: Record<Locale, { alt: string; caption: string; credit: string }>,
): Promise<number> {
  const taken = await trx
    .selectFrom('media')
    .select('id')
    .where('path', '=', row.path)
    .executeTakeFirst();
  if (taken) throw new ConflictError('path', `media ${taken.id} is already stored at ${row.path}`);
  const { id } = await trx
    .insertInto('media')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('media_translations')
    .values(LOCALES.map((locale) => ({ media_id: id, locale, ...translations[locale] })))
    .execute();
  return id;
}

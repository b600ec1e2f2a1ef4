import { z } from 'zod';
import { ConflictError, ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema, optionalText, perLocale, requiredText, slugSchema } from './input-schemas.js';

const input = z.object({
  slug: slugSchema,
  name: requiredText(120),
  email: z.email('must be an email address').nullable().default(null),
  links: z
    .array(
      z.object({
        label: requiredText(60),
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      }),
    )
    .max(10)
    .default([]),
  photoMediaId: idSchema.nullable().default(null),
  translations: perLocale(z.object({ title: optionalText(120), bio: optionalText(1200) })),
});

/** Adds an author: a byline with a page of its own in both editions. */
export const createAuthor = defineOperation({
  name: 'create an author',
  input,
  policy: editorsPolicy,
  async run({ trx, now, changes }, data) {
    const taken = await trx
      .selectFrom('authors')
      .select('name')
      .where('slug', '=', data.slug)
      .executeTakeFirst();
    if (taken)
      throw new ConflictError('slug', `"${data.slug}" is already the slug of ${taken.name}`);
    if (data.photoMediaId !== null) {
      const photo = await trx
        .selectFrom('media')
        .select('id')
        .where('id', '=', data.photoMediaId)
        .where('kind', '=', 'image')
        .executeTakeFirst();
      if (!photo)
        throw new ValidationError('photoMediaId', `no image with id ${data.photoMediaId}`);
    }
    const stamp = now.toISOString();
    const { id } = await trx
      .insertInto('authors')
      .values({
        slug: data.slug,
        name: data.name,
        email: data.email,
        links: JSON.stringify(data.links),
        photo_media_id: data.photoMediaId,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('author_translations')
      .values(
        (['en', 'es'] as const).map((locale) => ({
          author_id: id,
          locale,
          ...data.translations[locale],
        })),
      )
      .execute();
    changes.events.push({ type: 'author.created', id });
    return { id };
  },
});

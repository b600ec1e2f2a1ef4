import { z } from 'zod';
import { ConflictError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { perLocale, requiredText, slugSchema } from './input-schemas.js';

const input = z.object({
  translations: perLocale(z.object({ name: requiredText(80), slug: slugSchema })),
});

/** Adds a tag with its name and slug in both editions. */
export const createTag = defineOperation({
  name: 'create a tag',
  input,
  policy: editorsPolicy,
  async run({ trx, now, changes }, data) {
    for (const locale of ['en', 'es'] as const) {
      const { slug } = data.translations[locale];
      const taken = await trx
        .selectFrom('tag_translations')
        .select('name')
        .where('locale', '=', locale)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (taken)
        throw new ConflictError(
          `translations.${locale}.slug`,
          `"${slug}" is already the ${locale} slug of tag "${taken.name}"`,
        );
    }
    const { id } = await trx
      .insertInto('tags')
      .values({ created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('tag_translations')
      .values(
        (['en', 'es'] as const).map((locale) => ({
          tag_id: id,
          locale,
          ...data.translations[locale],
        })),
      )
      .execute();
    changes.events.push({ type: 'tag.created', id });
    return { id };
  },
});

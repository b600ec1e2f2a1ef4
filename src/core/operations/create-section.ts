import { z } from 'zod';
import { cacheKey } from '../change-set.js';
import { ConflictError, ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { RESERVED_SECTION_SLUGS } from '../site-paths.js';
import { optionalText, perLocale, requiredText, slugSchema } from './input-schemas.js';

const input = z.object({
  position: z.number().int().min(0).default(0),
  translations: perLocale(
    z.object({ name: requiredText(80), slug: slugSchema, description: optionalText(300) }),
  ),
});

/** Adds a section with its name and slug in both editions. */
export const createSection = defineOperation({
  name: 'create a section',
  input,
  policy: editorsPolicy,
  async run({ trx, now, changes }, data) {
    for (const locale of ['en', 'es'] as const) {
      const { slug } = data.translations[locale];
      const field = `translations.${locale}.slug`;
      if (RESERVED_SECTION_SLUGS.has(slug))
        throw new ValidationError(field, `"${slug}" is reserved for the site's own pages`);
      const taken = await trx
        .selectFrom('section_translations')
        .select('name')
        .where('locale', '=', locale)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (taken)
        throw new ConflictError(
          field,
          `"${slug}" is already the ${locale} slug of section "${taken.name}"`,
        );
    }
    const { id } = await trx
      .insertInto('sections')
      .values({ position: data.position, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('section_translations')
      .values(
        (['en', 'es'] as const).map((locale) => ({
          section_id: id,
          locale,
          ...data.translations[locale],
        })),
      )
      .execute();
    // A new section appears in every page's navigation.
    changes.cacheKeys.add(cacheKey.layout);
    changes.events.push({ type: 'section.created', id });
    return { id };
  },
});

import { z } from 'zod';
import { cacheKey } from '../change-set.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { localeSchema, optionalText, perLocale, requiredText } from './input-schemas.js';

const input = z.object({
  name: requiredText(120),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "America/New_York"'),
  defaultLocale: localeSchema.default('en'),
  logoPath: z.string().max(500).nullable().default(null),
  contactEmail: z.email('must be an email address').nullable().default(null),
  translations: perLocale(z.object({ tagline: requiredText(200), description: optionalText(500) })),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Creates the publication, or updates it: Galley serves one publication per database. */
export const setUpPublication = defineOperation({
  name: 'set up the publication',
  input,
  policy: adminsPolicy,
  async run({ trx, now, changes }, data) {
    const existing = await trx.selectFrom('publications').select('id').executeTakeFirst();
    const row = {
      name: data.name,
      time_zone: data.timeZone,
      default_locale: data.defaultLocale,
      logo_path: data.logoPath,
      contact_email: data.contactEmail,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('publications').set(row).where('id', '=', id).execute();
      await trx.deleteFrom('publication_translations').where('publication_id', '=', id).execute();
    } else {
      const inserted = await trx
        .insertInto('publications')
        .values({ ...row, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    }
    await trx
      .insertInto('publication_translations')
      .values(
        (['en', 'es'] as const).map((locale) => ({
          publication_id: id,
          locale,
          ...data.translations[locale],
        })),
      )
      .execute();
    changes.cacheKeys.add(cacheKey.layout);
    return { id };
  },
});

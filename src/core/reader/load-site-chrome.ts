import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import type { SiteChrome } from './reader-types.js';

/** The publication and its sections, for the header, navigation and footer of every page. */
export async function loadSiteChrome(
  db: Kysely<Database>,
  locale: Locale,
): Promise<SiteChrome | null> {
  const publication = await db
    .selectFrom('publications as p')
    .innerJoin('publication_translations as pt', (join) =>
      join.onRef('pt.publication_id', '=', 'p.id').on('pt.locale', '=', locale),
    )
    .select([
      'p.name',
      'p.time_zone',
      'p.logo_path',
      'p.contact_email',
      'pt.tagline',
      'pt.description',
    ])
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirst();
  if (!publication) return null;
  const sections = await db
    .selectFrom('sections as s')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 's.id').on('st.locale', '=', locale),
    )
    .select(['s.id', 'st.name', 'st.slug'])
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
  return {
    locale,
    publication: {
      name: publication.name,
      timeZone: publication.time_zone,
      tagline: publication.tagline,
      description: publication.description,
      logoPath: publication.logo_path,
      contactEmail: publication.contact_email,
    },
    sections,
  };
}

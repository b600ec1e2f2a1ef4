import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale } from '../../db/schema.js';
import type { SiteChrome } from './reader-types.js';

const publicationIn = preparedQuery((db, p: { locale: Locale }) =>
  db
    .selectFrom('publications as p')
    .innerJoin('publication_translations as pt', (join) =>
      join.onRef('pt.publication_id', '=', 'p.id').on('pt.locale', '=', p.locale),
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
    .limit(1),
);

const sectionsIn = preparedQuery((db, p: { locale: Locale }) =>
  db
    .selectFrom('sections as s')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 's.id').on('st.locale', '=', p.locale),
    )
    .select(['s.id', 'st.name', 'st.slug'])
    .orderBy('s.position')
    .orderBy('s.id'),
);

/** The publication and its sections, for the header, navigation and footer of every page. */
export async function loadSiteChrome(
  db: Kysely<Database>,
  locale: Locale,
): Promise<SiteChrome | null> {
  const [[publication], sections] = await Promise.all([
    publicationIn(db, { locale }),
    sectionsIn(db, { locale }),
  ]);
  if (!publication) return null;
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

import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale } from '../../db/schema.js';
import { loadPolicyLinks } from './policy-pages.js';
import type { SiteChrome } from './reader-types.js';

/**
 * The publication and its sections in one query: the publication's columns repeat on each
 * section row, which costs less than a second round trip. The left join keeps the publication
 * row when there are no sections yet.
 */
const chromeIn = preparedQuery((db, p: { locale: Locale }) =>
  db
    .selectFrom('publications as p')
    .innerJoin('publication_translations as pt', (join) =>
      join.onRef('pt.publication_id', '=', 'p.id').on('pt.locale', '=', p.locale),
    )
    .leftJoin('section_translations as st', (join) => join.on('st.locale', '=', p.locale))
    .leftJoin('sections as s', 's.id', 'st.section_id')
    .select([
      'p.name',
      'p.time_zone',
      'p.logo_path',
      'p.contact_email',
      'pt.tagline',
      'pt.description',
      's.id as section_id',
      'st.name as section_name',
      'st.slug as section_slug',
    ])
    .orderBy('s.position')
    .orderBy('s.id'),
);

/** The publication and its sections, for the header, navigation and footer of every page. */
export async function loadSiteChrome(
  db: Kysely<Database>,
  locale: Locale,
): Promise<SiteChrome | null> {
  const [rows, policies] = await Promise.all([
    chromeIn(db, { locale }),
    loadPolicyLinks(db, locale),
  ]);
  const publication = rows[0];
  if (!publication) return null;
  const sections = rows.flatMap((row) =>
    row.section_id === null || row.section_name === null || row.section_slug === null
      ? []
      : [{ id: row.section_id, name: row.section_name, slug: row.section_slug }],
  );
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
    policies,
  };
}

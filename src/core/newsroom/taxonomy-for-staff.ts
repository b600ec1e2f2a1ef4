/**
 * The lists the editor's pickers offer: sections, tags and authors, each with its words in both
 * editions, so the newsroom app can show them in the article's language.
 */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';

/** Groups per-locale rows under their owner's id: `{ en: {...}, es: {...} }`. */
function byOwner<Row extends { locale: Locale }, Text>(
  rows: Row[],
  ownerOf: (row: Row) => number,
  textOf: (row: Row) => Text,
): Map<number, Partial<Record<Locale, Text>>> {
  const grouped = new Map<number, Partial<Record<Locale, Text>>>();
  for (const row of rows) {
    const entry = grouped.get(ownerOf(row)) ?? {};
    entry[row.locale] = textOf(row);
    grouped.set(ownerOf(row), entry);
  }
  return grouped;
}

export async function listSectionsForStaff(db: Kysely<Database>) {
  const [sections, texts] = await Promise.all([
    db
      .selectFrom('sections')
      .select(['id', 'position'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db.selectFrom('section_translations').selectAll().execute(),
  ]);
  const textsOf = byOwner(
    texts,
    (row) => row.section_id,
    (row) => ({ name: row.name, slug: row.slug, description: row.description }),
  );
  return sections.map((section) => ({ ...section, translations: textsOf.get(section.id) ?? {} }));
}

export async function listTagsForStaff(db: Kysely<Database>) {
  const [tags, texts] = await Promise.all([
    db.selectFrom('tags').select('id').orderBy('id').execute(),
    db.selectFrom('tag_translations').selectAll().execute(),
  ]);
  const textsOf = byOwner(
    texts,
    (row) => row.tag_id,
    (row) => ({ name: row.name, slug: row.slug }),
  );
  return tags.map((tag) => ({ ...tag, translations: textsOf.get(tag.id) ?? {} }));
}

export async function listAuthorsForStaff(db: Kysely<Database>) {
  const [authors, texts] = await Promise.all([
    db
      .selectFrom('authors')
      .select(['id', 'slug', 'name', 'email', 'photo_media_id'])
      .orderBy('name')
      .execute(),
    db.selectFrom('author_translations').selectAll().execute(),
  ]);
  const textsOf = byOwner(
    texts,
    (row) => row.author_id,
    (row) => ({ title: row.title, bio: row.bio }),
  );
  return authors.map((author) => ({
    id: author.id,
    slug: author.slug,
    name: author.name,
    email: author.email,
    photoMediaId: author.photo_media_id,
    translations: textsOf.get(author.id) ?? {},
  }));
}

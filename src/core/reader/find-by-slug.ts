/** Lookups behind the section, tag and author pages, and the redirect table. */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';
import { sitePaths } from '../site-paths.js';

export async function findSection(db: Kysely<Database>, locale: Locale, slug: string) {
  const section = await db
    .selectFrom('section_translations')
    .select(['section_id as id', 'name', 'slug', 'description'])
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!section) return null;
  const translations = await db
    .selectFrom('section_translations')
    .select(['locale', 'slug', 'name'])
    .where('section_id', '=', section.id)
    .execute();
  return { ...section, translations };
}

export async function findTag(db: Kysely<Database>, locale: Locale, slug: string) {
  const tag = await db
    .selectFrom('tag_translations')
    .select(['tag_id as id', 'name', 'slug'])
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!tag) return null;
  const translations = await db
    .selectFrom('tag_translations')
    .select(['locale', 'slug', 'name'])
    .where('tag_id', '=', tag.id)
    .execute();
  return { ...tag, translations };
}

export async function findAuthor(db: Kysely<Database>, locale: Locale, slug: string) {
  const author = await db
    .selectFrom('authors as au')
    .leftJoin('author_translations as at', (join) =>
      join.onRef('at.author_id', '=', 'au.id').on('at.locale', '=', locale),
    )
    .leftJoin('media as m', 'm.id', 'au.photo_media_id')
    .leftJoin('media_translations as mt', (join) =>
      join.onRef('mt.media_id', '=', 'm.id').on('mt.locale', '=', locale),
    )
    .select([
      'au.id',
      'au.name',
      'au.slug',
      'au.email',
      'au.links',
      'at.title',
      'at.bio',
      'm.path as photo_path',
      'm.width as photo_width',
      'm.height as photo_height',
      'mt.alt as photo_alt',
    ])
    .where('au.slug', '=', slug)
    .executeTakeFirst();
  if (!author) return null;
  return {
    id: author.id,
    name: author.name,
    slug: author.slug,
    email: author.email,
    links: JSON.parse(author.links) as { label: string; url: string }[],
    title: author.title ?? '',
    bio: author.bio ?? '',
    photo:
      author.photo_path === null
        ? null
        : {
            path: author.photo_path,
            width: author.photo_width ?? 0,
            height: author.photo_height ?? 0,
            alt: author.photo_alt ?? '',
          },
  };
}

export async function findRedirect(db: Kysely<Database>, path: string) {
  return (
    (await db
      .selectFrom('redirects')
      .select(['to_path', 'status_code'])
      .where('from_path', '=', path)
      .executeTakeFirst()) ?? null
  );
}

/** A published article's headline and path, by id (the "Found a mistake?" link names one). */
export async function findPublishedArticleLink(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select(['a.headline', 'a.locale', 'a.slug', 'st.slug as section_slug'])
    .where('a.id', '=', id)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  return row
    ? { headline: row.headline, path: sitePaths.article(row.locale, row.section_slug, row.slug) }
    : null;
}

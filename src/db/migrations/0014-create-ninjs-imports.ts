import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Articles that came in as IPTC ninjs (wire copy): the document's `uri` is the idempotency key,
 * so the same document imported twice changes nothing, and a newer version updates the article
 * it made. `missing_images` keeps the words (caption, credit, alt) of images that could not be
 * fetched, so nobody has to go back to the agency's feed to find them.
 */
export const createNinjsImports: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await db.schema
      .createTable('ninjs_imports')
      .ifNotExists()
      .addColumn('source_uri', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().unique().references('articles.id').onDelete('cascade'),
      )
      /** The document's `version`, if it had one. */
      .addColumn('source_version', 'text')
      /** SHA-256 of the document in canonical form. */
      .addColumn('content_hash', 'text', (c) => c.notNull())
      /** The article's version right after the import: a higher one means the newsroom edited it. */
      .addColumn('article_version', 'integer', (c) => c.notNull())
      /** JSON array of `{ name, uri, href, caption, credit, alt, reason }`. */
      .addColumn('missing_images', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('imported_at', adapter.timestampType, (c) => c.notNull())
      .execute();
  },
});

import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * The publication's policy pages (ethics, corrections policy, masthead, ownership and funding,
 * feedback, diversity), one per kind and locale. Their URLs are fixed per kind and locale
 * (core/site-paths.ts), so the row needs no slug.
 */
export const createPolicyPages: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await db.schema
      .createTable('policy_pages')
      .ifNotExists()
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      /** ProseMirror JSON in the article body schema (content/body-schema.ts). */
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_by_user_id', 'integer')
      .addPrimaryKeyConstraint('policy_pages_pkey', ['kind', 'locale'])
      .execute();
  },
});

import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import type { DialectAdapter } from './dialects/dialect-adapter.js';
import type { GalleyMigration } from './migrations/migration.js';
import { createPublicationTables } from './migrations/0001-create-publication-tables.js';
import { createPeopleAndMediaTables } from './migrations/0002-create-people-and-media-tables.js';
import { createArticleTables } from './migrations/0003-create-article-tables.js';
import { createReaderIndexes } from './migrations/0004-create-reader-indexes.js';
import { createCacheInvalidations } from './migrations/0005-create-cache-invalidations.js';
import { createStaffTables } from './migrations/0006-create-staff-tables.js';
import { addArticleCreator } from './migrations/0007-add-article-creator.js';
import { createArticleRevisions } from './migrations/0008-create-article-revisions.js';
import { addArticleEmbargo } from './migrations/0009-add-article-embargo.js';
import { addArticleSchedule } from './migrations/0010-add-article-schedule.js';
import { createApiTokens } from './migrations/0011-create-api-tokens.js';
import { addArticleSeoFields } from './migrations/0012-add-article-seo-fields.js';
import { addArticleDeletion } from './migrations/0013-add-article-deletion.js';
import { createNinjsImports } from './migrations/0014-create-ninjs-imports.js';
import { createContentApiKeys } from './migrations/0015-create-content-api-keys.js';
import { createJobs } from './migrations/0016-create-jobs.js';
import { createWebhooks } from './migrations/0017-create-webhooks.js';
import { createSitemapIndex } from './migrations/0018-create-sitemap-index.js';
import { addMediaCrops } from './migrations/0019-add-media-crops.js';
import { createErrorReports } from './migrations/0020-create-error-reports.js';
import { createArticleNotes } from './migrations/0021-create-article-notes.js';
import { addArticleTrustFields } from './migrations/0022-add-article-trust-fields.js';
import { createPolicyPages } from './migrations/0022-create-policy-pages.js';
import { addVideoMedia } from './migrations/0023-add-video-media.js';
import { createMediaCaptions } from './migrations/0024-create-media-captions.js';
import { addArticleLeadVideo } from './migrations/0025-add-article-lead-video.js';
import { createArticleSearch } from './migrations/0026-create-article-search.js';
import { createRecommendationTables } from './migrations/0027-create-recommendation-tables.js';
import { createAnalyticsTables } from './migrations/0028-create-analytics-tables.js';
import { partitionArticleSearch } from './migrations/0029-partition-article-search.js';
import { addAnalyticsFoldWatermark } from './migrations/0030-add-analytics-fold-watermark.js';
import { indexAnalyticsViewsByVisitor } from './migrations/0031-index-analytics-views-by-visitor.js';
import type { Database } from './schema.js';

/**
 * The migration list, in order. Names are permanent: Kysely records them in `kysely_migration`.
 * Imported statically (not read from a folder) so the compiled build and the tests run the same set.
 */
const MIGRATIONS: [name: string, migration: GalleyMigration][] = [
  ['0001-create-publication-tables', createPublicationTables],
  ['0002-create-people-and-media-tables', createPeopleAndMediaTables],
  ['0003-create-article-tables', createArticleTables],
  ['0004-create-reader-indexes', createReaderIndexes],
  ['0005-create-cache-invalidations', createCacheInvalidations],
  ['0006-create-staff-tables', createStaffTables],
  ['0007-add-article-creator', addArticleCreator],
  ['0008-create-article-revisions', createArticleRevisions],
  ['0009-add-article-embargo', addArticleEmbargo],
  ['0010-add-article-schedule', addArticleSchedule],
  ['0011-create-api-tokens', createApiTokens],
  ['0012-add-article-seo-fields', addArticleSeoFields],
  ['0013-add-article-deletion', addArticleDeletion],
  ['0014-create-ninjs-imports', createNinjsImports],
  ['0015-create-content-api-keys', createContentApiKeys],
  ['0016-create-jobs', createJobs],
  ['0017-create-webhooks', createWebhooks],
  ['0018-create-sitemap-index', createSitemapIndex],
  ['0019-add-media-crops', addMediaCrops],
  ['0020-create-error-reports', createErrorReports],
  ['0021-create-article-notes', createArticleNotes],
  ['0022-add-article-trust-fields', addArticleTrustFields],
  ['0022-create-policy-pages', createPolicyPages],
  ['0023-add-video-media', addVideoMedia],
  ['0024-create-media-captions', createMediaCaptions],
  ['0025-add-article-lead-video', addArticleLeadVideo],
  ['0026-create-article-search', createArticleSearch],
  ['0027-create-recommendation-tables', createRecommendationTables],
  ['0028-create-analytics-tables', createAnalyticsTables],
  ['0029-partition-article-search', partitionArticleSearch],
  ['0030-add-analytics-fold-watermark', addAnalyticsFoldWatermark],
  ['0031-index-analytics-views-by-visitor', indexAnalyticsViewsByVisitor],
];

/** Brings the database up to date. Safe to call on every start and from several processes. */
export async function migrateToLatest(
  db: Kysely<Database>,
  adapter: DialectAdapter,
): Promise<MigrationResultSet> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of MIGRATIONS) migrations[name] = migration(adapter);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const what = failed ? `migration ${failed} failed` : 'could not migrate the database';
    throw new Error(`${what}: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}

import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Recommendations: each article's term vector for text similarity, its Recommended block as last
 * computed, and the editors' pins and excludes.
 */
export const createRecommendationTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await db.schema
      .createTable('recommendation_vectors')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('articles.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('article_recommendations')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('recommended_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('computed_at', adapter.timestampType, (c) => c.notNull())
      .addPrimaryKeyConstraint('article_recommendations_pk', ['article_id', 'position'])
      .execute();
    // "Which blocks show this story?": refreshing them when it changes or is unpublished.
    await db.schema
      .createIndex('article_recommendations_by_recommended')
      .ifNotExists()
      .on('article_recommendations')
      .columns(['recommended_id'])
      .execute();
    await db.schema
      .createTable('recommendation_choices')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('target_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addPrimaryKeyConstraint('recommendation_choices_pk', ['article_id', 'target_id'])
      .execute();
  },
});

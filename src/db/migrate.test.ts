import { expect, it } from 'vitest';
import { describeEachDialect } from '../test/each-dialect.js';
import { migrateToLatest } from './migrate.js';
import { addArticleCreator } from './migrations/0007-add-article-creator.js';
import { addArticleEmbargo } from './migrations/0009-add-article-embargo.js';

describeEachDialect('migrations', { demo: false }, (t) => {
  it('are safe to run again: a second run applies nothing and keeps the data', async () => {
    await t.galley.db
      .insertInto('tags')
      .values({ created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const again = await migrateToLatest(t.galley.db, t.galley.adapter);
    expect(again.results).toEqual([]);
    const tags = await t.galley.db.selectFrom('tags').select('created_at').execute();
    expect(tags).toEqual([{ created_at: '2026-01-01T00:00:00.000Z' }]);
  });

  it('that add columns can run again on a database that has them', async () => {
    await expect(addArticleCreator(t.galley.adapter).up(t.galley.db)).resolves.toBeUndefined();
    await expect(addArticleEmbargo(t.galley.adapter).up(t.galley.db)).resolves.toBeUndefined();
  });

  it('store timestamps so both dialects return the same ISO string', async () => {
    const [row] = await t.galley.db.selectFrom('tags').select('created_at').execute();
    expect(row?.created_at).toBe('2026-01-01T00:00:00.000Z');
  });

  it('enforce one slug per language for articles, even past the operations', async () => {
    const stamp = '2026-01-01T00:00:00.000Z';
    const section = await t.galley.db
      .insertInto('sections')
      .values({ position: 0, created_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    const article = (locale: 'en' | 'es', group: string) => ({
      locale,
      translation_group: group,
      headline: 'h',
      dek: '',
      slug: 'same-slug',
      section_id: section.id,
      type: 'news' as const,
      body: '{"type":"doc","content":[]}',
      word_count: 0,
      lead_media_id: null,
      status: 'draft' as const,
      published_at: null,
      updated_at: stamp,
      created_at: stamp,
      version: 1,
    });
    await t.galley.db.insertInto('articles').values(article('en', 'g1')).execute();
    await t.galley.db.insertInto('articles').values(article('es', 'g1')).execute();
    await expect(
      t.galley.db.insertInto('articles').values(article('en', 'g2')).execute(),
    ).rejects.toThrow(/unique/i);
  });
});

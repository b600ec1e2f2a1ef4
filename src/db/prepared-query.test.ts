import { expect, it } from 'vitest';
import { describeEachDialect } from '../test/each-dialect.js';
import { preparedQuery } from './prepared-query.js';

// Prepared queries are for reads: on SQLite they may run straight on the driver.
const tagBySlug = preparedQuery((db, p: { locale: 'en' | 'es'; slug: string }) =>
  db
    .selectFrom('tag_translations')
    .select(['tag_id', 'name'])
    .where('locale', '=', p.locale)
    .where('slug', '=', p.slug)
    .limit(1),
);

describeEachDialect('preparedQuery', { demo: false }, (t) => {
  it('runs one compiled query with different values each call', async () => {
    const stamp = '2026-01-01T00:00:00.000Z';
    const { id } = await t.galley.db
      .insertInto('tags')
      .values({ created_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.galley.db
      .insertInto('tag_translations')
      .values([
        { tag_id: id, locale: 'en', name: 'Port', slug: 'port' },
        { tag_id: id, locale: 'es', name: 'Puerto', slug: 'puerto' },
      ])
      .execute();
    expect(await tagBySlug(t.galley.db, { locale: 'en', slug: 'port' })).toEqual([
      { tag_id: id, name: 'Port' },
    ]);
    expect(await tagBySlug(t.galley.db, { locale: 'es', slug: 'puerto' })).toEqual([
      { tag_id: id, name: 'Puerto' },
    ]);
    expect(await tagBySlug(t.galley.db, { locale: 'es', slug: 'port' })).toEqual([]);
  });

  it('refuses a parameter the query never uses', async () => {
    const broken = preparedQuery((db, p: { locale: 'en' | 'es'; unused: string }) =>
      db.selectFrom('tag_translations').select('name').where('locale', '=', p.locale),
    );
    await expect(broken(t.galley.db, { locale: 'en', unused: 'x' })).rejects.toThrow(
      /never uses unused/,
    );
  });

  it('never returns rows of a write that has not committed (and then rolls back)', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = t.galley.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('tags')
        .values({ created_at: '2026-01-01T00:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('tag_translations')
        .values({ tag_id: id, locale: 'en', name: 'Pending', slug: 'pending' })
        .execute();
      await gate;
      throw new Error('roll back');
    });
    // Let the transaction get as far as the gate, then read while it is open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reading = tagBySlug(t.galley.db, { locale: 'en', slug: 'pending' });
    release();
    await expect(writing).rejects.toThrow('roll back');
    expect(await reading).toEqual([]);
  });
});

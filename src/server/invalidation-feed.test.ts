import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { updateArticle } from '../core/operations/index.js';
import { memoryLogger } from '../lib/log.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { createGalley } from './create-galley.js';
import { InvalidationFeed } from './invalidation-feed.js';
import type { Galley } from './create-galley.js';

const actor = systemActor('test');

describeEachDialect('two Galley processes on one database', { demo: true }, (t) => {
  let other: Galley;
  beforeAll(async () => {
    // A second instance on the same database and media: what a second worker or node is.
    other = await createGalley(t.galley.config, { logger: memoryLogger() });
    // This suite is about the feed. Background jobs (the Recommended-block refreshes the demo
    // queued) would write from both instances, and two SQLite connections in one thread wait on
    // each other's locks by blocking that thread; separate processes do not. The rows the two
    // starts wrote (blocks computed at start drop their pages) are taken in before any test.
    await t.galley.jobs.stop();
    await other.jobs.stop();
    await other.feed.poll();
  });
  afterAll(() => other.close());

  it('drops a page the other process cached when this one changes it', async () => {
    const story = await findBilingualStory(t.galley);
    await other.app.request(story.path);
    await other.app.request('/en/');
    expect(other.pageCache.get(story.path)).toBeDefined();

    await runOperation(t.galley.core, updateArticle, actor, {
      id: story.id,
      headline: 'Changed in another process',
    });
    // The feed polls on its own every 250 ms; polling here keeps the test deterministic.
    await other.feed.poll();
    expect(other.pageCache.get(story.path)).toBeUndefined();
    expect(await (await other.app.request(story.path)).text()).toContain(
      '<h1>Changed in another process</h1>',
    );
  });

  it('also reaches the process on its own timer', async () => {
    const story = await findBilingualStory(t.galley);
    await other.app.request(story.path);
    expect(other.pageCache.get(story.path)).toBeDefined();
    await runOperation(t.galley.core, updateArticle, actor, {
      id: story.id,
      dek: 'A new dek, seen everywhere.',
    });
    await expect
      .poll(() => other.pageCache.get(story.path), { timeout: 5000, interval: 50 })
      .toBeUndefined();
  });

  it('does not apply a process’s own change a second time through the feed', async () => {
    const story = await findBilingualStory(t.galley);
    let applied = 0;
    other.core.listeners.push(() => applied++);
    await runOperation(other.core, updateArticle, actor, {
      id: story.id,
      dek: 'Written by the other process.',
    });
    expect(applied).toBe(1);
    // The writer's listeners already dropped its pages; the fresh render must survive its feed.
    await other.app.request(story.path);
    await other.feed.poll();
    expect(other.pageCache.get(story.path)).toBeDefined();
  });

  it('applies a change whose row id is smaller than one already seen (commits out of id order)', async () => {
    const seen: string[][] = [];
    const feed = new InvalidationFeed(
      t.galley.db,
      'reader',
      (keys) => seen.push([...keys]),
      memoryLogger(),
    );
    const at = new Date().toISOString();
    await t.galley.db
      .insertInto('cache_invalidations')
      .values({ id: 900_002, origin: 'writer-a', cache_keys: 'probe:seen-first', created_at: at })
      .execute();
    await feed.poll();
    // A transaction that took id 900001 earlier commits only now.
    await t.galley.db
      .insertInto('cache_invalidations')
      .values({
        id: 900_001,
        origin: 'writer-b',
        cache_keys: 'probe:committed-late',
        created_at: at,
      })
      .execute();
    await feed.poll();
    await feed.poll();
    expect(seen.flat().filter((key) => key.startsWith('probe:'))).toEqual([
      'probe:seen-first',
      'probe:committed-late',
    ]);
  });

  it('deletes rows past their retention', async () => {
    const old = new Date(Date.now() - 60_000).toISOString();
    await t.galley.db
      .insertInto('cache_invalidations')
      .values({ origin: 'gone', cache_keys: 'layout', created_at: old })
      .execute();
    const feed = new InvalidationFeed(t.galley.db, 'reader', () => undefined, memoryLogger(), {
      intervalMs: 1_000_000,
      windowMs: 15_000,
      retentionMs: 30_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The feed cleans up at most every tenth of the retention; pretend that time has passed.
    await feed.poll();
    await expect
      .poll(
        async () => {
          await feed.poll();
          return t.galley.db
            .selectFrom('cache_invalidations')
            .select('id')
            .where('origin', '=', 'gone')
            .execute();
        },
        { timeout: 5000, interval: 100 },
      )
      .toEqual([]);
  });
});

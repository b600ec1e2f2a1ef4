import { afterAll, beforeAll, expect, it } from 'vitest';
import { doc, p } from '../content/body-builders.js';
import { systemActor } from '../core/actor.js';
import type { Actor } from '../core/actor.js';
import type { ChangeSet } from '../core/change-set.js';
import { runOperation } from '../core/operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  createStaffUser,
  scheduleArticle,
  setUpPublication,
} from '../core/operations/index.js';
import { memoryLogger } from '../lib/log.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { createGalley } from './create-galley.js';
import type { Galley } from './create-galley.js';

const system = systemActor('test');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDialect('scheduled publishing', { demo: false }, (t) => {
  let other: Galley;
  let sectionId = 0;
  let authorId = 0;
  let contributor: Actor = { kind: 'anonymous' };
  let slugs = 0;

  const scheduledDraft = async (inMs: number) => {
    const { id } = await runOperation(t.galley.core, createArticle, system, {
      locale: 'en',
      headline: `Scheduled story ${++slugs}`,
      slug: `scheduled-story-${slugs}`,
      sectionId,
      authorIds: [authorId],
      body: doc(p('It goes live on time.')),
    });
    await runOperation(t.galley.core, scheduleArticle, system, {
      id,
      at: new Date(Date.now() + inMs).toISOString(),
    });
    return { id, path: `/en/wire/scheduled-story-${slugs}` };
  };
  const statusOf = async (id: number) =>
    (
      await t.galley.db
        .selectFrom('articles')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    await runOperation(t.galley.core, setUpPublication, system, {
      name: 'Scheduled Times',
      timeZone: 'UTC',
      translations: { en: { tagline: 'On time' }, es: { tagline: 'A tiempo' } },
    });
    ({ id: sectionId } = await runOperation(t.galley.core, createSection, system, {
      translations: { en: { name: 'Wire', slug: 'wire' }, es: { name: 'Cable', slug: 'cable' } },
    }));
    ({ id: authorId } = await runOperation(t.galley.core, createAuthor, system, {
      slug: 'sol-vega',
      name: 'Sol Vega',
      translations: { en: { bio: '' }, es: { bio: '' } },
    }));
    const { id: userId } = await runOperation(t.galley.core, createStaffUser, system, {
      email: 'c@sched.galley.example',
      name: 'C',
      role: 'contributor',
      password: 'a long enough passphrase',
    });
    contributor = { kind: 'staff', userId, role: 'contributor' };
    // A second process on the same database, as a second worker or node would be.
    other = await createGalley(t.galley.config, { logger: memoryLogger() });
  });
  afterAll(() => other.close());

  it('refuses times in the past, before the embargo, and contributors', async () => {
    const { id } = await scheduledDraft(60_000);
    await expect(
      runOperation(t.galley.core, scheduleArticle, system, { id, at: '2000-01-01T00:00:00Z' }),
    ).rejects.toThrow(/^at: must be in the future/);
    await expect(
      runOperation(t.galley.core, scheduleArticle, contributor, {
        id,
        at: new Date(Date.now() + 60_000).toISOString(),
      }),
    ).rejects.toThrow(/may not schedule an article/);
    expect(await statusOf(id)).toBe('scheduled');
  });

  it('publishes on time, exactly once when two processes race for it', async () => {
    const { id, path } = await scheduledDraft(800);
    const published: ChangeSet[] = [];
    const count = (changes: ChangeSet) => {
      if (changes.events.some((event) => event.type === 'article.published' && event.id === id))
        published.push(changes);
    };
    t.galley.core.listeners.push(count);
    other.core.listeners.push(count);
    // Not yet: both look and publish nothing.
    expect(await t.galley.scheduler.runOnce()).toBe(0);
    expect(await statusOf(id)).toBe('scheduled');
    await sleep(900);
    // Both processes look at the same moment; one of them publishes.
    await Promise.all([
      t.galley.scheduler.runOnce(),
      other.scheduler.runOnce(),
      t.galley.scheduler.runOnce(),
    ]);
    await t.galley.scheduler.runOnce();
    expect(await statusOf(id)).toBe('published');
    expect(published).toHaveLength(1);
    expect((await t.galley.app.request(path)).status).toBe(200);
  });

  it('catches up at start with what came due while no process was running', async () => {
    await other.scheduler.stop();
    await t.galley.scheduler.stop();
    const { id } = await scheduledDraft(300);
    await sleep(400);
    expect(await statusOf(id)).toBe('scheduled');
    const restarted = await createGalley(t.galley.config, { logger: memoryLogger() });
    try {
      await expect.poll(() => statusOf(id), { timeout: 5000, interval: 50 }).toBe('published');
      const row = await t.galley.db
        .selectFrom('articles')
        .select(['published_at', 'scheduled_for'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.scheduled_for).toBeNull();
      expect(Date.parse(row.published_at ?? '')).toBeLessThan(Date.now() - 100);
    } finally {
      await restarted.close();
    }
  });
});

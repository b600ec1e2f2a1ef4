import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test/each-dialect.js';
import type { NewAnalyticsEvent } from './event-writer.js';
import { FOLD_LAG_MS } from './rollup.js';
import { RollupWorker } from './rollup-worker.js';

/** The worker as the server runs it: compiled. `npm test` builds before it runs the tests. */
const COMPILED = new URL('../../dist/analytics/rollup-worker.js', import.meta.url);

const view = (visitor: string, receivedAt: Date): NewAnalyticsEvent => ({
  received_at: receivedAt.toISOString(),
  kind: 'view',
  visitor,
  article_id: 7,
  locale: 'en',
  section_id: 3,
  path: '/en/city/worker',
  referrer_domain: '',
  utm_campaign: '',
  value: 0,
  target_article_id: null,
});

describeEachDialect('the rollup worker thread', {}, (t) => {
  // The test galley's analytics prune and roll up at start, in the background. Fixed-date events
  // written here would race them: the prune deletes events past the retention, and a round may
  // rewrite the hours under test. Stop that work (it waits for a run in progress) first.
  beforeAll(() => t.galley.analytics?.stop());

  it('rolls up and prunes on its own connection', async () => {
    expect(RollupWorker.isAvailable(COMPILED), 'dist/ is missing: run npm run build').toBe(true);
    const now = new Date();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    const old = new Date(now.getTime() - 40 * 86_400_000);
    await t.galley.db
      .insertInto('analytics_events')
      .values([view('a', now), view('a', now), view('b', now), view('c', old)])
      .execute();
    const worker = new RollupWorker(
      { databaseUrl: t.galley.config.databaseUrl, retentionDays: 30 },
      COMPILED,
    );
    try {
      // A round once the lag has passed folds events received now.
      await worker.rollUp(new Date(now.getTime() + FOLD_LAG_MS + 1));
      const row = await t.galley.db
        .selectFrom('analytics_hourly')
        .select(['views', 'visitors'])
        .where('hour', '=', hour.toISOString())
        .where('article_id', '=', 7)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ views: 3, visitors: 2 });
      expect(await worker.prune(now)).toBe(1);
      const left = await t.galley.db
        .selectFrom('analytics_events')
        .select('visitor')
        .where('article_id', '=', 7)
        .execute();
      expect(left.map((event) => event.visitor).sort()).toEqual(['a', 'a', 'b']);
    } finally {
      await worker.close();
    }
  });
});

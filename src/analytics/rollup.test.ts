import { beforeAll, expect, it } from 'vitest';
import { memoryLogger } from '../lib/log.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { EventWriter } from './event-writer.js';
import type { NewAnalyticsEvent } from './event-writer.js';
import { pruneAnalytics } from './prune.js';
import { addAnalyticsFoldWatermark } from '../db/migrations/0030-add-analytics-fold-watermark.js';
import { FOLD_LAG_MS, foldEvents, foldedUntil } from './rollup.js';
import { VisitorHasher, saltForDay } from './visitor-hash.js';

const HOUR = '2026-03-10T14:00:00.000Z';
const at = (minutes: number, hour = HOUR) =>
  new Date(new Date(hour).getTime() + minutes * 60_000).toISOString();

/** A view or other event; unnamed fields as on a page of article 1 in section 1. */
function event(fields: Partial<NewAnalyticsEvent> & { visitor: string; received_at: string }) {
  return {
    kind: 'view',
    article_id: 1,
    locale: 'en',
    section_id: 1,
    path: '/en/a/one',
    referrer_domain: '',
    utm_campaign: '',
    value: 0,
    target_article_id: null,
    ...fields,
  } satisfies NewAnalyticsEvent;
}

describeEachDialect('analytics storage', {}, (t) => {
  // The test galley's analytics prune and roll up at start, in the background. Fixed-date events
  // written here would race them: the prune deletes events past the retention, and a round may
  // rewrite the hours under test. Stop that work (it waits for a run in progress) first.
  beforeAll(() => t.galley.analytics?.stop());

  const db = () => t.galley.db;

  async function insert(rows: NewAnalyticsEvent[]) {
    await db().insertInto('analytics_events').values(rows).execute();
  }

  /** Puts the watermark back (these tests fold past dates), as if nothing after `at` had been
   * folded. */
  async function foldFrom(at: string) {
    await db().updateTable('analytics_rollup_state').set({ folded_until: at }).execute();
  }

  /** A round as the server would run it at `at` plus the lag: it folds up to `at`. */
  const foldUpTo = (at: string) => foldEvents(db(), new Date(Date.parse(at) + FOLD_LAG_MS));

  it('folds an hour, round by round, to exactly the counts of its raw events', async () => {
    await foldFrom(at(-180));
    const before = [
      // Earlier the same UTC day: visitor "a" already saw article 1, and any English page.
      event({ visitor: 'a', received_at: at(-120) }),
    ];
    const inHour = [
      event({ visitor: 'a', received_at: at(1), referrer_domain: 'search.example' }),
      event({
        visitor: 'b',
        received_at: at(2),
        referrer_domain: 'search.example',
        utm_campaign: 'spring',
      }),
      event({ visitor: 'b', received_at: at(3) }),
      event({ visitor: 'c', received_at: at(4), utm_campaign: 'spring' }),
      event({ visitor: 'c', received_at: at(5), kind: 'engaged', value: 5 }),
      event({ visitor: 'c', received_at: at(6), kind: 'engaged', value: 3 }),
      event({ visitor: 'c', received_at: at(7), kind: 'scroll', value: 1 }),
      event({ visitor: 'c', received_at: at(7), kind: 'scroll', value: 2 }),
      event({ visitor: 'b', received_at: at(8), kind: 'scroll', value: 1 }),
      event({ visitor: 'c', received_at: at(9), kind: 'scroll', value: 4 }),
      event({ visitor: 'c', received_at: at(10), kind: 'rec_impression', target_article_id: 2 }),
      event({ visitor: 'b', received_at: at(10), kind: 'rec_impression', target_article_id: 2 }),
      event({ visitor: 'c', received_at: at(11), kind: 'rec_click', target_article_id: 2 }),
      // Spanish article 2 in section 2, and a Spanish home page view.
      event({
        visitor: 'a',
        received_at: at(12),
        article_id: 2,
        section_id: 2,
        locale: 'es',
        referrer_domain: 'social.example',
      }),
      event({
        visitor: 'd',
        received_at: at(13),
        article_id: null,
        section_id: null,
        locale: 'es',
        path: '/es/',
      }),
    ];
    const after = [event({ visitor: 'z', received_at: at(60) })]; // the next hour
    await insert([...before, ...inHour, ...after]);

    // Rounds whose ends split the hour's events, and one visitor's views ("b" at 2 and 3
    // minutes): each event is counted by one round, and a visitor once.
    for (const minutes of [2, 3, 7, 30]) await foldUpTo(at(minutes));
    // Again: nothing new to fold, the same rows, not twice as many.
    expect(await foldUpTo(at(30))).toEqual({ slices: 0, foldedUntil: new Date(at(30)) });

    const hourly = await db()
      .selectFrom('analytics_hourly')
      .selectAll()
      .where('hour', '=', HOUR)
      .orderBy('article_id')
      .execute();
    // The expected rows, computed from the raw events in the hour.
    const keyOf = (e: NewAnalyticsEvent) => `${e.article_id ?? 0}/${e.locale}/${e.section_id ?? 0}`;
    const expected = new Map<string, Record<string, number | string>>();
    for (const e of inHour) {
      const row = expected.get(keyOf(e)) ?? {
        views: 0,
        engaged_seconds: 0,
        scroll_25: 0,
        scroll_50: 0,
        scroll_75: 0,
        scroll_100: 0,
        rec_impressions: 0,
        rec_clicks: 0,
      };
      if (e.kind === 'view') (row['views'] as number)++;
      if (e.kind === 'engaged')
        row['engaged_seconds'] = (row['engaged_seconds'] as number) + e.value;
      if (e.kind === 'scroll') {
        const column = ['scroll_25', 'scroll_50', 'scroll_75', 'scroll_100'][e.value - 1] as string;
        row[column] = (row[column] as number) + 1;
      }
      if (e.kind === 'rec_impression') (row['rec_impressions'] as number)++;
      if (e.kind === 'rec_click') (row['rec_clicks'] as number)++;
      expected.set(keyOf(e), row);
    }
    expect(hourly).toHaveLength(expected.size);
    for (const row of hourly) {
      const counts = expected.get(`${row.article_id}/${row.locale}/${row.section_id}`);
      expect(counts).toBeDefined();
      expect(row).toMatchObject(counts ?? {});
    }
    // Visitors first seen today on article 1 in this hour: b and c ("a" came earlier).
    expect(hourly.find((row) => row.article_id === 1)?.visitors).toBe(2);
    expect(hourly.find((row) => row.article_id === 2)?.visitors).toBe(1);
    expect(hourly.find((row) => row.article_id === 0)).toMatchObject({
      visitors: 1,
      section_id: 0,
      locale: 'es',
    });

    const visitors = await db()
      .selectFrom('analytics_hourly_visitors')
      .select(['locale', 'section_id', 'visitors'])
      .where('hour', '=', HOUR)
      .execute();
    const visitorsOf = (locale: string, section: number) =>
      visitors.find((row) => row.locale === locale && row.section_id === section)?.visitors;
    expect(visitorsOf('en', 1)).toBe(2); // b, c
    expect(visitorsOf('en', -1)).toBe(2);
    expect(visitorsOf('es', 2)).toBe(1); // a, new in Spanish
    expect(visitorsOf('es', 0)).toBe(1); // d
    expect(visitorsOf('es', -1)).toBe(2); // a, d
    expect(visitorsOf('*', 1)).toBe(2);
    expect(visitorsOf('*', -1)).toBe(3); // b, c, d: "a" was seen earlier today
    expect(visitorsOf('*', 2)).toBe(1); // a, new in section 2
    expect(visitorsOf('*', 0)).toBe(1); // d
    expect(visitors).toHaveLength(9);

    const sources = await db()
      .selectFrom('analytics_hourly_sources')
      .select(['locale', 'section_id', 'dimension', 'value', 'views'])
      .where('hour', '=', HOUR)
      .execute();
    expect(sources).toEqual(
      expect.arrayContaining([
        { locale: 'en', section_id: 1, dimension: 'referrer', value: 'search.example', views: 2 },
        { locale: 'en', section_id: 1, dimension: 'referrer', value: '', views: 2 },
        { locale: 'es', section_id: 2, dimension: 'referrer', value: 'social.example', views: 1 },
        { locale: 'es', section_id: 0, dimension: 'referrer', value: '', views: 1 },
        { locale: 'en', section_id: 1, dimension: 'campaign', value: 'spring', views: 2 },
      ]),
    );
    expect(sources).toHaveLength(5);

    // The next hour's view waited for a round that reached it.
    const nextHour = () =>
      db().selectFrom('analytics_hourly').select(['views', 'visitors']).where('hour', '=', at(60));
    expect(await nextHour().execute()).toEqual([]);
    await foldUpTo(at(90));
    expect(await nextHour().execute()).toEqual([{ views: 1, visitors: 1 }]);
  });

  it('catches up after a stop in bounded slices, skipping hours without events', async () => {
    const day = '2026-03-12T00:00:00.000Z';
    await foldFrom(day);
    await insert([
      event({ visitor: 's1', received_at: at(65, day) }),
      // Two slices of at most 10 minutes: 05:30-05:40 and 05:45-05:55.
      event({ visitor: 's2', received_at: at(330, day) }),
      event({ visitor: 's2', received_at: at(345, day), kind: 'engaged', value: 5 }),
      event({ visitor: 's3', received_at: at(350, day) }),
    ]);
    expect(await foldUpTo(at(360, day))).toEqual({
      slices: 3,
      foldedUntil: new Date(at(360, day)),
    });
    const rows = await db()
      .selectFrom('analytics_hourly')
      .select(['hour', 'views', 'visitors', 'engaged_seconds'])
      .where('hour', '>=', day)
      .where('hour', '<', at(360, day))
      .orderBy('hour')
      .execute();
    expect(rows).toEqual([
      { hour: at(60, day), views: 1, visitors: 1, engaged_seconds: 0 },
      { hour: at(300, day), views: 2, visitors: 2, engaged_seconds: 5 },
    ]);
  });

  it('counts each event once when two processes fold at the same time', async () => {
    const hour = '2026-03-13T10:00:00.000Z';
    await foldFrom(hour);
    // 300 views by 60 visitors over two hours, on 3 articles.
    const views = Array.from({ length: 300 }, (_, i) =>
      event({ visitor: `v${i % 60}`, received_at: at(i * 0.4, hour), article_id: 1 + (i % 3) }),
    );
    await insert(views);
    const round = () => foldUpTo(at(120, hour));
    await Promise.all([round(), round(), round()]);
    expect(await foldedUntil(db())).toEqual(new Date(at(120, hour)));
    const totals = await db()
      .selectFrom('analytics_hourly')
      .select((eb) => [eb.fn.sum<number>('views').as('views')])
      .where('hour', '>=', hour)
      .where('hour', '<', at(120, hour))
      .executeTakeFirstOrThrow();
    expect(Number(totals.views)).toBe(300);
    const visitors = await db()
      .selectFrom('analytics_hourly_visitors')
      .select((eb) => [eb.fn.sum<number>('visitors').as('visitors')])
      .where('hour', '>=', hour)
      .where('hour', '<', at(120, hour))
      .where('locale', '=', '*')
      .where('section_id', '=', -1)
      .executeTakeFirstOrThrow();
    expect(Number(visitors.visitors)).toBe(60); // one UTC day: each visitor once
  });

  it('keeps the rollups when the raw events are pruned', async () => {
    const hour = '2026-03-11T09:00:00.000Z';
    await foldFrom(hour);
    await insert([event({ visitor: 'p', received_at: at(5, hour) })]);
    await foldUpTo(at(10, hour));
    await db().deleteFrom('analytics_events').where('visitor', '=', 'p').execute();
    await foldUpTo(at(90, hour));
    const row = await db()
      .selectFrom('analytics_hourly')
      .select('views')
      .where('hour', '=', hour)
      .executeTakeFirst();
    expect(row?.views).toBe(1);
  });

  it('moves rollups made before folding to a watermark, recounting only their last hour', async () => {
    const [earlier, latest] = ['2026-03-14T08:00:00.000Z', '2026-03-14T09:00:00.000Z'];
    await db().deleteFrom('analytics_rollup_state').execute();
    const oldRow = (hour: string) => ({
      hour,
      article_id: 9,
      locale: 'en' as const,
      section_id: 1,
      views: 5,
      visitors: 2,
      engaged_seconds: 0,
      scroll_25: 0,
      scroll_50: 0,
      scroll_75: 0,
      scroll_100: 0,
      rec_impressions: 0,
      rec_clicks: 0,
    });
    await db().deleteFrom('analytics_hourly').where('hour', '>', latest).execute();
    await db()
      .insertInto('analytics_hourly')
      .values([oldRow(earlier), oldRow(latest)])
      .execute();
    const migration = addAnalyticsFoldWatermark(t.galley.adapter);
    await migration.up(db());
    const hours = () =>
      db().selectFrom('analytics_hourly').select('hour').where('article_id', '=', 9).execute();
    expect(await hours()).toEqual([{ hour: earlier }]);
    expect(await foldedUntil(db())).toEqual(new Date(latest));
    // Run again, it changes nothing.
    await migration.up(db());
    expect(await hours()).toEqual([{ hour: earlier }]);
    expect(await foldedUntil(db())).toEqual(new Date(latest));
  });

  it('makes one salt per UTC day, and another day’s hash differs', async () => {
    const input = {
      address: '198.51.100.7',
      userAgent: 'Mozilla/5.0 Test',
      siteHost: 'news.example',
    };
    const day1 = new Date('2026-04-01T23:59:00.000Z');
    const day2 = new Date('2026-04-02T00:01:00.000Z');
    const hasher = new VisitorHasher(db());
    const first = await hasher.visitor(input, day1);
    expect(await hasher.visitor(input, new Date('2026-04-01T08:00:00.000Z'))).toBe(first);
    // Another process (a new hasher) reads the same salt.
    expect(await new VisitorHasher(db()).visitor(input, day1)).toBe(first);
    const second = await hasher.visitor(input, day2);
    expect(second).not.toBe(first);
    expect(await hasher.visitor({ ...input, userAgent: 'Other' }, day2)).not.toBe(second);
    expect(await hasher.visitor({ ...input, siteHost: 'other.example' }, day2)).not.toBe(second);
    const salts = await db()
      .selectFrom('analytics_salts')
      .select(['day', 'salt'])
      .where('day', 'in', ['2026-04-01', '2026-04-02'])
      .orderBy('day')
      .execute();
    expect(salts.map((row) => row.day)).toEqual(['2026-04-01', '2026-04-02']);
    expect(salts[0]?.salt).not.toBe(salts[1]?.salt);
    expect(salts[0]?.salt).toMatch(/^[\w-]{43}$/);
    expect(await saltForDay(db(), '2026-04-01', day2)).toBe(salts[0]?.salt);
  });

  it('prunes events past the retention and salts older than 48 hours', async () => {
    const now = new Date('2026-06-30T12:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    await insert([
      event({ visitor: 'old1', received_at: daysAgo(31) }),
      event({ visitor: 'old2', received_at: daysAgo(30.01) }),
      event({ visitor: 'kept', received_at: daysAgo(29.9) }),
    ]);
    await saltForDay(db(), '2026-06-28', new Date(now.getTime() - 49 * 3_600_000));
    await saltForDay(db(), '2026-06-29', new Date(now.getTime() - 47 * 3_600_000));
    const pruned = await pruneAnalytics(db(), { now, retentionDays: 30 });
    expect(pruned.events).toBeGreaterThanOrEqual(2);
    const visitors = await db()
      .selectFrom('analytics_events')
      .select('visitor')
      .where('visitor', 'in', ['old1', 'old2', 'kept'])
      .execute();
    expect(visitors.map((row) => row.visitor)).toEqual(['kept']);
    const days = await db().selectFrom('analytics_salts').select('day').execute();
    expect(days.map((row) => row.day)).toContain('2026-06-29');
    expect(days.map((row) => row.day)).not.toContain('2026-06-28');
    // A shorter retention prunes more, in the same bounded way.
    await pruneAnalytics(db(), { now, retentionDays: 1 });
    expect(
      await db()
        .selectFrom('analytics_events')
        .select('id')
        .where('visitor', '=', 'kept')
        .execute(),
    ).toEqual([]);
  });

  it('commits queued events together, answering only once they are stored', async () => {
    const writer = new EventWriter(db(), memoryLogger(), { intervalMs: 50, maxQueued: 30 });
    const stored = () =>
      db().selectFrom('analytics_events').select('id').where('path', '=', '/group').execute();
    let committed = 0;
    const waits = Array.from({ length: 10 }, (_, i) => {
      const done = writer.enqueue([
        event({ visitor: `g${i}`, received_at: new Date().toISOString(), path: '/group' }),
        event({
          visitor: `g${i}`,
          received_at: new Date().toISOString(),
          path: '/group',
          kind: 'scroll',
          value: 1,
        }),
      ]);
      if (done === 'full') throw new Error('the queue should have room');
      return done.then(() => committed++);
    });
    // Queued, not yet written, nobody answered.
    expect(writer.pending).toBe(20);
    expect(await stored()).toEqual([]);
    expect(committed).toBe(0);
    // Full: refused at once, nothing queued.
    expect(
      writer.enqueue(Array(11).fill(event({ visitor: 'x', received_at: at(0), path: '/group' }))),
    ).toBe('full');
    await Promise.all(waits);
    expect(committed).toBe(10);
    expect(await stored()).toHaveLength(20);
    expect(writer.pending).toBe(0);
    // Closing writes what is queued, and refuses anything after.
    const last = writer.enqueue([event({ visitor: 'last', received_at: at(0), path: '/group' })]);
    await writer.close();
    await last;
    expect(await stored()).toHaveLength(21);
    expect(writer.enqueue([event({ visitor: 'late', received_at: at(0), path: '/group' })])).toBe(
      'full',
    );
  });

  it('rejects every waiting request when its batch cannot be written', async () => {
    const logger = memoryLogger();
    const writer = new EventWriter(db(), logger, { intervalMs: 10 });
    const done = writer.enqueue([
      // Both databases refuse a row without a kind (NOT NULL).
      { ...event({ visitor: 'bad', received_at: at(0), path: '/bad' }), kind: null as never },
    ]);
    if (done === 'full') throw new Error('the queue should have room');
    await expect(done).rejects.toThrow();
    expect(logger.lines.map((line) => line.message)).toContain(
      'analytics: a batch of events could not be written',
    );
  });
});

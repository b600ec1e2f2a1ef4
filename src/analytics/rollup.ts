/**
 * Hourly rollups of the raw events, the tables the newsroom's dashboard and the recommender read
 * (meanings in db/schema-discovery.ts). They are kept incrementally: each round folds the events
 * received since the last round into the hours they belong to, adding to the counts already
 * there, and moves a watermark (`analytics_rollup_state.folded_until`) past them. A round's work
 * is proportional to the events since the last one, whatever the hour already holds: recomputing
 * the whole current hour every minute, as rounds did first, cost a site at 5,000 events a second
 * a recount of up to 18 million events a minute by the end of each hour.
 *
 * The watermark trails the clock by `FOLD_LAG_MS`: an event is stamped when its beacon arrives
 * and committed within milliseconds (the writer's batches wait at most 25 ms), so every event
 * received before the watermark is in the table when it is folded. The fold reads outside any
 * transaction (SQLite's connection stays free for page reads while it computes), then one short
 * transaction moves the watermark from where it was read and adds the counts. When two processes
 * fold the same events, only one moves the watermark; the other's transaction rolls back.
 *
 * Visitors are counted as the daily salt allows (a visitor hash is the same for one reader only
 * within a UTC day): in an hour, the visitors whose first view that UTC day, within the row's
 * key, fell in this hour. A slice counts its distinct visitors with no view that day, under the
 * same key, received before the slice: the raw events say it, so it does not matter which
 * round folds which view.
 */
import { sql } from 'kysely';
import type { Insertable, Kysely, RawBuilder, Transaction } from 'kysely';
import type {
  AnalyticsHourlySourcesTable,
  AnalyticsHourlyTable,
  AnalyticsHourlyVisitorsTable,
} from '../db/schema-discovery.js';
import type { Database, Locale } from '../db/schema.js';
import { NOTHING_FOLDED } from '../db/migrations/0030-add-analytics-fold-watermark.js';

const HOUR_MS = 3_600_000;
const ROWS_PER_STATEMENT = 100;
/** How far the watermark trails the clock (see the header). */
export const FOLD_LAG_MS = 30_000;
/** The longest stretch of received time one transaction folds, so catching up after a long
 * stop proceeds in bounded steps. */
const MAX_SLICE_MS = 10 * 60_000;

/** The start of the UTC hour holding `at`. */
export const hourStart = (at: Date): Date => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/** Events received in [from, to), all within one hour, as ISO strings. */
interface Slice {
  /** The start of the hour holding the slice, and of its UTC day. */
  hour: string;
  dayStart: string;
  from: string;
  to: string;
}

type Partition = 'article' | 'locale' | 'section';

/** The columns of a partition, as `h.` (the slice's view) and `e.` (an earlier view) see them. */
const PARTITION_COLUMNS: Record<Partition, (alias: 'h' | 'e') => RawBuilder<unknown>> = {
  article: (alias) => sql`coalesce(${sql.ref(`${alias}.article_id`)}, 0)`,
  locale: (alias) => sql.ref(`${alias}.locale`),
  section: (alias) => sql`coalesce(${sql.ref(`${alias}.section_id`)}, 0)`,
};

/**
 * Per value of the partition's columns, the distinct visitors with a view in the slice and none
 * earlier that UTC day within the same values. Columns left out of the partition come back as
 * null. The literal `kind = 'view'` lets both databases read the partial index of views by
 * visitor.
 */
async function firstSeenVisitors(
  db: Kysely<Database>,
  slice: Slice,
  partition: Partition[],
): Promise<
  {
    article_id: number | null;
    locale: string | null;
    section_id: number | null;
    visitors: number;
  }[]
> {
  const column = (name: Partition) =>
    partition.includes(name) ? PARTITION_COLUMNS[name]('h') : sql`null`;
  const sameKey = partition.map(
    (name) => sql`and ${PARTITION_COLUMNS[name]('e')} = ${PARTITION_COLUMNS[name]('h')}`,
  );
  // PostgreSQL refuses constants in GROUP BY: group by the partition's own columns only.
  const groupBy =
    partition.length === 0
      ? sql``
      : sql`group by ${sql.join(partition.map((name) => PARTITION_COLUMNS[name]('h')))}`;
  const result = await sql<{
    article_id: number | null;
    locale: string | null;
    section_id: number | null;
    visitors: number;
  }>`
    select ${column('article')} as article_id, ${column('locale')} as locale,
      ${column('section')} as section_id, count(distinct h.visitor) as visitors
    from analytics_events h
    where h.kind = 'view' and h.received_at >= ${slice.from} and h.received_at < ${slice.to}
      and not exists (
        select 1 from analytics_events e
        where e.visitor = h.visitor and e.kind = 'view'
          and e.received_at >= ${slice.dayStart} and e.received_at < ${slice.from}
          ${sql.join(sameKey, sql` `)}
      )
    ${groupBy}`.execute(db);
  return result.rows
    .map((row) => ({
      article_id: row.article_id === null ? null : Number(row.article_id),
      locale: row.locale,
      section_id: row.section_id === null ? null : Number(row.section_id),
      visitors: Number(row.visitors),
    }))
    .filter((row) => row.visitors > 0);
}

async function hourlyRows(
  db: Kysely<Database>,
  slice: Slice,
): Promise<Insertable<AnalyticsHourlyTable>[]> {
  const count = (condition: RawBuilder<unknown>) =>
    sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const totals = await db
    .selectFrom('analytics_events')
    .select([
      sql<number>`coalesce(article_id, 0)`.as('article_id'),
      'locale',
      sql<number>`coalesce(section_id, 0)`.as('section_id'),
      count(sql`kind = 'view'`).as('views'),
      sql<number>`sum(case when kind = 'engaged' then value else 0 end)`.as('engaged_seconds'),
      count(sql`kind = 'scroll' and value = 1`).as('scroll_25'),
      count(sql`kind = 'scroll' and value = 2`).as('scroll_50'),
      count(sql`kind = 'scroll' and value = 3`).as('scroll_75'),
      count(sql`kind = 'scroll' and value = 4`).as('scroll_100'),
      count(sql`kind = 'rec_impression'`).as('rec_impressions'),
      count(sql`kind = 'rec_click'`).as('rec_clicks'),
    ])
    .where('received_at', '>=', slice.from)
    .where('received_at', '<', slice.to)
    .groupBy([sql`coalesce(article_id, 0)`, 'locale', sql`coalesce(section_id, 0)`])
    .execute();
  const visitors = new Map(
    (await firstSeenVisitors(db, slice, ['article', 'locale', 'section'])).map((row) => [
      `${row.article_id}/${row.locale}/${row.section_id}`,
      row.visitors,
    ]),
  );
  return totals.map((row) => ({
    hour: slice.hour,
    article_id: Number(row.article_id),
    locale: row.locale,
    section_id: Number(row.section_id),
    views: Number(row.views),
    visitors: visitors.get(`${row.article_id}/${row.locale}/${row.section_id}`) ?? 0,
    engaged_seconds: Number(row.engaged_seconds),
    scroll_25: Number(row.scroll_25),
    scroll_50: Number(row.scroll_50),
    scroll_75: Number(row.scroll_75),
    scroll_100: Number(row.scroll_100),
    rec_impressions: Number(row.rec_impressions),
    rec_clicks: Number(row.rec_clicks),
  }));
}

/** Visitors per locale ('*' = all) and section (-1 = all, 0 = not an article page). */
async function visitorRows(
  db: Kysely<Database>,
  slice: Slice,
): Promise<Insertable<AnalyticsHourlyVisitorsTable>[]> {
  const partitions: Partition[][] = [['locale', 'section'], ['locale'], ['section'], []];
  const rows = await Promise.all(partitions.map((p) => firstSeenVisitors(db, slice, p)));
  return rows.flat().map((row) => ({
    hour: slice.hour,
    locale: row.locale ?? '*',
    section_id: row.section_id ?? -1,
    visitors: row.visitors,
  }));
}

/**
 * Views by referrer domain ('' = direct or this site) and by campaign. Views without a campaign
 * have no campaign row: "no campaign" is not a campaign, and it equals views minus the rest.
 */
async function sourceRows(
  db: Kysely<Database>,
  slice: Slice,
): Promise<Insertable<AnalyticsHourlySourcesTable>[]> {
  const bySource = (column: 'referrer_domain' | 'utm_campaign') =>
    db
      .selectFrom('analytics_events')
      .select([
        'locale',
        sql<number>`coalesce(section_id, 0)`.as('section_id'),
        sql.ref<string>(column).as('value'),
        sql<number>`count(*)`.as('views'),
      ])
      .where('kind', '=', 'view')
      .where('received_at', '>=', slice.from)
      .where('received_at', '<', slice.to)
      .$if(column === 'utm_campaign', (query) => query.where('utm_campaign', '<>', ''))
      .groupBy(['locale', sql`coalesce(section_id, 0)`, column])
      .execute();
  const [referrers, campaigns] = await Promise.all([
    bySource('referrer_domain'),
    bySource('utm_campaign'),
  ]);
  const toRow =
    (dimension: 'referrer' | 'campaign') =>
    (row: { locale: Locale; section_id: number; value: string; views: number }) => ({
      hour: slice.hour,
      locale: row.locale,
      section_id: Number(row.section_id),
      dimension,
      value: row.value,
      views: Number(row.views),
    });
  return [...referrers.map(toRow('referrer')), ...campaigns.map(toRow('campaign'))];
}

/** The slice of events from `from`: to the end of its hour, `MAX_SLICE_MS` or `until`. */
function sliceFrom(from: Date, until: Date): Slice {
  const hour = hourStart(from);
  const day = new Date(hour);
  day.setUTCHours(0, 0, 0, 0);
  const to = Math.min(hour.getTime() + HOUR_MS, from.getTime() + MAX_SLICE_MS, until.getTime());
  return {
    hour: hour.toISOString(),
    dayStart: day.toISOString(),
    from: from.toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** When the first event received in [from, until) arrived; undefined when none did. */
async function firstEventBetween(
  db: Kysely<Database>,
  from: Date,
  until: Date,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('analytics_events')
    .select((eb) => eb.fn.min('received_at').as('at'))
    .where('received_at', '>=', from.toISOString())
    .where('received_at', '<', until.toISOString())
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

/** The watermark: every event received before it is folded in, none after. */
export async function foldedUntil(db: Kysely<Database>): Promise<Date> {
  const row = await db
    .selectFrom('analytics_rollup_state')
    .select('folded_until')
    .where('id', '=', 1)
    .executeTakeFirst();
  if (row) return new Date(row.folded_until);
  // The migration makes the row; a table emptied by hand is started again.
  await db
    .insertInto('analytics_rollup_state')
    .values({ id: 1, folded_until: NOTHING_FOLDED })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return foldedUntil(db);
}

/** Another process moved the watermark first: it folded these events. */
class FoldedElsewhere extends Error {}

/**
 * In one transaction: moves the watermark from `from` (as it was read) to `to`, and adds the
 * counts. Throws FoldedElsewhere, rolling back, when the watermark is no longer at `from`.
 */
async function commitFold(
  db: Kysely<Database>,
  from: Date,
  to: Date,
  add?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('analytics_rollup_state')
      .set({ folded_until: to.toISOString() })
      .where('id', '=', 1)
      .where('folded_until', '=', from.toISOString())
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new FoldedElsewhere();
    await add?.(trx);
  });
}

/** `table.column + excluded.column` for each column: an upsert that adds to the row there. */
function addedTo<C extends string>(table: string, columns: readonly C[]) {
  return Object.fromEntries(
    columns.map((column) => [
      column,
      sql`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
    ]),
  ) as Record<C, RawBuilder<number>>;
}

const HOURLY_COUNTS = [
  'views',
  'visitors',
  'engaged_seconds',
  'scroll_25',
  'scroll_50',
  'scroll_75',
  'scroll_100',
  'rec_impressions',
  'rec_clicks',
] as const;

/** Adds a slice's counts to its hour's rows, a bounded number of rows per statement. */
async function addSlice(
  trx: Transaction<Database>,
  rows: {
    hourly: Insertable<AnalyticsHourlyTable>[];
    visitors: Insertable<AnalyticsHourlyVisitorsTable>[];
    sources: Insertable<AnalyticsHourlySourcesTable>[];
  },
): Promise<void> {
  for (let start = 0; start < rows.hourly.length; start += ROWS_PER_STATEMENT)
    await trx
      .insertInto('analytics_hourly')
      .values(rows.hourly.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(['hour', 'article_id', 'locale', 'section_id'])
          .doUpdateSet(addedTo('analytics_hourly', HOURLY_COUNTS)),
      )
      .execute();
  for (let start = 0; start < rows.visitors.length; start += ROWS_PER_STATEMENT)
    await trx
      .insertInto('analytics_hourly_visitors')
      .values(rows.visitors.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(['hour', 'locale', 'section_id'])
          .doUpdateSet(addedTo('analytics_hourly_visitors', ['visitors'])),
      )
      .execute();
  for (let start = 0; start < rows.sources.length; start += ROWS_PER_STATEMENT)
    await trx
      .insertInto('analytics_hourly_sources')
      .values(rows.sources.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(['hour', 'locale', 'section_id', 'dimension', 'value'])
          .doUpdateSet(addedTo('analytics_hourly_sources', ['views'])),
      )
      .execute();
}

export interface FoldResult {
  /** Slices folded, each in its own transaction. */
  slices: number;
  /** The watermark after the round. */
  foldedUntil: Date;
}

/**
 * One rollup round: folds every event received since the watermark and more than
 * `FOLD_LAG_MS` before `now` into the hourly rollups, slice by slice (one hour at most, and
 * `MAX_SLICE_MS`), skipping stretches without events. Stops early, leaving the rest to the
 * process that got there first, when another process moves the watermark meanwhile.
 */
export async function foldEvents(db: Kysely<Database>, now = new Date()): Promise<FoldResult> {
  const until = new Date(now.getTime() - FOLD_LAG_MS);
  let from = await foldedUntil(db);
  let slices = 0;
  try {
    while (from < until) {
      const first = await firstEventBetween(db, from, until);
      if (!first) {
        await commitFold(db, from, until);
        from = until;
        break;
      }
      // Nothing was received in [from, first): the slice starts at the first event.
      const slice = sliceFrom(first, until);
      const rows = {
        hourly: await hourlyRows(db, slice),
        visitors: await visitorRows(db, slice),
        sources: await sourceRows(db, slice),
      };
      const to = new Date(slice.to);
      await commitFold(db, from, to, (trx) => addSlice(trx, rows));
      from = to;
      slices++;
    }
  } catch (error) {
    if (!(error instanceof FoldedElsewhere)) throw error;
    from = await foldedUntil(db);
  }
  return { slices, foldedUntil: from };
}

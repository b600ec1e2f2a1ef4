/**
 * Hourly rollups of the raw events, the tables the newsroom's dashboard and the recommender read
 * (meanings in db/schema-discovery.ts). An hour is recomputed from its raw events as a whole:
 * the aggregates are read first, then one short transaction deletes the hour's rows and inserts
 * the new ones, so running it again gives the same rows, and two processes rolling the same hour
 * at once leave one consistent result. Reading outside the transaction keeps SQLite's
 * connection free for page reads while the aggregates are computed; an event committed in
 * between is counted by the next run, a minute later.
 *
 * Visitors are counted as the daily salt allows (a visitor hash is the same for one reader only
 * within a UTC day): in an hour, the visitors whose first view that UTC day, within the row's
 * key, fell in this hour.
 */
import { sql } from 'kysely';
import type { Insertable, Kysely, RawBuilder } from 'kysely';
import type {
  AnalyticsHourlySourcesTable,
  AnalyticsHourlyTable,
  AnalyticsHourlyVisitorsTable,
} from '../db/schema-discovery.js';
import type { Database, Locale } from '../db/schema.js';

const HOUR_MS = 3_600_000;
const ROWS_PER_STATEMENT = 100;

/** The start of the UTC hour holding `at`. */
export const hourStart = (at: Date): Date => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

interface Range {
  /** The hour's start and end, and the start of its UTC day, as ISO strings. */
  from: string;
  to: string;
  dayStart: string;
}

type Partition = 'article' | 'locale' | 'section';

/** The columns of a partition, as `h.` (the hour's view) and `e.` (an earlier view) see them. */
const PARTITION_COLUMNS: Record<Partition, (alias: 'h' | 'e') => RawBuilder<unknown>> = {
  article: (alias) => sql`coalesce(${sql.ref(`${alias}.article_id`)}, 0)`,
  locale: (alias) => sql.ref(`${alias}.locale`),
  section: (alias) => sql`coalesce(${sql.ref(`${alias}.section_id`)}, 0)`,
};

/**
 * Per value of the partition's columns, the visitors with a view in the hour and none earlier
 * that UTC day within the same values. Columns left out of the partition come back as null.
 */
async function firstSeenVisitors(
  db: Kysely<Database>,
  range: Range,
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
    where h.kind = 'view' and h.received_at >= ${range.from} and h.received_at < ${range.to}
      and not exists (
        select 1 from analytics_events e
        where e.visitor = h.visitor and e.kind = 'view'
          and e.received_at >= ${range.dayStart} and e.received_at < ${range.from}
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
  range: Range,
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
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .groupBy([sql`coalesce(article_id, 0)`, 'locale', sql`coalesce(section_id, 0)`])
    .execute();
  const visitors = new Map(
    (await firstSeenVisitors(db, range, ['article', 'locale', 'section'])).map((row) => [
      `${row.article_id}/${row.locale}/${row.section_id}`,
      row.visitors,
    ]),
  );
  return totals.map((row) => ({
    hour: range.from,
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
  range: Range,
): Promise<Insertable<AnalyticsHourlyVisitorsTable>[]> {
  const partitions: Partition[][] = [['locale', 'section'], ['locale'], ['section'], []];
  const rows = await Promise.all(partitions.map((p) => firstSeenVisitors(db, range, p)));
  return rows.flat().map((row) => ({
    hour: range.from,
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
  range: Range,
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
      .where('received_at', '>=', range.from)
      .where('received_at', '<', range.to)
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
      hour: range.from,
      locale: row.locale,
      section_id: Number(row.section_id),
      dimension,
      value: row.value,
      views: Number(row.views),
    });
  return [...referrers.map(toRow('referrer')), ...campaigns.map(toRow('campaign'))];
}

function rangeOf(hour: Date): Range {
  const from = hourStart(hour);
  const day = new Date(from);
  day.setUTCHours(0, 0, 0, 0);
  return {
    from: from.toISOString(),
    to: new Date(from.getTime() + HOUR_MS).toISOString(),
    dayStart: day.toISOString(),
  };
}

/** Whether any raw event falls in the hour. */
async function hasEvents(db: Kysely<Database>, range: Range): Promise<boolean> {
  const row = await db
    .selectFrom('analytics_events')
    .select('id')
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Recomputes the rollups of the hour holding `hour`. An hour without raw events is left as it
 * is: its events may have been pruned, and the rollup is then the only record of it.
 * Returns whether the hour was rolled up.
 */
export async function rollUpHour(db: Kysely<Database>, hour: Date): Promise<boolean> {
  const range = rangeOf(hour);
  if (!(await hasEvents(db, range))) return false;
  const [hourly, visitors, sources] = [
    await hourlyRows(db, range),
    await visitorRows(db, range),
    await sourceRows(db, range),
  ];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('analytics_hourly').where('hour', '=', range.from).execute();
    await trx.deleteFrom('analytics_hourly_visitors').where('hour', '=', range.from).execute();
    await trx.deleteFrom('analytics_hourly_sources').where('hour', '=', range.from).execute();
    for (let start = 0; start < hourly.length; start += ROWS_PER_STATEMENT)
      await trx
        .insertInto('analytics_hourly')
        .values(hourly.slice(start, start + ROWS_PER_STATEMENT))
        .execute();
    for (let start = 0; start < visitors.length; start += ROWS_PER_STATEMENT)
      await trx
        .insertInto('analytics_hourly_visitors')
        .values(visitors.slice(start, start + ROWS_PER_STATEMENT))
        .execute();
    for (let start = 0; start < sources.length; start += ROWS_PER_STATEMENT)
      await trx
        .insertInto('analytics_hourly_sources')
        .values(sources.slice(start, start + ROWS_PER_STATEMENT))
        .execute();
  });
  return true;
}

/**
 * The hours to roll up when a process starts: from the last hour rolled up (again, as it may
 * have been rolled while still running) to the current one; with no rollups yet, from the
 * oldest raw event. Hours without events are skipped by `rollUpHour`.
 */
export async function hoursToCatchUp(db: Kysely<Database>, now: Date): Promise<Date[]> {
  const last = await db
    .selectFrom('analytics_hourly')
    .select((eb) => eb.fn.max('hour').as('hour'))
    .executeTakeFirst();
  let from = last?.hour ? new Date(last.hour) : undefined;
  if (!from) {
    const oldest = await db
      .selectFrom('analytics_events')
      .select((eb) => eb.fn.min('received_at').as('received_at'))
      .executeTakeFirst();
    if (!oldest?.received_at) return [];
    from = new Date(oldest.received_at);
  }
  const hours: Date[] = [];
  for (let at = hourStart(from).getTime(); at <= now.getTime(); at += HOUR_MS)
    hours.push(new Date(at));
  return hours;
}

/** Events of an hour are all committed this long after it ends (a batch waits at most 25 ms). */
const HOUR_SETTLED_AFTER_MS = 10_000;

/**
 * The rollup rounds one process runs (every minute): at its first round, every hour since the
 * last one rolled up; then the current hour, and the previous one until it has settled.
 */
export class RollupRounds {
  /** The last hour rolled up after it had settled: it needs no further run. */
  private settledHour = 0;
  private hasCaughtUp = false;

  constructor(private readonly db: Kysely<Database>) {}

  async run(now = new Date()): Promise<void> {
    const current = hourStart(now).getTime();
    const previous = current - HOUR_MS;
    if (!this.hasCaughtUp) {
      for (const hour of await hoursToCatchUp(this.db, now)) await rollUpHour(this.db, hour);
      this.hasCaughtUp = true;
    } else if (this.settledHour < previous) {
      await rollUpHour(this.db, new Date(previous));
    }
    if (now.getTime() - current >= HOUR_SETTLED_AFTER_MS) this.settledHour = previous;
    await rollUpHour(this.db, new Date(current));
  }
}

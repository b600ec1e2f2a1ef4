/**
 * Readers right now: distinct visitors with any beacon event (a view, an engaged-time heartbeat,
 * a scroll...) in the last five minutes, in all and per story. Read from the raw events, which
 * the hourly rollups reach only later.
 *
 * A visitor is a hash salted per UTC day, so a reader active across midnight counts twice in the
 * few minutes after it: the one imprecision a daily salt allows.
 */
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/schema.js';

export const REALTIME_WINDOW_MINUTES = 5;
/** How many stories the panel lists, most readers first. */
export const REALTIME_STORY_LIMIT = 10;

export interface RealtimeFilter {
  locale?: Locale | undefined;
  sectionId?: number | undefined;
  now: Date;
}

export interface RealtimeReport {
  /** ISO start of the window; it ends at `until` (now). */
  since: string;
  until: string;
  windowMinutes: number;
  readers: number;
  stories: { articleId: number; headline: string | null; locale: Locale; readers: number }[];
}

export async function analyticsRealtime(
  db: Kysely<Database>,
  filter: RealtimeFilter,
): Promise<RealtimeReport> {
  const until = filter.now.toISOString();
  const since = new Date(filter.now.getTime() - REALTIME_WINDOW_MINUTES * 60_000).toISOString();
  const { locale, sectionId } = filter;
  const events = db
    .selectFrom('analytics_events as e')
    .where('e.received_at', '>=', since)
    .where('e.received_at', '<=', until)
    .$if(locale !== undefined, (query) => query.where('e.locale', '=', locale as Locale))
    .$if(sectionId !== undefined, (query) => query.where('e.section_id', '=', sectionId as number));
  const [total, stories] = await Promise.all([
    events
      .select((eb) => eb.fn.count<string | number>('e.visitor').distinct().as('readers'))
      .executeTakeFirst(),
    events
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .select((eb) => [
        'e.article_id',
        'a.headline',
        'a.locale',
        eb.fn.count<string | number>('e.visitor').distinct().as('readers'),
      ])
      .groupBy(['e.article_id', 'a.headline', 'a.locale'])
      .orderBy((eb) => eb.fn.count('e.visitor').distinct(), 'desc')
      .orderBy('e.article_id')
      .limit(REALTIME_STORY_LIMIT)
      .execute(),
  ]);
  return {
    since,
    until,
    windowMinutes: REALTIME_WINDOW_MINUTES,
    readers: Number(total?.readers ?? 0),
    stories: stories.map((row) => ({
      articleId: row.article_id ?? 0,
      headline: row.headline,
      locale: row.locale,
      readers: Number(row.readers),
    })),
  };
}

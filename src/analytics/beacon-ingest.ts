/**
 * What happens to a beacon once the route has read it (ingest-route.ts, steps 5 to 7): the
 * payload is parsed, the articles it names are checked, the visitor is hashed, and the events
 * join the group commit. `EventIngest` does it on the calling thread; `IngestWorker`
 * (ingest-worker.ts) runs an `EventIngest` on a worker thread of its own, which is what the
 * server uses, so a flood of beacons costs the thread serving pages only its HTTP.
 *
 * @example
 * const ingest = new EventIngest({ db, logger, siteHost: 'news.example' });
 * await ingest.accept({ body, address: '203.0.113.9', userAgent }); // { status: 204 }
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { parseBeacon } from './beacon-schema.js';
import type { BeaconPayload } from './beacon-schema.js';
import { EventWriter } from './event-writer.js';
import type { EventWriterOptions, NewAnalyticsEvent } from './event-writer.js';
import { PublishedArticles } from './published-articles.js';
import { VisitorHasher } from './visitor-hash.js';

/** A beacon the route has let through: its body, and who sent it (hashed, never stored). */
export interface ReadBeacon {
  body: string;
  address: string;
  userAgent: string;
}

export interface BeaconAnswer {
  status: 204 | 400 | 403 | 413 | 415 | 429 | 503;
  headers?: Record<string, string>;
  /** The error's message, sent as `{ "error": { "message" } }`; none for 204. */
  message?: string;
}

export interface BeaconIngest {
  /** 204 once the events are committed; 400 naming what is wrong; 503 when busy. */
  accept(beacon: ReadBeacon): Promise<BeaconAnswer>;
  /** Forgets what it knows of the articles a change names (`article:N` cache keys). */
  invalidate(keys: string[]): void;
  /** Writes every accepted event, then refuses more; for shutdown. */
  close(): Promise<void>;
}

export interface EventIngestOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** The site's host (from its public URL): part of the visitor hash, and no referrer. */
  siteHost: string;
  writer?: EventWriterOptions;
}

const BUSY: BeaconAnswer = {
  status: 503,
  headers: { 'retry-after': '1' },
  message: 'analytics is busy; try again shortly',
};

/** The events were not stored (the write failed, or the ingest thread is gone). */
export const NOT_STORED: BeaconAnswer = {
  status: 503,
  message: 'the events could not be stored; try again shortly',
};

export class EventIngest implements BeaconIngest {
  private readonly writer: EventWriter;
  private readonly visitors: VisitorHasher;
  private readonly articles: PublishedArticles;
  private readonly siteHost: string;
  private readonly preparing = new Set<Promise<unknown>>();
  private isClosing = false;

  constructor(options: EventIngestOptions) {
    this.writer = new EventWriter(options.db, options.logger, options.writer);
    this.visitors = new VisitorHasher(options.db);
    this.articles = new PublishedArticles(options.db);
    this.siteHost = options.siteHost;
  }

  async accept(beacon: ReadBeacon): Promise<BeaconAnswer> {
    if (this.isClosing) return BUSY;
    const parsed = parseBeacon(beacon.body);
    if (!parsed.ok) return { status: 400, message: parsed.message };
    // Until its rows are queued, a beacon is held here, not by the writer: `close` waits for it.
    const preparing = this.eventRows(parsed.payload, beacon, new Date());
    this.preparing.add(preparing);
    let rows: NewAnalyticsEvent[] | string;
    try {
      rows = await preparing;
    } finally {
      this.preparing.delete(preparing);
    }
    if (typeof rows === 'string') return { status: 400, message: rows };
    const committed = this.writer.enqueue(rows);
    if (committed === 'full') return BUSY;
    try {
      await committed;
    } catch {
      // The writer has logged it; the client may try again.
      return NOT_STORED;
    }
    return { status: 204 };
  }

  invalidate(keys: string[]): void {
    this.articles.invalidate(keys);
  }

  /** Refuses new beacons, lets those already being checked join the queue, writes it all. */
  async close(): Promise<void> {
    this.isClosing = true;
    await Promise.allSettled([...this.preparing]);
    await this.writer.close();
  }

  /** The rows to store, or what is wrong with the ids the payload names. */
  private async eventRows(
    payload: BeaconPayload,
    beacon: ReadBeacon,
    now: Date,
  ): Promise<NewAnalyticsEvent[] | string> {
    const nowMs = now.getTime();
    const page =
      payload.article === undefined ? null : await this.articles.find(payload.article, nowMs);
    if (payload.article !== undefined && !page)
      return `article: no published article ${payload.article}`;
    for (const event of payload.events) {
      if (event.kind !== 'rec_impression' && event.kind !== 'rec_click') continue;
      if (!(await this.articles.find(event.target, nowMs)))
        return `events: no published article ${event.target} to recommend`;
    }
    const visitor = await this.visitors.visitor(
      { address: beacon.address, userAgent: beacon.userAgent, siteHost: this.siteHost },
      now,
    );
    const receivedAt = now.toISOString();
    return payload.events.map((event) => ({
      received_at: receivedAt,
      kind: event.kind,
      visitor,
      article_id: payload.article ?? null,
      locale: page?.locale ?? payload.locale,
      section_id: page?.sectionId ?? null,
      path: payload.path,
      referrer_domain: event.kind === 'view' ? this.referrerOf(event.referrer) : '',
      utm_campaign: event.kind === 'view' ? (event.campaign ?? '').trim() : '',
      value: event.kind === 'engaged' ? event.seconds : event.kind === 'scroll' ? event.quarter : 0,
      target_article_id:
        event.kind === 'rec_impression' || event.kind === 'rec_click' ? event.target : null,
    }));
  }

  /** Another site's host, lowercased; this site itself counts as no referrer. */
  private referrerOf(referrer: string | undefined): string {
    const host = (referrer ?? '').toLowerCase();
    return host === this.siteHost ? '' : host;
  }
}

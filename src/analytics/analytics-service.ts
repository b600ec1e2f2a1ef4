/**
 * First-party analytics as one piece that `createGalley` starts and stops: the beacon's route,
 * the group-commit writer, and the periodic work (rollups every 15 s, pruning every hour).
 *
 * @example
 * const analytics = createAnalyticsService({ db, publicUrl, logger });
 * app.route('/', analytics.app);
 * analytics.start();
 * // ...
 * await analytics.stop(); // writes every accepted event first
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { PeriodicTask } from '../lib/periodic-task.js';
import { EventIngest } from './beacon-ingest.js';
import type { BeaconIngest } from './beacon-ingest.js';
import type { EventWriterOptions } from './event-writer.js';
import { createBeaconHandler, createIngestRoute } from './ingest-route.js';
import type { BeaconHandler } from './ingest-route.js';
import { IngestWorker } from './ingest-worker.js';
import { pruneAnalytics } from './prune.js';
import { foldEvents } from './rollup.js';
import { RollupWorker } from './rollup-worker.js';
import { dialectFeatures } from '../db/dialect-features.js';

export const DEFAULT_RETENTION_DAYS = 30;
/** A reader's page sends about one beacon every 5 s; 10 a second leaves room for many readers
 * behind one address. */
export const DEFAULT_CLIENT_RATE_PER_SECOND = 10;

/** Rounds fold only what arrived since the last one (rollup.ts), so they can run often. */
const ROLLUP_INTERVAL_MS = 15_000;
const PRUNE_INTERVAL_MS = 3_600_000;

export interface AnalyticsServiceOptions {
  db: Kysely<Database>;
  /** The database's URL, for the worker threads' own connections. */
  databaseUrl?: string;
  publicUrl: string;
  logger: Logger;
  retentionDays?: number;
  clientRatePerSecond?: number;
  writer?: EventWriterOptions;
  /** A port of its own for beacons, served by the ingest thread (config `analyticsPort`). */
  beaconPort?: { port: number; host: string };
  /** The proxies whose `X-Forwarded-For` names the client (config `trustedProxies`). */
  trustedProxies?: string[];
}

export interface AnalyticsService {
  /** Serves POST /api/beacon; mount it before the reader site. */
  app: Hono;
  /** The same, for the node-level fast path (server/node-server.ts). */
  handleBeacon: BeaconHandler;
  /**
   * The beacon port's address once it listens: `http://host:port/api/beacon`; null without one
   * (none asked for, running from sources, or it could not listen: that is logged).
   */
  beaconUrl: Promise<string | null>;
  /** Drops what it knows of articles a change names (wired to the page cache's listener). */
  invalidate(keys: Iterable<string>): void;
  /** Folds every event received since the last round into the rollups, then keeps folding
   * and pruning. */
  start(): void;
  /** Stops the periodic work and writes every accepted event. */
  stop(): Promise<void>;
  /** One rollup round: folds the events received since the last one (rollup.ts). */
  rollUpRecent(now?: Date): Promise<void>;
  prune(now?: Date): Promise<void>;
}

export function createAnalyticsService(options: AnalyticsServiceOptions): AnalyticsService {
  const { db, logger } = options;
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const siteHost = new URL(options.publicUrl).hostname.toLowerCase();
  const clientRatePerSecond = options.clientRatePerSecond ?? DEFAULT_CLIENT_RATE_PER_SECOND;
  // Beacons are parsed, checked and written on a worker thread (ingest-worker.ts says why), on
  // either database, when the compiled worker is there; from TypeScript sources (the tests), here.
  const ingestWorker =
    options.databaseUrl !== undefined && IngestWorker.isAvailable()
      ? new IngestWorker({
          databaseUrl: options.databaseUrl,
          siteHost,
          writer: options.writer,
          beaconPort: options.beaconPort && {
            ...options.beaconPort,
            publicUrl: options.publicUrl,
            clientRatePerSecond,
            trustedProxies: options.trustedProxies,
          },
        })
      : null;
  if (options.beaconPort && !ingestWorker)
    logger.error('analytics: a beacon port needs the built server (npm run build); not opened');
  // Never left rejected: a port that cannot listen is logged, and beacons still come by PORT.
  const beaconUrl = (ingestWorker?.beaconUrl ?? Promise.resolve(null)).catch((error: unknown) => {
    logger.error('analytics: the beacon port could not listen', {
      error: (error as Error).message,
    });
    return null;
  });
  const ingest: BeaconIngest =
    ingestWorker ?? new EventIngest({ db, logger, siteHost, writer: options.writer });
  const handleBeacon = createBeaconHandler({
    db,
    ingest,
    publicUrl: options.publicUrl,
    clientRatePerSecond,
  });
  const app = createIngestRoute(handleBeacon);

  // On SQLite, rollups and pruning run on a worker thread (rollup-worker.ts explains why), when
  // the compiled worker is there; from TypeScript sources (the tests) they run here.
  const rollupWorker =
    options.databaseUrl !== undefined &&
    dialectFeatures(db).queriesBlockThread &&
    RollupWorker.isAvailable()
      ? new RollupWorker({ databaseUrl: options.databaseUrl, retentionDays })
      : null;
  async function rollUpRecent(now = new Date()): Promise<void> {
    await (rollupWorker ? rollupWorker.rollUp(now) : foldEvents(db, now));
  }

  async function prune(now = new Date()): Promise<void> {
    const events = rollupWorker
      ? await rollupWorker.prune(now)
      : (await pruneAnalytics(db, { now, retentionDays })).events;
    if (events > 0) logger.info(`analytics: pruned ${events} raw events`);
  }

  const logged = (name: string, work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      logger.error(`analytics: ${name} failed`, { error: (error as Error).message });
    }
  };
  const rollups = new PeriodicTask(
    logged('rollup', () => rollUpRecent()),
    ROLLUP_INTERVAL_MS,
  );
  const pruning = new PeriodicTask(
    logged('pruning', () => prune()),
    PRUNE_INTERVAL_MS,
  );

  return {
    app,
    handleBeacon,
    beaconUrl,
    invalidate(keys) {
      // Only articles matter to it; a change names many pages besides.
      const articleKeys = [...keys].filter((key) => key.startsWith('article:'));
      if (articleKeys.length > 0) ingest.invalidate(articleKeys);
    },
    start() {
      rollups.start({ runNow: true });
      pruning.start({ runNow: true });
    },
    async stop() {
      await rollups.stop();
      await pruning.stop();
      await ingest.close();
      await rollupWorker?.close();
    },
    rollUpRecent,
    prune,
  };
}

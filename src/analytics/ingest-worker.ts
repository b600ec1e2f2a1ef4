/**
 * Beacon ingest on a worker thread with its own database connection: parsing, the article
 * checks, the visitor hash and the group commit (beacon-ingest.ts) all run there, under
 * SCHED_IDLE (lib/worker-thread.ts says why a nice value was not enough): with beacons on the
 * beacon port, the article page's p99 during 5,000 events/s went from 1.4-1.6x to about 1.1x of
 * its p99 without ingest (npm run bench:analytics). On SQLite the commit is synchronous, and on
 * the server's thread each batch held every page request behind it: in a profile of the ingest
 * bench, the batches (4.5 s), building their INSERTs (1.5 s) and the payload checks (1.5 s) were
 * a third of that thread's 22 s of work. What stays with the server is the HTTP and the cheap refusals
 * (ingest-route.ts); the ingest bench's rate went from 14,000 to 17,000–21,000 events/s.
 *
 * Beacons cross to the thread in batches (lib/worker-thread.ts), and the answers come back as
 * their batches commit.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { TrustedProxies, noteClientAddress } from '../http/client-address.js';
import { consoleLogger } from '../lib/log.js';
import { listen } from '../server/listen.js';
import {
  ThreadClient,
  isBuilt,
  isWorkerFor,
  serveTasks,
  workerSettings,
} from '../lib/worker-thread.js';
import { EventIngest, NOT_STORED } from './beacon-ingest.js';
import type { BeaconAnswer, BeaconIngest, ReadBeacon } from './beacon-ingest.js';
import type { EventWriterOptions } from './event-writer.js';
import {
  BEACON_PATH,
  answerBeaconRequest,
  createBeaconHandler,
  writeErrorAnswer,
} from './ingest-route.js';
import type { BeaconHandler } from './ingest-route.js';
import { ANALYTICS_THREAD_NICENESS } from './rollup-worker.js';

type IngestTask =
  | { kind: 'beacon'; beacon: ReadBeacon }
  | { kind: 'invalidate'; keys: string[] }
  | { kind: 'listen' }
  | { kind: 'close' };

/** A beacon, or where the beacon port listens (`listen`), or nothing (the others). */
type IngestResult = BeaconAnswer | string | null;

export interface BeaconPortSettings {
  port: number;
  host: string;
  /** The route's settings (ingest-route.ts), as the server's own route has them. */
  publicUrl: string;
  clientRatePerSecond: number;
  /** The proxies whose `X-Forwarded-For` names the client (http/client-address.ts). */
  trustedProxies?: string[];
}

interface IngestSettings {
  databaseUrl: string;
  siteHost: string;
  writer?: EventWriterOptions;
  /**
   * A port of its own for `POST /api/beacon`, served on this thread: with a proxy routing the
   * beacon's path there, the server's thread never sees a beacon. In the ingest bench, beacons
   * through the server's port cost the article page's p99 about 1.5x even when they were
   * answered without storing anything; the HTTP alone did it.
   */
  beaconPort?: BeaconPortSettings;
  /** Beacons handed to the thread and not yet answered, at most (default `MAX_WAITING`). */
  maxWaiting?: number;
}

const WORKER_MARK = 'galley-ingest-worker';

/** About 0.5 ms of responses on this machine (a 204 costs some 30 us with its bookkeeping). */
const ANSWERS_PER_TURN = 16;

/**
 * Beacons wait up to this long to cross together: under a flood, one message carries a dozen
 * instead of two or three. They wait for their batch's commit (25 ms) anyway.
 */
const BATCH_WINDOW_MS = 2;

/**
 * Beacons handed to the thread and not yet answered, at most. The thread runs when the CPU is
 * otherwise free; on a machine saturated by page serving it falls behind, and beacons past this
 * are answered 503 at once instead of piling up in memory. Its own queue holds 20,000 events.
 */
const MAX_WAITING = 20_000;

/** This file compiled, beside this module: there only when running from the build (dist/). */
export const COMPILED_INGEST_WORKER = new URL('./ingest-worker.js', import.meta.url);

export class IngestWorker implements BeaconIngest {
  private readonly thread: ThreadClient<IngestTask, IngestResult>;
  private readonly maxWaiting: number;
  /** `http://host:port/api/beacon` once the beacon port listens; null without one. */
  readonly beaconUrl: Promise<string | null>;

  constructor(settings: IngestSettings, script: URL = COMPILED_INGEST_WORKER) {
    this.maxWaiting = settings.maxWaiting ?? MAX_WAITING;
    this.thread = new ThreadClient(script, WORKER_MARK, {
      data: settings,
      niceness: ANALYTICS_THREAD_NICENESS,
      idle: true,
      // A committed batch answers hundreds of beacons at once; a page request that arrives
      // meanwhile waits behind a slice of them (about 0.5 ms), not all.
      answersPerTurn: ANSWERS_PER_TURN,
      batchWindowMs: BATCH_WINDOW_MS,
    });
    this.beaconUrl = settings.beaconPort
      ? this.thread.request({ kind: 'listen' }).then((url) => url as string)
      : Promise.resolve(null);
  }

  static isAvailable(script: URL = COMPILED_INGEST_WORKER): boolean {
    return isBuilt(script);
  }

  async accept(beacon: ReadBeacon): Promise<BeaconAnswer> {
    if (this.thread.pending >= this.maxWaiting) return NOT_STORED;
    try {
      return (await this.thread.request({ kind: 'beacon', beacon })) as BeaconAnswer;
    } catch {
      return NOT_STORED;
    }
  }

  invalidate(keys: string[]): void {
    // Nothing waits on it; a failure here means the thread is gone, and beacons say so.
    this.thread.request({ kind: 'invalidate', keys }).catch(() => undefined);
  }

  async close(): Promise<void> {
    try {
      await this.thread.request({ kind: 'close' });
    } finally {
      await this.thread.terminate();
    }
  }
}

if (isWorkerFor(WORKER_MARK)) {
  const settings = workerSettings<IngestSettings>();
  const db = adapterForUrl(settings.databaseUrl).createKysely();
  const ingest = new EventIngest({
    db,
    logger: consoleLogger,
    siteHost: settings.siteHost,
    writer: settings.writer,
  });
  let beaconServer: Server | undefined;
  serveTasks<IngestTask, IngestResult>(async (task) => {
    switch (task.kind) {
      case 'beacon':
        return ingest.accept(task.beacon);
      case 'invalidate':
        ingest.invalidate(task.keys);
        return null;
      case 'listen':
        if (!settings.beaconPort) throw new Error('no beacon port was asked for');
        beaconServer = beaconPortServer(
          createBeaconHandler({ db, ingest, ...settings.beaconPort }),
          new TrustedProxies(settings.beaconPort.trustedProxies),
        );
        return listenAt(beaconServer, settings.beaconPort);
      case 'close':
        await new Promise((resolve) =>
          beaconServer ? beaconServer.close(resolve) : resolve(null),
        );
        beaconServer?.closeAllConnections();
        await ingest.close();
        return null;
    }
  });
}

/** Takes `POST /api/beacon` and nothing else: 404 for any other request. */
function beaconPortServer(handle: BeaconHandler, proxies: TrustedProxies): Server {
  return createServer((req, res) => {
    noteClientAddress(req, proxies);
    if (req.method === 'POST' && req.url === BEACON_PATH) {
      answerBeaconRequest(handle, req, res);
      return;
    }
    req.resume();
    writeErrorAnswer(res, { status: 404, message: `this port takes POST ${BEACON_PATH} only` });
  });
}

async function listenAt(server: Server, at: BeaconPortSettings): Promise<string> {
  const port = await listen(server, at.port, at.host);
  const host = at.host.includes(':') ? `[${at.host}]` : at.host;
  return `http://${host}:${port}${BEACON_PATH}`;
}

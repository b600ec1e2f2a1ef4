/**
 * POST /api/beacon: the reader site's analytics beacon (site/assets/beacon.js). The steps run in
 * a fixed order, cheapest refusals first, so that a flood costs as little as possible:
 *
 * 1. Do Not Track or Global Privacy Control in the request's headers: 204, nothing read or
 *    stored (the script already sends nothing then; this is defence in depth).
 * 2. The per-client token bucket (client-rate-limit.ts), keyed by an HMAC of the address: 429.
 * 3. Another site's page (an `Origin` that is not ours): 403.
 * 4. Known bots and clients without a user agent: 204, nothing stored.
 * 5. Content type (text/plain, as sendBeacon sends a string, or application/json): 415; body
 *    over 4 KiB: 413; not JSON or not a valid payload: 400 naming the field.
 * 6. The article (and recommended stories) named must exist and be published; the section and
 *    language come from the database, never from the payload: 400 otherwise.
 * 7. The events join the group commit (event-writer.ts); 204 once they are committed, or 503 at
 *    once when the queue is full.
 *
 * Steps 1 to 5's size check run here, on the server's thread; the rest is the `BeaconIngest`'s
 * (beacon-ingest.ts), which the server runs on a worker thread (ingest-worker.ts).
 *
 * The address is used for the rate limit's HMAC and the visitor hash, and then forgotten: it is
 * never stored or logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { clientKeyHasher } from '../core/accounts/client-key.js';
import { clientAddressOf } from '../http/client-address.js';
import type { Database } from '../db/schema.js';
import type { BeaconAnswer, BeaconIngest } from './beacon-ingest.js';
import { isAutomatedClient } from './bots.js';
import { ClientRateLimit } from './client-rate-limit.js';

export type { BeaconAnswer } from './beacon-ingest.js';

export const BEACON_PATH = '/api/beacon';

/** A payload of 20 events with long paths and campaigns stays under 2 KiB; 4 KiB is generous. */
export const MAX_BEACON_BYTES = 4 * 1024;

export interface IngestRouteOptions {
  /** For the client key's secret (the rate limit). */
  db: Kysely<Database>;
  /** Steps 5 (the payload) to 7: on a worker thread when the server runs from the build. */
  ingest: BeaconIngest;
  publicUrl: string;
  /** Beacons a second per client, on average; bursts of four times as many are let through. */
  clientRatePerSecond: number;
}

/** A beacon request as both servers see it: Hono's route and the node-level fast path. */
export interface BeaconRequest {
  header(name: string): string | undefined;
  /** The client's network address as the socket gives it ('in-process' for in-process requests). */
  address: string;
  /** The body as text, or 'too-large' past `limit` bytes (read no further). */
  body(limit: number): Promise<string | 'too-large'>;
}

export type BeaconHandler = (request: BeaconRequest) => Promise<BeaconAnswer>;

const isOptedOut = (request: BeaconRequest) =>
  request.header('dnt') === '1' || request.header('sec-gpc') === '1';

const ACCEPTED_TYPES = /^(?:text\/plain|application\/json)\s*(?:;|$)/i;

/** Client keys already worked out, per address: an HMAC per beacon cost a tenth of a request. */
const CLIENT_KEY_MEMO_LIMIT = 50_000;

export function createBeaconHandler(options: IngestRouteOptions): BeaconHandler {
  const { ingest } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  // A page sends a view, then a heartbeat every 5 s and a few scroll or recommendation events;
  // a burst allows for several readers behind one address (an office, a school).
  const limit = new ClientRateLimit({
    ratePerSecond: options.clientRatePerSecond,
    burst: Math.max(20, options.clientRatePerSecond * 4),
  });
  let hasher: Promise<(address: string) => string> | undefined;
  // Held in memory only, like the rate limit's buckets; cleared when full.
  const clientKeys = new Map<string, string>();
  const clientKeyOf = async (address: string): Promise<string> => {
    const known = clientKeys.get(address);
    if (known !== undefined) return known;
    const key = (await (hasher ??= clientKeyHasher(options.db)))(address);
    if (clientKeys.size >= CLIENT_KEY_MEMO_LIMIT) clientKeys.clear();
    clientKeys.set(address, key);
    return key;
  };

  return async (request) => {
    if (isOptedOut(request)) return { status: 204 };
    const client = await clientKeyOf(request.address);
    if (!limit.take(client, Date.now()))
      return {
        status: 429,
        headers: { 'retry-after': String(limit.secondsUntilNext(client)) },
        message: 'too many beacons from this client; slow down',
      };
    const origin = request.header('origin');
    if (origin !== undefined && origin !== publicOrigin)
      return { status: 403, message: 'beacons are accepted from this site’s own pages only' };
    const userAgent = request.header('user-agent');
    if (userAgent === undefined || isAutomatedClient(userAgent)) return { status: 204 };
    if (!ACCEPTED_TYPES.test(request.header('content-type') ?? ''))
      return { status: 415, message: 'send the payload as text/plain or application/json' };
    const body = await request.body(MAX_BEACON_BYTES);
    if (body === 'too-large')
      return { status: 413, message: `the body is larger than ${MAX_BEACON_BYTES} bytes` };
    return ingest.accept({ body, address: request.address, userAgent });
  };
}

/** POST /api/beacon through Hono (in-process requests, and servers without the fast path). */
export function createIngestRoute(handle: BeaconHandler): Hono {
  const app = new Hono();
  app.post(BEACON_PATH, async (c) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const answer = await handle({
      header: (name) => c.req.header(name),
      address: clientAddressOf(incoming),
      body: async (limit) => {
        const declared = Number(c.req.header('content-length') ?? 0);
        if (declared > limit) return 'too-large';
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return bytes.byteLength > limit ? 'too-large' : new TextDecoder().decode(bytes);
      },
    });
    return answer.status === 204
      ? c.body(null, 204, answer.headers)
      : c.json({ error: { message: answer.message ?? '' } }, answer.status, answer.headers);
  });
  return app;
}

/**
 * POST /api/beacon straight from node:http, before Hono (server/node-server.ts): the Web
 * `Request` Hono's adapter builds for each beacon cost more than the rest of its handling.
 */
export function answerBeaconRequest(
  handle: BeaconHandler,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  void handle({
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    address: clientAddressOf(req),
    body: (limit) => readBody(req, limit),
  })
    .then((answer) => {
      if (answer.status === 204) res.writeHead(204, answer.headers).end();
      else writeErrorAnswer(res, { ...answer, message: answer.message ?? '' });
    })
    .catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'the beacon could not be handled' } }));
    });
}

/** An error's answer as node:http writes it: `{ "error": { "message" } }` as JSON. */
export function writeErrorAnswer(
  res: ServerResponse,
  answer: { status: number; message: string; headers?: Record<string, string> },
): void {
  const body = JSON.stringify({ error: { message: answer.message } });
  res
    .writeHead(answer.status, {
      ...answer.headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    })
    .end(body);
}

/** A request's body up to `limit` bytes; past it, reading stops and the connection is closed. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

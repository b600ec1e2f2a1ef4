/**
 * Serves a Galley app over node:http. Cached pages and analytics beacons are answered right here,
 * before the request is converted to a Web `Request` for Hono: on those paths that conversion
 * would cost more than the rest of the response. Both paths build their answer with
 * `pageResponseParts`, and the tests run the in-process app, so the shortcut cannot drift from
 * what Hono would send.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { TrustedProxies, noteClientAddress } from '../http/client-address.js';
import { pageResponseParts } from '../http/respond.js';
import { cacheUrlFor } from '../site/site-app.js';
import { BEACON_PATH, answerBeaconRequest } from '../analytics/ingest-route.js';
import type { Galley } from './create-galley.js';

const BASE = 'http://galley.invalid';

/** A path URL parsing would leave as it is: plain segments, no query, dots or escapes. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-]+)*\/?$/;

/** The cache key of a raw request URL; `new URL` (about 1 us) only when the URL needs it. */
function cacheUrlOf(rawUrl: string): string | null {
  if (PLAIN_PATH.test(rawUrl)) return rawUrl;
  try {
    return cacheUrlFor(new URL(rawUrl, BASE));
  } catch {
    return null; // Unparseable: let Hono answer it.
  }
}

export function createNodeServer(galley: Galley): Server {
  const viaHono = getRequestListener(galley.app.fetch);
  const cache = galley.pageCache;
  const beacons = galley.analytics?.handleBeacon;
  const proxies = new TrustedProxies(galley.config.trustedProxies);
  return createServer((req, res) => {
    noteClientAddress(req, proxies);
    // Analytics beacons come in floods; they skip Hono's Request conversion too.
    if (beacons && req.method === 'POST' && req.url === BEACON_PATH) {
      answerBeaconRequest(beacons, req, res);
      return;
    }
    if (cache.isEnabled && cache.size > 0 && (req.method === 'GET' || req.method === 'HEAD')) {
      const cacheUrl = cacheUrlOf(req.url ?? '/');
      const page = cacheUrl === null ? undefined : cache.get(cacheUrl);
      if (page) {
        const parts = pageResponseParts(cache, cacheUrl, page, {
          method: req.method,
          acceptEncoding: req.headers['accept-encoding'],
          ifNoneMatch: req.headers['if-none-match'],
        });
        res.writeHead(parts.status, parts.headers);
        res.end(parts.body);
        return;
      }
    }
    void viaHono(req, res);
  });
}

// Kept here too for the callers that serve Galley; listen.ts has no dependencies (a worker
// thread's server uses it without loading the site).
export { listen } from './listen.js';

/**
 * Turns a rendered page into an HTTP response: content negotiation (Brotli, gzip) and conditional
 * requests (ETag / If-None-Match -> 304); the headers come with the cached variant. The in-process app and the
 * node fast path (server/) both answer through `pageResponseParts`, so they cannot disagree.
 */
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import type { PageCache, RenderedPage } from './page-cache.js';
import { etagFor, matchesEtag, negotiateEncoding, pageHeaders } from './page-cache.js';

export { SECURITY_HEADERS } from './page-cache.js';

export interface RequestFacts {
  method: string;
  acceptEncoding: string | null | undefined;
  ifNoneMatch: string | null | undefined;
}

export interface ResponseParts {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export function pageResponseParts(
  cache: PageCache,
  cacheUrl: string | null,
  page: RenderedPage,
  request: RequestFacts,
): ResponseParts {
  const wanted = negotiateEncoding(request.acceptEncoding);
  if (page.status === 200 && matchesEtag(request.ifNoneMatch, page)) {
    return {
      status: 304,
      headers: { ...pageHeaders(page), etag: etagFor(page, wanted) },
      body: null,
    };
  }
  const variant = cache.variant(cacheUrl, page, wanted);
  return {
    status: page.status,
    headers: variant.headers,
    body: request.method === 'HEAD' ? null : variant.body,
  };
}

export function toResponse(parts: ResponseParts): Response {
  return new Response(parts.body, { status: parts.status, headers: parts.headers });
}

/**
 * Sends the parts. Under @hono/node-server (which puts Node's response in `c.env.outgoing`) they
 * are written straight to the socket: building a Web `Response` only for the adapter to take it
 * apart again cost about a tenth of an uncached page. Elsewhere (`app.request()` in tests, other
 * runtimes) it returns an ordinary `Response`.
 */
export function sendParts(c: Context, parts: ResponseParts): Response {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (!outgoing) return toResponse(parts);
  outgoing.writeHead(parts.status, parts.headers);
  outgoing.end(parts.body ?? undefined);
  return RESPONSE_ALREADY_SENT;
}

/**
 * Sends a rendered page (or feed, or sitemap) for this request: conditional GET, HEAD, the
 * encoding the client accepts, and the page cache's stored variants when `cacheUrl` names one.
 */
export function sendPage(
  c: Context,
  pageCache: PageCache,
  page: RenderedPage,
  cacheUrl: string | null,
): Response {
  return sendParts(
    c,
    pageResponseParts(pageCache, cacheUrl, page, {
      method: c.req.method,
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    }),
  );
}

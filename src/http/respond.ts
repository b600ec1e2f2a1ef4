/**
 * Turns a rendered page into an HTTP response: content negotiation (Brotli, gzip) and conditional
 * requests (ETag / If-None-Match -> 304); the headers come with the cached variant. The in-process app and the
 * node fast path (server/) both answer through `pageResponseParts`, so they cannot disagree.
 */
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

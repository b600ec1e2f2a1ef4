/**
 * Turns a rendered page into an HTTP response: content negotiation (Brotli, gzip), conditional
 * requests (ETag / If-None-Match -> 304), cache and security headers. The in-process app and the
 * node fast path (server/) both answer through `pageResponseParts`, so they cannot disagree.
 */
import type { PageCache, RenderedPage } from './page-cache.js';
import { etagFor, matchesEtag, negotiateEncoding } from './page-cache.js';

/**
 * Reader pages run no script and load nothing from other origins; the policy says so, which
 * also shuts the door on injected markup that slipped past escaping.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

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
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': page.contentType,
    'cache-control': page.cacheControl,
    vary: 'Accept-Encoding',
  };
  if (page.contentLanguage) headers['content-language'] = page.contentLanguage;
  if (page.surrogateKeys.length > 0) {
    // Fastly and others read Surrogate-Key (space-separated); Cloudflare reads Cache-Tag (commas).
    headers['surrogate-key'] = page.surrogateKeys.join(' ');
    headers['cache-tag'] = page.surrogateKeys.join(',');
  }
  const isCacheable = page.status === 200;
  const wanted = negotiateEncoding(request.acceptEncoding);
  if (isCacheable && matchesEtag(request.ifNoneMatch, page)) {
    headers['etag'] = etagFor(page, wanted);
    return { status: 304, headers, body: null };
  }
  const { body, encoding } = cache.bodyFor(cacheUrl, page, wanted);
  if (isCacheable) headers['etag'] = etagFor(page, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return { status: page.status, headers, body: request.method === 'HEAD' ? null : body };
}

export function toResponse(parts: ResponseParts): Response {
  return new Response(parts.body, { status: parts.status, headers: parts.headers });
}

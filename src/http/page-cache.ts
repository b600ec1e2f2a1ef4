/**
 * The in-memory cache of rendered pages. Each entry remembers the surrogate keys of everything
 * the page shows; `invalidate(keys)` drops exactly the entries that share one. Compressed
 * variants are made on first request for each encoding and kept with the entry.
 *
 * The cache holds only copies: the database stays the source of truth, so a process can start
 * cold, and several processes can each keep their own cache.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface RenderedPage {
  status: number;
  contentType: string;
  body: Buffer;
  /** Strong validator of the identity body; compressed variants derive theirs from it. */
  etag: string;
  surrogateKeys: string[];
  cacheControl: string;
  contentLanguage: string | null;
  /** What this page needs beyond the default policy; its CSP allows exactly that. */
  allowances?: PageAllowances;
}

/**
 * What a page may need beyond the reader pages' default policy, which runs no script and loads
 * nothing from other origins. Each page asks only for what it shows.
 */
export interface PageAllowances {
  /**
   * Same-origin scripts (the error-report enhancement, the video player, the embed loader):
   * `script-src 'self'`, and `connect-src 'self'` for their requests.
   */
  ownScripts?: boolean;
  /** Same-origin audio and video: `media-src 'self'`. */
  media?: boolean;
  /**
   * Origins of third-party players a reader may load by pressing a button (`frame-src`). Naming
   * an origin in the policy requests nothing from it.
   */
  frameOrigins?: readonly string[];
  /** Inline styles, for custom elements that keep their styles in their shadow roots. */
  inlineStyles?: boolean;
}

/** One encoding of a page, ready to send: the body and every response header. */
export interface Variant {
  encoding: Encoding;
  body: Buffer;
  headers: Record<string, string>;
}

interface Entry {
  page: RenderedPage;
  storedAt: number;
  /** Built on first request for each encoding, then reused: the warm path only writes bytes. */
  variants: Partial<Record<Encoding, Variant>>;
}

/**
 * Reader pages run no script and load nothing from other origins; the policy says so, which
 * also shuts the door on injected markup that slipped past escaping.
 */
const DEFAULT_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': DEFAULT_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

const policiesByAllowances = new Map<string, string>();

/** The CSP of a page with these allowances; without any, the default policy. */
export function contentSecurityPolicy(allowances: PageAllowances | undefined): string {
  if (!allowances) return DEFAULT_CSP;
  const cacheKey = JSON.stringify(allowances);
  let policy = policiesByAllowances.get(cacheKey);
  if (policy === undefined) {
    const directives = DEFAULT_CSP.split('; ').map((directive) =>
      allowances.inlineStyles && directive.startsWith('style-src ')
        ? `${directive} 'unsafe-inline'`
        : directive,
    );
    if (allowances.ownScripts) directives.push("script-src 'self'", "connect-src 'self'");
    if (allowances.media) directives.push("media-src 'self'");
    if (allowances.frameOrigins?.length)
      directives.push(`frame-src ${[...allowances.frameOrigins].sort().join(' ')}`);
    policy = directives.join('; ');
    policiesByAllowances.set(cacheKey, policy);
  }
  return policy;
}

/** The headers every response for this page carries, whatever its encoding or status. */
export function pageHeaders(page: RenderedPage): Record<string, string> {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...(page.allowances && { 'content-security-policy': contentSecurityPolicy(page.allowances) }),
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
  return headers;
}

function buildVariant(page: RenderedPage, wanted: Encoding): Variant {
  const encoding =
    wanted === 'identity' || page.body.length < MIN_COMPRESS_BYTES ? 'identity' : wanted;
  const body = encoding === 'identity' ? page.body : encode(page.body, encoding);
  const headers = pageHeaders(page);
  // Only a 200 is a representation worth validating; error pages carry no ETag.
  if (page.status === 200) headers['etag'] = etagFor(page, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return { encoding, body, headers };
}

/** Builds a page record: hashes the body once, for the ETag. */
export function renderedPage(
  input: Omit<RenderedPage, 'etag' | 'body'> & { body: string | Buffer },
): RenderedPage {
  const body = typeof input.body === 'string' ? Buffer.from(input.body) : input.body;
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { ...input, body, etag };
}

/** Compressing a body as it is stored: Brotli at 5 is ~4x faster than its default 11 for ~3% more bytes on HTML. */
function encode(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });
}

/** Below this size compression costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Picks the encoding a client accepts, preferring Brotli. Honors `q=0` exclusions.
 *
 * @example
 * negotiateEncoding('gzip, deflate, br') // 'br'
 */
export function negotiateEncoding(acceptEncoding: string | null | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let brotli = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const excluded = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    if (excluded) continue;
    if (name === 'br') brotli = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
  }
  return brotli ? 'br' : gzip ? 'gzip' : 'identity';
}

/** The ETag of one encoding of a page; the same representation always gets the same tag. */
export function etagFor(page: RenderedPage, encoding: Encoding): string {
  return encoding === 'identity'
    ? page.etag
    : `${page.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

/** True when If-None-Match names this page in any of its encodings (weak comparison, RFC 9110). */
export function matchesEtag(ifNoneMatch: string | null | undefined, page: RenderedPage): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = page.etag.slice(1, -1);
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === opaque || tag === `${opaque}-br` || tag === `${opaque}-gz`;
  });
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(
    readonly isEnabled: boolean,
    private readonly maxEntries = 5000,
    /**
     * A safety net, not the mechanism: pages are dropped by key when they change. Should an
     * invalidation ever be missed (another process's change read too late), a page is still
     * rendered afresh after this long.
     */
    private readonly maxAgeMs = 10 * 60_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(url: string): RenderedPage | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > this.maxAgeMs) {
      this.delete(url);
      return undefined;
    }
    return entry.page;
  }

  set(url: string, page: RenderedPage): void {
    if (!this.isEnabled) return;
    this.delete(url);
    if (this.entries.size >= this.maxEntries) {
      // Map iteration is insertion order, so the first entry is the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.entries.set(url, { page, storedAt: Date.now(), variants: {} });
    for (const key of page.surrogateKeys) {
      let urls = this.byKey.get(key);
      if (!urls) this.byKey.set(key, (urls = new Set()));
      urls.add(url);
    }
  }

  /**
   * The page in the given encoding, with its headers. Cached pages keep each variant they were
   * asked for; pages not in the cache (cache off, or an error page) are built for this response.
   */
  variant(url: string | null, page: RenderedPage, encoding: Encoding): Variant {
    const entry = url === null ? undefined : this.entries.get(url);
    if (entry && entry.page === page)
      return (entry.variants[encoding] ??= buildVariant(page, encoding));
    return buildVariant(page, encoding);
  }

  /** Drops every page that carries one of the keys. Returns how many were dropped. */
  invalidate(keys: Iterable<string>): number {
    let dropped = 0;
    for (const key of keys) {
      const urls = this.byKey.get(key);
      if (!urls) continue;
      for (const url of [...urls]) {
        if (this.delete(url)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.byKey.clear();
  }

  private delete(url: string): boolean {
    const entry = this.entries.get(url);
    if (!entry) return false;
    this.entries.delete(url);
    for (const key of entry.page.surrogateKeys) {
      const urls = this.byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

/**
 * Fetches an agency image for an import, without letting the import hang: http(s) only, a short
 * time limit for the whole download, a size limit checked while reading, and (unless the caller
 * allows it) no requests to loopback or private addresses, so an Admin API caller cannot make
 * the server probe its own network. A failure is an answer (`{ ok: false, reason }`), never an
 * exception: the import keeps the image's words and marks it missing.
 */
import { isIP } from 'node:net';

export interface FetchImageOptions {
  timeoutMs: number;
  maxBytes: number;
  /** The command line allows private addresses (its operator reaches them anyway); the API does not. */
  allowPrivateNetwork: boolean;
}

export type FetchedImage = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Loopback, private, link-local and unique-local addresses, and the names that mean them. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (version === 6)
    return (
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      /^::ffff:/.test(host)
    );
  return false;
}

export async function fetchImage(href: string, options: FetchImageOptions): Promise<FetchedImage> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'the rendition URL is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `only http(s) renditions are fetched, not ${url.protocol}` };
  if (!options.allowPrivateNetwork && isPrivateHost(url.hostname))
    return { ok: false, reason: `${url.hostname} is a private or local address; not fetched` };
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    // Redirects are not followed: a public host could send the request on to a private one.
    const response = await fetch(url, { signal, redirect: 'manual' });
    if (!response.ok || !response.body)
      return { ok: false, reason: `the agency answered ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes)
      return { ok: false, reason: `the image is larger than ${options.maxBytes} bytes` };
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        await response.body.cancel().catch(() => undefined);
        return { ok: false, reason: `the image is larger than ${options.maxBytes} bytes` };
      }
      chunks.push(Buffer.from(chunk));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (signal.aborted)
      return { ok: false, reason: `no answer within ${options.timeoutMs / 1000} s` };
    const cause = (error as Error).cause as { code?: string } | undefined;
    return {
      ok: false,
      reason: `could not fetch it (${cause?.code ?? (error as Error).message})`,
    };
  }
}

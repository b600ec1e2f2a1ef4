/**
 * The reader's network address behind a reverse proxy. Behind nginx or a load balancer every
 * request comes from the proxy's address: per-client rate limits (beacons, logins, error
 * reports) would then throttle the whole audience as one client, and analytics would count one
 * visitor. `X-Forwarded-For` names the client, but anyone can send it, so it is read only when
 * the connection comes from a proxy the operator names (`GALLEY_TRUSTED_PROXIES`), and only as
 * far back as the first address that is not one of those proxies.
 *
 * The server resolves each request's address once, at the edge (`noteClientAddress`, in
 * server/node-server.ts and the beacon port's server); handlers ask `clientAddressOf`.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack socket) is `10.0.0.1`. */
const normalized = (address: string): string =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

export class TrustedProxies {
  private readonly addresses: ReadonlySet<string>;

  /** Exact addresses (IPv4 or IPv6); anything else is refused by the configuration. */
  constructor(addresses: readonly string[] = []) {
    this.addresses = new Set(addresses.map(normalized));
  }

  get isEmpty(): boolean {
    return this.addresses.size === 0;
  }

  has(address: string): boolean {
    return this.addresses.has(normalized(address));
  }

  /**
   * The client's address for a connection from `peer`: `peer` itself unless it is a trusted
   * proxy; then the right-most `X-Forwarded-For` entry that is not a trusted proxy (each proxy
   * appends the address it saw, so entries left of that one were written by the client).
   * A malformed entry stops the walk at the last address known good.
   */
  clientOf(peer: string, forwardedFor: string | string[] | undefined): string {
    let client = normalized(peer);
    if (!this.has(client) || forwardedFor === undefined) return client;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = normalized((hops[index] ?? '').trim());
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!this.has(hop)) return hop;
    }
    return client;
  }
}

const resolved = new WeakMap<IncomingMessage, string>();

/** Works out the request's client address, once, where the request enters the server. */
export function noteClientAddress(req: IncomingMessage, proxies: TrustedProxies): void {
  if (proxies.isEmpty) return;
  const peer = req.socket.remoteAddress;
  if (peer !== undefined && proxies.has(peer))
    resolved.set(req, proxies.clientOf(peer, req.headers['x-forwarded-for']));
}

/** The client's address for a request (`in-process` for requests made without a socket). */
export function clientAddressOf(req: IncomingMessage | undefined): string {
  if (!req) return 'in-process';
  return resolved.get(req) ?? req.socket.remoteAddress ?? 'unknown';
}

/** The client's address for a request Hono serves (its node request is `c.env.incoming`). */
export function requestClientAddress(c: Context): string {
  return clientAddressOf((c.env as { incoming?: IncomingMessage } | undefined)?.incoming);
}

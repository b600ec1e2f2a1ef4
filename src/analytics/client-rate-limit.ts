/**
 * A token bucket per client, in memory: each client (an HMAC of its address, never the address)
 * may send `ratePerSecond` requests a second on average, in bursts of up to `burst`. Beacons are
 * cheap and many, so unlike error reports their limit is kept per process rather than in the
 * database: a refusal must cost less than an acceptance, or a flood wins either way.
 */
export interface RateLimitOptions {
  ratePerSecond: number;
  burst: number;
  /** Clients remembered at most; a flood of addresses cannot grow memory past it. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class ClientRateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    this.maxClients = options.maxClients ?? 50_000;
  }

  /** Takes a token for `client`: true when the request may go ahead, false when it is over. */
  take(client: string, nowMs: number): boolean {
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size >= this.maxClients) this.forgetFullBuckets(nowMs);
      bucket = { tokens: this.options.burst, updatedMs: nowMs };
      this.buckets.set(client, bucket);
    } else {
      const refill = ((nowMs - bucket.updatedMs) / 1000) * this.options.ratePerSecond;
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + refill);
      bucket.updatedMs = nowMs;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `client` has a token again (at least 1), for Retry-After. */
  secondsUntilNext(client: string): number {
    const tokens = this.buckets.get(client)?.tokens ?? this.options.burst;
    return Math.max(1, Math.ceil((1 - tokens) / this.options.ratePerSecond));
  }

  /** A bucket refilled to the brim is the same as no bucket; if all are busy, start over. */
  private forgetFullBuckets(nowMs: number): void {
    for (const [client, bucket] of this.buckets) {
      const refill = ((nowMs - bucket.updatedMs) / 1000) * this.options.ratePerSecond;
      if (bucket.tokens + refill >= this.options.burst) this.buckets.delete(client);
    }
    if (this.buckets.size >= this.maxClients) this.buckets.clear();
  }
}

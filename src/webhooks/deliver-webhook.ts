/**
 * Sending one webhook delivery: the JSON body, signed with HMAC-SHA256 so the receiver can tell
 * it came from us and was not replayed later, and a deadline so a slow receiver never holds a
 * worker (or anything else) up.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-galley-signature';
export const TIMESTAMP_HEADER = 'x-galley-timestamp';
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * `sha256=<hex>` of `<timestamp>.<body>`: the receiver recomputes it with the shared secret and
 * rejects timestamps older than a few minutes.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface DeliveryOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  ok: boolean;
}

export async function deliverWebhook(
  target: { url: string; secret: string },
  event: { id: string; type: string },
  body: string,
  options: { timeoutMs?: number; now?: Date } = {},
): Promise<DeliveryOutcome> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const started = performance.now();
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Galley-Webhooks/1',
        'x-galley-event': event.type,
        'x-galley-delivery': event.id,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: webhookSignature(target.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
    });
    // The receiver's answer is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: ok ? null : `the receiver answered ${response.status}`,
      durationMs: Math.round(performance.now() - started),
      ok,
    };
  } catch (error) {
    const isTimeout = (error as Error).name === 'TimeoutError';
    return {
      statusCode: null,
      error: isTimeout
        ? `no answer within ${(options.timeoutMs ?? DELIVERY_TIMEOUT_MS) / 1000} s`
        : `could not reach the receiver: ${(error as Error).message}`,
      durationMs: Math.round(performance.now() - started),
      ok: false,
    };
  }
}

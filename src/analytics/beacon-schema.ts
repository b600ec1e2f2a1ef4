/**
 * The beacon's payload (site/assets/beacon.js), checked before anything is stored: one page's
 * context and up to 20 events from it. Every field is bounded, unknown fields are refused, and
 * the ids it names are checked against the database afterwards (ingest-route.ts): a payload is
 * a claim by an anonymous client, never a fact.
 *
 * @example
 * { "v": 1, "path": "/en/city/ferry-fares", "locale": "en", "article": 12,
 *   "events": [{ "kind": "view", "referrer": "news.example", "campaign": "spring" },
 *              { "kind": "scroll", "quarter": 1 }] }
 */
import { z } from 'zod';
import type { Locale } from '../db/schema.js';

/** The most events one payload carries; the script sends more as further payloads. */
export const MAX_EVENTS_PER_PAYLOAD = 20;

const articleId = z.int().min(1).max(2_147_483_647);

/** A host name as `URL.hostname` gives it: letters, digits, dots, hyphens (IPv6 in brackets). */
const referrerDomain = z
  .string()
  .max(253)
  .regex(/^(?:[a-z0-9.-]*|\[[0-9a-f:.]+\])$/i, 'must be a host name such as news.example');

const viewEvent = z.strictObject({
  kind: z.literal('view'),
  /** The referring site's host name; '' or absent for none or this site. */
  referrer: referrerDomain.optional(),
  /** utm_campaign of the page's address; '' or absent for none. */
  campaign: z.string().max(100).optional(),
});

const engagedEvent = z.strictObject({
  kind: z.literal('engaged'),
  /** Engaged seconds since the last heartbeat: 5, or fewer when the reader leaves. */
  seconds: z.int().min(1).max(5),
});

const scrollEvent = z.strictObject({
  kind: z.literal('scroll'),
  /** The quarter of the page reached: 1 (25%) to 4 (100%). */
  quarter: z.int().min(1).max(4),
});

const recommendationEvent = z.strictObject({
  kind: z.enum(['rec_impression', 'rec_click']),
  /** The recommended story (its `data-rec-target`). */
  target: articleId,
});

export const beaconEvent = z.discriminatedUnion('kind', [
  viewEvent,
  engagedEvent,
  scrollEvent,
  recommendationEvent,
]);
export type BeaconEvent = z.infer<typeof beaconEvent>;

export const beaconPayload = z.strictObject({
  v: z.literal(1),
  /** The page's path, without its query (search terms stay in the browser). */
  path: z
    .string()
    .min(1)
    .max(300)
    .regex(/^\/[^\s?#]*$/, 'must be a path starting with / and without a query'),
  locale: z.enum(['en', 'es'] as const satisfies readonly Locale[]),
  /** The article the page shows (its body's `data-analytics-article`); absent elsewhere. */
  article: articleId.optional(),
  events: z.array(beaconEvent).min(1).max(MAX_EVENTS_PER_PAYLOAD),
});
export type BeaconPayload = z.infer<typeof beaconPayload>;

/**
 * The payload, or a message saying what is wrong with it (naming the field), for a 400.
 *
 * @example
 * parseBeacon('{"v":1}') // { ok: false, message: 'path: ...' }
 */
export function parseBeacon(
  text: string,
): { ok: true; payload: BeaconPayload } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the body is not JSON' };
  }
  const parsed = beaconPayload.safeParse(json);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return {
    ok: false,
    message: `${field === '' ? 'payload' : field}: ${issue?.message ?? 'invalid'}`,
  };
}

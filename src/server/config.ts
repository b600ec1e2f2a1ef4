/**
 * Configuration from environment variables, optionally from a JSON file named by GALLEY_CONFIG
 * (same keys; the environment wins). Every value is checked at start, so a typo stops Galley
 * with a message instead of surfacing later as a strange failure.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Canonical origin, without a trailing slash. */
  publicUrl: string;
  /** Load demo content into an empty database at start. */
  loadDemo: boolean;
  /** The in-memory page cache; off only to measure rendering (`GALLEY_PAGE_CACHE=0`). */
  pageCache: boolean;
  /**
   * What feeds carry: whole stories, or only their summaries (`GALLEY_FEED_CONTENT=summary`).
   * Left out, it is 'full'.
   */
  feedContent?: 'full' | 'summary';
  /**
   * One base URL standing in for every network's oEmbed endpoint (`GALLEY_OEMBED_BASE`), e.g.
   * a local server for tests: network N is then asked at `BASE/N/oembed`. Left out, each
   * network's own endpoint.
   */
  oembedBase?: string;
  /** ffmpeg and ffprobe to run (`GALLEY_FFMPEG`, `GALLEY_FFPROBE`); left out, found on PATH. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** The largest video upload in bytes (`GALLEY_VIDEO_MAX_BYTES`); left out, 2 GiB. */
  videoMaxBytes?: number;
  /** First-party analytics (the beacon, rollups, pruning); off with `GALLEY_ANALYTICS=0`. */
  analytics?: boolean;
  /** Days raw analytics events are kept (`GALLEY_ANALYTICS_RETENTION_DAYS`); left out, 30. */
  analyticsRetentionDays?: number;
  /**
   * Beacons a second one client address may send on average (`GALLEY_ANALYTICS_CLIENT_RATE`);
   * left out, 10. Raised only where one address stands for very many readers, or by a benchmark.
   */
  analyticsClientRate?: number;
  /**
   * A second port, on HOST, that takes only `POST /api/beacon`, served by the ingest thread
   * itself (`GALLEY_ANALYTICS_PORT`): a reverse proxy that routes the beacon's path there keeps
   * the beacons' HTTP off the thread that serves pages. Left out, beacons use PORT only.
   */
  analyticsPort?: number;
  /**
   * Addresses of the reverse proxies in front of Galley (`GALLEY_TRUSTED_PROXIES`, separated by
   * commas): from these only, `X-Forwarded-For` names the client, for per-client rate limits
   * and analytics visitors (http/client-address.ts). Left out, the socket's address is the
   * client's, and the header is ignored.
   */
  trustedProxies?: string[];
}

export class ConfigError extends Error {}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://news.example' })
    .optional(),
  GALLEY_DEMO: z.enum(['0', '1']).optional(),
  GALLEY_PAGE_CACHE: z.enum(['0', '1']).optional(),
  GALLEY_FEED_CONTENT: z.enum(['full', 'summary']).optional(),
  GALLEY_OEMBED_BASE: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8089' })
    .optional(),
  GALLEY_FFMPEG: z.string().min(1).optional(),
  GALLEY_FFPROBE: z.string().min(1).optional(),
  GALLEY_VIDEO_MAX_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .min(1024 * 1024, 'must be at least 1 MiB (1048576)')
    .optional(),
  GALLEY_ANALYTICS: z.enum(['0', '1']).optional(),
  GALLEY_ANALYTICS_RETENTION_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .optional(),
  GALLEY_ANALYTICS_CLIENT_RATE: z.coerce
    .number()
    .int('must be a whole number of beacons a second')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000')
    .optional(),
  GALLEY_ANALYTICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  GALLEY_TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
    )
    .refine((addresses) => addresses.every((address) => isIP(address) !== 0), {
      error: 'must list IP addresses separated by commas, such as 127.0.0.1,::1',
    })
    .optional(),
});

const KEYS = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

function readConfigFile(path: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ConfigError(`${path}: must hold a JSON object`);
    const unknownKeys = Object.keys(parsed).filter((key) => !KEYS.includes(key as never));
    if (unknownKeys.length > 0)
      throw new ConfigError(`${path}: unknown setting ${unknownKeys.join(', ')}`);
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`GALLEY_CONFIG ${path}: ${(error as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env['GALLEY_CONFIG'] ? readConfigFile(env['GALLEY_CONFIG']) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of KEYS) if (env[key] !== undefined && env[key] !== '') merged[key] = env[key];
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.') ?? 'config'}: ${issue?.message ?? 'invalid'}`);
  }
  const values = parsed.data;
  const dataDir = resolve(values.DATA_DIR);
  const publicUrl = (
    values.PUBLIC_URL ??
    `http://${values.HOST.includes(':') ? `[${values.HOST}]` : values.HOST}:${values.PORT}`
  ).replace(/\/+$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? `sqlite:${join(dataDir, 'galley.db')}`,
    publicUrl,
    loadDemo: values.GALLEY_DEMO !== '0',
    pageCache: values.GALLEY_PAGE_CACHE !== '0',
    // Unset stays undefined (read as 'full'), so Config objects built in code need not name it.
    feedContent: values.GALLEY_FEED_CONTENT,
    oembedBase: values.GALLEY_OEMBED_BASE?.replace(/\/+$/, ''),
    ffmpegPath: values.GALLEY_FFMPEG,
    ffprobePath: values.GALLEY_FFPROBE,
    videoMaxBytes: values.GALLEY_VIDEO_MAX_BYTES,
    analytics: values.GALLEY_ANALYTICS === undefined ? undefined : values.GALLEY_ANALYTICS === '1',
    analyticsRetentionDays: values.GALLEY_ANALYTICS_RETENTION_DAYS,
    analyticsClientRate: values.GALLEY_ANALYTICS_CLIENT_RATE,
    analyticsPort: values.GALLEY_ANALYTICS_PORT,
    trustedProxies: values.GALLEY_TRUSTED_PROXIES,
  };
}

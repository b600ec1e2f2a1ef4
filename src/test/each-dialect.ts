/**
 * Runs a suite once per database dialect, against real databases: a fresh SQLite file and a
 * fresh PostgreSQL database per suite. No mocks.
 *
 * Without a reachable PostgreSQL the PostgreSQL half is skipped with a message, except under CI
 * (CI=true), where that is an error: CI must run both halves.
 *
 * @example
 * describeEachDialect('articles', (t) => {
 *   it('stores one', async () => { await runOperation(t.galley.core, createArticle, ...) });
 * });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DialectName } from '../db/dialects/dialect-adapter.js';
import {
  createTestDatabase,
  probePostgres,
} from '../db/dialects/postgres/postgres-test-database.js';
import type { Logger } from '../lib/log.js';
import { memoryLogger } from '../lib/log.js';
import type { Config } from '../server/config.js';
import { createGalley } from '../server/create-galley.js';
import type { Galley } from '../server/create-galley.js';

const postgres = await probePostgres();
if (!postgres.ok) {
  const message = `PostgreSQL is not reachable (${postgres.reason}): the PostgreSQL half of the database tests is skipped`;
  if (process.env['CI']) throw new Error(`${message}. Under CI both halves must run.`);
  console.warn(message);
}

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export interface DialectSuite {
  dialect: DialectName;
  galley: Galley;
  logger: ReturnType<typeof memoryLogger>;
}

/** A Galley instance on a new, empty database of the given dialect. */
export async function openTestGalley(
  dialect: DialectName,
  options: {
    demo?: boolean;
    pageCache?: boolean;
    logger?: Logger;
    /** Where readers reach it; the default is a name no request ever goes to. */
    publicUrl?: string;
  } = {},
): Promise<{ galley: Galley; cleanUp: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galley-test-'));
  const pgDatabase = dialect === 'postgres' ? await createTestDatabase() : null;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: pgDatabase ? pgDatabase.url : `sqlite:${join(dataDir, 'galley.db')}`,
    publicUrl: options.publicUrl ?? 'https://news.galley.test',
    loadDemo: options.demo ?? false,
    pageCache: options.pageCache ?? true,
  };
  const galley = await createGalley(config, { logger: options.logger ?? memoryLogger() });
  return {
    galley,
    cleanUp: async () => {
      await galley.close();
      await pgDatabase?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function describeEachDialect(
  title: string,
  options: { demo?: boolean; pageCache?: boolean },
  body: (suite: DialectSuite) => void,
): void {
  for (const dialect of DIALECTS) {
    const isSkipped = dialect === 'postgres' && !postgres.ok;
    (isSkipped ? describe.skip : describe)(`${title} [${dialect}]`, () => {
      const suite = { dialect, logger: memoryLogger() } as DialectSuite;
      let cleanUp: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await openTestGalley(dialect, { ...options, logger: suite.logger });
        suite.galley = opened.galley;
        cleanUp = opened.cleanUp;
      });
      afterAll(async () => {
        await cleanUp?.();
      });
      body(suite);
    });
  }
}

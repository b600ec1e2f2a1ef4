/**
 * `npm run bench:login`: how long a staff login takes (argon2id verify, session insert, cookie),
 * through the Admin API in process, on a throwaway SQLite database. Thirty logins; the median
 * and the 90th percentile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../core/accounts/passwords.js';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createStaffUser } from '../core/operations/index.js';
import { createGalley } from '../server/create-galley.js';

const RUNS = 30;
const PASSWORD = 'a long enough passphrase';

const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-login-'));
const galley = await createGalley(
  {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: `sqlite:${join(dataDir, 'galley.db')}`,
    publicUrl: 'http://127.0.0.1',
    loadDemo: false,
    pageCache: true,
  },
  { logger: { info: () => undefined, error: (message) => console.error(message) } },
);
try {
  await runOperation(galley.core, createStaffUser, systemActor('cli'), {
    email: 'bench@galley.example',
    name: 'Bench',
    role: 'admin',
    password: PASSWORD,
  });
  const millis: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const response = await galley.app.request('/api/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@galley.example', password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login answered ${response.status}`);
    millis.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  millis.sort((a, b) => a - b);
  const hashStarted = process.hrtime.bigint();
  for (let run = 0; run < 10; run++) await hashPassword(PASSWORD);
  const hashMs = Number(process.hrtime.bigint() - hashStarted) / 1e6 / 10;
  console.log(
    `login through the Admin API (${RUNS} runs): median ${millis[RUNS / 2]?.toFixed(1)} ms, p90 ${millis[Math.floor(RUNS * 0.9)]?.toFixed(1)} ms`,
  );
  console.log(`argon2id hash (m=19456 KiB, t=2, p=1), mean of 10: ${hashMs.toFixed(1)} ms`);
} finally {
  await galley.close();
  rmSync(dataDir, { recursive: true, force: true });
}

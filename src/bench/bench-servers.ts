/**
 * Processes the benchmarks measure: Galley started as `bin/galley.js serve` (as `npm start` runs
 * it) on a free port of 127.0.0.1, and the wait until a process answers.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const BIN = new URL('../../bin/galley.js', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitUntilServing(origin: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`${origin}: the server exited with ${child.exitCode}`);
    try {
      await fetch(`${origin}/en/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${origin} did not start within 60 s`);
}

export async function startGalley(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  // The same V8 flag as `npm start`: a larger young generation means fewer scavenges of the
  // short-lived strings each render makes (measured: about +15% uncached throughput).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', BIN, 'serve'], {
    // One public URL for both Galley processes, so their pages (canonical links) are identical.
    env: {
      PATH: process.env['PATH'] ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://bench.galley.test',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(origin, child);
  return { origin, child };
}

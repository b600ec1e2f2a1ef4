import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../lib/log.js';
import { loadConfig } from '../server/config.js';
import { createGalley } from '../server/create-galley.js';

// The CLI as users run it: the compiled build behind bin/galley.js (`npm test` builds first).
const bin = new URL('../../bin/galley.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'galley-cli-'));

function galley(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, ...env },
    ...(input === undefined ? {} : { input }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const addUser = (email: string, name: string, role: string) =>
  galley(['user', 'add', '--email', email, '--name', name, '--role', role]);

describe('galley CLI', () => {
  it('lists its commands with --help and exits 0', () => {
    const { code, stdout } = galley(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('exits 64 on an unknown command or option', () => {
    expect(galley(['publish-everything']).code).toBe(64);
    expect(galley(['--frobnicate']).code).toBe(64);
    expect(galley([]).code).toBe(64);
  });

  it('exits 78 on bad configuration, naming the setting', () => {
    const { code, stderr } = galley(['migrate'], { PORT: 'eighty' });
    expect(code).toBe(78);
    expect(stderr).toContain('PORT');
  });

  it('migrates, loads the demo once, and refuses to load it twice', () => {
    expect(galley(['migrate']).code).toBe(0);
    expect(existsSync(join(dataDir, 'galley.db'))).toBe(true);
    expect(galley(['migrate']).stdout).toContain('is up to date');
    const demo = galley(['demo']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/loaded demo content: \d+ articles/);
    const again = galley(['demo']);
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('only into an empty database');
  });

  it('adds staff accounts and resets passwords, printing a new password only once', async () => {
    const added = addUser('Chief@Galley.Example', 'Chief Editor', 'admin');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^added admin chief@galley\.example$/im);
    expect(added.stdout).toMatch(/^password: [\w-]{20,}$/m);
    const again = addUser('chief@galley.example', 'Again', 'admin');
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('already exists');
    const badRole = addUser('x@galley.example', 'X', 'boss');
    expect(badRole.code).toBe(65);
    expect(badRole.stderr).toContain('role: must be one of contributor, author, editor, admin');
    const reset = galley(
      ['user', 'reset-password', '--email', 'chief@galley.example', '--password-stdin'],
      {},
      'a chosen passphrase\n',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain('a chosen passphrase');
    // The new password works through the Admin API.
    const galleyApp = await createGalley(loadConfig({ DATA_DIR: dataDir, GALLEY_DEMO: '0' }), {
      logger: memoryLogger(),
    });
    try {
      const login = await galleyApp.app.request('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chief@galley.example', password: 'a chosen passphrase' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await galleyApp.close();
    }
    expect(galley(['user', 'frobnicate']).code).toBe(64);
  });

  it('exits 69 when the database cannot be reached, without printing its password', () => {
    const { code, stderr } = galley(['migrate'], {
      DATABASE_URL: 'postgres://galley:hunter2@127.0.0.1:1/galley',
    });
    expect(code).toBe(69);
    expect(stderr).not.toContain('hunter2');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as users run it: the compiled build behind bin/galley.js (`npm test` builds first).
const bin = new URL('../../bin/galley.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'galley-cli-'));

function galley(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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

  it('exits 69 when the database cannot be reached, without printing its password', () => {
    const { code, stderr } = galley(['migrate'], {
      DATABASE_URL: 'postgres://galley:hunter2@127.0.0.1:1/galley',
    });
    expect(code).toBe(69);
    expect(stderr).not.toContain('hunter2');
  });
});

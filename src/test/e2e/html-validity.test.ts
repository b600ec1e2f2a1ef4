/**
 * The W3C Nu HTML Checker (vnu) on the HTML the running server sends: article, home, section
 * and author pages in both editions, the contact page, a tag page and 404 pages. Errors fail;
 * info messages and warnings are reported but allowed.
 *
 * The JVM starts slowly, so every page is checked in one run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitePage, TestSite } from './browser.js';
import { pagesToCheck, startSite } from './browser.js';

const VNU_JAR = fileURLToPath(
  new URL('../../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url),
);

/** A file vnu must find fault with: proof that a failing page would fail the test. */
const CONTROL_FILE = 'control-invalid.html';
const CONTROL_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"></head>' +
  '<body><p><div>A div inside a paragraph, and no title.</div></p></body></html>';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error' | string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

let site: TestSite | undefined;
let dir: string | undefined;
let pages: SitePage[] = [];

beforeAll(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), 'galley-vnu-'));
  pages = await pagesToCheck(site.galley);
}, 120_000);

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await site?.close();
}, 60_000);

async function runVnu(files: string[]): Promise<VnuMessage[]> {
  const { stdout } = await promisify(execFile)(
    'java',
    ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', '--stdout', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
}

const fileOf = (message: VnuMessage) =>
  message.url ? basename(fileURLToPath(message.url)) : '(no file)';

function describeMessage(message: VnuMessage): string {
  const where = `${fileOf(message)}:${message.lastLine ?? '?'}:${message.lastColumn ?? '?'}`;
  const extract = message.extract ? `\n      ${JSON.stringify(message.extract)}` : '';
  return `  ${where} [${message.type}${message.subType ? `/${message.subType}` : ''}] ${message.message}${extract}`;
}

describe('the Nu HTML Checker', () => {
  it('finds no error in the pages the server sends', { timeout: 120_000 }, async () => {
    const files: string[] = [];
    for (const page of pages) {
      const response = await fetch(`${(site as TestSite).origin}${page.path}`);
      expect(response.status, page.path).toBe(page.status);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html.startsWith('<!doctype html>'), page.path).toBe(true);
      const file = join(dir as string, `${page.name}.html`);
      writeFileSync(file, html);
      files.push(file);
    }
    const controlFile = join(dir as string, CONTROL_FILE);
    writeFileSync(controlFile, CONTROL_HTML);

    const messages = await runVnu([...files, controlFile]);

    // The control file shows that vnu ran, read the files, and reports errors per file.
    const controlErrors = messages.filter(
      (message) => message.type === 'error' && fileOf(message) === CONTROL_FILE,
    );
    expect(
      controlErrors.length,
      'vnu reported no error in the invalid control file',
    ).toBeGreaterThan(0);

    const pageMessages = messages.filter((message) => fileOf(message) !== CONTROL_FILE);
    const errors = pageMessages.filter((message) => message.type !== 'info');
    const notes = pageMessages.filter((message) => message.type === 'info');
    if (notes.length > 0) {
      console.info(`vnu info and warnings (allowed):\n${notes.map(describeMessage).join('\n')}`);
    }
    expect(
      errors,
      `vnu found ${errors.length} error(s):\n${errors.map(describeMessage).join('\n')}`,
    ).toEqual([]);
  });
});

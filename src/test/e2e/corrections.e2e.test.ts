/**
 * Public corrections on the running demo site, checked by third parties: notes added over HTTP
 * through the Admin API as the demo editor, then axe-core in Chromium (both colour schemes) and
 * the Nu HTML Checker on the corrections pages and on articles carrying notes, and
 * structured-data-testing-tool's Google preset on an article with a correction.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../demo/load-demo.js';
import { ARTICLE_SCHEMA_TYPES } from '../../site/structured-data.js';
import { addCorrectionThroughAdminApi, addNoteThroughAdminApi } from '../article-notes-client.js';
import { adminApiOverHttp } from '../article-notes-client.js';
import type { BilingualStory } from './browser.js';
import { findBilingualStory } from './browser.js';
import { expectNoAxeViolations } from './axe.js';
import { setUpNewsroom } from './newsroom-support.js';

const VNU_JAR = fileURLToPath(
  new URL('../../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url),
);

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

interface SdttTest {
  test: string;
  type?: 'jsonld' | 'metatag' | 'any';
  expect?: string | number | boolean;
  group?: string;
  error?: { message: string };
}
interface SdttResult {
  passed: SdttTest[];
  failed: SdttTest[];
  schemas: string[];
}
type SdttRun = (
  html: string,
  options: { presets?: { name: string }[]; tests?: SdttTest[] },
) => Promise<SdttResult>;

const require = createRequire(import.meta.url);
// As in structured-data.test.ts: keep the tool's extractor from loading babel-polyfill, which
// replaces built-ins the server under test shares this process with.
(globalThis as { _babelPolyfill?: boolean })._babelPolyfill = true;
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: SdttRun;
};
const { Google } = require('structured-data-testing-tool/presets') as {
  Google: { name: string };
};

const newsroom = setUpNewsroom();
let story: BilingualStory;
/** The pages these tests cover: name -> path. */
let pages: { name: string; path: string }[] = [];

const editor = DEMO_ACCOUNTS.find((account) => account.role === 'editor');

beforeAll(async () => {
  const site = newsroom.site;
  story = await findBilingualStory(site.galley);
  if (!editor) throw new Error('the demo has no editor account');
  const { call, login } = await adminApiOverHttp(site.origin, editor);
  // A Spanish story with a prominent correction and an update at its end; the English version
  // with a clarification whose text looks like markup.
  await addCorrectionThroughAdminApi(
    call,
    login,
    story.otherId,
    'Una versión anterior de este artículo daba una fecha equivocada para la votación.',
    { isProminent: true },
  );
  await addNoteThroughAdminApi(call, login, story.otherId, {
    type: 'update',
    text: 'El consejo publicó el acta de la sesión.',
  });
  await addNoteThroughAdminApi(call, login, story.id, {
    type: 'clarification',
    text: 'This story now says which <b>council</b> voted & when.',
  });
  pages = [
    { name: 'corrections-es', path: '/es/correcciones' },
    { name: 'corrections-en', path: '/en/corrections' },
    { name: 'article-with-notes-es', path: story.otherPath },
    { name: 'article-with-notes-en', path: story.path },
  ];
}, 120_000);

async function fetchPage(path: string): Promise<string> {
  const response = await fetch(`${newsroom.site.origin}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('public corrections on the demo site', () => {
  it('shows the notes it is about to check', async () => {
    const spanish = await fetchPage(story.otherPath);
    expect(spanish).toContain('<strong>Corrección</strong>');
    expect(spanish).toContain('<strong>Actualización</strong>');
    const corrections = await fetchPage('/es/correcciones');
    expect(corrections).toContain(`href="${story.otherPath}#note-`);
    expect(await fetchPage('/en/corrections')).toContain('<strong>Clarification</strong>');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violation (${colorScheme})`, { timeout: 60_000 }, async () => {
      const context = await newsroom.browser.newContext({
        bypassCSP: true,
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      try {
        for (const target of pages) {
          const page = await context.newPage();
          const response = await page.goto(`${newsroom.site.origin}${target.path}`);
          expect(response?.status(), target.path).toBe(200);
          await expectNoAxeViolations(page, `${target.path} (${colorScheme})`);
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }

  it('has no Nu HTML Checker error', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-vnu-corrections-'));
    try {
      const files: string[] = [];
      for (const target of pages) {
        const file = join(dir, `${target.name}.html`);
        writeFileSync(file, await fetchPage(target.path));
        files.push(file);
      }
      // A control file vnu must fault: proof that it ran and reports per file.
      const control = join(dir, 'control-invalid.html');
      writeFileSync(control, '<!doctype html><html lang="en"><body><p><div>x</div></p></html>');
      const { stdout } = await promisify(execFile)(
        'java',
        ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', '--stdout', ...files, control],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      const messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
      const fileOf = (message: VnuMessage) =>
        message.url ? basename(fileURLToPath(message.url)) : '(no file)';
      expect(messages.some((m) => m.type === 'error' && fileOf(m) === 'control-invalid.html')).toBe(
        true,
      );
      const errors = messages
        .filter((m) => fileOf(m) !== 'control-invalid.html' && m.type !== 'info')
        .map((m) => `${fileOf(m)}:${m.lastLine ?? '?'} ${m.message} ${m.extract ?? ''}`);
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes the Google preset with the correction in the JSON-LD', async () => {
    const row = await newsroom.site.galley.db
      .selectFrom('articles')
      .select('type')
      .where('id', '=', story.otherId)
      .executeTakeFirstOrThrow();
    const schemaType = ARTICLE_SCHEMA_TYPES[row.type];
    const tests: SdttTest[] = [
      { test: `${schemaType}[0].correction[0]."@type"`, expect: 'CorrectionComment' },
      {
        test: `${schemaType}[0].correction[0].text`,
        expect: 'Una versión anterior de este artículo daba una fecha equivocada para la votación.',
      },
      { test: `${schemaType}[0].correction[0].datePublished` },
      // The update is not a correction.
      { test: `${schemaType}[0].correction[1]`, expect: false },
    ];
    const html = await fetchPage(story.otherPath);
    let result: SdttResult;
    try {
      // The tool adds its own tests to the array it is given: it gets copies.
      result = await structuredDataTest(html, {
        presets: [Google],
        tests: tests.map((test) => ({ ...test })),
      });
    } catch (error) {
      const failed = error as { type?: string; res?: SdttResult };
      if (failed.type !== 'VALIDATION_FAILED' || !failed.res) throw error;
      result = failed.res;
    }
    expect(result.failed.map((test) => `${test.test}: ${test.error?.message ?? ''}`)).toEqual([]);
    const passed = new Set(result.passed.map((test) => test.test));
    expect(tests.map((test) => test.test).filter((test) => !passed.has(test))).toEqual([]);
    expect(result.schemas).toContain(schemaType);
  });
});

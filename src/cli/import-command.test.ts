/**
 * `galley import`: a folder, a file and standard input; one line per document, a progress bar
 * only on a terminal, exit 65 when some document was invalid, and a second run skips everything.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createSection, setUpPublication } from '../core/operations/index.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Config } from '../server/config.js';
import { testdataPath } from '../test/testdata.js';
import { runImportCommand } from './import-command.js';

const dataDir = mkdtempSync(join(tmpdir(), 'galley-import-'));
const config: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir,
  databaseUrl: `sqlite:${join(dataDir, 'galley.db')}`,
  publicUrl: 'https://news.galley.test',
  loadDemo: false,
  pageCache: false,
};
const wire = join(dataDir, 'wire');

const story = (n: number) => ({
  uri: `urn:galley-test:cli:${n}`,
  type: 'text',
  version: '1',
  language: n % 2 === 0 ? 'es-419' : 'en',
  headlines: [{ role: 'main', value: `Ferry timetable change ${n}` }],
  by: 'Rita Gómez',
  bodies: [
    { contentType: 'text/plain', value: `The ferry leaves at ${n} o'clock.\n\nTickets cost less.` },
  ],
});

function io(options: { tty?: boolean; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text), isTTY: options.tty ?? false, columns: 80 },
      stdin: Readable.from([options.stdin ?? '']),
    },
  };
}

const lines = (chunks: string[]) =>
  chunks
    .join('')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));

beforeAll(async () => {
  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  await migrateToLatest(db, adapter);
  const core = { db, listeners: [], origin: 'test' };
  await runOperation(core, setUpPublication, systemActor('test'), {
    name: 'CLI Times',
    timeZone: 'UTC',
    translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
  });
  await runOperation(core, createSection, systemActor('test'), {
    translations: { en: { name: 'City', slug: 'city' }, es: { name: 'Ciudad', slug: 'ciudad' } },
  });
  await db.destroy();
  mkdirSync(join(wire, 'day-2'), { recursive: true });
  writeFileSync(join(wire, '01.json'), JSON.stringify(story(1)));
  writeFileSync(join(wire, '02.json'), JSON.stringify([story(2), story(3)]));
  writeFileSync(
    join(wire, 'day-2', '03.json'),
    JSON.stringify({ ...story(4), headlines: [{ value: 4 }] }),
  );
  writeFileSync(join(wire, 'day-2', '04.json'), '{ not json');
  writeFileSync(join(wire, 'notes.txt'), 'ignored');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('galley import', () => {
  it('imports a folder: a line per document, a progress bar on a terminal, exit 65 for the invalid', async () => {
    const run = io({ tty: true });
    const code = await runImportCommand(config, wire, { publish: false }, run.io);
    expect(code).toBe(65);
    const result = lines(run.out);
    expect(result.map((line) => line[0])).toEqual([
      'created',
      'created',
      'created',
      'invalid',
      'invalid',
    ]);
    expect(result[0]?.[2]).toBe('urn:galley-test:cli:1');
    expect(result[1]?.[3]).toMatch(/section: Ciudad/);
    expect(result[3]?.slice(2)).toEqual(['day-2/03.json', '/headlines/0/value: must be string']);
    expect(result[4]?.[3]).toMatch(/^not JSON/);
    const stderr = run.err.join('');
    expect(stderr).toContain('] 4/4');
    expect(stderr).toContain('3 created, 0 updated, 0 skipped, 2 invalid');

    const again = io();
    expect(await runImportCommand(config, wire, { publish: false }, again.io)).toBe(65);
    expect(lines(again.out).map((line) => line[0])).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'invalid',
      'invalid',
    ]);
    // Not a terminal: no progress bar, only the summary.
    expect(again.err.join('')).toBe('0 created, 0 updated, 3 skipped, 2 invalid\n');
  });

  it('imports a file or standard input and publishes with --publish; exit 0 when all is well', async () => {
    const file = join(dataDir, 'one.json');
    writeFileSync(file, JSON.stringify(story(5)));
    const run = io();
    expect(await runImportCommand(config, file, { publish: true }, run.io)).toBe(0);
    expect(lines(run.out)[0]?.slice(0, 1)).toEqual(['created']);
    expect(lines(run.out)[0]?.[3]).toMatch(/published/);

    const piped = io({ stdin: JSON.stringify(testdataPathStory()) });
    expect(await runImportCommand(config, '-', { publish: false, locale: 'en' }, piped.io)).toBe(0);
    expect(lines(piped.out)[0]?.[0]).toBe('created');
    expect(lines(piped.out)[0]?.[3]).toMatch(
      /the document is in nb-NO; imported into the en edition/,
    );
  });

  it('says what is wrong with its arguments', async () => {
    expect(await runImportCommand(config, undefined, { publish: false }, io().io)).toBe(64);
    expect(
      await runImportCommand(config, join(dataDir, 'missing.json'), { publish: false }, io().io),
    ).toBe(66);
    expect(await runImportCommand(config, wire, { publish: false, locale: 'fr' }, io().io)).toBe(
      64,
    );
  });
});

function testdataPathStory(): unknown {
  return JSON.parse(readFileSync(testdataPath('ninjs/examples/3.0/ntb_text.json'), 'utf8'));
}

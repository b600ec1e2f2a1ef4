/**
 * ninjs import throughput, in documents per second, on SQLite: 2,000 generated wire stories
 * (HTML bodies of about 600 words, written here, a byline from a pool of ten names) through
 * `importNinjsDocument` as the system, the way `galley import` runs them. Beside it, in the same
 * process on a fresh database, 2,000 plain `createArticle` calls with the converted bodies: the
 * ratio is the import's own cost (schema check, HTML conversion, hashing, matching, its record).
 * Then the same 2,000 documents again, which the import skips as unchanged.
 *
 * Run: `npm run build && node dist/bench/ninjs-import.js [count]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importNinjsDocument } from '../api/admin/ninjs-routes.js';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  setUpPublication,
} from '../core/operations/index.js';
import { htmlToBody } from '../content/ninjs/html-to-body.js';
import { memoryLogger } from '../lib/log.js';
import { LocalMediaStore } from '../media/media-store.js';
import { createGalley } from '../server/create-galley.js';
import type { Galley } from '../server/create-galley.js';

const COUNT = Number(process.argv[2] ?? 2000);
const system = systemActor('cli');
const NAMES = [
  'Rita Gómez',
  'Marta Lindqvist',
  'Tomás Herrera',
  'Ana Ruiz',
  'Pablo Ortega',
  'Lucía Prado',
  'Jonas Berg',
  'Carmen Vidal',
  'Omar Haddad',
  'Elena Sorensen',
];
const PLACES = ['the harbour', 'the old market', 'the river port', 'the north pier', 'city hall'];

function paragraph(n: number, k: number): string {
  const place = PLACES[(n + k) % PLACES.length] ?? 'the harbour';
  return (
    `<p>Crews at ${place} worked through the night on <b>shift ${k + 1}</b> of the repairs, ` +
    `moving ${n * 7 + k} tonnes of stone before the tide turned. The foreman said the work was ` +
    `<em>on schedule</em> and that ferries would use the new berth from next week, weather ` +
    `permitting. Residents can read the <a href="https://port.example/notices/${n}">notice</a> ` +
    `or ask at the office, which opens at eight and closes at six on weekdays.</p>`
  );
}

function wireStory(n: number): Record<string, unknown> {
  const body = Array.from({ length: 12 }, (_, k) =>
    k === 4 ? `<h2>What comes next</h2>${paragraph(n, k)}` : paragraph(n, k),
  ).join('');
  return {
    uri: `urn:galley-bench:wire:${n}`,
    type: 'text',
    version: '1',
    language: n % 3 === 0 ? 'es' : 'en',
    firstCreated: '2024-05-17T08:00:00Z',
    headlines: [
      { role: 'main', value: `Harbour repairs reach stage ${n}` },
      { role: 'subheadline', value: `Crews moved ${n * 7} tonnes of stone overnight` },
    ],
    by: NAMES[n % NAMES.length],
    subjects: [{ name: 'Port', rel: 'about' }],
    bodies: [{ contentType: 'text/html', value: `<div class="story">${body}</div>` }],
  };
}

async function freshGalley(): Promise<{ galley: Galley; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-ninjs-'));
  const galley = await createGalley(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: `sqlite:${join(dataDir, 'galley.db')}`,
      publicUrl: 'https://bench.galley.test',
      loadDemo: false,
      pageCache: false,
    },
    { logger: memoryLogger() },
  );
  await runOperation(galley.core, setUpPublication, system, {
    name: 'Bench Times',
    timeZone: 'UTC',
    translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
  });
  await runOperation(galley.core, createSection, system, {
    translations: { en: { name: 'Port', slug: 'port' }, es: { name: 'Puerto', slug: 'puerto' } },
  });
  return { galley, dataDir };
}

const rate = (count: number, ms: number) => `${((count / ms) * 1000).toFixed(0)} docs/s`;

async function main(): Promise<void> {
  const documents = Array.from({ length: COUNT }, (_, n) => wireStory(n + 1));

  const imported = await freshGalley();
  const deps = {
    core: imported.galley.core,
    db: imported.galley.db,
    mediaStore: new LocalMediaStore(join(imported.dataDir, 'media')),
  };
  const options = {
    publish: false,
    sectionSlug: null,
    locale: null,
    fetch: { timeoutMs: 1000, maxBytes: 1, allowPrivateNetwork: false },
  };
  let started = performance.now();
  for (const document of documents) await importNinjsDocument(deps, system, document, options);
  const importMs = performance.now() - started;
  started = performance.now();
  for (const document of documents) await importNinjsDocument(deps, system, document, options);
  const skipMs = performance.now() - started;
  await imported.galley.close();
  rmSync(imported.dataDir, { recursive: true, force: true });

  // Baseline: the same articles through createArticle, bodies converted beforehand.
  const plain = await freshGalley();
  const authorIds: number[] = [];
  for (const [index, name] of NAMES.entries()) {
    const { id } = await runOperation(plain.galley.core, createAuthor, system, {
      slug: `author-${index}`,
      name,
      translations: { en: { bio: '' }, es: { bio: '' } },
    });
    authorIds.push(id);
  }
  const section = await plain.galley.db
    .selectFrom('sections')
    .select('id')
    .executeTakeFirstOrThrow();
  const inputs = documents.map((document, n) => ({
    locale: document['language'] as 'en' | 'es',
    headline: `Harbour repairs reach stage ${n + 1}`,
    dek: `Crews moved ${(n + 1) * 7} tonnes of stone overnight`,
    slug: `harbour-repairs-reach-stage-${n + 1}`,
    sectionId: section.id,
    authorIds: [authorIds[(n + 1) % NAMES.length] ?? 1],
    body: htmlToBody((document['bodies'] as { value: string }[])[0]?.value ?? '', {
      findAssociation: () => null,
    }).doc,
  }));
  started = performance.now();
  for (const input of inputs) await runOperation(plain.galley.core, createArticle, system, input);
  const createMs = performance.now() - started;
  await plain.galley.close();
  rmSync(plain.dataDir, { recursive: true, force: true });

  console.log(`ninjs import, ${COUNT} documents on SQLite (node ${process.version})`);
  console.log(
    `  import (new drafts):        ${rate(COUNT, importMs)}  (${importMs.toFixed(0)} ms)`,
  );
  console.log(`  import again (all skipped): ${rate(COUNT, skipMs)}  (${skipMs.toFixed(0)} ms)`);
  console.log(
    `  baseline createArticle:     ${rate(COUNT, createMs)}  (${createMs.toFixed(0)} ms)`,
  );
}

await main();

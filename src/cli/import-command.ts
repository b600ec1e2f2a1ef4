/**
 * `galley import FILE.json | FOLDER | -`: IPTC ninjs wire copy into the newsroom, as the system
 * actor, through the same import as the Admin API. A file may hold one document or a JSON array
 * of them; a folder is read with its subfolders (every `.json` file, in name order); `-` reads
 * standard input.
 *
 * Standard output gets one line per document, tab-separated so scripts can cut it:
 * `created<TAB>12<TAB>uri<TAB>reasons` (result, article id, uri, what happened and why), or
 * `invalid<TAB>-<TAB>file#index<TAB>/headlines/0/value: must be string`. A progress bar goes to
 * standard error, only when that is a terminal. Exit 0 when every document was imported or
 * skipped, 65 when some were invalid, 66 when the input cannot be read.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { systemActor } from '../core/actor.js';
import { GalleyError } from '../core/errors.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import { importNinjsDocument } from '../api/admin/ninjs-routes.js';
import type { NinjsImportOptions } from '../api/admin/ninjs-routes.js';
import { UPLOAD_LIMITS } from '../media/image-intake.js';
import { LocalMediaStore } from '../media/media-store.js';
import type { Config } from '../server/config.js';

export const IMPORT_EXIT = { ok: 0, usage: 64, dataError: 65, noInput: 66 } as const;

export interface ImportCommandOptions {
  publish: boolean;
  section?: string | undefined;
  locale?: string | undefined;
  /** Per image; the agency's server may be slow, the import must not hang. */
  fetchTimeoutMs?: number;
}

export interface ImportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<string | Buffer>;
}

interface Source {
  /** Where the document came from, for lines about it: `file.json` or `file.json#3`. */
  label: string;
  read(): Promise<unknown>;
}

class InputError extends Error {}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** Files in a folder and its subfolders, in name order. */
async function jsonFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function sourcesFor(
  target: string,
  io: ImportIo,
): Promise<{ sources: Source[]; isFolder: boolean }> {
  if (target === '-') {
    let text = '';
    for await (const chunk of io.stdin) text += String(chunk);
    return {
      sources: [{ label: 'stdin', read: async () => JSON.parse(text) as unknown }],
      isFolder: false,
    };
  }
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new InputError(`cannot read ${target}: no such file or folder`);
  }
  if (info.isDirectory()) {
    const files = await jsonFilesIn(target);
    return {
      sources: files.map((file) => ({ label: relative(target, file), read: () => readJson(file) })),
      isFolder: true,
    };
  }
  return { sources: [{ label: target, read: () => readJson(target) }], isFolder: false };
}

function progressBar(done: number, total: number, width: number): string {
  const barWidth = Math.max(10, Math.min(40, width - 20));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${done}/${total}`;
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

export async function runImportCommand(
  config: Config,
  target: string | undefined,
  options: ImportCommandOptions,
  io: ImportIo,
): Promise<number> {
  if (!target) {
    io.stderr.write(
      'usage: galley import FILE.json | FOLDER | - [--publish] [--section SLUG] [--locale en|es]\n',
    );
    return IMPORT_EXIT.usage;
  }
  if (options.locale !== undefined && options.locale !== 'en' && options.locale !== 'es') {
    io.stderr.write('--locale must be en or es\n');
    return IMPORT_EXIT.usage;
  }
  let found;
  try {
    found = await sourcesFor(target, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`${error.message}\n`);
      return IMPORT_EXIT.noInput;
    }
    throw error;
  }

  const adapter = adapterForUrl(config.databaseUrl);
  const db = adapter.createKysely();
  const counts = { created: 0, updated: 0, skipped: 0, invalid: 0 };
  try {
    await migrateToLatest(db, adapter);
    const deps = {
      core: { db, listeners: [], origin: `cli-${process.pid}` },
      db,
      mediaStore: new LocalMediaStore(join(config.dataDir, 'media')),
    };
    const importOptions: NinjsImportOptions = {
      publish: options.publish,
      sectionSlug: options.section ?? null,
      locale: (options.locale as 'en' | 'es' | undefined) ?? null,
      // The operator runs this on the machine: local and private hosts are theirs to use.
      fetch: {
        timeoutMs: options.fetchTimeoutMs ?? 5_000,
        maxBytes: UPLOAD_LIMITS.maxBytes,
        allowPrivateNetwork: true,
      },
    };
    const showProgress = found.isFolder && io.stderr.isTTY === true;
    const total = found.sources.length;
    let done = 0;
    const clearProgress = () => {
      if (showProgress) io.stderr.write('\r\x1b[K');
    };
    const drawProgress = () => {
      if (showProgress) io.stderr.write(progressBar(done, total, io.stderr.columns ?? 80));
    };
    const print = (line: string) => {
      clearProgress();
      io.stdout.write(`${line}\n`);
      drawProgress();
    };
    drawProgress();

    for (const source of found.sources) {
      let documents: { label: string; json: unknown }[];
      try {
        const json = await source.read();
        documents = Array.isArray(json)
          ? json.map((item, index) => ({ label: `${source.label}#${index}`, json: item }))
          : [{ label: source.label, json }];
      } catch (error) {
        counts.invalid++;
        print(`invalid\t-\t${source.label}\tnot JSON: ${oneLine((error as Error).message)}`);
        done++;
        drawProgress();
        continue;
      }
      for (const document of documents) {
        try {
          const report = await importNinjsDocument(
            deps,
            systemActor('cli'),
            document.json,
            importOptions,
          );
          counts[report.result]++;
          print(
            [
              report.result,
              report.articleId ?? '-',
              report.uri,
              oneLine(report.reasons.join('; ')),
            ].join('\t'),
          );
        } catch (error) {
          if (!(error instanceof GalleyError)) throw error;
          counts.invalid++;
          print(`invalid\t-\t${document.label}\t${oneLine(error.message)}`);
        }
      }
      done++;
      drawProgress();
    }
    clearProgress();
    io.stderr.write(
      `${counts.created} created, ${counts.updated} updated, ${counts.skipped} skipped, ${counts.invalid} invalid\n`,
    );
    return counts.invalid > 0 ? IMPORT_EXIT.dataError : IMPORT_EXIT.ok;
  } finally {
    await db.destroy();
  }
}

/**
 * `npm run bench:js`: how much JavaScript an article page makes a reader download, gzipped, for
 * a story with a video and one without. Every `<script src>` the page names is fetched from the
 * server and gzipped here (level 9 and the zlib default, 6, which is what most servers and CDNs
 * use for text), so the figure does not depend on how this server compresses it.
 *
 * By default it starts Galley (`bin/galley.js serve`, the build in dist/) with the demo on a
 * fresh data folder and finds both stories in its database. To measure a running Galley instead:
 *   node dist/bench/page-javascript.js http://127.0.0.1:3000 /en/city/with-video /en/city/without
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { startGalley } from './bench-servers.js';

interface ScriptWeight {
  src: string;
  bytes: number;
  gzipDefault: number;
  gzip9: number;
}

/** The same-origin scripts a page's HTML names, in order. */
function scriptSources(pageHtml: string): string[] {
  return [...pageHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
}

async function pageScripts(
  origin: string,
  path: string,
  expectPlayer: boolean,
): Promise<ScriptWeight[]> {
  const response = await fetch(origin + path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const pageHtml = await response.text();
  // CASE: the story names a video that is not ready (the page then shows none): not what we measure.
  if (pageHtml.includes('<media-controller') !== expectPlayer)
    throw new Error(`${path} ${expectPlayer ? 'shows no' : 'shows a'} video player`);
  const weights: ScriptWeight[] = [];
  for (const src of scriptSources(pageHtml)) {
    const script = await fetch(new URL(src, origin));
    if (script.status !== 200) throw new Error(`${src} answered ${script.status}`);
    const bytes = Buffer.from(await script.arrayBuffer());
    weights.push({
      src,
      bytes: bytes.length,
      gzipDefault: gzipSync(bytes).length,
      gzip9: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return weights;
}

/** A published English story showing a ready video (lead or body), and one showing none. */
async function demoStories(dataDir: string): Promise<{ withVideo: string; without: string }> {
  const db = adapterForUrl(`sqlite:${join(dataDir, 'galley.db')}`).createKysely();
  try {
    const stories = db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.slug', 'a.locale', 'st.slug as section'])
      .where('a.status', '=', 'published')
      .where('a.locale', '=', 'en');
    const showsVideo = sql<boolean>`(a.lead_video_id is not null or a.body_html like '%<!--galley:video:%')`;
    const withVideo = await stories.where(showsVideo).executeTakeFirst();
    const without = await stories
      .where(sql<boolean>`not ${showsVideo}`)
      .where('a.body_html', 'not like', '%class="embed%')
      .orderBy('a.word_count', 'desc')
      .executeTakeFirst();
    if (!withVideo)
      throw new Error(
        'the demo has no story with a ready video: is ffmpeg installed? (the demo log says)',
      );
    if (!without) throw new Error('the demo has no story without a video');
    return {
      withVideo: `/${withVideo.locale}/${withVideo.section}/${withVideo.slug}`,
      without: `/${without.locale}/${without.section}/${without.slug}`,
    };
  } finally {
    await db.destroy();
  }
}

function report(name: string, path: string, weights: ScriptWeight[]): number {
  const total = weights.reduce((sum, weight) => sum + weight.gzipDefault, 0);
  const total9 = weights.reduce((sum, weight) => sum + weight.gzip9, 0);
  console.log(`${name}: ${path}`);
  for (const weight of weights)
    console.log(
      `  ${weight.src.padEnd(44)} ${String(weight.bytes).padStart(8)} B  gzip ${String(weight.gzipDefault).padStart(7)} B  (gzip -9 ${weight.gzip9} B)`,
    );
  console.log(
    `  total: ${weights.length} script(s), gzip ${total} B = ${(total / 1024).toFixed(1)} KiB (gzip -9 ${(total9 / 1024).toFixed(1)} KiB)\n`,
  );
  return total;
}

async function main(): Promise<void> {
  const [originArg, withVideoArg, withoutArg] = process.argv.slice(2);
  let origin = originArg;
  let paths = withVideoArg && withoutArg ? { withVideo: withVideoArg, without: withoutArg } : null;
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  try {
    if (!origin || !paths) {
      dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-js-'));
      const started = await startGalley(dataDir, {});
      child = started.child;
      origin = started.origin;
      paths = await demoStories(dataDir);
    }
    const withVideo = report(
      'article with a video',
      paths.withVideo,
      await pageScripts(origin, paths.withVideo, true),
    );
    const without = report(
      'article without a video',
      paths.without,
      await pageScripts(origin, paths.without, false),
    );
    console.log(
      `the player adds ${((withVideo - without) / 1024).toFixed(1)} KiB of gzipped JavaScript to a page with a video`,
    );
  } finally {
    child?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

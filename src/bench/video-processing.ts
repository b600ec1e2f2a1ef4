/**
 * `npm run bench:video`: how long Galley takes to process a 1-minute 1080p clip, from upload
 * to ready: ffprobe, the poster (a frame through the image intake: AVIF, WebP and JPEG
 * renditions) and the H.264/AAC web MP4, written by the same code as the job, into a real
 * (SQLite) Galley.
 *
 * The clip is what a phone or camera hands a newsroom: 1920x1080 at 30 fps, H.264 at 12 Mbit/s
 * with AAC sound (testsrc2's moving pattern and a tone). At that bit rate the pipeline
 * transcodes, which is the case that costs. Beside it, in the same run: the pipeline on a
 * web-ready upload (the same picture at 5 Mbit/s: streams copied, not transcoded), and two
 * baselines, so the figures can be compared on a noisy shared machine: a plain `ffmpeg -c copy`
 * remux of the clip (the floor for the copy path) and ffmpeg's own transcode with the same
 * settings, run by hand (the floor for the transcode: what the pipeline adds is the rest).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createVideo } from '../core/operations/index.js';
import { memoryLogger } from '../lib/log.js';
import { findVideoTools, probeVideo, runFfmpeg } from '../media/ffmpeg.js';
import type { VideoTools } from '../media/ffmpeg.js';
import { lavfiClip } from '../media/video-lavfi.js';
import { processVideo, webRenditionArgs } from '../media/video-processing.js';
import { createGalley } from '../server/create-galley.js';
import type { Galley } from '../server/create-galley.js';

const SECONDS = 60;

const clipAt = (bitRate: string) => ({
  video: `testsrc2=s=1920x1080:r=30:d=${SECONDS}`,
  audio: `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
  encode: [
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    bitRate,
    '-maxrate',
    bitRate,
    '-bufsize',
    bitRate,
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
  ],
});

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Probe, then the job's work, on a copy of `clip` in the Galley's media store. */
async function pipeline(galley: Galley, tools: VideoTools, clip: string, name: string) {
  const key = `videos/bench/${name}/original.mp4`;
  const file = join(galley.mediaStore.root, key);
  await mkdir(dirname(file), { recursive: true });
  await copyFile(clip, file);
  return timed(async () => {
    const probe = await probeVideo(tools, file);
    const { id } = await runOperation(galley.core, createVideo, systemActor('cli'), {
      path: key,
      mime: 'video/mp4',
      width: probe.width,
      height: probe.height,
      durationMs: probe.durationMs,
      videoCodec: probe.videoCodec,
      audioCodec: probe.audioCodec,
    });
    const outcome = await processVideo({ core: galley.core, store: galley.mediaStore, tools }, id);
    const row = await galley.db
      .selectFrom('media')
      .select(['processing_status', 'variants'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (outcome !== 'ready' || row.processing_status !== 'ready')
      throw new Error(`the pipeline did not finish: ${row.processing_status}`);
    const [rendition] = JSON.parse(row.variants) as { path: string; width: number }[];
    const bytes = (await stat(join(galley.mediaStore.root, rendition?.path ?? ''))).size;
    return { probe, bytes };
  });
}

async function main() {
  const found = await findVideoTools();
  if (!found.ok) throw new Error(found.reason);
  const { tools } = found;
  console.log(
    `video processing bench: ${SECONDS} s 1920x1080 30 fps clip; ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`,
  );
  const made = await timed(() => lavfiClip(tools, clipAt('12M')));
  const webReady = await lavfiClip(tools, clipAt('5M'));
  console.log(`clip made in ${seconds(made.ms)} s (cached between runs)`);

  const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-video-'));
  const galley = await createGalley(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: `sqlite:${join(dataDir, 'galley.db')}`,
      publicUrl: 'http://127.0.0.1:0',
      loadDemo: false,
      pageCache: false,
    },
    { logger: memoryLogger(), jobs: { intervalMs: 3_600_000 } },
  );
  // The bench runs the job's code itself, timed; the runner must not take the job meanwhile.
  await galley.jobs.stop();
  try {
    const remux = await timed(() =>
      runFfmpeg(tools, [
        '-y',
        '-i',
        made.result,
        '-c',
        'copy',
        '-movflags',
        '+faststart',
        join(dataDir, 'remux.mp4'),
      ]),
    );
    const transcode = await timed(() =>
      runFfmpeg(
        tools,
        webRenditionArgs(made.result, join(dataDir, 'plain.mp4'), { width: 1920, height: 1080 }),
      ),
    );
    const full = await pipeline(galley, tools, made.result, 'camera');
    const copied = await pipeline(galley, tools, webReady, 'web-ready');
    const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const clipBytes = (await stat(made.result)).size;
    console.log(`baseline  ffmpeg -c copy remux of the clip: ${seconds(remux.ms)} s`);
    console.log(
      `baseline  ffmpeg transcode, same settings, by hand: ${seconds(transcode.ms)} s = ${(transcode.ms / 1000 / SECONDS).toFixed(2)} x the clip's duration`,
    );
    console.log(
      `pipeline  12 Mbit/s camera clip (${size(clipBytes)}), transcoded: ${seconds(full.ms)} s = ${(full.ms / 1000 / SECONDS).toFixed(2)} x the clip's duration, ${(full.ms / transcode.ms).toFixed(2)} x the plain transcode; web MP4 ${size(full.result.bytes)}`,
    );
    console.log(
      `pipeline  5 Mbit/s web-ready clip, streams copied: ${seconds(copied.ms)} s = ${(copied.ms / 1000 / SECONDS).toFixed(2)} x the clip's duration, ${(copied.ms / remux.ms).toFixed(1)} x the remux`,
    );
    console.log(`load average at the end: ${loadavg()[0]?.toFixed(2)}`);
  } finally {
    await galley.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

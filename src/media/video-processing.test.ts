/**
 * The video pipeline on clips the test makes with ffmpeg (MP4, WebM, MOV), on both databases:
 * the job makes the poster (an image with its renditions) and an H.264/AAC MP4 of the right
 * duration; a file ffmpeg cannot read ends `failed` without retries; and a job whose process
 * dies half-way is taken over by another process and finishes.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { claimDueJobs } from '../core/jobs/job-queue.js';
import { runOperation } from '../core/operation.js';
import { createVideo } from '../core/operations/index.js';
import { VIDEO_PROCESSING_JOB } from '../core/operations/videos.js';
import { memoryLogger } from '../lib/log.js';
import { createGalley } from '../server/create-galley.js';
import { JobRunner } from '../server/job-runner.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { makeTestClip } from '../test/ffmpeg-clips.js';
import type { ClipOptions } from '../test/ffmpeg-clips.js';
import { findVideoTools, probeVideo } from './ffmpeg.js';
import type { VideoTools } from './ffmpeg.js';
import { runVideoJob, webRenditionSize } from './video-processing.js';
import type { VideoJobContext } from './video-processing.js';
import { VIDEO_CONTAINER_MIME, sniffVideoType } from './video-sniff.js';

const run = promisify(execFile);
const system = systemActor('test');

/** What ffprobe says of a stored file's streams. */
async function streamsOf(file: string) {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    '-show_format',
    file,
  ]);
  return JSON.parse(stdout) as {
    streams: { codec_type: string; codec_name: string; width?: number; pix_fmt?: string }[];
    format: { duration: string };
  };
}

it('webRenditionSize keeps the aspect, at most 1080p either way up, in even pixels', () => {
  expect(webRenditionSize(3840, 2160)).toEqual({ width: 1920, height: 1080 });
  expect(webRenditionSize(1080, 1920)).toEqual({ width: 1080, height: 1920 });
  expect(webRenditionSize(2160, 3840)).toEqual({ width: 1080, height: 1920 });
  expect(webRenditionSize(321, 181)).toEqual({ width: 322, height: 182 });
  expect(webRenditionSize(2000, 1000)).toEqual({ width: 1920, height: 960 });
});

describeEachDialect('video processing', { demo: false }, (t) => {
  let tools: VideoTools;
  let context: VideoJobContext;
  let folder = 0;

  beforeAll(async () => {
    // The suite's own runner stays still; each test runs jobs itself, when it says.
    await t.galley.jobs.stop();
    const found = await findVideoTools();
    if (!found.ok) throw new Error(found.reason);
    tools = found.tools;
    context = { core: t.galley.core, store: t.galley.mediaStore, tools };
  });

  /** A clip in the media store, recorded as an upload would be; its job is enqueued. */
  async function addVideo(clip: ClipOptions | { file: string }) {
    const file = 'file' in clip ? clip.file : await makeTestClip(clip);
    const head = (await readHead(file)) ?? Buffer.alloc(0);
    const sniffed = sniffVideoType(head);
    const container = sniffed.accepted ? sniffed.container : 'mp4';
    const key = `videos/test/${t.dialect}-${++folder}/original.${container}`;
    const stored = join(t.galley.mediaStore.root, key);
    await mkdir(dirname(stored), { recursive: true });
    await copyFile(file, stored);
    const probe = sniffed.accepted ? await probeVideo(tools, stored) : null;
    const { id } = await runOperation(t.galley.core, createVideo, system, {
      path: key,
      mime: VIDEO_CONTAINER_MIME[container],
      width: probe?.width ?? 320,
      height: probe?.height ?? 180,
      durationMs: probe?.durationMs ?? 3000,
      videoCodec: probe?.videoCodec ?? 'h264',
      audioCodec: probe?.audioCodec ?? null,
    });
    return { id, key, durationMs: probe?.durationMs ?? 0 };
  }

  const videoRow = (id: number) =>
    t.galley.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const jobOf = async (id: number) => {
    const jobs = await t.galley.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', VIDEO_PROCESSING_JOB)
      .execute();
    const job = jobs.find((row) => (JSON.parse(row.payload) as { mediaId: number }).mediaId === id);
    if (!job) throw new Error(`no job for video ${id}`);
    return job;
  };

  /** A runner like any Galley process's, run until the video's processing ends. */
  async function processWithRunner(id: number, options: { leaseMs?: number } = {}) {
    const runner = new JobRunner(t.galley.db, t.logger, { ...options, video: context });
    await expect
      .poll(
        async () => {
          await runner.runOnce();
          return (await videoRow(id)).processing_status;
        },
        { timeout: 120_000, interval: 300 },
      )
      .toMatch(/^(ready|failed)$/);
    await runner.stop();
    return videoRow(id);
  }

  async function expectPlayableRendition(id: number, expected: { durationMs: number }) {
    const row = await videoRow(id);
    expect(row.processing_status, row.processing_error ?? '').toBe('ready');
    expect(row.processing_progress).toBe(100);
    const [rendition, ...others] = JSON.parse(row.variants) as {
      path: string;
      width: number;
      height: number;
      mime: string;
    }[];
    expect(others).toEqual([]);
    expect(rendition?.mime).toBe('video/mp4');
    const file = join(t.galley.mediaStore.root, rendition?.path ?? '');
    const probed = await streamsOf(file);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    const audio = probed.streams.find((s) => s.codec_type === 'audio');
    expect(video?.codec_name).toBe('h264');
    expect(video?.pix_fmt).toBe('yuv420p');
    expect(video?.width).toBe(rendition?.width);
    expect(audio?.codec_name).toBe('aac');
    // Within a frame (25 fps: 40 ms) of the upload.
    expect(Math.abs(Number(probed.format.duration) * 1000 - expected.durationMs)).toBeLessThan(41);
    // +faststart: the index (moov) comes before the media data (mdat).
    const bytes = (await readHead(file, 4096)) ?? Buffer.alloc(0);
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(Math.max(bytes.indexOf('mdat'), 4096));

    // The poster: an image row with AVIF, WebP and JPEG renditions, the video's own size.
    expect(row.poster_media_id).not.toBeNull();
    const poster = await videoRow(row.poster_media_id ?? 0);
    expect(poster.kind).toBe('image');
    expect(poster.width).toBe(row.width);
    const posterVariants = JSON.parse(poster.variants) as { mime: string; path: string }[];
    expect(new Set(posterVariants.map((v) => v.mime))).toEqual(
      new Set(['image/avif', 'image/webp', 'image/jpeg']),
    );
    for (const variant of posterVariants)
      expect((await stat(join(t.galley.mediaStore.root, variant.path))).size).toBeGreaterThan(0);
    return { row, rendition };
  }

  it.each([
    { format: 'mp4' as const, width: 320, height: 180 },
    { format: 'webm' as const, width: 320, height: 180 },
    { format: 'mov' as const, width: 480, height: 270 },
  ])('makes the poster and an H.264/AAC rendition of a $format clip', async (clip) => {
    const { id, durationMs } = await addVideo({ ...clip, seconds: 3 });
    expect(durationMs).toBeGreaterThan(2900);
    await processWithRunner(id);
    const { rendition } = await expectPlayableRendition(id, { durationMs });
    expect(rendition).toMatchObject({ width: clip.width, height: clip.height });
    expect((await jobOf(id)).status).toBe('done');
  });

  it('scales a clip wider than 1080p down, keeping its aspect', async () => {
    const { id, durationMs } = await addVideo({
      format: 'webm',
      width: 2000,
      height: 1000,
      seconds: 1,
    });
    await processWithRunner(id);
    const { rendition } = await expectPlayableRendition(id, { durationMs });
    expect(rendition).toMatchObject({ width: 1920, height: 960 });
  });

  it('marks a file ffmpeg cannot read failed, at once, without retrying', async () => {
    const garbage = join(t.galley.mediaStore.root, 'not-a-video.bin');
    await writeFile(garbage, Buffer.alloc(20_000, 7));
    const { id } = await addVideo({ file: garbage });
    const row = await processWithRunner(id);
    expect(row.processing_status).toBe('failed');
    expect(row.processing_error).toMatch(/could not|damaged|ffmpeg/);
    const job = await jobOf(id);
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(1);
  });

  it('resumes a job whose process died half-way: another process finishes it', async () => {
    // Long enough that the transcode is still running when the first process dies.
    const { id, key, durationMs } = await addVideo({
      format: 'webm',
      width: 640,
      height: 360,
      seconds: 20,
    });
    const leaseMs = 1500;
    // Process A claims the job and starts; it will die without a word (no complete, no fail).
    const [job] = await claimDueJobs(t.galley.db, 'process-a', {
      now: new Date(),
      leaseMs,
      limit: 1,
    });
    expect(job?.kind).toBe(VIDEO_PROCESSING_JOB);
    if (!job) return;
    const death = new AbortController();
    const running = runVideoJob(context, job, { signal: death.signal }).then(
      () => 'finished',
      () => 'died',
    );
    const folderPath = join(t.galley.mediaStore.root, dirname(key));
    // Mid-way: the poster is made, ffmpeg is writing the rendition and reporting its progress
    // (past the poster's 5 %).
    const progressSeen: number[] = [];
    await expect
      .poll(
        async () => {
          const files = await readdir(folderPath);
          const partial = files.find((name) => name.endsWith('.part'));
          const written = partial ? (await stat(join(folderPath, partial))).size : 0;
          const { processing_progress: progress } = await videoRow(id);
          progressSeen.push(progress);
          return written > 0 && progress > 5;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    // It only goes up, and is never 100 before the end.
    expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));
    expect(Math.max(...progressSeen)).toBeLessThan(100);
    death.abort();
    expect(await running).toBe('died');
    const halfWay = await videoRow(id);
    expect(halfWay.processing_status).toBe('processing');
    expect(halfWay.poster_media_id).not.toBeNull();
    expect(JSON.parse(halfWay.variants)).toEqual([]);

    // Process B finds the lease expired, claims the job and runs it from the start.
    const row = await processWithRunner(id, { leaseMs });
    expect(row.processing_status, row.processing_error ?? '').toBe('ready');
    // The poster made before the crash is kept, not made twice.
    expect(row.poster_media_id).toBe(halfWay.poster_media_id);
    await expectPlayableRendition(id, { durationMs });
    const finished = await jobOf(id);
    expect(finished.status).toBe('done');
    expect(finished.attempts).toBe(2);
  });

  it('survives a Galley restart mid-job: the next process to start finishes it', async () => {
    const { id, durationMs } = await addVideo({
      format: 'webm',
      width: 640,
      height: 360,
      seconds: 20,
    });
    const leaseMs = 1500;
    const options = { logger: memoryLogger(), jobs: { leaseMs, intervalMs: 200 } };
    const first = await createGalley(t.galley.config, options);
    try {
      await expect
        .poll(async () => (await videoRow(id)).processing_progress, {
          timeout: 60_000,
          interval: 100,
        })
        .toBeGreaterThan(5);
    } finally {
      // As `galley serve` stopping: the transcode is dropped and the job left to its lease.
      await first.close();
    }
    expect((await videoRow(id)).processing_status).toBe('processing');
    const second = await createGalley(t.galley.config, options);
    try {
      await expect
        .poll(async () => (await videoRow(id)).processing_status, {
          timeout: 120_000,
          interval: 200,
        })
        .toBe('ready');
    } finally {
      await second.close();
    }
    await expectPlayableRendition(id, { durationMs });
    expect((await jobOf(id)).attempts).toBe(2);
  });
});

async function readHead(file: string, bytes = 64): Promise<Buffer | null> {
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

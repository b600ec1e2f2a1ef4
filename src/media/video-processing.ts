/**
 * The background job that turns an uploaded video into what the reader site plays: a poster
 * (a frame at a tenth of the duration, through the image intake, so it has AVIF/WebP/JPEG
 * renditions like any image) and an H.264/AAC MP4 at most 1080p with `+faststart`.
 *
 * The job is idempotent: every run starts from the original upload and writes the same keys.
 * The poster is set only if the video has none (in the same transaction that records it), and
 * the MP4 is written under a temporary name and renamed into place, so a process that dies
 * half-way leaves nothing that the next run could mistake for finished work.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { systemActor } from '../core/actor.js';
import type { ClaimedJob } from '../core/jobs/job-queue.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import {
  finishVideoProcessing,
  recordVideoProcessing,
  setVideoPoster,
} from '../core/operations/index.js';
import {
  FfmpegError,
  UnreadableVideoError,
  extractFrame,
  probeVideo,
  runFfmpeg,
} from './ffmpeg.js';
import type { VideoProbe, VideoTools } from './ffmpeg.js';
import { ImageRejectedError, intakeImage, storedImageFiles } from './image-intake.js';
import type { LocalMediaStore } from './media-store.js';

// The job runner is the server's background work, as the scheduler is.
const actor = systemActor('scheduler');

/** What the job needs from its Galley instance. */
export interface VideoJobContext {
  core: Core;
  store: LocalMediaStore;
  tools: VideoTools;
}

/** Nothing a retry could fix: the job records it on the video and ends. */
export class VideoProcessingError extends Error {
  override name = 'VideoProcessingError';
}

/** The web rendition's longest side and shortest side at most: 1080p either way up. */
const MAX_LONG_SIDE = 1920;
const MAX_SHORT_SIDE = 1080;
/** Progress is written at most this often: the newsroom polls about every second. */
const PROGRESS_INTERVAL_MS = 1000;
/** The poster step's share of the progress bar; the transcode takes the rest. */
const POSTER_PERCENT = 5;

/** Where a video's derived files go: beside its original upload. */
export const videoFolder = (originalKey: string) => posix.dirname(originalKey);
export const webRenditionKey = (originalKey: string) => `${videoFolder(originalKey)}/web.mp4`;

/** Scales down to fit 1920x1080 (either orientation), keeping the aspect, in even pixels. */
export function webRenditionSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(
    1,
    MAX_LONG_SIDE / Math.max(width, height),
    MAX_SHORT_SIDE / Math.min(width, height),
  );
  // H.264 in 4:2:0 needs even dimensions.
  const even = (value: number) => Math.max(2, Math.round((value * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}

/**
 * 8 Mbit/s: above what a 1080p web stream needs (YouTube suggests 8 for 1080p30); a camera's
 * 40 Mbit/s file is converted even when its codecs would play.
 */
const MAX_COPY_BIT_RATE = 8_000_000;

/**
 * Whether the upload already plays everywhere as it is (H.264 in 4:2:0 with AAC or no sound, in
 * MP4 or QuickTime, at most 1080p, at a web bit rate): then the rendition is the same streams
 * in a new MP4 with the index first, made in a second instead of a transcode's minutes.
 */
export function isWebReady(probe: VideoProbe): boolean {
  const size = webRenditionSize(probe.width, probe.height);
  return (
    probe.formatName.includes('mp4') &&
    probe.videoCodec === 'h264' &&
    probe.pixelFormat === 'yuv420p' &&
    (probe.audioCodec === null || probe.audioCodec === 'aac') &&
    size.width === probe.width &&
    size.height === probe.height &&
    probe.bitRate !== null &&
    probe.bitRate <= MAX_COPY_BIT_RATE
  );
}

/** ffmpeg's arguments for the web rendition: a copy of web-ready streams, else a transcode. */
export function webRenditionArgs(
  input: string,
  output: string,
  size: { width: number; height: number },
  options: { copy?: boolean } = {},
): string[] {
  return [
    '-y',
    '-i',
    input,
    '-map',
    '0:v:0',
    // The first audio track if there is one; a silent clip stays silent.
    '-map',
    '0:a:0?',
    // No metadata: a phone's clip carries where it was filmed.
    '-map_metadata',
    '-1',
    ...(options.copy ? ['-c', 'copy'] : transcodeArgs(size)),
    // The index first, so playback starts before the whole file has arrived.
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    output,
  ];
}

function transcodeArgs(size: { width: number; height: number }): string[] {
  return [
    '-vf',
    `scale=${size.width}:${size.height}:flags=bicubic,setsar=1,format=yuv420p`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-profile:v',
    'high',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ac',
    '2',
  ];
}

/**
 * Makes the poster and the web rendition of one video and marks it ready. Runs from the start
 * each time; a video already ready is left alone.
 */
export async function processVideo(
  context: VideoJobContext,
  mediaId: number,
  options: {
    signal?: AbortSignal;
    /** Transcode even a web-ready upload (the benchmark measures both ways). */
    alwaysTranscode?: boolean;
  } = {},
): Promise<'ready' | 'skipped'> {
  const { core, store, tools } = context;
  const video = await core.db
    .selectFrom('media')
    .select(['id', 'kind', 'path', 'width', 'height', 'duration_ms', 'processing_status'])
    .where('id', '=', mediaId)
    .executeTakeFirst();
  // CASE: the video was deleted, or the job names something else: nothing to do.
  if (!video || video.kind !== 'video') return 'skipped';
  if (video.processing_status === 'ready') return 'skipped';
  const durationMs = video.duration_ms ?? 0;
  const input = join(store.root, video.path);
  try {
    await stat(input);
  } catch {
    throw new VideoProcessingError('the uploaded file is missing from the media store');
  }

  const progress = progressWriter(core, mediaId);
  await runOperation(core, recordVideoProcessing, actor, {
    id: mediaId,
    status: 'processing',
    progress: 0,
  });

  await makePoster(context, { id: mediaId, path: video.path, input, durationMs });
  options.signal?.throwIfAborted();
  await progress.write(POSTER_PERCENT);

  let probe: VideoProbe;
  try {
    probe = await probeVideo(tools, input);
  } catch (error) {
    if (error instanceof UnreadableVideoError) throw new VideoProcessingError(error.message);
    throw error;
  }
  const size = webRenditionSize(probe.width, probe.height);
  const copy = !options.alwaysTranscode && isWebReady(probe);
  const key = webRenditionKey(video.path);
  const output = join(store.root, key);
  // A name of this run's own: a run that died may have left its partial file, and the process
  // that took the job over never writes into it.
  const partial = `${output}.${randomUUID()}.part`;
  await mkdir(dirname(output), { recursive: true });
  try {
    await runFfmpeg(tools, webRenditionArgs(input, partial, size, { copy }), {
      durationMs,
      signal: options.signal,
      onProgress: (percent) =>
        progress.offer(POSTER_PERCENT + Math.floor((percent * (99 - POSTER_PERCENT)) / 100)),
    });
    await rename(partial, output);
  } finally {
    await rm(partial, { force: true });
  }
  await progress.settled();
  await runOperation(core, finishVideoProcessing, actor, {
    id: mediaId,
    variants: [{ path: key, ...size, mime: 'video/mp4' }],
  });
  return 'ready';
}

async function makePoster(
  { core, store, tools }: VideoJobContext,
  video: { id: number; path: string; input: string; durationMs: number },
): Promise<void> {
  const current = await core.db
    .selectFrom('media')
    .select('poster_media_id')
    .where('id', '=', video.id)
    .executeTakeFirst();
  if (current?.poster_media_id) return;
  const jpeg = await extractFrame(tools, video.input, (video.durationMs / 1000) * 0.1);
  let intake;
  try {
    intake = await intakeImage(store, jpeg, { keyPrefix: `${videoFolder(video.path)}/poster` });
  } catch (error) {
    if (error instanceof ImageRejectedError)
      throw new VideoProcessingError(`the poster frame could not be used: ${error.message}`);
    throw error;
  }
  await runOperation(core, setVideoPoster, actor, {
    id: video.id,
    onlyIfMissing: true,
    image: storedImageFiles(intake),
  });
}

/**
 * Progress in the database at most once a second, one write at a time: ffmpeg reports twice a
 * second, and a slow database must not pile writes up behind each other.
 */
function progressWriter(core: Core, id: number) {
  let lastWrittenAt = 0;
  let lastPercent = -1;
  let writing: Promise<void> = Promise.resolve();
  let isWriting = false;
  const write = async (percent: number) => {
    lastWrittenAt = Date.now();
    lastPercent = percent;
    await runOperation(core, recordVideoProcessing, actor, {
      id,
      status: 'processing',
      progress: percent,
    });
  };
  return {
    write,
    offer(percent: number) {
      if (isWriting || percent === lastPercent) return;
      if (Date.now() - lastWrittenAt < PROGRESS_INTERVAL_MS) return;
      isWriting = true;
      writing = write(percent)
        // A progress write that fails costs nothing but a stale bar; the job goes on.
        .catch(() => undefined)
        .finally(() => (isWriting = false));
    },
    settled: () => writing,
  };
}

/** Words an editor can act on, from what went wrong. */
function failureMessage(error: unknown): string {
  if (error instanceof FfmpegError)
    return `ffmpeg could not convert this video (${error.message}); try exporting it again as MP4 (H.264) and uploading that`;
  if (error instanceof VideoProcessingError) return error.message;
  return `processing failed: ${(error as Error).message}`;
}

/**
 * The job handler. Errors that a retry cannot fix (ffmpeg refusing the file, a missing upload)
 * mark the video failed and end the job; anything else is retried by the job runner, and the
 * last attempt marks the video failed too. A run whose lease was lost stops without a word:
 * another process owns the job now.
 */
export async function runVideoJob(
  context: VideoJobContext,
  job: ClaimedJob,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const mediaId = (job.payload as { mediaId?: unknown }).mediaId;
  if (typeof mediaId !== 'number') throw new Error('video job without a mediaId');
  try {
    await processVideo(context, mediaId, options);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const isPermanent = error instanceof FfmpegError || error instanceof VideoProcessingError;
    if (!isPermanent && job.attempt < job.maxAttempts) throw error;
    await runOperation(context.core, recordVideoProcessing, actor, {
      id: mediaId,
      status: 'failed',
      error: failureMessage(error).slice(0, 1000),
    });
  }
}

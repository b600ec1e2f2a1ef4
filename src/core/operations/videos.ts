/**
 * Videos in the media library. An upload becomes a `media` row (kind video, processing pending)
 * together with the job that makes its poster and web rendition, in one transaction: no video
 * without its job, no job for an upload that rolled back. The job reports through the
 * system-only operations below; editors change the poster and the captions.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { enqueueJobs } from '../jobs/job-queue.js';
import { cacheKey } from '../change-set.js';
import type { ChangeSet } from '../change-set.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import type { OperationRun } from '../operation.js';
import { writersPolicy } from '../policy.js';
import type { Policy } from '../policy.js';
import type { Database, Locale } from '../../db/schema.js';
import { createImage, imageTextSchema, insertMedia } from './create-image.js';
import { idSchema, localeSchema, perLocale } from './input-schemas.js';

/** The job kind that makes a video's poster and renditions (media/video-processing.ts). */
export const VIDEO_PROCESSING_JOB = 'video.process';
/**
 * A transcode that failed three times will fail again: ffmpeg's own errors end the job at once
 * (the file can never work); three attempts cover a process that died or a full disk.
 */
export const VIDEO_JOB_ATTEMPTS = 3;

/** Only the processing job (the system) reports progress and results. */
const processingPolicy: Policy = { staff: [], system: true };

/** What the captions menu calls each language, in that language. */
export const CAPTION_LABELS: Record<Locale, string> = { en: 'English', es: 'Español' };

const storeKey = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[a-z0-9][a-z0-9/._-]*$/, 'must be a media store key');

const rendition = z.object({
  path: storeKey,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.enum(['video/mp4', 'application/vnd.apple.mpegurl']),
});

const emptyWords = { alt: '', caption: '', credit: '' };

const createInput = z.object({
  /** The original upload, already in the media store. */
  path: storeKey,
  mime: z.enum(['video/mp4', 'video/quicktime', 'video/webm']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationMs: z.number().int().positive(),
  videoCodec: z.string().trim().min(1).max(40),
  audioCodec: z.string().trim().min(1).max(40).nullable(),
  translations: perLocale(imageTextSchema).default({ en: emptyWords, es: emptyWords }),
});

/** Records an uploaded video and enqueues its processing. */
export const createVideo = defineOperation({
  name: 'add a video',
  input: createInput,
  policy: writersPolicy,
  async run({ trx, now, changes }, data) {
    const id = await insertMedia(
      trx,
      {
        kind: 'video',
        path: data.path,
        mime: data.mime,
        width: data.width,
        height: data.height,
        variants: '[]',
        source_agency: null,
        created_at: now.toISOString(),
        duration_ms: data.durationMs,
        video_codec: data.videoCodec,
        audio_codec: data.audioCodec,
        processing_status: 'pending',
        processing_progress: 0,
      },
      data.translations,
    );
    await enqueueJobs(
      trx,
      [{ kind: VIDEO_PROCESSING_JOB, payload: { mediaId: id }, maxAttempts: VIDEO_JOB_ATTEMPTS }],
      now,
    );
    changes.events.push({ type: 'media.created', id });
    return { id };
  },
});

async function findVideo(trx: Transaction<Database>, id: number) {
  const video = await trx
    .selectFrom('media')
    .select(['id', 'kind', 'duration_ms', 'poster_media_id', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!video) throw new NotFoundError(`no media with id ${id}`);
  if (video.kind !== 'video') throw new ValidationError('id', `media ${id} is not a video`);
  return video;
}

/**
 * The cache keys of everything that shows the video: its own key, and every article that has
 * it as lead video or in its body (the stored body HTML carries a placeholder per video).
 */
export async function addVideoCacheKeys(
  trx: Transaction<Database>,
  id: number,
  changes: ChangeSet,
) {
  changes.cacheKeys.add(cacheKey.media(id));
  const showing = await trx
    .selectFrom('articles')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('lead_video_id', '=', id),
        eb('body_html', 'like', `%<!--galley:video:${id}-->%`),
        eb('body_html', 'like', `%<!--galley:video:${id}:%`),
      ]),
    )
    .execute();
  for (const article of showing) changes.cacheKeys.add(cacheKey.article(article.id));
}

/** The job's state: processing (with its progress), or failed with words an editor can act on. */
export const recordVideoProcessing = defineOperation({
  name: 'record video processing',
  input: z.object({
    id: idSchema,
    status: z.enum(['processing', 'failed']),
    progress: z.number().int().min(0).max(100).default(0),
    error: z.string().max(1000).nullable().default(null),
  }),
  policy: processingPolicy,
  async run({ trx, changes }, data) {
    await findVideo(trx, data.id);
    await trx
      .updateTable('media')
      .set({
        processing_status: data.status,
        processing_progress: data.progress,
        processing_error: data.status === 'failed' ? (data.error ?? 'processing failed') : null,
      })
      .where('id', '=', data.id)
      // A process that lost its lease may still report for a moment: it never undoes the work
      // of the process that finished the video.
      .where('processing_status', '!=', 'ready')
      .execute();
    // Progress shows only in the newsroom; a failure changes what pages can show.
    if (data.status === 'failed') await addVideoCacheKeys(trx, data.id, changes);
    return { id: data.id };
  },
});

/** The renditions are made: the video is ready to play. */
export const finishVideoProcessing = defineOperation({
  name: 'finish video processing',
  input: z.object({ id: idSchema, variants: z.array(rendition).min(1).max(12) }),
  policy: processingPolicy,
  async run({ trx, changes }, data) {
    await findVideo(trx, data.id);
    await trx
      .updateTable('media')
      .set({
        variants: JSON.stringify(data.variants),
        processing_status: 'ready',
        processing_progress: 100,
        processing_error: null,
      })
      .where('id', '=', data.id)
      .execute();
    await addVideoCacheKeys(trx, data.id, changes);
    changes.events.push({ type: 'media.updated', id: data.id });
    return { id: data.id };
  },
});

const posterFile = z.object({
  path: storeKey,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/avif']),
});

const posterInput = z.object({
  id: idSchema,
  /** The poster image, already in the media store with its renditions (media/image-intake.ts). */
  image: posterFile.extend({
    variants: z.array(posterFile).max(12).default([]),
    crops: z
      .array(posterFile.extend({ ratio: z.enum(['16x9', '4x3', '1x1']) }))
      .max(3)
      .default([]),
  }),
  /**
   * Only when the video has no poster yet. The processing job sets this, so a job run again
   * after a restart never replaces the poster an editor chose meanwhile.
   */
  onlyIfMissing: z.boolean().default(false),
});

/**
 * Makes an image the video's poster: a new image row (so the poster has AVIF/WebP/JPEG
 * renditions like any image), described in each edition with the video's own words.
 */
export const setVideoPoster = defineOperation({
  name: "set a video's poster",
  input: posterInput,
  policy: writersPolicy,
  async run(run: OperationRun, data) {
    const { trx, changes } = run;
    const video = await findVideo(trx, data.id);
    if (data.onlyIfMissing && video.poster_media_id !== null)
      return { id: data.id, posterMediaId: video.poster_media_id };
    const words = await trx
      .selectFrom('media_translations')
      .select(['locale', 'alt', 'credit'])
      .where('media_id', '=', data.id)
      .execute();
    const wordsIn = (locale: Locale) => {
      const found = words.find((row) => row.locale === locale);
      return { alt: found?.alt ?? '', caption: '', credit: found?.credit ?? '' };
    };
    const { id: posterMediaId } = await createImage.run(
      run,
      createImage.input.parse({
        ...data.image,
        translations: { en: wordsIn('en'), es: wordsIn('es') },
      }),
    );
    await trx
      .updateTable('media')
      .set({ poster_media_id: posterMediaId })
      .where('id', '=', data.id)
      .execute();
    await addVideoCacheKeys(trx, data.id, changes);
    changes.events.push({ type: 'media.updated', id: data.id });
    return { id: data.id, posterMediaId };
  },
});

/** The storage key of a video's captions in one language, or null when it has none. */
async function captionsPath(
  trx: Transaction<Database>,
  id: number,
  locale: Locale,
): Promise<string | null> {
  const row = await trx
    .selectFrom('media_captions')
    .select('path')
    .where('media_id', '=', id)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return row?.path ?? null;
}

/** Stores (or replaces) a video's captions in one language; the file is already validated. */
export const setVideoCaptions = defineOperation({
  name: "set a video's captions",
  input: z.object({ id: idSchema, locale: localeSchema, path: storeKey }),
  policy: writersPolicy,
  async run({ trx, now, changes }, data) {
    await findVideo(trx, data.id);
    const replacedPath = await captionsPath(trx, data.id, data.locale);
    const stamp = now.toISOString();
    const label = CAPTION_LABELS[data.locale];
    await trx
      .insertInto('media_captions')
      .values({
        media_id: data.id,
        locale: data.locale,
        path: data.path,
        label,
        created_at: stamp,
        updated_at: stamp,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['media_id', 'locale'])
          .doUpdateSet({ path: data.path, label, updated_at: stamp }),
      )
      .execute();
    await addVideoCacheKeys(trx, data.id, changes);
    changes.events.push({ type: 'media.updated', id: data.id });
    return { id: data.id, replacedPath };
  },
});

/** Removes a video's captions in one language. */
export const removeVideoCaptions = defineOperation({
  name: "remove a video's captions",
  input: z.object({ id: idSchema, locale: localeSchema }),
  policy: writersPolicy,
  async run({ trx, changes }, data) {
    await findVideo(trx, data.id);
    const removedPath = await captionsPath(trx, data.id, data.locale);
    if (removedPath === null)
      throw new NotFoundError(`video ${data.id} has no ${data.locale} captions`);
    await trx
      .deleteFrom('media_captions')
      .where('media_id', '=', data.id)
      .where('locale', '=', data.locale)
      .execute();
    await addVideoCacheKeys(trx, data.id, changes);
    changes.events.push({ type: 'media.updated', id: data.id });
    return { id: data.id, removedPath };
  },
});

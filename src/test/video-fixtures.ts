/**
 * A ready video for the player's tests, made the way the processing pipeline makes one: a clip
 * from ffmpeg's test pattern and a tone, a web MP4 (H.264/AAC, index at the front), a poster
 * frame stored as an ordinary image through the image intake, and WebVTT captions in both
 * languages. The media row is inserted directly; the pipeline's own tests
 * (src/media/video-*.test.ts) cover probing, transcoding and the job that does it.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createImage } from '../core/operations/index.js';
import type { Locale, MediaProcessingStatus } from '../db/schema.js';
import { intakeImage } from '../media/image-intake.js';
import type { Galley } from '../server/create-galley.js';
import { makeTestClip } from './ffmpeg-clips.js';

const run = promisify(execFile);

/** Captions written for the test clip: a harbour story, one cue per second or two. */
export const TEST_CAPTIONS: Record<Locale, string> = {
  en: `WEBVTT

00:00:00.000 --> 00:00:02.500
The first ferry of the morning leaves the dock.

00:00:02.500 --> 00:00:06.000
Fishermen wave from the breakwater.
`,
  es: `WEBVTT

00:00:00.000 --> 00:00:02.500
El primer ferry de la mañana sale del muelle.

00:00:02.500 --> 00:00:06.000
Los pescadores saludan desde el rompeolas.
`,
};

export interface TestVideoOptions {
  seconds?: number;
  width?: number;
  height?: number;
  /** Which captions files to add (default both). */
  captions?: Locale[];
  /** Default 'ready'; anything else is a video the page must not show. */
  status?: MediaProcessingStatus;
  alt?: Record<Locale, string>;
}

export interface TestVideo {
  id: number;
  posterId: number;
  /** Media store keys. */
  webKey: string;
  posterKeys: string[];
  captionKeys: Partial<Record<Locale, string>>;
  durationMs: number;
}

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/** Adds a video to the library of `galley`, as the pipeline leaves it when it is done. */
export async function addTestVideo(
  galley: Galley,
  options: TestVideoOptions = {},
): Promise<TestVideo> {
  const { seconds = 6, width = 320, height = 180, status = 'ready' } = options;
  const clip = await makeTestClip({ seconds, width, height, format: 'mp4' });
  const folder = `videos/test-${randomUUID()}`;
  const store = galley.mediaStore;
  try {
    const webFile = join(dirname(clip), 'web.mp4');
    // The web rendition: the clip is H.264/AAC already; move its index to the front as the
    // pipeline does, so a browser can start playing before the whole file has arrived.
    await ffmpeg(['-i', clip, '-c', 'copy', '-movflags', '+faststart', webFile]);
    const posterFile = join(dirname(clip), 'poster.jpg');
    await ffmpeg([
      '-ss',
      String(seconds / 3),
      '-i',
      clip,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      posterFile,
    ]);

    const webKey = `${folder}/web.mp4`;
    await store.write(`${folder}/original.mp4`, await readFile(clip));
    await store.write(webKey, await readFile(webFile));
    const poster = await intakeImage(store, await readFile(posterFile), {
      keyPrefix: `${folder}/poster`,
    });
    const system = systemActor('test');
    const { id: posterId } = await runOperation(galley.core, createImage, system, {
      path: poster.original.key,
      width: poster.original.width,
      height: poster.original.height,
      mime: poster.original.mime,
      variants: poster.variants.map((variant) => ({
        path: variant.key,
        width: variant.width,
        height: variant.height,
        mime: variant.mime,
      })),
      translations: {
        en: { alt: 'A frame of the harbour video', caption: '', credit: '' },
        es: { alt: 'Un fotograma del vídeo del puerto', caption: '', credit: '' },
      },
    });

    const now = new Date().toISOString();
    const alt = options.alt ?? {
      en: 'The morning ferry leaving the harbour',
      es: 'El ferry de la mañana saliendo del puerto',
    };
    const durationMs = seconds * 1000;
    const { id } = await galley.db
      .insertInto('media')
      .values({
        kind: 'video',
        path: `${folder}/original.mp4`,
        mime: 'video/mp4',
        width,
        height,
        variants: JSON.stringify([{ path: webKey, width, height, mime: 'video/mp4' }]),
        source_agency: null,
        created_at: now,
        duration_ms: durationMs,
        video_codec: 'h264',
        audio_codec: 'aac',
        poster_media_id: posterId,
        processing_status: status,
        processing_progress: status === 'ready' ? 100 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await galley.db
      .insertInto('media_translations')
      .values([
        {
          media_id: id,
          locale: 'en',
          alt: alt.en,
          caption: 'The harbour at dawn.',
          credit: 'Test Desk',
        },
        {
          media_id: id,
          locale: 'es',
          alt: alt.es,
          caption: 'El puerto al amanecer.',
          credit: 'Mesa de pruebas',
        },
      ])
      .execute();

    const captionKeys: Partial<Record<Locale, string>> = {};
    for (const locale of options.captions ?? (['en', 'es'] as const)) {
      const key = `${folder}/captions-${locale}.vtt`;
      await store.write(key, Buffer.from(TEST_CAPTIONS[locale], 'utf8'));
      await galley.db
        .insertInto('media_captions')
        .values({
          media_id: id,
          locale,
          path: key,
          label: locale === 'en' ? 'English' : 'Español',
          created_at: now,
          updated_at: now,
        })
        .execute();
      captionKeys[locale] = key;
    }
    return {
      id,
      posterId,
      webKey,
      posterKeys: poster.variants.map((variant) => variant.key),
      captionKeys,
      durationMs,
    };
  } finally {
    await rm(dirname(clip), { recursive: true, force: true });
  }
}

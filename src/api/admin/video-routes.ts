/**
 * Video in the media library: the streamed upload, captions per language, and the poster.
 *
 * An upload is checked in order, cheapest first, and nothing is kept from a refused one: ffmpeg
 * present (503), size while it streams (413), type from the first bytes (415), readable by
 * ffprobe (422). Then the media row and its processing job are written together (202); the job
 * makes the poster and the web rendition (media/video-processing.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';
import { z } from 'zod';
import { GalleyError, NotFoundError, ValidationError } from '../../core/errors.js';
import { findMediaForStaff } from '../../core/newsroom/media-for-staff.js';
import { runOperation } from '../../core/operation.js';
import {
  createVideo,
  removeVideoCaptions,
  setVideoCaptions,
  setVideoPoster,
} from '../../core/operations/index.js';
import type { Locale } from '../../db/schema.js';
import { UnreadableVideoError, extractFrame, probeVideo } from '../../media/ffmpeg.js';
import type { VideoTools } from '../../media/ffmpeg.js';
import { ImageRejectedError, intakeImage, storedImageFiles } from '../../media/image-intake.js';
import type { LocalMediaStore } from '../../media/media-store.js';
import { videoFolder } from '../../media/video-processing.js';
import { videoSettingsOf } from '../../media/video-settings.js';
import { sniffVideoType } from '../../media/video-sniff.js';
import { UploadRejectedError, receiveVideoUpload } from '../../media/video-upload.js';
import { MAX_CAPTIONS_BYTES, WebVttError, validateWebVtt } from '../../media/webvtt.js';
import type { StaffVideo } from '../../core/newsroom/media-for-staff.js';
import { errorBody, jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminEnv, AdminRoute, AdminRouteContext } from './admin-route.js';

export const VIDEO_UPLOAD_PATH = '/media/videos';
/** A captions file and a multipart envelope around it (admin-api.ts applies the limit). */
export const MAX_CAPTIONS_REQUEST_BYTES = MAX_CAPTIONS_BYTES + 16 * 1024;
/** Paths of the routes that take a file, for admin-api.ts's size limits. */
export const CAPTIONS_PATH = /\/media\/\d+\/captions\/[^/]+$/;
export const POSTER_PATH = /\/media\/\d+\/poster$/;

const mediaId = (raw: string | undefined) => positiveIntParam(raw, 'id');

/** Statuses GalleyError does not carry (415, 503): answered here, in the API's error shape. */
const refuse = (c: Context<AdminEnv>, status: 413 | 415 | 422 | 503, message: string) =>
  c.json(errorBody(message, 'file'), status);

async function videoOr404(db: AdminRouteContext['db'], id: number): Promise<StaffVideo> {
  const media = await findMediaForStaff(db, id);
  if (!media) throw new NotFoundError(`no media with id ${id}`);
  if (media.kind !== 'video') throw new ValidationError('id', `media ${id} is not a video`);
  return media as StaffVideo;
}

/** The stored original's key and duration (the presenter shows URLs, not keys). */
const storedVideo = (db: AdminRouteContext['db'], id: number) =>
  db
    .selectFrom('media')
    .select(['path', 'duration_ms'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** `videos/2026/11/<uuid>`: where an upload and everything made from it live. */
function newVideoFolder(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `videos/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

const localeParam = (raw: string | undefined): Locale => {
  if (raw !== 'en' && raw !== 'es') throw new ValidationError('locale', 'must be "en" or "es"');
  return raw;
};

/** The captions file from a raw `text/vtt` body or a multipart `file`. */
async function captionsBytes(c: Context<AdminEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    let file: File | string | null = null;
    try {
      file = (await c.req.formData()).get('file');
    } catch {
      // answered below
    }
    if (!(file instanceof File))
      throw new ValidationError('file', 'send the captions as multipart/form-data, field "file"');
    return new Uint8Array(await file.arrayBuffer());
  }
  if (type.startsWith('text/vtt') || type.startsWith('text/plain'))
    return new Uint8Array(await c.req.arrayBuffer());
  throw new ValidationError(
    'file',
    'send the captions as the body (Content-Type: text/vtt) or as multipart/form-data, field "file"',
  );
}

async function posterFromImage(store: LocalMediaStore, folder: string, bytes: Buffer) {
  try {
    return await intakeImage(store, bytes, { keyPrefix: `${folder}/poster-${randomUUID()}` });
  } catch (error) {
    if (error instanceof ImageRejectedError)
      throw new GalleyError(error.message, error.status, 'file');
    throw error;
  }
}

async function posterFromFrame(
  tools: VideoTools,
  store: LocalMediaStore,
  video: { path: string; durationMs: number | null },
  atSeconds: number,
) {
  const duration = (video.durationMs ?? 0) / 1000;
  if (atSeconds > duration)
    throw new ValidationError(
      'atSeconds',
      `the video is ${duration.toFixed(1)} seconds long; choose a time within it`,
    );
  // The last instant may have no frame of its own: step back a frame's worth at the very end.
  const at = Math.max(0, Math.min(atSeconds, duration - 0.05));
  const frame = await extractFrame(tools, join(store.root, video.path), at);
  return posterFromImage(store, videoFolder(video.path), frame);
}

export const videoRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: VIDEO_UPLOAD_PATH,
    policy: createVideo.policy,
    summary:
      'Upload a video (multipart/form-data: file; MP4, WebM or MOV, streamed to disk). 202: the poster and the web rendition are made in the background',
    async handle(c, { core, db, actor, mediaStore }) {
      const settings = videoSettingsOf(core);
      const found = await settings.tools;
      if (!found.ok) return refuse(c, 503, found.reason);
      let upload;
      try {
        upload = await receiveVideoUpload(c.req.raw, {
          mediaRoot: mediaStore.root,
          maxBytes: settings.maxBytes,
        });
      } catch (error) {
        if (error instanceof UploadRejectedError) return refuse(c, error.status, error.message);
        throw error;
      }
      let isKept = false;
      try {
        const locale = upload.fields['locale'] ?? 'en';
        if (locale !== 'en' && locale !== 'es')
          throw new ValidationError('locale', 'must be "en" or "es"');
        const sniffed = sniffVideoType(upload.head);
        if (!sniffed.accepted)
          return refuse(
            c,
            415,
            `the file is not a video Galley accepts (MP4, WebM or MOV)${sniffed.looksLike ? `; it looks like ${sniffed.looksLike}` : ''}`,
          );
        let probe;
        try {
          probe = await probeVideo(found.tools, upload.file);
        } catch (error) {
          if (error instanceof UnreadableVideoError) return refuse(c, 422, error.message);
          throw error;
        }
        const key = `${newVideoFolder()}/original.${sniffed.container}`;
        const destination = join(mediaStore.root, key);
        await mkdir(dirname(destination), { recursive: true });
        await rename(upload.file, destination);
        try {
          const { id } = await runOperation(core, createVideo, actor, {
            path: key,
            mime: sniffed.mime,
            width: probe.width,
            height: probe.height,
            durationMs: probe.durationMs,
            videoCodec: probe.videoCodec,
            audioCodec: probe.audioCodec,
            // A title in the file is in one language: it goes to the edition the uploader
            // works in, as an image's embedded caption does.
            translations: {
              en: { alt: '', caption: locale === 'en' ? probe.title : '', credit: '' },
              es: { alt: '', caption: locale === 'es' ? probe.title : '', credit: '' },
            },
          });
          isKept = true;
          return c.json({ media: await videoOr404(db, id) }, 202);
        } finally {
          if (!isKept) await rm(dirname(destination), { recursive: true, force: true });
        }
      } finally {
        if (!isKept) await rm(upload.file, { force: true });
      }
    },
  },
  {
    method: 'PUT',
    path: '/media/:id/captions/:locale',
    policy: setVideoCaptions.policy,
    summary:
      "Set a video's captions in one language: a WebVTT file as the body (text/vtt) or multipart file. 422 names the line that is wrong",
    async handle(c, { core, db, actor, mediaStore }) {
      const id = mediaId(c.req.param('id'));
      const locale = localeParam(c.req.param('locale'));
      await videoOr404(db, id);
      const stored = await storedVideo(db, id);
      let text: string;
      try {
        text = validateWebVtt(await captionsBytes(c)).text;
      } catch (error) {
        if (error instanceof WebVttError)
          return c.json(
            errorBody(`the captions are not valid WebVTT: ${error.message}`, 'file', {
              line: error.line,
            }),
            error.status,
          );
        throw error;
      }
      // A new name per upload: the reader site lets browsers keep media files for a week.
      const key = `${videoFolder(stored.path)}/captions-${locale}-${randomUUID().slice(0, 8)}.vtt`;
      await mediaStore.write(key, Buffer.from(text, 'utf8'));
      let replacedPath: string | null;
      try {
        ({ replacedPath } = await runOperation(core, setVideoCaptions, actor, {
          id,
          locale,
          path: key,
        }));
      } catch (error) {
        await rm(join(mediaStore.root, key), { force: true });
        throw error;
      }
      if (replacedPath) await rm(join(mediaStore.root, replacedPath), { force: true });
      const media = await videoOr404(db, id);
      return c.json({ captions: media.captions, media });
    },
  },
  {
    method: 'DELETE',
    path: '/media/:id/captions/:locale',
    policy: removeVideoCaptions.policy,
    summary: "Remove a video's captions in one language",
    async handle(c, { core, db, actor, mediaStore }) {
      const id = mediaId(c.req.param('id'));
      const locale = localeParam(c.req.param('locale'));
      const { removedPath } = await runOperation(core, removeVideoCaptions, actor, { id, locale });
      await rm(join(mediaStore.root, removedPath), { force: true });
      return c.json({ media: await videoOr404(db, id) });
    },
  },
  {
    method: 'POST',
    path: '/media/:id/poster',
    policy: setVideoPoster.policy,
    summary:
      "Change a video's poster: JSON { atSeconds } takes a frame of the video, multipart file an image",
    requestBody: z.object({ atSeconds: z.number().min(0) }),
    async handle(c, { core, db, actor, mediaStore }) {
      const id = mediaId(c.req.param('id'));
      const video = await videoOr404(db, id);
      const row = await storedVideo(db, id);
      let intake;
      if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        let file: File | string | null = null;
        try {
          file = (await c.req.formData()).get('file');
        } catch {
          // answered below
        }
        if (!(file instanceof File))
          throw new ValidationError('file', 'send the image as multipart/form-data, field "file"');
        intake = await posterFromImage(
          mediaStore,
          videoFolder(row.path),
          Buffer.from(await file.arrayBuffer()),
        );
      } else {
        const body = await jsonObject(c);
        if (body instanceof Response) return body;
        const parsed = z
          .object({ atSeconds: z.number({ error: 'must be a number of seconds' }).min(0) })
          .safeParse(body);
        if (!parsed.success)
          throw new ValidationError(
            'atSeconds',
            parsed.error.issues[0]?.message ?? 'must be a number of seconds',
          );
        const found = await videoSettingsOf(core).tools;
        if (!found.ok) return refuse(c, 503, found.reason);
        if (video.processing.status === 'failed')
          throw new ValidationError('id', `video ${id} could not be processed; upload it again`);
        intake = await posterFromFrame(
          found.tools,
          mediaStore,
          { path: row.path, durationMs: row.duration_ms },
          parsed.data.atSeconds,
        );
      }
      await runOperation(core, setVideoPoster, actor, {
        id,
        image: storedImageFiles(intake),
      });
      return c.json({ media: await videoOr404(db, id) });
    },
  },
];

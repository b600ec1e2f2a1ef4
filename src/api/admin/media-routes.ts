/** The media library: upload images, find them, describe them in both editions. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GalleyError, NotFoundError, ValidationError } from '../../core/errors.js';
import { findMediaForStaff, listMediaForStaff } from '../../core/newsroom/media-for-staff.js';
import { runOperation } from '../../core/operation.js';
import { createImage, updateImage } from '../../core/operations/index.js';
import {
  ImageRejectedError,
  UPLOAD_LIMITS,
  intakeImage,
  storedImageFiles,
} from '../../media/image-intake.js';
import { anyStaff, jsonObject, pageParam, parsedQuery, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const UPLOAD_PATH = '/media';
/** The request may carry a little more than the file: the multipart envelope and its fields. */
export const MAX_UPLOAD_BYTES = UPLOAD_LIMITS.maxBytes + 64 * 1024;
const PAGE_SIZE = 48;

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(['image', 'video'], { error: 'must be "image" or "video"' }).optional(),
  page: pageParam,
});

const mediaId = (raw: string | undefined) => positiveIntParam(raw, 'id');

async function mediaOr404(db: Parameters<typeof findMediaForStaff>[0], id: number) {
  const media = await findMediaForStaff(db, id);
  if (!media) throw new NotFoundError(`no media with id ${id}`);
  return media;
}

export const mediaRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/media',
    policy: anyStaff,
    summary: 'The media library, newest first; q searches alt text, captions, credits, agency',
    query: listQuery,
    handle: async (c, { db }) =>
      c.json(await listMediaForStaff(db, { ...parsedQuery(c, listQuery), pageSize: PAGE_SIZE })),
  },
  {
    method: 'GET',
    path: '/media/:id',
    policy: anyStaff,
    summary: 'One image with its renditions and its words in both editions',
    handle: async (c, { db }) =>
      c.json({ media: await mediaOr404(db, mediaId(c.req.param('id'))) }),
  },
  {
    method: 'POST',
    path: UPLOAD_PATH,
    policy: createImage.policy,
    summary:
      'Upload an image (multipart/form-data: file, and locale for the pre-filled words). The type is read from the content; GPS data is removed; AVIF, WebP and JPEG renditions are made',
    async handle(c, { core, db, actor, mediaStore }) {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new ValidationError(
          'file',
          'send the image as multipart/form-data, in a field named "file"',
        );
      }
      const file = form.get('file');
      if (!(file instanceof File))
        throw new ValidationError(
          'file',
          'send the image as multipart/form-data, in a field named "file"',
        );
      const locale = form.get('locale') ?? 'en';
      if (locale !== 'en' && locale !== 'es')
        throw new ValidationError('locale', 'must be "en" or "es"');

      const now = new Date();
      const month = String(now.getUTCMonth() + 1).padStart(2, '0');
      const keyPrefix = `uploads/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
      let intake;
      try {
        intake = await intakeImage(mediaStore, Buffer.from(await file.arrayBuffer()), {
          keyPrefix,
        });
      } catch (error) {
        if (error instanceof ImageRejectedError)
          throw new GalleyError(error.message, error.status, 'file');
        throw error;
      }
      const { prefill } = intake;
      // Words found in the file are in one language: they go to the edition the uploader works
      // in. The credit names a person or agency, the same in both.
      const words = { alt: prefill.alt, caption: prefill.caption, credit: prefill.credit };
      const otherWords = { alt: '', caption: '', credit: prefill.credit };
      const { id } = await runOperation(core, createImage, actor, {
        ...storedImageFiles(intake),
        sourceAgency: prefill.sourceAgency,
        translations:
          locale === 'en' ? { en: words, es: otherWords } : { en: otherWords, es: words },
      });
      return c.json(
        { media: await mediaOr404(db, id), prefill, gpsRemoved: intake.gpsRemoved },
        201,
      );
    },
  },
  {
    method: 'PATCH',
    path: '/media/:id',
    policy: updateImage.policy,
    summary: "Edit an image's alt text, caption and credit per edition, and its source agency",
    requestBody: updateImage.input,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, updateImage, actor, {
        ...body,
        id: mediaId(c.req.param('id')),
      });
      return c.json({ media: await mediaOr404(db, id) });
    },
  },
];

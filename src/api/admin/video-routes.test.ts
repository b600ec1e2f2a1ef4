/**
 * Video through the Admin API, on both databases: the streamed upload and its refusals (415 for
 * what is not a video, 422 for a damaged one, 413 over the limit, 503 without ffmpeg), leaving no
 * file behind; the job making it ready; the library's kind filter; captions (with the line that
 * is wrong); the poster; and who may do each.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffVideo } from '../../core/newsroom/media-for-staff.js';
import { memoryLogger } from '../../lib/log.js';
import { findVideoTools } from '../../media/ffmpeg.js';
import { attachVideoSettings, videoSettingsOf } from '../../media/video-settings.js';
import type { VideoSettings } from '../../media/video-settings.js';
import { createGalley } from '../../server/create-galley.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient, Login } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { makeTestClip } from '../../test/ffmpeg-clips.js';

const run = promisify(execFile);

const CAPTIONS_EN = `WEBVTT

00:00:00.000 --> 00:00:01.500
The test pattern, and a tone.
`;
const CAPTIONS_ES = `WEBVTT

00:00:00.000 --> 00:00:01.500
La carta de ajuste, y un tono.
`;

/** Every file under a folder, as paths relative to it (empty when the folder does not exist). */
async function filesUnder(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

describeEachDialect('Admin API videos', { demo: false }, (t) => {
  let api: AdminApiClient;
  let clip: Buffer;
  let settings: VideoSettings;

  const upload = (
    bytes: Buffer,
    login: Login | null,
    fields: { name?: string; locale?: string } = {},
  ) => {
    const form = new FormData();
    if (fields.locale) form.set('locale', fields.locale);
    form.set('file', new Blob([new Uint8Array(bytes)]), fields.name ?? 'clip.mp4');
    return t.galley.app.request('/api/admin/media/videos', {
      method: 'POST',
      headers: { ...(login && { cookie: login.cookie, 'x-csrf-token': login.csrf }) },
      body: form,
    });
  };
  const send = (
    method: string,
    path: string,
    login: Login | null,
    body: string | FormData,
    contentType?: string,
  ) =>
    t.galley.app.request(`/api/admin${path}`, {
      method,
      headers: {
        ...(login && { cookie: login.cookie, 'x-csrf-token': login.csrf }),
        ...(contentType && { 'content-type': contentType }),
      },
      body,
    });
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;
  const getVideo = async (id: number) =>
    (await json<{ media: StaffVideo }>(api.call('GET', `/media/${id}`, api.logins.author))).media;
  /** Nothing from refused uploads: no video folder, nothing left in `incoming`. */
  const storedVideoFiles = () => filesUnder(join(t.galley.mediaStore.root, 'videos'));
  const incomingFiles = () => filesUnder(join(t.galley.mediaStore.root, 'incoming'));

  let videoId: number;

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    // A title in the file's metadata, as cameras and editing apps write one.
    const plain = await makeTestClip({ seconds: 2, format: 'mp4' });
    const titled = join(dirname(plain), 'titled.mp4');
    await run('ffmpeg', [
      '-loglevel',
      'error',
      '-i',
      plain,
      '-c',
      'copy',
      '-metadata',
      'title=Carta de ajuste',
      titled,
    ]);
    clip = await readFile(titled);
    settings = videoSettingsOf(t.galley.core);
  });
  afterAll(() => attachVideoSettings(t.galley.core, settings));

  it('refuses anonymous uploads (401), and what is not a video (415) or damaged (422)', async () => {
    expect((await upload(clip, null)).status).toBe(401);

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const notVideo = await upload(pdf, api.logins.contributor, { name: 'report.mp4' });
    expect(notVideo.status).toBe(415);
    expect(await notVideo.json()).toMatchObject({
      error: { field: 'file', message: expect.stringContaining('a PDF document') },
    });

    const noise = Buffer.alloc(50_000);
    for (let index = 0; index < noise.length; index++) noise[index] = (index * 7919) % 251;
    expect((await upload(noise, api.logins.contributor, { name: 'noise.mp4' })).status).toBe(415);

    // The right first bytes, but cut off: the index at the end never arrived.
    const truncated = await upload(
      clip.subarray(0, Math.floor(clip.length / 3)),
      api.logins.author,
    );
    expect(truncated.status).toBe(422);
    expect(await truncated.json()).toMatchObject({
      error: { field: 'file', message: expect.stringMatching(/could not be read|damaged/) },
    });

    expect(await storedVideoFiles()).toEqual([]);
    expect(await incomingFiles()).toEqual([]);
  });

  it('refuses a video over the configured limit with 413, keeping nothing', async () => {
    const big = await readFile(await makeTestClip({ seconds: 4, width: 640, height: 360 }));
    attachVideoSettings(t.galley.core, { ...settings, maxBytes: Math.floor(big.length / 2) });
    try {
      const response = await upload(big, api.logins.editor);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        error: { field: 'file', message: expect.stringContaining('limit') },
      });
    } finally {
      attachVideoSettings(t.galley.core, settings);
    }
    expect(await storedVideoFiles()).toEqual([]);
    expect(await incomingFiles()).toEqual([]);
  });

  it('takes a contributor’s upload (202), and the job makes it ready', async () => {
    const response = await upload(clip, api.logins.contributor, { name: 'clip.bin', locale: 'es' });
    expect(response.status, await response.clone().text()).toBe(202);
    const { media } = await json<{ media: StaffVideo }>(response);
    videoId = media.id;
    expect(media).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      width: 320,
      height: 180,
      videoCodec: 'h264',
      audioCodec: 'aac',
      processing: { status: 'pending', progress: 0, error: null },
      poster: null,
      captions: [],
      variants: [],
    });
    expect(Math.abs((media.durationMs ?? 0) - 2000)).toBeLessThan(50);
    expect(media.url).toMatch(/^\/media\/videos\/\d{4}\/\d\d\/[0-9a-f-]+\/original\.mp4$/);
    // The file's own title suggests the caption, in the edition the uploader works in.
    expect(media.translations.es.caption).toBe('Carta de ajuste');
    expect(media.translations.en.caption).toBe('');

    // The suite's Galley runs its jobs like any process: the video becomes ready by itself.
    await expect
      .poll(async () => (await getVideo(videoId)).processing.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe('ready');
    const ready = await getVideo(videoId);
    expect(ready.processing).toEqual({ status: 'ready', progress: 100, error: null });
    expect(ready.variants).toEqual([
      { url: expect.stringMatching(/\/web\.mp4$/), width: 320, height: 180, mime: 'video/mp4' },
    ]);
    expect(ready.poster).toMatchObject({ kind: 'image', width: 320, height: 180 });
    expect(new Set(ready.poster?.variants.map((v) => v.mime))).toEqual(
      new Set(['image/avif', 'image/webp', 'image/jpeg']),
    );
  });

  it('filters the library by kind', async () => {
    type Page = { items: { id: number; kind: string }[] };
    const videos = await json<Page>(api.call('GET', '/media?kind=video', api.logins.author));
    expect(videos.items.map((item) => item.kind)).toEqual(['video']);
    const images = await json<Page>(api.call('GET', '/media?kind=image', api.logins.author));
    expect(images.items.length).toBeGreaterThan(0);
    expect(images.items.every((item) => item.kind === 'image')).toBe(true);
    expect((await api.call('GET', '/media?kind=audio', api.logins.author)).status).toBe(422);
  });

  it('stores captions per language from a text/vtt body or a multipart file', async () => {
    const en = await send(
      'PUT',
      `/media/${videoId}/captions/en`,
      api.logins.contributor,
      CAPTIONS_EN,
      'text/vtt',
    );
    expect(en.status, await en.clone().text()).toBe(200);
    const form = new FormData();
    form.set('file', new Blob([CAPTIONS_ES], { type: 'text/vtt' }), 'es.vtt');
    const es = await send('PUT', `/media/${videoId}/captions/es`, api.logins.author, form);
    expect(es.status).toBe(200);
    const { captions } = await json<{ captions: StaffVideo['captions'] }>(es);
    expect(captions).toEqual([
      { locale: 'en', label: 'English', path: expect.stringMatching(/^\/media\/.*\.vtt$/) },
      { locale: 'es', label: 'Español', path: expect.stringMatching(/^\/media\/.*\.vtt$/) },
    ]);
    const stored = await readFile(
      join(t.galley.mediaStore.root, captions[1]?.path.slice('/media/'.length) ?? ''),
      'utf8',
    );
    expect(stored).toBe(CAPTIONS_ES);

    // Replacing a language's captions removes the old file (under a new name: browsers cache).
    const before = captions[0]?.path ?? '';
    const again = await json<{ captions: StaffVideo['captions'] }>(
      send('PUT', `/media/${videoId}/captions/en`, api.logins.editor, CAPTIONS_EN, 'text/vtt'),
    );
    expect(again.captions[0]?.path).not.toBe(before);
    await expect(stat(join(t.galley.mediaStore.root, before.slice(7)))).rejects.toThrow();
  });

  it('refuses invalid captions with 422 naming the wrong line', async () => {
    const cases: [string, number][] = [
      ['WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nBackwards\n', 3],
      ['WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOne\n\n00:00:01 -> 00:00:02.000\nTwo\n', 6],
      ['SUBTITLES\n\n00:00:00.000 --> 00:00:01.000\nNot WebVTT\n', 1],
    ];
    for (const [vtt, line] of cases) {
      const response = await send(
        'PUT',
        `/media/${videoId}/captions/en`,
        api.logins.author,
        vtt,
        'text/vtt',
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        error: { field: 'file', line, message: expect.stringContaining(`line ${line}:`) },
      });
    }
    const badLocale = await send(
      'PUT',
      `/media/${videoId}/captions/fr`,
      api.logins.author,
      CAPTIONS_EN,
      'text/vtt',
    );
    expect(badLocale.status).toBe(422);
    expect(
      (await send('PUT', `/media/${videoId}/captions/en`, null, CAPTIONS_EN, 'text/vtt')).status,
    ).toBe(401);
  });

  it('removes one language’s captions', async () => {
    const removed = await api.call('DELETE', `/media/${videoId}/captions/es`, api.logins.author);
    expect(removed.status).toBe(200);
    expect((await getVideo(videoId)).captions.map((c) => c.locale)).toEqual(['en']);
    expect(
      (await api.call('DELETE', `/media/${videoId}/captions/es`, api.logins.author)).status,
    ).toBe(404);
  });

  it('changes the poster to a frame at a given time, or to an uploaded image', async () => {
    const first = (await getVideo(videoId)).poster?.id;
    const frame = await api.call('POST', `/media/${videoId}/poster`, api.logins.contributor, {
      atSeconds: 1.5,
    });
    expect(frame.status, await frame.clone().text()).toBe(200);
    const fromFrame = (await json<{ media: StaffVideo }>(frame)).media.poster;
    expect(fromFrame?.id).not.toBe(first);
    expect(fromFrame).toMatchObject({ width: 320, height: 180 });

    const beyond = await api.call('POST', `/media/${videoId}/poster`, api.logins.author, {
      atSeconds: 30,
    });
    expect(beyond.status).toBe(422);
    expect(await beyond.json()).toMatchObject({ error: { field: 'atSeconds' } });

    const image = await sharp({
      create: { width: 640, height: 360, channels: 3, background: '#e9c46a' },
    })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(image)]), 'poster.jpg');
    const uploaded = await send('POST', `/media/${videoId}/poster`, api.logins.author, form);
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);
    expect((await json<{ media: StaffVideo }>(uploaded)).media.poster).toMatchObject({
      width: 640,
      height: 360,
    });

    // An image has no poster or captions.
    const imageId = fromFrame?.id ?? 0;
    expect(
      (await api.call('POST', `/media/${imageId}/poster`, api.logins.author, { atSeconds: 0 }))
        .status,
    ).toBe(422);
  });

  it('starts without ffmpeg, says so, and answers uploads with 503', async () => {
    const logger = memoryLogger();
    const missing = '/nonexistent/galley-test/ffmpeg';
    const withoutFfmpeg = await createGalley(
      { ...t.galley.config, ffmpegPath: missing, loadDemo: false },
      { logger, jobs: { intervalMs: 3_600_000 } },
    );
    try {
      expect(logger.lines.map((line) => line.message)).toContainEqual(
        expect.stringContaining('video uploads are off: ffmpeg was not found'),
      );
      const login = await api.logIn('author');
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(clip)]), 'clip.mp4');
      const response = await withoutFfmpeg.app.request('/api/admin/media/videos', {
        method: 'POST',
        headers: { cookie: login.cookie, 'x-csrf-token': login.csrf },
        body: form,
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: { message: expect.stringContaining('video uploads are off: ffmpeg was not found') },
      });
      // Everything else still works.
      const list = await withoutFfmpeg.app.request('/api/admin/media', {
        headers: { cookie: login.cookie },
      });
      expect(list.status).toBe(200);
    } finally {
      await withoutFfmpeg.close();
    }
    expect((await findVideoTools({ ffmpeg: missing })).ok).toBe(false);
  });
});

/**
 * Video in the newsroom app, in a real Chromium under the app's own CSP: an editor uploads a
 * clip made here by ffmpeg (watching the upload and the processing progress), has a damaged
 * captions file refused with its line, adds English and Spanish captions and a description,
 * puts the video in a story's body and as its lead video, publishes, and finds the player with
 * both caption tracks on the public page. axe-core checks the video panel in both languages.
 *
 * Needs the built app (`vite build --config admin/vite.config.ts`) and ffmpeg.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeTestClip } from '../ffmpeg-clips.js';
import { expectNoAxeViolations } from './axe.js';
import { createStory, saveStatus, setUpNewsroom, testJpeg } from './newsroom-support.js';

const newsroom = setUpNewsroom();
let clip: Buffer;

beforeAll(async () => {
  clip = await readFile(await makeTestClip({ seconds: 3 }));
}, 60_000);

const CAPTIONS_EN = `WEBVTT

00:00:00.000 --> 00:00:01.500
The harbour at dawn.

00:00:01.500 --> 00:00:03.000
Ships wait for the tide.
`;

const CAPTIONS_ES = `WEBVTT

00:00:00.000 --> 00:00:01.500
El puerto al amanecer.

00:00:01.500 --> 00:00:03.000
Los barcos esperan la marea.
`;

/** The second cue's timing has "->" for "-->": line 6 is wrong. */
const CAPTIONS_BROKEN = `WEBVTT

00:00:00.000 --> 00:00:01.500
The harbour at dawn.

00:00:01.500 -> 00:00:03.000
Ships wait for the tide.
`;

const vtt = (name: string, text: string) => ({
  name,
  mimeType: 'text/vtt',
  buffer: Buffer.from(text, 'utf8'),
});

/**
 * Records, from now on, whether a progress bar with an accessible name matching `pattern`
 * appears: the upload and the processing are quick for a short clip, so they are watched
 * rather than caught.
 */
async function watchProgressBars(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__progressSeen = [];
    const record = () => {
      for (const bar of document.querySelectorAll('progress[aria-label]')) {
        const name = bar.getAttribute('aria-label');
        if (!window.__progressSeen.includes(name)) window.__progressSeen.push(name);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true });
  })()`);
}

const progressSeen = (page: Page) => page.evaluate<string[]>('window.__progressSeen');

/** Uploads the clip on the library's video tab and returns the new video's id once it is ready. */
async function uploadClip(page: Page, name: string): Promise<number> {
  await page.getByLabel('Upload a video (MP4, WebM or MOV)').setInputFiles({
    name,
    mimeType: 'video/mp4',
    buffer: clip,
  });
  await page.getByText(`Uploaded ${name}. Processing starts now.`).waitFor({ timeout: 30_000 });
  const panel = page.locator('.video-details');
  const title = await panel.getByRole('heading', { level: 2 }).textContent();
  const id = Number(/(\d+)$/.exec(title ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

describe('video in the newsroom app', () => {
  it('uploads, captions, places and publishes a video that readers get with both tracks', async () => {
    const galley = newsroom.site.galley;
    const story = await createStory(galley, { headline: `Tide clip story ${Date.now()}` });
    const errors: string[] = [];
    const { context, page } = await newsroom.signedIn('editor', '/admin/media?kind=video', {
      errors,
    });
    try {
      await page.getByRole('heading', { level: 1, name: 'Media library' }).waitFor();
      expect(await page.getByRole('link', { name: 'Videos' }).getAttribute('aria-current')).toBe(
        'page',
      );

      // Upload, watching the bytes' progress and then the processing's.
      await watchProgressBars(page);
      const videoId = await uploadClip(page, 'harbour.mp4');
      const panel = page.locator('.video-details');
      await panel
        .getByRole('status')
        .getByText('Ready: readers can watch it.')
        .waitFor({ timeout: 90_000 });
      const seen = await progressSeen(page);
      expect(seen).toContain('Sending harbour.mp4');
      expect(seen).toContain(`Processing of video ${videoId}`);
      // Ready: the preview plays the web rendition, and ffprobe's facts are shown.
      await panel.locator('video.video-preview').waitFor();
      await panel.getByText('0:03').waitFor();
      await panel.locator('img.media-preview').waitFor();

      // A damaged captions file is refused, naming its wrong line.
      await panel
        .getByLabel('Upload English captions (.vtt)')
        .setInputFiles(vtt('broken.vtt', CAPTIONS_BROKEN));
      const refusal = panel.getByTestId('captions-error-en');
      await refusal.waitFor();
      const refusalText = (await refusal.textContent()) ?? '';
      expect(refusalText).toMatch(/^This captions file was refused at line 6: .*cue timing/);
      expect(refusalText.match(/line 6/g)).toHaveLength(1);

      await panel
        .getByLabel('Upload English captions (.vtt)')
        .setInputFiles(vtt('harbour-en.vtt', CAPTIONS_EN));
      await panel.getByText('English captions saved from harbour-en.vtt.').waitFor();
      await panel
        .getByLabel('Upload Spanish captions (.vtt)')
        .setInputFiles(vtt('harbour-es.vtt', CAPTIONS_ES));
      await panel.getByText('Spanish captions saved from harbour-es.vtt.').waitFor();
      await panel.getByLabel('Replace the Spanish captions (.vtt)').waitFor();
      expect(await panel.getByTestId('captions-error-en').count()).toBe(0);

      // Removing captions asks first; then they can be uploaded again.
      await panel.getByRole('button', { name: 'Remove the Spanish captions' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Remove the Spanish captions' });
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await panel.getByText('Spanish captions removed.').waitFor();
      await panel.getByText('No Spanish captions yet.').waitFor();
      await panel
        .getByLabel('Upload Spanish captions (.vtt)')
        .setInputFiles(vtt('harbour-es.vtt', CAPTIONS_ES));
      await panel.getByText('Spanish captions saved from harbour-es.vtt.').waitFor();

      // A poster from a chosen second of the video.
      const poster = panel.locator('img.media-preview');
      const firstPoster = await poster.getAttribute('src');
      await panel.getByLabel('Frame at (seconds)').fill('2');
      await panel.getByRole('button', { name: 'Use this frame' }).click();
      await panel.getByText('Poster changed.').waitFor();
      await expect.poll(() => poster.getAttribute('src')).not.toBe(firstPoster);
      // Or an image of one's own.
      const framePoster = await poster.getAttribute('src');
      await panel.getByLabel('Or upload a poster image').setInputFiles({
        name: 'poster.jpg',
        mimeType: 'image/jpeg',
        buffer: await testJpeg(),
      });
      await expect.poll(() => poster.getAttribute('src')).not.toBe(framePoster);
      await panel.getByText('Poster changed.').waitFor();

      // Its words, per language.
      await panel
        .getByRole('group', { name: 'English', exact: true })
        .getByLabel('Description')
        .fill('Ships waiting at the harbour mouth at dawn');
      await panel
        .getByRole('group', { name: 'Spanish', exact: true })
        .getByLabel('Description')
        .fill('Barcos esperando en la bocana del puerto al amanecer');
      await panel.getByRole('button', { name: 'Save video details' }).click();
      await panel.getByText('Video details saved.').waitFor();

      const captions = await galley.db
        .selectFrom('media_captions')
        .select('locale')
        .where('media_id', '=', videoId)
        .orderBy('locale')
        .execute();
      expect(captions.map((row) => row.locale)).toEqual(['en', 'es']);

      // Into the story: in the body, from the toolbar's video dialog.
      await page.goto(newsroom.url(`/admin/articles/${story.id}`), { waitUntil: 'load' });
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.press('Control+End');
      await page.getByRole('button', { name: 'Insert video' }).click();
      const dialog = page.getByRole('dialog', { name: 'Choose a video' });
      await dialog.locator(`button.video-tile[data-media-id="${videoId}"]`).click();
      await dialog.getByLabel('Caption').fill('Ships wait for the tide to turn.');
      await dialog.getByLabel('Credit').fill('La Marea');
      await dialog.getByRole('button', { name: 'Insert video' }).click();
      await dialog.waitFor({ state: 'detached' });
      const node = body.locator(`.body-video-node[data-media-id="${videoId}"]`);
      await node.getByText('Ships wait for the tide to turn.').waitFor();
      // The node view follows the video: ready, so it shows the poster.
      await node.locator('img.node-poster').waitFor();

      // And as the lead video, autoplaying muted.
      const lead = page.getByRole('region', { name: 'Lead video' });
      await lead.getByRole('button', { name: 'Choose a video' }).click();
      const leadDialog = page.getByRole('dialog', { name: 'Choose a video' });
      await leadDialog.locator(`button.video-tile[data-media-id="${videoId}"]`).click();
      await leadDialog.getByRole('button', { name: 'Use this video' }).click();
      await leadDialog.waitFor({ state: 'detached' });
      await lead.getByText('Has English captions.').waitFor();
      await lead.getByLabel('Autoplay (muted)').check();

      await saveStatus(page)
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 15_000 });
      const saved = await galley.db
        .selectFrom('articles')
        .select(['body', 'lead_video_id', 'lead_video_autoplay'])
        .where('id', '=', story.id)
        .executeTakeFirstOrThrow();
      expect(saved.lead_video_id).toBe(videoId);
      expect(saved.lead_video_autoplay).toBe(1);
      expect(JSON.parse(saved.body)).toMatchObject({
        content: expect.arrayContaining([
          {
            type: 'video',
            attrs: {
              mediaId: videoId,
              caption: 'Ships wait for the tide to turn.',
              credit: 'La Marea',
              autoplay: false,
            },
          },
        ]),
      });

      // Ready and captioned: nothing stops publishing.
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Status: Published').waitFor({ timeout: 15_000 });

      const reader = await context.newPage();
      const response = await reader.goto(newsroom.url(story.path), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const inBody = reader.locator('figure.body-video');
      expect(await inBody.locator('video track[kind="captions"][srclang="en"]').count()).toBe(1);
      expect(await inBody.locator('video track[kind="captions"][srclang="es"]').count()).toBe(1);
      expect(await inBody.locator('figcaption').textContent()).toContain(
        'Ships wait for the tide to turn.',
      );
      // The lead video and the body's: two players, each with both tracks.
      expect(await reader.locator('video track[srclang="es"]').count()).toBe(2);
      const trackSrc = await inBody.locator('track[srclang="es"]').getAttribute('src');
      const track = await reader.request.get(newsroom.url(trackSrc ?? '/missing'));
      expect(track.status()).toBe(200);
      expect(await track.text()).toContain('Los barcos esperan la marea.');
      await reader.close();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('follows a video placed while processing, and warns that it lacks captions', async () => {
    const galley = newsroom.site.galley;
    const story = await createStory(galley, { headline: `Uncaptioned clip ${Date.now()}` });
    const { context, page } = await newsroom.signedIn('editor', '/admin/media?kind=video');
    try {
      // A file that is not a video is refused with the server's reason.
      await page.getByLabel('Upload a video (MP4, WebM or MOV)').setInputFiles({
        name: 'notes.mp4',
        mimeType: 'video/mp4',
        buffer: Buffer.from('These are meeting notes, not a video.\n'.repeat(50)),
      });
      const refusal = page.getByRole('alert').getByText(/^This file is not a video the server/);
      await refusal.waitFor({ timeout: 15_000 });

      // Straight from the upload into the body, without waiting for processing.
      const videoId = await uploadClip(page, 'uncaptioned.mp4');
      await page.goto(newsroom.url(`/admin/articles/${story.id}`), { waitUntil: 'load' });
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.press('Control+End');
      await page.getByRole('button', { name: 'Insert video' }).click();
      const bodyDialog = page.getByRole('dialog', { name: 'Choose a video' });
      await bodyDialog.locator(`button.video-tile[data-media-id="${videoId}"]`).click();
      await bodyDialog.getByRole('button', { name: 'Insert video' }).click();
      await bodyDialog.waitFor({ state: 'detached' });
      // The node asks after the video until it is ready, then shows its poster.
      const node = body.locator(`.body-video-node[data-media-id="${videoId}"]`);
      await node.locator('img.node-poster').waitFor({ timeout: 90_000 });
      expect(await node.locator('progress').count()).toBe(0);

      const lead = page.getByRole('region', { name: 'Lead video' });
      await lead.getByRole('button', { name: 'Choose a video' }).click();
      const dialog = page.getByRole('dialog', { name: 'Choose a video' });
      await dialog.locator(`button.video-tile[data-media-id="${videoId}"]`).click();
      await dialog.getByRole('button', { name: 'Use this video' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const checks = page.locator('.checks');
      await checks.getByText('The lead video has no English captions.').waitFor();
      await checks.getByText('Video 1 in the body has no English captions.').waitFor();
      await page.getByRole('button', { name: 'Publish anyway' }).waitFor();
      await page.getByText('Status: Draft').waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('axe-core finds no accessibility violation on the video screens', () => {
  const LABELS = {
    en: {
      upload: 'Upload a video (MP4, WebM or MOV)',
      insertVideo: 'Insert video',
      dialog: 'Choose a video',
    },
    es: {
      upload: 'Subir un vídeo (MP4, WebM o MOV)',
      insertVideo: 'Insertar vídeo',
      dialog: 'Elegir un vídeo',
    },
  } as const;
  for (const locale of ['en', 'es'] as const) {
    it(`on the video panel, the video dialog and the editor (${locale})`, async () => {
      const { context, page } = await newsroom.signedIn('editor', '/admin/media?kind=video', {
        locale,
        bypassCSP: true,
      });
      try {
        const labels = LABELS[locale];
        await page.getByLabel(labels.upload).setInputFiles({
          name: `axe-${locale}.mp4`,
          mimeType: 'video/mp4',
          buffer: clip,
        });
        const panel = page.locator('.video-details');
        await panel.waitFor({ timeout: 30_000 });
        await expectNoAxeViolations(page, `video panel, just uploaded (${locale})`);
        await panel.locator('video.video-preview').waitFor({ timeout: 90_000 });
        await expectNoAxeViolations(page, `video panel, ready (${locale})`);
        const heading = await panel.getByRole('heading', { level: 2 }).textContent();
        const videoId = Number(/(\d+)$/.exec(heading ?? '')?.[1]);

        // The editor's video dialog, and the video in the body.
        const story = await createStory(newsroom.site.galley, {
          headline: `Video dialog check ${locale} ${Date.now()}`,
        });
        await page.goto(newsroom.url(`/admin/articles/${story.id}`), { waitUntil: 'load' });
        await page.locator('.ProseMirror').click();
        await page.getByRole('button', { name: labels.insertVideo }).click();
        const dialog = page.getByRole('dialog', { name: labels.dialog });
        await dialog.locator(`button.video-tile[data-media-id="${videoId}"]`).click();
        await dialog.locator('#video-use-caption').waitFor();
        await expectNoAxeViolations(page, `video dialog (${locale})`);
        await dialog.getByRole('button', { name: labels.insertVideo }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator('.body-video-node img.node-poster').waitFor();
        await expectNoAxeViolations(page, `editor with a video (${locale})`);
      } finally {
        await context.close();
      }
    }, 150_000);
  }
});

/**
 * The newsroom app (/admin/) in a real Chromium, under its own Content-Security-Policy: log in,
 * write a story with a heading, a quote and an uploaded image, watch autosave, preview it,
 * publish it and read it on the site, then start its Spanish version.
 *
 * Needs the built app (`vite build --config admin/vite.config.ts`, part of `npm run build`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  logIn,
  openApp as openPage,
  saveStatus,
  setUpNewsroom,
  testJpeg,
} from './newsroom-support.js';

const newsroom = setUpNewsroom();
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  // No bypassCSP: the app must work under the policy it is served with.
  context = await newsroom.newContext();
});

const url = (path: string) => newsroom.url(path);
const openApp = (path = '/admin/'): Promise<Page> => openPage(context, url(path), pageErrors);

describe('the newsroom app in Chromium', () => {
  it('refuses a wrong password with a clear message', async () => {
    const page = await openApp();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Email').fill('editor@galley.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor();
    await page.close();
  });

  it('writes, previews, publishes and translates a story', async () => {
    const page = await openApp();
    await logIn(page);
    expect(await page.getByText('Signed in as Eli Editor (editor)').count()).toBe(1);

    // A new draft.
    const headline = `Harbour pilots test a new night-time route ${Date.now()}`;
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
    await page.getByLabel(/^Headline/).fill(headline);
    const section = page.getByLabel('Section');
    await section.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    await section.selectOption({ index: 1 });
    const author = page.getByLabel('Author');
    await author.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    if ((await author.inputValue()) === '') await author.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const articleId = Number(/(\d+)$/.exec(page.url())?.[1]);
    expect(await page.getByLabel('Headline', { exact: true }).inputValue()).toBe(headline);

    // The body: a paragraph, a heading, a quote, then an image from an upload.
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('Pilots will guide ships at night from next month.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('What changes for residents');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+B');
    await page.keyboard.type('We have waited years for this.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The route opens in March.');
    expect(
      await page
        .getByRole('toolbar', { name: 'Formatting' })
        .getByRole('button', { name: 'Quote' })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    await body.locator('h2', { hasText: 'What changes for residents' }).waitFor();
    await body.locator('blockquote', { hasText: 'We have waited years for this.' }).waitFor();

    await page.getByRole('button', { name: 'Insert image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image' });
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'harbour.jpg',
      mimeType: 'image/jpeg',
      buffer: await testJpeg(),
    });
    await dialog.getByText('Uploaded harbour.jpg.').waitFor({ timeout: 15_000 });
    await dialog.getByLabel('Alt text').fill('A pilot boat leaving the harbour at dusk');
    await dialog.getByLabel('Caption').fill('A pilot boat on a trial run.');
    await dialog.getByRole('button', { name: 'Use this image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const bodyImage = body.locator('img[alt="A pilot boat leaving the harbour at dusk"]');
    await bodyImage.waitFor();
    // Selecting the image shows its fields; the alt text can be edited there too.
    await bodyImage.click();
    const altField = page.getByRole('group', { name: 'Selected image' }).getByLabel('Alt text');
    await altField.fill('A pilot boat leaving the harbour at dusk, lights on');
    await body.locator('img[alt="A pilot boat leaving the harbour at dusk, lights on"]').waitFor();

    // Autosave.
    await saveStatus(page)
      .filter({ hasText: /: Saved$/ })
      .waitFor({ timeout: 10_000 });
    const saved = await newsroom.site.galley.db
      .selectFrom('articles')
      .select(['body', 'version'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    expect(saved.body).toContain('What changes for residents');
    expect(saved.body).toContain('"type":"blockquote"');
    expect(saved.body).toContain('lights on');

    // Preview, as readers will see it.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.frameLocator(
      'iframe[title="Preview of the article as readers will see it"]',
    );
    await preview.locator('h1', { hasText: headline }).waitFor({ timeout: 10_000 });
    await preview.locator('h2', { hasText: 'What changes for residents' }).waitFor();

    // Publish. The image has a caption and alt text, so no check stops it.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Status: Published').waitFor({ timeout: 10_000 });
    const publicLink = page.getByRole('link', { name: /^\/en\// });
    const publicPath = await publicLink.getAttribute('href');
    expect(publicPath).toMatch(/^\/en\/[a-z0-9-]+\/harbour-pilots-test-a-new-night-time-route/);

    // The story on the reader site.
    const reader = await context.newPage();
    const response = await reader.goto(url(publicPath as string), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect((await reader.locator('h1').first().textContent())?.trim()).toBe(headline);
    expect(await reader.locator('h2', { hasText: 'What changes for residents' }).count()).toBe(1);
    expect(
      await reader.locator('blockquote', { hasText: 'We have waited years for this.' }).count(),
    ).toBe(1);
    expect(
      await reader
        .locator('img[alt="A pilot boat leaving the harbour at dusk, lights on"]')
        .count(),
    ).toBe(1);
    await reader.close();

    // The Spanish version: a linked draft, opened in the editor.
    await page.getByRole('button', { name: 'Create Spanish version' }).click();
    await page.waitForURL(
      (address) =>
        /\/admin\/articles\/\d+$/.test(address.pathname) &&
        !address.pathname.endsWith(`/${articleId}`),
    );
    await page.getByRole('heading', { level: 2, name: 'Translations' }).waitFor();
    const headlineField = page.getByLabel('Headline', { exact: true });
    await headlineField.waitFor();
    expect(await headlineField.getAttribute('lang')).toBe('es');
    expect(await page.getByRole('textbox', { name: 'Body' }).getAttribute('lang')).toBe('es');
    await page.getByText('Status: Draft').waitFor();
    await page.getByRole('link', { name: new RegExp(`^English: ${headline}`) }).waitFor();
    const spanishId = Number(/(\d+)$/.exec(page.url())?.[1]);
    const spanish = await newsroom.site.galley.db
      .selectFrom('articles')
      .select(['locale', 'status'])
      .where('id', '=', spanishId)
      .executeTakeFirstOrThrow();
    expect(spanish).toEqual({ locale: 'es', status: 'draft' });
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('refuses to publish an image without alt text, before the server does', async () => {
    const page = await openApp();
    if (await page.getByLabel('Password').count()) await logIn(page);
    await page.goto(url('/admin/articles/new'));
    await page.getByLabel(/^Headline/).fill(`No alt text ${Date.now()}`);
    await page.getByLabel('Section').selectOption({ index: 1 });
    if ((await page.getByLabel('Author').inputValue()) === '')
      await page.getByLabel('Author').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.getByRole('button', { name: 'Insert image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'no-alt.jpg',
      mimeType: 'image/jpeg',
      buffer: await testJpeg(),
    });
    await dialog.getByText('Uploaded no-alt.jpg.').waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Use this image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('alert').getByText('This article cannot be published yet.').waitFor();
    await page.getByText('Body image 1 has no alt text. Add it before publishing.').waitFor();
    await page.getByText('Status: Draft').waitFor();
    await page.close();
  }, 60_000);
});

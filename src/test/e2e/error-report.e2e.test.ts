/**
 * Issue 5, step 1 in a real Chromium: a reader reports a mistake on a Spanish article, with
 * JavaScript on and off; the form, its error state and the thank-you page pass axe; and the
 * script runs under the article page's own Content-Security-Policy without a violation.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { errorReportMessages } from '../../site/i18n/error-report-messages.js';
import { expectNoAxeViolations } from './axe.js';
import type { BilingualStory, TestSite } from './browser.js';
import { findBilingualStory, launchChromium, startSite } from './browser.js';
import {
  latestReport,
  reportWithoutScript,
  reportWithScript,
  selectFirstParagraph,
  waitLikeAPerson,
} from './error-report-support.js';

const t = errorReportMessages.es;

let site: TestSite | undefined;
let browser: Browser | undefined;
let story: BilingualStory;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  story = await findBilingualStory(site.galley);
}, 120_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

const origin = () => (site as TestSite).origin;

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await (browser as Browser).newContext(options);
  contexts.push(context);
  return context.newPage();
}

it('with JavaScript on: the form opens under the article, the selection fills in, and the report is sent in place', async () => {
  const page = await newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const whatIsWrong = 'La cifra del presupuesto es de 2,4 millones, no de 4,2.';
  const { passage } = await reportWithScript(page, origin(), {
    articlePath: story.otherPath,
    locale: 'es',
    whatIsWrong,
    replyEmail: 'lectora@example.org',
  });
  expect(passage).not.toBe('');
  await expect
    .poll(async () => (await latestReport((site as TestSite).galley, story.otherId))?.what_is_wrong)
    .toBe(whatIsWrong);
  const stored = await latestReport((site as TestSite).galley, story.otherId);
  expect(stored).toMatchObject({
    locale: 'es',
    passage,
    reply_email: 'lectora@example.org',
    status: 'new',
  });
  // The thank-you message took the form's place, in Spanish, and has the focus.
  await expect
    .poll(() => page.evaluate<string>('document.activeElement.textContent'))
    .toBe(t.thanksTitle);
  await expect
    .poll(() => page.locator('.report-inline [role="status"]').textContent())
    .toContain('Ha llegado a la redacción');
  // The script ran under the page's own policy: nothing was blocked.
  expect(consoleErrors).toEqual([]);
});

it('with JavaScript on: a field the server refuses is named in place', async () => {
  const page = await newPage();
  await page.goto(`${origin()}${story.otherPath}`, { waitUntil: 'load' });
  await selectFirstParagraph(page);
  await page.getByRole('link', { name: '¿Encontraste un error? Contáctanos' }).click();
  const form = page.locator('.report-inline form.report-form');
  await form.waitFor({ state: 'visible' });
  // Spaces pass the browser's `required` check; the server trims them and refuses.
  await form.getByLabel(t.whatIsWrongLabel).fill('   ');
  await waitLikeAPerson(page);
  await form.getByRole('button', { name: t.send }).click();
  await expect
    .poll(() => form.locator('.form-status').textContent())
    .toBe(t.fieldErrors.whatIsWrong);
  expect(await form.getByLabel(t.whatIsWrongLabel).getAttribute('aria-invalid')).toBe('true');
  expect(new URL(page.url()).pathname).toBe(story.otherPath);
});

it('with JavaScript off: the link opens the form, which posts and lands on the thank-you page', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  const whatIsWrong = 'El ferry sale de Las Dunas a las 7:15, no a las 7:45.';
  await reportWithoutScript(page, origin(), {
    articlePath: story.otherPath,
    locale: 'es',
    whatIsWrong,
    passage: 'El primer ferry saldrá a las 7:45.',
  });
  expect(new URL(page.url()).pathname).toBe('/es/contacto/gracias');
  await page.getByRole('link', { name: `${t.backToArticle}: ${story.otherHeadline}` }).waitFor();
  const stored = await latestReport((site as TestSite).galley, story.otherId);
  expect(stored).toMatchObject({
    locale: 'es',
    what_is_wrong: whatIsWrong,
    passage: 'El primer ferry saldrá a las 7:45.',
    reply_email: null,
  });
});

it('with JavaScript off: a refused field comes back named, with the reader’s text kept', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(`${origin()}/es/contacto?article=${story.otherId}`, { waitUntil: 'load' });
  // Spaces pass the browser's `required` check; the server trims them and refuses.
  await page.getByLabel(t.whatIsWrongLabel).fill('   ');
  await page.getByLabel(t.passageLabel).fill('Según el acta, votaron 8 a 3.');
  await waitLikeAPerson(page);
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: t.send }).click(),
  ]);
  expect(refused.status()).toBe(422);
  await page.getByRole('alert').getByRole('link', { name: t.fieldErrors.whatIsWrong }).waitFor();
  expect(await page.getByLabel(t.whatIsWrongLabel).getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel(t.passageLabel).inputValue()).toBe('Según el acta, votaron 8 a 3.');

  // Corrected, it goes through at once: the form kept its token, and its age.
  await page.getByLabel(t.whatIsWrongLabel).fill('Fueron 9 votos a favor y 2 en contra.');
  await Promise.all([
    page.waitForURL(/\/es\/contacto\/gracias\?article=\d+$/),
    page.getByRole('button', { name: t.send }).click(),
  ]);
  const stored = await latestReport((site as TestSite).galley, story.otherId);
  expect(stored?.what_is_wrong).toBe('Fueron 9 votos a favor y 2 en contra.');
  expect(stored?.passage).toBe('Según el acta, votaron 8 a 3.');
});

it('passes axe on the form, its error state and the thank-you page, in both colour schemes', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await newPage({ bypassCSP: true, colorScheme });
    await page.goto(`${origin()}/es/contacto?article=${story.otherId}`, { waitUntil: 'load' });
    await expectNoAxeViolations(page, `the report form (${colorScheme})`);

    // The error state, as the server sends it back.
    await page.getByLabel(t.whatIsWrongLabel).fill('   ');
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: t.send }).click(),
    ]);
    await page.locator('#report-errors').waitFor();
    await expectNoAxeViolations(page, `the report form with an error (${colorScheme})`);

    await page.goto(`${origin()}/es/contacto/gracias?article=${story.otherId}`);
    await expectNoAxeViolations(page, `the thank-you page (${colorScheme})`);

    // The in-place form and thank-you message on the article.
    await page.goto(`${origin()}${story.otherPath}`, { waitUntil: 'load' });
    await page.getByRole('link', { name: '¿Encontraste un error? Contáctanos' }).click();
    await page.locator('.report-inline form').waitFor();
    await expectNoAxeViolations(page, `the article with the form open (${colorScheme})`);
  }
});

/**
 * The newsroom app's accessibility: axe-core (WCAG 2.2 AA and best practices) on the login,
 * article list, editor and media library screens in both interface languages, and a keyboard-only
 * path from logging in to typing in the editor.
 *
 * axe's source is injected into the page, which the app's CSP forbids, so the axe contexts bypass
 * CSP; the keyboard test runs under the real policy.
 */
import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestSite } from './browser.js';
import { launchChromium, startSite } from './browser.js';

const AXE_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
};

const LABELS = {
  en: { email: 'Email', password: 'Password', logIn: 'Log in', articles: 'Articles' },
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    logIn: 'Entrar',
    articles: 'Artículos',
  },
} as const;
type UiLocale = keyof typeof LABELS;

let site: TestSite | undefined;
let browser: Browser | undefined;
let articleId = 0;

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  // A story with a lead image, so the editor shows every panel.
  const row = await site.galley.db
    .selectFrom('articles')
    .select('id')
    .where('locale', '=', 'en')
    .where('lead_media_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  articleId = row.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

const url = (path: string) => `${(site as TestSite).origin}${path}`;

interface AxeWindow {
  axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  document: unknown;
}

async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate((options) => {
    const window = globalThis as unknown as AxeWindow;
    return window.axe.run(window.document, options);
  }, AXE_OPTIONS);
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
        )
        .join('\n');
      const more =
        violation.nodes.length > 3 ? `\n      ... and ${violation.nodes.length - 3} more` : '';
      return `  [${violation.id}] (${violation.impact ?? 'n/a'}) ${violation.help}\n      ${violation.helpUrl}\n${where}${more}`;
    })
    .join('\n');
}

async function expectNoViolations(page: Page, name: string): Promise<void> {
  const results = await runAxe(page);
  expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
  expect(
    results.violations,
    `axe found ${results.violations.length} violation(s) on ${name}:\n${describeViolations(results.violations)}`,
  ).toEqual([]);
}

/** A browser context whose interface language is `locale` (from navigator.language). */
async function newContext(locale: UiLocale, bypassCSP: boolean): Promise<BrowserContext> {
  return (browser as Browser).newContext({
    bypassCSP,
    locale: locale === 'es' ? 'es-ES' : 'en-US',
    viewport: { width: 1280, height: 900 },
  });
}

async function logIn(page: Page, locale: UiLocale): Promise<void> {
  const labels = LABELS[locale];
  await page.getByLabel(labels.email).fill('editor@galley.example');
  await page.getByLabel(labels.password).fill('galley-demo-editor');
  await page.getByRole('button', { name: labels.logIn }).click();
  await page.getByRole('heading', { level: 1, name: labels.articles }).waitFor();
}

describe('axe-core finds no accessibility violation in the newsroom app', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`on the login, list, editor and media screens (${locale})`, async () => {
      const context = await newContext(locale, true);
      try {
        const page = await context.newPage();
        await page.goto(url('/admin/'), { waitUntil: 'load' });
        await page.getByLabel(LABELS[locale].password).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        await expectNoViolations(page, `login (${locale})`);

        // A failed login shows an error: that state must pass too.
        await page.getByLabel(LABELS[locale].email).fill('editor@galley.example');
        await page.getByLabel(LABELS[locale].password).fill('wrong');
        await page.getByRole('button', { name: LABELS[locale].logIn }).click();
        await page.getByRole('alert').locator('p').waitFor();
        await expectNoViolations(page, `login with an error (${locale})`);

        await logIn(page, locale);
        await page.locator('table.articles').waitFor();
        await expectNoViolations(page, `article list (${locale})`);

        await page.goto(url(`/admin/articles/${articleId}`), { waitUntil: 'load' });
        await page.locator('.ProseMirror').waitFor();
        await page.locator('.revision-list').waitFor();
        await expectNoViolations(page, `editor (${locale})`);

        await page.goto(url('/admin/media'), { waitUntil: 'load' });
        await page.locator('.media-grid').waitFor();
        await page.locator('.media-tile').first().click();
        await page.locator('.media-details').waitFor();
        await expectNoViolations(page, `media library (${locale})`);

        await page.goto(url('/admin/articles/new'), { waitUntil: 'load' });
        await page.locator('form').waitFor();
        await expectNoViolations(page, `new article (${locale})`);

        await page.goto(url('/admin/tokens'), { waitUntil: 'load' });
        await page.locator('#token-name').waitFor();
        await expectNoViolations(page, `API tokens (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

/** Tab until the focused element matches `selector` (a CSS selector); fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('Tab');
    const matches = await page.evaluate<boolean>(
      `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
    );
    if (matches) return;
  }
  throw new Error(`${selector} never got the focus after ${max} Tab presses`);
}

describe('the newsroom app from the keyboard alone', () => {
  it('logs in, opens a new draft and writes in the editor', async () => {
    const context = await newContext('en', false);
    try {
      const page = await context.newPage();
      await page.goto(url('/admin/'), { waitUntil: 'load' });
      await tabTo(page, '#login-email');
      await page.keyboard.type('editor@galley.example');
      await page.keyboard.press('Tab');
      await page.keyboard.type('galley-demo-editor');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();

      // After logging in, the focus is on the new screen's heading.
      expect(await page.evaluate<string>('document.activeElement.tagName')).toBe('H1');

      // On a fresh load the skip link is the first stop, visibly focused, and leads to main.
      await page.reload({ waitUntil: 'load' });
      await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
        'Skip to main content',
      );
      const outline = await page.evaluate<string>(
        'getComputedStyle(document.activeElement).outlineStyle',
      );
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('content');

      await tabTo(page, 'a[href="/admin/articles/new"]');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
      await tabTo(page, '#new-headline');
      await page.keyboard.type(`Typed from the keyboard ${Date.now()}`);
      await tabTo(page, '#new-section');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#new-author');
      if ((await page.locator('#new-author').inputValue()) === '')
        await page.keyboard.press('ArrowDown');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/articles\/\d+$/);
      await page.locator('.ProseMirror').waitFor();

      // Into the body, past the toolbar (one tab stop; arrow keys move inside it).
      await tabTo(page, '.toolbar button');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Italic');
      await tabTo(page, '.ProseMirror');
      await page.keyboard.press('Control+B');
      await page.keyboard.type('Written without a mouse.');
      expect(
        await page.getByRole('button', { name: 'Bold', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
      await page.locator('.ProseMirror strong', { hasText: 'Written without a mouse.' }).waitFor();
      await page
        .locator('[aria-live="polite"].save-text')
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  }, 60_000);
});

/**
 * The newsroom app's accessibility: axe-core (WCAG 2.2 AA and best practices) on the login,
 * article list, editor, media library, staff accounts, sections and tags screens and the delete
 * dialog in both interface languages, and a keyboard-only path from logging in to typing in the
 * editor.
 *
 * axe's source is injected into the page, which the app's CSP forbids, so the axe contexts bypass
 * CSP; the keyboard test runs under the real policy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.js';
import { LABELS, logIn, setUpNewsroom, tabTo } from './newsroom-support.js';

const newsroom = setUpNewsroom();
let articleId = 0;

beforeAll(async () => {
  // A story with a lead image, so the editor shows every panel.
  const row = await newsroom.site.galley.db
    .selectFrom('articles')
    .select('id')
    .where('locale', '=', 'en')
    .where('lead_media_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  articleId = row.id;
});

const url = (path: string) => newsroom.url(path);

describe('axe-core finds no accessibility violation in the newsroom app', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`on the login, list, editor and media screens (${locale})`, async () => {
      const context = await newsroom.newContext({ locale, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(url('/admin/'), { waitUntil: 'load' });
        await page.getByLabel(LABELS[locale].password).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        await expectNoAxeViolations(page, `login (${locale})`);

        // A failed login shows an error: that state must pass too.
        await page.getByLabel(LABELS[locale].email).fill('editor@galley.example');
        await page.getByLabel(LABELS[locale].password).fill('wrong');
        await page.getByRole('button', { name: LABELS[locale].logIn }).click();
        await page.getByRole('alert').locator('p').waitFor();
        await expectNoAxeViolations(page, `login with an error (${locale})`);

        await logIn(page, { locale });
        await page.locator('table.articles').waitFor();
        await expectNoAxeViolations(page, `article list (${locale})`);

        await page.goto(url(`/admin/articles/${articleId}`), { waitUntil: 'load' });
        await page.locator('.ProseMirror').waitFor();
        await page.locator('.revision-list').waitFor();
        await expectNoAxeViolations(page, `editor (${locale})`);

        await page.goto(url('/admin/media'), { waitUntil: 'load' });
        await page.locator('.media-grid').waitFor();
        await page.locator('.media-tile').first().click();
        await page.locator('.media-details').waitFor();
        await expectNoAxeViolations(page, `media library (${locale})`);

        await page.goto(url('/admin/articles/new'), { waitUntil: 'load' });
        await page.locator('form').waitFor();
        await expectNoAxeViolations(page, `new article (${locale})`);

        await page.goto(url('/admin/tokens'), { waitUntil: 'load' });
        await page.locator('#token-name').waitFor();
        await expectNoAxeViolations(page, `API tokens (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

/** The words the admin screens' checks look for, in both interface languages. */
const ADMIN_LABELS = {
  en: { addSection: 'Add a section', deleteArticle: 'Delete article', cancel: 'Cancel' },
  es: { addSection: 'Añadir una sección', deleteArticle: 'Eliminar artículo', cancel: 'Cancelar' },
} as const;

describe('axe-core finds no accessibility violation on the admin screens', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`on staff accounts, sections and tags, and the delete dialog (${locale})`, async () => {
      const context = await newsroom.newContext({ locale, bypassCSP: true });
      const labels = ADMIN_LABELS[locale];
      try {
        const page = await context.newPage();
        await page.goto(url('/admin/'), { waitUntil: 'load' });
        await logIn(page, { role: 'admin', locale });

        await page.goto(url('/admin/users'), { waitUntil: 'load' });
        await page.locator('#user-email').waitFor();
        await page.locator('table tbody tr').first().waitFor();
        await expectNoAxeViolations(page, `staff accounts (${locale})`);

        await page.goto(url('/admin/taxonomy'), { waitUntil: 'load' });
        await page.locator('table tbody tr').first().waitFor();
        await expectNoAxeViolations(page, `sections and tags (${locale})`);
        // A refused form, with its error beside the field, must pass too.
        await page.getByRole('button', { name: labels.addSection }).click();
        await page.locator('#section-en-name[aria-invalid="true"]').waitFor();
        await expectNoAxeViolations(page, `sections and tags with an error (${locale})`);

        await page.goto(url(`/admin/articles/${articleId}`), { waitUntil: 'load' });
        await page.locator('.ProseMirror').waitFor();
        await page.getByRole('button', { name: labels.deleteArticle }).click();
        await page.getByRole('alertdialog').waitFor();
        await expectNoAxeViolations(page, `the delete dialog (${locale})`);
        await page.getByRole('alertdialog').getByRole('button', { name: labels.cancel }).click();
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

describe('the newsroom app from the keyboard alone', () => {
  it('logs in, opens a new draft and writes in the editor', async () => {
    const context = await newsroom.newContext();
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
      await expect.poll(() => page.evaluate<string>('document.activeElement.tagName')).toBe('H1');

      // On a fresh load the skip link is the first stop, visibly focused, and leads to main.
      await page.reload({ waitUntil: 'load' });
      await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.textContent'))
        .toBe('Skip to main content');
      const outline = await page.evaluate<string>(
        'getComputedStyle(document.activeElement).outlineStyle',
      );
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe('content');

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
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.textContent'))
        .toBe('Italic');
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

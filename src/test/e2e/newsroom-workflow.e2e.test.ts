/**
 * The newsroom app's harder paths in a real Chromium, under its own CSP: two people saving the
 * same article, history (diff and restore), losing the network while typing, what a contributor
 * may do, deleting through the confirmation dialog, staff accounts, sections and tags. What the
 * screens say is checked against what the server then holds.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createStory, logIn, openApp, saveStatus, setUpNewsroom } from './newsroom-support.js';
import type { DemoRole } from './newsroom-support.js';

const newsroom = setUpNewsroom();
const db = () => newsroom.site.galley.db;

/** A fresh context (its own session) logged in as `role`, on `path`. */
async function signedIn(
  role: DemoRole,
  path = '/admin/',
  errors: string[] = [],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newsroom.newContext();
  const page = await openApp(context, newsroom.url('/admin/'), errors);
  await logIn(page, { role });
  if (path !== '/admin/') await page.goto(newsroom.url(path), { waitUntil: 'load' });
  return { context, page };
}

async function openEditor(role: DemoRole, id: number, errors: string[] = []) {
  const opened = await signedIn(role, `/admin/articles/${id}`, errors);
  await opened.page.locator('.ProseMirror').waitFor();
  return opened;
}

const headlineField = (page: Page) => page.getByLabel('Headline', { exact: true });
const saved = (page: Page) =>
  saveStatus(page)
    .filter({ hasText: /: Saved$/ })
    .waitFor({ timeout: 10_000 });

async function storedArticle(id: number) {
  return db()
    .selectFrom('articles')
    .select(['headline', 'body', 'version', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('the newsroom app keeps work safe', () => {
  it('refuses a stale save and overwrites nothing', async () => {
    const { id } = await createStory(newsroom.site.galley, { headline: `Conflict ${Date.now()}` });
    const first = await openEditor('editor', id);
    const second = await openEditor('editor', id);
    try {
      await headlineField(first.page).fill('The first edit wins');
      await saved(first.page);

      // The second tab still has the old version: its save must be refused, not applied.
      await headlineField(second.page).fill('The second edit must not overwrite');
      await saveStatus(second.page)
        .filter({ hasText: 'Someone else saved a newer version' })
        .waitFor({ timeout: 10_000 });
      const load = second.page.getByRole('button', { name: 'Load the current version' });
      await load.waitFor();
      expect((await storedArticle(id)).headline).toBe('The first edit wins');

      await load.click();
      await expect.poll(() => headlineField(second.page).inputValue()).toBe('The first edit wins');
      expect((await storedArticle(id)).headline).toBe('The first edit wins');
    } finally {
      await first.context.close();
      await second.context.close();
    }
  }, 60_000);

  it('shows what changed between two versions and restores an old one', async () => {
    const original = `Ferry timetable ${Date.now()}`;
    const { id } = await createStory(newsroom.site.galley, { headline: original });
    const { context, page } = await openEditor('editor', id);
    try {
      await headlineField(page).fill('Ferry timetable changes on Monday');
      await saved(page);
      await headlineField(page).fill('Ferry timetable changes on Tuesday');
      await saved(page);

      // The newest two versions are compared by default: Monday became Tuesday.
      const revisions = page.getByRole('region', { name: 'Revisions' });
      await revisions.getByRole('button', { name: 'Restore version 1' }).waitFor();
      expect(await revisions.getByLabel('Older version').inputValue()).toBe('2');
      expect(await revisions.getByLabel('Newer version').inputValue()).toBe('3');
      await revisions.getByRole('button', { name: 'Show differences' }).click();
      const diff = revisions.locator('.diff');
      await diff
        .getByRole('heading', { name: 'Differences between version 2 and version 3' })
        .waitFor();
      expect(await diff.locator('del').allTextContents()).toEqual(['deleted:Monday']);
      expect(await diff.locator('ins').allTextContents()).toEqual(['inserted:Tuesday']);

      await revisions.getByRole('button', { name: 'Restore version 1' }).click();
      await page.getByText('Version 1 was restored as a new version.').waitFor();
      expect(await headlineField(page).inputValue()).toBe(original);
      const stored = await storedArticle(id);
      expect(stored).toMatchObject({ headline: original, version: 4 });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('keeps changes made offline and saves them when the network is back', async () => {
    const { id } = await createStory(newsroom.site.galley, { headline: `Offline ${Date.now()}` });
    const errors: string[] = [];
    const { context, page } = await openEditor('editor', id, errors);
    try {
      await context.setOffline(true);
      await page.locator('.ProseMirror').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Typed on the train without a signal.');
      await saveStatus(page)
        .filter({ hasText: 'Offline: changes kept' })
        .waitFor({ timeout: 10_000 });
      expect((await storedArticle(id)).body).not.toContain('without a signal');

      await context.setOffline(false);
      // The "online" event sends them; failing that, the app retries every 15 seconds.
      await saveStatus(page)
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 25_000 });
      expect((await storedArticle(id)).body).toContain('Typed on the train without a signal.');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the newsroom app by role', () => {
  it('offers a contributor "Submit for review" and no "Publish"', async () => {
    const { id } = await createStory(newsroom.site.galley, {
      role: 'contributor',
      headline: `Contributed ${Date.now()}`,
    });
    const { context, page } = await openEditor('contributor', id);
    try {
      await page.getByRole('button', { name: 'Submit for review' }).waitFor();
      expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Schedule' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Delete article' }).count()).toBe(0);
      // Nor the screens for editors and admins.
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Articles',
        'Media library',
        'API tokens',
      ]);

      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Status: In review').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('deletes an article only through the dialog, and its address then answers 410', async () => {
    const { id, path } = await createStory(newsroom.site.galley, {
      headline: `To be deleted ${Date.now()}`,
      publish: true,
    });
    expect((await fetch(newsroom.url(path))).status).toBe(200);
    const { context, page } = await openEditor('editor', id);
    try {
      const open = page.getByRole('button', { name: 'Delete article' });
      await open.click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete article' });
      await dialog.waitFor();
      const focusedText = () => page.evaluate<string>('document.activeElement.textContent');
      // Cancel first; Tab and Shift+Tab stay inside; Escape cancels and gives the focus back.
      await expect.poll(focusedText).toBe('Cancel');
      await page.keyboard.press('Tab');
      await expect.poll(focusedText).toBe('Delete');
      await page.keyboard.press('Tab');
      await expect.poll(focusedText).toBe('Cancel');
      await page.keyboard.press('Shift+Tab');
      await expect.poll(focusedText).toBe('Delete');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(focusedText).toBe('Delete article');
      expect((await storedArticle(id)).deleted_at).toBeNull();

      await open.click();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
      expect((await storedArticle(id)).deleted_at).not.toBeNull();
      expect((await fetch(newsroom.url(path))).status).toBe(410);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the newsroom app for admins', () => {
  it('adds an account that can log in, resets its password and logs it out everywhere', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('admin', '/admin/', errors);
    const email = `new.reporter.${Date.now()}@galley.example`;
    const reporter = await newsroom.newContext();
    try {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Staff accounts' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
      const form = page.getByRole('region', { name: 'Add an account' });
      await form.getByLabel(/^Name/).fill('Nia Reporter');
      await form.getByLabel(/^Email/).fill(email);
      await form.getByLabel('Role').selectOption('author');
      await form.getByLabel(/^First password/).fill('a first passphrase for nia');
      await form.getByRole('button', { name: 'Add an account' }).click();
      await page.getByText(`Nia Reporter can now log in as ${email}.`).waitFor();
      await page.getByRole('cell', { name: email }).waitFor();

      // The same address again: refused, and said next to the email field.
      await form.getByLabel(/^Name/).fill('Nia Again');
      await form.getByLabel(/^Email/).fill(email);
      await form.getByLabel(/^First password/).fill('another long passphrase');
      await form.getByRole('button', { name: 'Add an account' }).click();
      const emailField = form.getByLabel(/^Email/);
      await form.getByText(`an account for ${email} already exists`).waitFor();
      expect(await emailField.getAttribute('aria-invalid')).toBe('true');
      const emailId = await emailField.evaluate((el) => el.id);
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe(emailId);

      // The new account logs in.
      const reporterPage = await openApp(reporter, newsroom.url('/admin/'), errors);
      await reporterPage.getByLabel('Email').fill(email);
      await reporterPage.getByLabel('Password').fill('a first passphrase for nia');
      await reporterPage.getByRole('button', { name: 'Log in' }).click();
      await reporterPage.getByText('Signed in as Nia Reporter (author)').waitFor();

      // Logged out everywhere: the next request finds no session.
      await page.getByRole('button', { name: 'Log Nia Reporter out everywhere' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Log Nia Reporter out everywhere' });
      await confirm.getByRole('button', { name: 'Log out everywhere' }).click();
      await page.getByText('Nia Reporter was logged out (1 sessions ended).').waitFor();
      await reporterPage.reload({ waitUntil: 'load' });
      await reporterPage.getByRole('button', { name: 'Log in' }).waitFor();

      // A new password: the old one stops working, the new one works.
      await page.getByRole('button', { name: 'Set a new password for Nia Reporter' }).click();
      await page.getByLabel(/^New password for Nia Reporter/).fill('a second passphrase for nia');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page
        .getByText('New password set for Nia Reporter. Their sessions have ended.')
        .waitFor();
      await reporterPage.getByLabel('Email').fill(email);
      await reporterPage.getByLabel('Password').fill('a first passphrase for nia');
      await reporterPage.getByRole('button', { name: 'Log in' }).click();
      await reporterPage.getByText('Wrong email or password.').waitFor();
      await reporterPage.getByLabel('Password').fill('a second passphrase for nia');
      await reporterPage.getByRole('button', { name: 'Log in' }).click();
      await reporterPage.getByText('Signed in as Nia Reporter (author)').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await reporter.close();
      await context.close();
    }
  }, 90_000);

  it('hides the staff accounts screen from editors', async () => {
    const { context, page } = await signedIn('editor', '/admin/users');
    try {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Sections and tags' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('adds sections and tags, and says which field a refusal is about', async () => {
    const { context, page } = await signedIn('editor', '/admin/taxonomy');
    const stamp = Date.now();
    try {
      const tags = page.getByRole('region', { name: 'Tags' });
      const tagForm = tags.getByRole('form', { name: 'Add a tag' });
      const english = tagForm.getByRole('group', { name: 'In English' });
      const spanish = tagForm.getByRole('group', { name: 'In Spanish' });
      await english.getByLabel(/^Name/).fill(`Night ferries ${stamp}`);
      // The slug follows the name.
      expect(await english.getByLabel(/^Slug/).inputValue()).toBe(`night-ferries-${stamp}`);
      await spanish.getByLabel(/^Name/).fill(`Ferris nocturnos ${stamp}`);
      await tagForm.getByRole('button', { name: 'Add a tag' }).click();
      await tags.getByText(`Tag “Night ferries ${stamp}” added.`).waitFor();
      await tags.getByRole('cell', { name: new RegExp(`Night ferries ${stamp}`) }).waitFor();
      const tag = await db()
        .selectFrom('tag_translations')
        .select(['locale', 'slug'])
        .where('name', 'in', [`Night ferries ${stamp}`, `Ferris nocturnos ${stamp}`])
        .orderBy('locale')
        .execute();
      expect(tag).toEqual([
        { locale: 'en', slug: `night-ferries-${stamp}` },
        { locale: 'es', slug: `ferris-nocturnos-${stamp}` },
      ]);

      // The same Spanish slug again: a 409 about translations.es.slug, shown by that field.
      await english.getByLabel(/^Name/).fill(`Night boats ${stamp}`);
      await spanish.getByLabel(/^Name/).fill(`Ferris nocturnos ${stamp}`);
      await tagForm.getByRole('button', { name: 'Add a tag' }).click();
      const spanishSlug = spanish.getByLabel(/^Slug/);
      await spanish.getByText(/is already the es slug of tag/).waitFor();
      expect(await spanishSlug.getAttribute('aria-invalid')).toBe('true');
      expect(await english.getByLabel(/^Slug/).getAttribute('aria-invalid')).toBeNull();

      // A section with a name missing in Spanish: a 422 by that field.
      const sections = page.getByRole('region', { name: 'Sections' });
      const sectionForm = sections.getByRole('form', { name: 'Add a section' });
      await sectionForm
        .getByRole('group', { name: 'In English' })
        .getByLabel(/^Name/)
        .fill(`Harbour ${stamp}`);
      await sectionForm.getByRole('button', { name: 'Add a section' }).click();
      const spanishName = sectionForm
        .getByRole('group', { name: 'In Spanish' })
        .getByLabel(/^Name/);
      await expect.poll(() => spanishName.getAttribute('aria-invalid')).toBe('true');
      await spanishName.fill(`Puerto ${stamp}`);
      await sectionForm.getByRole('button', { name: 'Add a section' }).click();
      await sections.getByText(`Section “Harbour ${stamp}” added.`).waitFor();
      expect(await spanishName.getAttribute('aria-invalid')).toBeNull();
    } finally {
      await context.close();
    }
  }, 60_000);
});

/**
 * Embedded posts in the newsroom app, in a real Chromium under the app's own CSP, from the
 * keyboard: "Embed a post" from the toolbar, a pasted address looked up (this machine is
 * offline, so the network's oEmbed cannot answer and the form is filled by hand), the card in
 * the editor with its Edit and Remove reached by Tab, an edit, publishing, and the card on the
 * public page. An address of no known network is refused. axe-core checks the dialog in both
 * languages.
 *
 * Needs the built app (`vite build --config admin/vite.config.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe.js';
import { createStory, saveStatus, setUpNewsroom, tabTo } from './newsroom-support.js';

const newsroom = setUpNewsroom();

const activeId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const activeText = (page: Page) =>
  page.evaluate<string>('(document.activeElement?.textContent ?? "").trim()');

/** From the body, onto the toolbar (one tab stop), then along it to the button named `name`. */
async function toolbarButton(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Shift+Tab');
  await expect
    .poll(() => page.evaluate<boolean>('document.activeElement?.closest(".toolbar") !== null'))
    .toBe(true);
  for (let step = 0; step < 30; step++) {
    if ((await activeText(page)) === name) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no toolbar button "${name}"`);
}

describe('embedding a post in the newsroom app', () => {
  it('embeds a post typed by hand when oEmbed is unreachable, edits it and publishes it', async () => {
    const galley = newsroom.site.galley;
    const story = await createStory(galley, { headline: `Quoted post story ${Date.now()}` });
    const errors: string[] = [];
    const { context, page } = await newsroom.signedIn('editor', `/admin/articles/${story.id}`, {
      errors,
    });
    try {
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.press('Control+End');
      await toolbarButton(page, 'Embed a post');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Embed a post' });
      await dialog.waitFor();
      await expect.poll(() => activeId(page)).toBe('embed-url');

      // An address of no network Galley knows is refused, beside the field.
      await page.keyboard.type('https://example.com/some/post');
      await page.keyboard.press('Enter');
      const urlError = dialog.locator('#embed-url-error');
      await urlError.waitFor();
      expect((await urlError.textContent())?.length).toBeGreaterThan(0);
      expect(await dialog.getByLabel('Address of the post').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await expect.poll(() => activeId(page)).toBe('embed-url');

      // A post on X: offline, nothing is pre-filled, and the form says so and takes the words.
      const postUrl = 'https://x.com/lamarea_demo/status/1900000000000000001';
      await page.keyboard.press('Control+A');
      await page.keyboard.type(postUrl);
      await page.keyboard.press('Enter');
      await dialog
        .getByRole('status')
        .getByText('Nothing could be filled in from the network: type the post’s words below.')
        .waitFor({ timeout: 15_000 });
      expect(await dialog.getByTestId('embed-network').textContent()).toBe('X');
      await expect.poll(() => activeId(page)).toBe('embed-author-name');
      await page.keyboard.type('Harbour Authority');
      await page.keyboard.press('Tab');
      await page.keyboard.type('@harbour_demo');
      await dialog.getByLabel('Date of the post').fill('2026-03-14');
      await dialog
        .getByLabel('Quoted text, or the video’s title')
        .fill('The north channel reopens to ships at noon.');
      await tabTo(page, 'button[type="submit"].primary', 10);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });

      // The card in the editor; its buttons are reached by Tab from the text.
      const card = body.locator('.body-embed-node[data-network="x"]');
      await card.getByText('The north channel reopens to ships at noon.').waitFor();
      await card.getByText('Harbour Authority @harbour_demo').waitFor();
      await body.focus();
      await tabTo(page, '.body-embed-node button', 10);
      expect(await activeText(page)).toBe('Edit');
      await page.keyboard.press('Enter');
      const editDialog = page.getByRole('dialog', { name: 'Edit the embedded post' });
      await editDialog.waitFor();
      const text = editDialog.getByLabel('Quoted text, or the video’s title');
      expect(await text.inputValue()).toBe('The north channel reopens to ships at noon.');
      await text.fill('The north channel reopens to ships at noon today.');
      await editDialog.getByRole('button', { name: 'Save the post' }).click();
      await editDialog.waitFor({ state: 'detached' });
      await card.getByText('The north channel reopens to ships at noon today.').waitFor();
      // The focus is back on the card's Edit button, where it was.
      expect(await activeText(page)).toBe('Edit');

      await saveStatus(page)
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 15_000 });
      const saved = await galley.db
        .selectFrom('articles')
        .select('body')
        .where('id', '=', story.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(saved.body)).toMatchObject({
        content: expect.arrayContaining([
          {
            type: 'embed',
            attrs: {
              url: postUrl,
              network: 'x',
              authorName: 'Harbour Authority',
              authorHandle: '@harbour_demo',
              publishedAt: '2026-03-14',
              text: 'The north channel reopens to ships at noon today.',
              thumbnail: null,
            },
          },
        ]),
      });

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Status: Published').waitFor({ timeout: 15_000 });

      const reader = await context.newPage();
      const response = await reader.goto(newsroom.url(story.path), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const published = reader.locator('.embed.embed-x');
      expect(await published.count()).toBe(1);
      expect(await published.locator('blockquote').textContent()).toContain(
        'The north channel reopens to ships at noon today.',
      );
      expect(await published.locator(`a[href="${postUrl}"]`).count()).toBe(1);
      expect(await published.locator('.embed-author').textContent()).toBe('Harbour Authority');
      await reader.close();

      // Remove, from the keyboard too: the card goes and the focus stays in the text.
      await body.focus();
      await tabTo(page, '.body-embed-node button[aria-label^="Remove"]', 10);
      await page.keyboard.press('Enter');
      await card.waitFor({ state: 'detached' });
      await expect
        .poll(() =>
          page.evaluate<boolean>('document.activeElement?.classList.contains("ProseMirror")'),
        )
        .toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** A paste of `text` into the editor, as the clipboard would deliver it. */
function pasteText(page: Page, text: string): Promise<void> {
  return page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.querySelector('.ProseMirror').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  })()`);
}

describe('pasting a post’s address into the body', () => {
  it('offers the embed form in an empty paragraph, and stays a link inside text', async () => {
    const story = await createStory(newsroom.site.galley, {
      headline: `Pasted post story ${Date.now()}`,
    });
    const { context, page } = await newsroom.signedIn('editor', `/admin/articles/${story.id}`);
    try {
      const postUrl = 'https://x.com/lamarea_demo/status/1900000000000000002';
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.click();
      await page.keyboard.press('Control+End');

      // Inside a paragraph with words, the address becomes a link as before.
      await pasteText(page, postUrl);
      await body.locator(`a[href="${postUrl}"]`).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);

      // In an empty paragraph, the form opens on it, already looked up.
      await page.keyboard.press('Enter');
      await pasteText(page, postUrl);
      const dialog = page.getByRole('dialog', { name: 'Embed a post' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Address of the post').inputValue()).toBe(postUrl);
      await dialog.getByTestId('embed-network').waitFor({ timeout: 15_000 });
      expect(await dialog.getByTestId('embed-network').textContent()).toBe('X');
      await dialog.getByLabel('Quoted text, or the video’s title').fill('Pasted, then quoted.');
      await dialog.getByRole('button', { name: 'Insert the post' }).click();
      await dialog.waitFor({ state: 'detached' });
      await body.locator('.body-embed-node').getByText('Pasted, then quoted.').waitFor();
      // The card is not left selected: typing goes into a paragraph after it.
      await page.keyboard.type('Written after the card.');
      // (TipTap wraps each node view in a `.node-<name>` element.)
      await body.locator('.node-embed + p', { hasText: 'Written after the card.' }).waitFor();
      expect(await body.locator('.body-embed-node').count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('axe-core finds no accessibility violation in the embed dialog', () => {
  const LABELS = {
    en: { embed: 'Embed a post', lookUp: 'Look up', insert: 'Insert the post' },
    es: { embed: 'Insertar una publicación', lookUp: 'Buscar', insert: 'Insertar la publicación' },
  } as const;
  for (const locale of ['en', 'es'] as const) {
    it(`empty, refused and filled in, and its card in the editor (${locale})`, async () => {
      const story = await createStory(newsroom.site.galley, {
        headline: `Embed dialog check ${locale} ${Date.now()}`,
      });
      const { context, page } = await newsroom.signedIn('editor', `/admin/articles/${story.id}`, {
        locale,
        bypassCSP: true,
      });
      const labels = LABELS[locale];
      try {
        await page.locator('.ProseMirror').waitFor();
        await page.getByRole('button', { name: labels.embed }).click();
        const dialog = page.getByRole('dialog', { name: labels.embed });
        await dialog.waitFor();
        await expectNoAxeViolations(page, `embed dialog (${locale})`);

        await dialog.locator('#embed-url').fill('https://example.com/not-a-network');
        await dialog.getByRole('button', { name: labels.lookUp }).click();
        await dialog.locator('#embed-url-error').waitFor();
        await expectNoAxeViolations(page, `embed dialog with a refused address (${locale})`);

        await dialog.locator('#embed-url').fill('https://www.youtube.com/watch?v=Zx9demo0Tid');
        await dialog.getByRole('button', { name: labels.lookUp }).click();
        await dialog.locator('#embed-author-name').waitFor({ timeout: 15_000 });
        await expectNoAxeViolations(page, `embed dialog, form open (${locale})`);
        await dialog.locator('#embed-text').fill('A river at dawn, filmed from the bridge.');
        await dialog.getByRole('button', { name: labels.insert }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator('.body-embed-node').waitFor();
        await expectNoAxeViolations(page, `editor with an embedded post (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

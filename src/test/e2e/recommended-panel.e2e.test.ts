/**
 * The editor's Recommended panel in a real Chromium: an editor finds stories by searching, pins
 * two (one Spanish) and reorders them, excludes a story the block shows, excludes another from
 * the results and allows it again, all from the keyboard, and saves; the choices are stored in
 * that order. The reader's article page then shows the
 * pinned story first and never the excluded one, once the refresh job has computed the block.
 * axe-core finds no violation on the editor with the panel filled in, in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createArticle, publishArticle } from '../../core/operations/index.js';
import type { Galley } from '../../server/create-galley.js';
import { expectNoAxeViolations } from './axe.js';
import { createStory, setUpNewsroom, tabTo } from './newsroom-support.js';

const newsroom = setUpNewsroom();
const galley = () => newsroom.site.galley;

/** A published Spanish story in the demo's first section. */
async function createSpanishStory(on: Galley, headline: string): Promise<number> {
  const section = await on.db
    .selectFrom('sections')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const author = await on.db
    .selectFrom('authors')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const system = systemActor('test');
  const { id } = await runOperation(on.core, createArticle, system, {
    locale: 'es',
    headline,
    slug: `historia-${Date.now()}`,
    sectionId: section.id,
    authorIds: [author.id],
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'El primer párrafo.' }] }],
    },
  });
  await runOperation(on.core, publishArticle, system, { id });
  return id;
}

const focusedId = (page: Page) => page.evaluate<string>('document.activeElement.id');

/** Presses `key` on the focused control and checks where the focus went. */
async function press(page: Page, key: string, thenFocused: string): Promise<void> {
  await page.keyboard.press(key);
  await expect.poll(() => focusedId(page)).toBe(thenFocused);
}

/** Shift+Tab until the focused element matches `selector`, as `tabTo` does forwards. */
async function shiftTabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('Shift+Tab');
    const matches = await page.evaluate<boolean>(
      `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
    );
    if (matches) return;
  }
  throw new Error(`${selector} never got the focus after ${max} Shift+Tab presses`);
}

/** The stories in the reader page's Recommended block, in order. */
async function recommendedOnPage(path: string): Promise<number[]> {
  const response = await fetch(newsroom.url(path));
  const page = await response.text();
  const block = /<aside class="recommended"[^>]*data-rec-block[\s\S]*?<\/aside>/.exec(page)?.[0];
  return [...(block ?? '').matchAll(/data-rec-target="(\d+)"/g)].map((match) => Number(match[1]));
}

describe('the Recommended panel in the article editor', () => {
  // One word no demo story uses, so the search finds exactly the stories made here.
  const word = `quillfeather${Date.now() % 100_000}`;
  let article = { id: 0, path: '' };
  let pinnedEnglish = 0;
  let pinnedSpanish = 0;
  let excluded = 0;
  let allowedAgain = 0;

  it('pins, reorders, excludes and allows again from the keyboard, and saves', async () => {
    article = await createStory(galley(), {
      headline: `Harbor ${word} dredging plan approved`,
      publish: true,
    });
    pinnedEnglish = (
      await createStory(galley(), { headline: `Ferry ${word} timetable returns`, publish: true })
    ).id;
    excluded = (
      await createStory(galley(), { headline: `Harbor ${word} dredging costs rise`, publish: true })
    ).id;
    allowedAgain = (
      await createStory(galley(), { headline: `Dock ${word} workers vote`, publish: true })
    ).id;
    pinnedSpanish = await createSpanishStory(galley(), `Vuelve el ferri ${word}`);
    // Without any choice the ranking offers the look-alike story (same words, same section):
    // excluding it below is what keeps it off the page.
    await expect
      .poll(() => recommendedOnPage(article.path), { timeout: 15_000, interval: 500 })
      .toContain(excluded);
    const errors: string[] = [];
    const { context, page } = await newsroom.signedIn('editor', `/admin/articles/${article.id}`, {
      errors,
    });
    try {
      const panel = page.locator('.recommended-panel');
      await panel.getByText('No pinned stories: the ranking chooses them all.').waitFor();
      await panel.locator(`#rec-block-exclude-${excluded}`).waitFor();
      await page.locator('#rec-search').focus();
      await page.keyboard.type(word);
      await page.keyboard.press('Enter');
      await panel.getByText(/^Showing 4 of 4 matching stories\.$/).waitFor();
      // The article itself is never offered.
      expect(await panel.locator(`[id$="-${article.id}"]`).count()).toBe(0);

      // Results come newest first: the Spanish story, then Dock, Harbor costs, Ferry.
      await tabTo(page, `#rec-result-pin-${pinnedSpanish}`);
      await press(page, 'Enter', `rec-result-unpin-${pinnedSpanish}`);
      await panel.getByText('Pinned “Vuelve el ferri', { exact: false }).waitFor();
      await tabTo(page, `#rec-result-exclude-${allowedAgain}`);
      await press(page, 'Enter', `rec-result-allow-${allowedAgain}`);
      await tabTo(page, `#rec-result-pin-${pinnedEnglish}`);
      await press(page, 'Enter', `rec-result-unpin-${pinnedEnglish}`);

      // Back up to the block as computed, where the look-alike is excluded: marked, with the way
      // back on its own line, and on the result too.
      await shiftTabTo(page, `#rec-block-exclude-${excluded}`);
      await press(page, ' ', `rec-block-allow-${excluded}`);
      const blockLine = panel.locator('ol[aria-labelledby="rec-block-title"] > li', {
        has: page.locator(`#rec-block-allow-${excluded}`),
      });
      expect(await blockLine.innerText()).toMatch(/\(English\)\s*Excluded/);
      await panel.locator(`#rec-result-allow-${excluded}`).waitFor();

      // The pins, in the order chosen, each with its language; the English one moves up.
      const pins = panel.locator('ol[aria-labelledby="rec-pins-title"] > li');
      expect(await pins.allInnerTexts()).toEqual([
        expect.stringMatching(new RegExp(`^Vuelve el ferri ${word} \\(Spanish\\)`)),
        expect.stringMatching(new RegExp(`^Ferry ${word} timetable returns \\(English\\)`)),
      ]);
      await page.locator(`#rec-pin-down-${pinnedSpanish}`).focus();
      // The last pin's "down" arrow is disabled, so Tab skips it.
      await tabTo(page, `#rec-pin-up-${pinnedEnglish}`, 3);
      // At the top, "up" is disabled: the focus moves to "down" for the same story.
      await press(page, 'Enter', `rec-pin-down-${pinnedEnglish}`);
      await panel.getByText(/Moved “Ferry .*” to place 1\. Save to apply\./).waitFor();
      expect(await pins.allInnerTexts()).toEqual([
        expect.stringMatching(/^Ferry /),
        expect.stringMatching(/^Vuelve el ferri /),
      ]);

      // Allowed again from the excluded list: the focus goes on to the next excluded story.
      const excludedList = panel.locator('ul[aria-labelledby="rec-excludes-title"]');
      const allowDock = excludedList.getByRole('button', {
        name: `Allow again Dock ${word} workers vote`,
      });
      expect(await allowDock.getAttribute('id')).toBe(`rec-excluded-allow-${allowedAgain}`);
      await allowDock.focus();
      await press(page, 'Enter', `rec-excluded-allow-${excluded}`);
      expect(await allowDock.count()).toBe(0);
      expect(await excludedList.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringMatching(new RegExp(`^Harbor ${word} dredging costs rise \\(English\\)`)),
      ]);
      await panel.getByText('Unsaved changes').waitFor();

      await tabTo(page, '#rec-save');
      await page.keyboard.press('Enter');
      await panel
        .getByText('Recommendations saved. The block is computed again within a few seconds.')
        .waitFor();
      const stored = await galley()
        .db.selectFrom('recommendation_choices')
        .select(['target_id', 'kind', 'position'])
        .where('article_id', '=', article.id)
        .orderBy('kind', 'desc')
        .orderBy('position')
        .execute();
      expect(stored).toEqual([
        { target_id: pinnedEnglish, kind: 'pin', position: 0 },
        { target_id: pinnedSpanish, kind: 'pin', position: 1 },
        { target_id: excluded, kind: 'exclude', position: 0 },
      ]);
      expect(await panel.getByText('Unsaved changes').count()).toBe(0);
      // The panel picks up the block the job computes after the save, pins marked.
      const firstInBlock = panel.locator('ol[aria-labelledby="rec-block-title"] > li').first();
      await expect
        .poll(() => firstInBlock.innerText(), { timeout: 15_000, interval: 500 })
        .toMatch(new RegExp(`^Ferry ${word} timetable returns \\(English\\)\\s*Pinned`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('puts the pinned story first on the reader page and never the excluded one', async () => {
    // The started Galley runs due jobs every second; the block is computed after the save, and
    // until then the page shows the block from before (with the look-alike in it).
    const block = async () => {
      const shown = await recommendedOnPage(article.path);
      return {
        first: shown[0],
        showsExcluded: shown.includes(excluded),
        showsItself: shown.includes(article.id),
      };
    };
    await expect
      .poll(block, { timeout: 15_000, interval: 500 })
      .toEqual({ first: pinnedEnglish, showsExcluded: false, showsItself: false });
  }, 30_000);

  for (const locale of ['en', 'es'] as const) {
    it(`passes axe-core with the panel filled in (${locale})`, async () => {
      const { context, page } = await newsroom.signedIn('editor', `/admin/articles/${article.id}`, {
        locale,
        bypassCSP: true,
      });
      try {
        const panel = page.locator('.recommended-panel');
        const title = locale === 'en' ? 'Recommended block' : 'Bloque de recomendados';
        await panel.getByRole('heading', { level: 2, name: title }).waitFor();
        await panel.locator(`#rec-pin-remove-${pinnedEnglish}`).waitFor();
        await page.locator('#rec-search').fill(word);
        await page.locator('#rec-search').press('Enter');
        await panel.locator(`#rec-result-exclude-${allowedAgain}`).waitFor();
        await expectNoAxeViolations(page, `article editor with the Recommended panel (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

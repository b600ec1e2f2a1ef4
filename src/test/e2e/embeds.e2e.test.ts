/**
 * Social embeds in a real Chromium, on the demo story that quotes a post on X and a YouTube
 * video: until the reader presses a card's button, the request log holds nothing but this site;
 * pressing it puts the network's player in place (this machine has no internet, so the request
 * is attempted and fails: the attempt is what counts); the remembered choice loads that network's
 * cards at once on later pages, and only that network's; the keyboard alone does it all; without
 * JavaScript the cards are complete; axe finds nothing to fix in either language, before or
 * after loading.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { AXE_OPTIONS, describeViolations, expectNoAxeViolations } from './axe.js';
import { focusedElement, launchChromium, startSite } from './browser.js';
import type { TestSite } from './browser.js';

let site: TestSite | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let paths: { en: string; es: string };

const X_PLAYER = 'https://platform.twitter.com';
const YOUTUBE_PLAYER = 'https://www.youtube-nocookie.com';

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  const rows = await site.galley.db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select(['a.locale', 'a.slug', 'a.body', 'st.slug as section'])
    .where('a.status', '=', 'published')
    .execute();
  const withEmbeds = (locale: string) => {
    const row = rows.find(
      (r) =>
        r.locale === locale && r.body.includes('"network":"x"') && r.body.includes('"youtube"'),
    );
    if (!row) throw new Error(`the demo has no ${locale} story quoting X and YouTube`);
    return `/${locale}/${row.section}/${row.slug}`;
  };
  paths = { en: withEmbeds('en'), es: withEmbeds('es') };
}, 120_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

const origin = () => (site as TestSite).origin;

async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await (browser as Browser).newContext(options);
  contexts.push(context);
  return context;
}

/** Opens the page and logs every request it (and any frame in it) makes. */
async function open(
  context: BrowserContext,
  path: string,
): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, requests };
}

const foreign = (requests: string[]) =>
  requests.filter((request) => new URL(request).origin !== origin());

const card = (page: Page, network: string) => page.locator(`.embed[data-network="${network}"]`);

/** Waits until some request to the origin has been attempted (it fails: no internet here). */
async function expectRequestTo(requests: string[], to: string): Promise<void> {
  await expect
    .poll(() => requests.some((request) => request.startsWith(`${to}/`)), { timeout: 5_000 })
    .toBe(true);
}

describe('embeds in Chromium', () => {
  it('asks no one but this site until the button is pressed, then loads only that player', async () => {
    const context = await newContext();
    const { page, requests } = await open(context, paths.en);
    const x = card(page, 'x');
    await x.getByRole('button', { name: 'Load content from X' }).waitFor({ state: 'visible' });
    await expect
      .poll(() => x.locator('blockquote').textContent())
      .toContain('King tide: 2.31 m at 6:42 pm');
    await expect
      .poll(() => card(page, 'youtube').locator('blockquote').textContent())
      .toContain('Why the north channel floods the ferry ramp');
    // Everything the page needed came from here: the stylesheet, the scripts, the lead image.
    expect(requests.some((request) => /\/assets\/embeds\.[0-9a-f]+\.js$/.test(request))).toBe(true);
    expect(foreign(requests)).toEqual([]);
    // The page's CSP names exactly the two players it may load.
    const csp = (await page.request.get(`${origin()}${paths.en}`)).headers()[
      'content-security-policy'
    ];
    expect(csp).toContain(`frame-src ${X_PLAYER} ${YOUTUBE_PLAYER}`);
    expect(csp).toContain("script-src 'self'");

    await x.getByRole('button', { name: 'Load content from X' }).click();
    const frame = x.locator('iframe.embed-frame');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe(
      `${X_PLAYER}/embed/Tweet.html?id=2990000000000000001&dnt=true`,
    );
    expect(await frame.getAttribute('title')).toBe('Post by Vigía de Mareas Puerto Claro on X');
    expect(await frame.getAttribute('sandbox')).toContain('allow-scripts');
    expect(await frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    await expectRequestTo(requests, X_PLAYER);
    // The link to the original stays; the quote gave way to the player; YouTube was not asked.
    expect(await x.locator('figcaption a').getAttribute('href')).toBe(
      'https://x.com/mareas_pc_demo/status/2990000000000000001',
    );
    expect(await x.locator('blockquote').count()).toBe(0);
    expect(await card(page, 'youtube').locator('iframe').count()).toBe(0);
    expect(foreign(requests).every((request) => request.startsWith(`${X_PLAYER}/`))).toBe(true);
  });

  it('remembers "always load" per network on this device, and only that network', async () => {
    const context = await newContext();
    const first = await open(context, paths.en);
    await card(first.page, 'x')
      .getByRole('checkbox', { name: 'Always load content from X on this device' })
      .check();
    // Ticking it loads this page's X cards too.
    await card(first.page, 'x').locator('iframe.embed-frame').waitFor({ state: 'attached' });
    expect(await first.page.evaluate('JSON.stringify(Object.entries(window.localStorage))')).toBe(
      JSON.stringify([['galley.embeds.alwaysLoad', '["x"]']]),
    );

    // Later pages (the Spanish edition too: the same device) load X at once, never YouTube.
    for (const path of [paths.en, paths.es]) {
      const { page, requests } = await open(context, path);
      const x = card(page, 'x');
      await x.locator('iframe.embed-frame').waitFor({ state: 'attached' });
      expect(
        await x
          .getByRole('checkbox', { name: /Always load content from X|Cargar siempre/ })
          .isChecked(),
      ).toBe(true);
      await expectRequestTo(requests, X_PLAYER);
      const youtube = card(page, 'youtube');
      await youtube.locator('.embed-load').waitFor({ state: 'visible' });
      expect(await youtube.locator('iframe').count()).toBe(0);
      expect(requests.some((request) => request.startsWith(YOUTUBE_PLAYER))).toBe(false);
      if (path === paths.es)
        expect(await x.locator('iframe').getAttribute('title')).toBe(
          'Publicación de Vigía de Mareas Puerto Claro en X',
        );
    }

    // Unticking forgets it: the next page waits for the button again.
    const again = await open(context, paths.en);
    // By keyboard, for the reason given in the axe test below.
    const box = card(again.page, 'x').getByRole('checkbox');
    await card(again.page, 'x').locator('iframe.embed-frame').waitFor({ state: 'attached' });
    await box.press('Space');
    expect(await box.isChecked()).toBe(false);
    expect(await again.page.evaluate('window.localStorage.length')).toBe(0);
    const last = await open(context, paths.en);
    await card(last.page, 'x').locator('.embed-load').waitFor({ state: 'visible' });
    expect(await card(last.page, 'x').locator('iframe').count()).toBe(0);
    expect(foreign(last.requests)).toEqual([]);
  });

  it('works by keyboard alone: Tab to the button, Enter, and the focus goes to the player', async () => {
    const context = await newContext();
    const { page, requests } = await open(context, paths.en);
    await card(page, 'youtube').locator('.embed-load').waitFor({ state: 'visible' });
    let focused = await focusedElement(page);
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      focused = await focusedElement(page);
      if (focused?.text === 'Load content from YouTube') break;
    }
    expect(focused?.tag).toBe('button');
    expect(focused?.text).toBe('Load content from YouTube');
    expect(focused?.outlineStyle).toBe('solid');
    // Its description is the card's caption, which tells two buttons of one network apart.
    const describedBy = await card(page, 'youtube')
      .locator('.embed-load')
      .getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy ?? 'missing'}`).textContent()).toMatch(
      /^Video by Puerto Claro Port Authority/,
    );
    await page.keyboard.press('Enter');
    const frame = card(page, 'youtube').locator('iframe.embed-frame');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe(`${YOUTUBE_PLAYER}/embed/LaMareaDemo`);
    expect(await frame.getAttribute('allow')).toBe(
      'encrypted-media; picture-in-picture; fullscreen',
    );
    await expect.poll(async () => (await focusedElement(page))?.tag).toBe('iframe');
    await expectRequestTo(requests, YOUTUBE_PLAYER);
    expect(requests.some((request) => request.startsWith(X_PLAYER))).toBe(false);
  });

  it('shows complete cards without JavaScript, with no button and no request elsewhere', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const { page, requests } = await open(context, paths.es);
    const x = card(page, 'x');
    await x.locator('blockquote').waitFor({ state: 'visible' });
    expect(await x.locator('figcaption').textContent()).toBe(
      'Publicación de Vigía de Mareas Puerto Claro (@mareas_pc_demo) en X, 14 de noviembre de 2026. Ver en X',
    );
    expect(await x.locator('blockquote').textContent()).toContain('Marea viva: 2,31 m');
    expect(await card(page, 'youtube').locator('blockquote').textContent()).toBe(
      'Por qué el canal norte inunda la rampa del ferry: el dragado explicado en tres minutos',
    );
    expect(await page.locator('.embed-load').first().isVisible()).toBe(false);
    expect(await page.locator('.embed-always').first().isVisible()).toBe(false);
    expect(foreign(requests)).toEqual([]);
  });
});

describe('embeds and axe', () => {
  it.each([
    ['en', 'Load content from X'],
    ['es', 'Cargar contenido de X'],
  ] as const)(
    'finds no violations in %s, before and after loading',
    async (locale, button) => {
      // axe is injected as a script, which the page's CSP forbids: this context bypasses it.
      const context = await newContext({ bypassCSP: true });
      const { page } = await open(context, paths[locale]);
      await card(page, 'x').getByRole('button', { name: button }).waitFor({ state: 'visible' });
      await expectNoAxeViolations(page, `${paths[locale]} before loading`);
      // By keyboard: once a player's frame is on the page, Chromium can route a mouse click
      // made right after a programmatic scroll to that frame (its hit-test data lags), which no
      // reader's pace triggers but a test's does.
      await card(page, 'x').getByRole('button', { name: button }).press('Enter');
      await card(page, 'x').locator('iframe.embed-frame').waitFor({ state: 'attached' });
      await card(page, 'youtube').locator('.embed-load').press('Enter');
      await page.locator('iframe.embed-frame').nth(1).waitFor({ state: 'attached' });
      // The frames hold the networks' pages (here, Chromium's error page: no internet), which are
      // not ours to check; axe would wait a minute for each to answer its messages.
      const results = await page.evaluate(
        (options) =>
          (
            globalThis as unknown as {
              axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
            }
          ).axe.run((globalThis as unknown as { document: unknown }).document, options),
        { ...AXE_OPTIONS, iframes: false },
      );
      expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
      expect(
        results.violations,
        `axe found violations on ${paths[locale]} after loading:\n${describeViolations(results.violations)}`,
      ).toEqual([]);
    },
    60_000,
  );
});

/**
 * axe-core in a real Chromium on the reader pages, in both editions and both colour schemes.
 *
 * axe's source is injected into the page. The pages forbid injected scripts through their
 * Content-Security-Policy (`default-src 'none'`), so these contexts bypass CSP; the article-page
 * test checks the policy itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { describeViolations, expectNoAxeViolations, runAxe } from './axe.js';
import type { SitePage, TestSite } from './browser.js';
import { launchChromium, pagesToCheck, startSite } from './browser.js';

/** Desktop in both colour schemes on every page; a phone-sized viewport (reflow, target sizes)
 * on the two busiest pages. */
const SETTINGS = {
  light: { colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  dark: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  'phone, light': { colorScheme: 'light', viewport: { width: 360, height: 740 } },
} as const;
type Setting = keyof typeof SETTINGS;
const PHONE_PAGES = new Set(['article-en', 'home-en']);

let site: TestSite | undefined;
let browser: Browser | undefined;
const contexts = new Map<Setting, BrowserContext>();
let pages: SitePage[] = [];

// The page list comes from the database, which opens in beforeAll; the names are fixed.
const PAGE_NAMES = [
  'article-en',
  'article-es',
  'home-en',
  'home-es',
  'section-en',
  'section-es',
  'author-en',
  'author-es',
  'contact-en',
  'tag-es',
  'policy-en',
  'policy-es',
  'not-found-en',
  'not-found-es',
  'search-en',
  'search-es',
];

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  for (const [name, options] of Object.entries(SETTINGS)) {
    contexts.set(name as Setting, await browser.newContext({ bypassCSP: true, ...options }));
  }
  pages = await pagesToCheck(site.galley);
  expect(pages.map((page) => page.name)).toEqual(PAGE_NAMES);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

async function checkPage(name: string, setting: Setting): Promise<void> {
  const sitePage = pages.find((page) => page.name === name);
  if (!sitePage || !site) throw new Error(`no page called ${name}`);
  const page = await (contexts.get(setting) as BrowserContext).newPage();
  try {
    const response = await page.goto(`${site.origin}${sitePage.path}`, { waitUntil: 'load' });
    expect(response?.status(), sitePage.path).toBe(sitePage.status);
    // The stylesheet must have applied, or the contrast checks would test browser defaults.
    const background = await page.evaluate<string>(
      'getComputedStyle(document.body).backgroundColor',
    );
    const isDark = SETTINGS[setting].colorScheme === 'dark';
    expect(background).toBe(isDark ? 'rgb(18, 20, 22)' : 'rgb(255, 255, 255)');
    await expectNoAxeViolations(page, `${sitePage.path} (${setting})`);
  } finally {
    await page.close();
  }
}

describe('axe-core finds no accessibility violation', () => {
  for (const setting of Object.keys(SETTINGS) as Setting[]) {
    for (const name of PAGE_NAMES) {
      if (setting.startsWith('phone') && !PHONE_PAGES.has(name)) continue;
      it(`on ${name} (${setting})`, () => checkPage(name, setting));
    }
  }

  it('and does report one on a page that has one', async () => {
    // A control: the harness must be able to fail. An image without alt text and a
    // low-contrast paragraph are two violations axe always reports.
    const page = await (contexts.get('light') as BrowserContext).newPage();
    try {
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>Control</title></head><body><main>' +
          '<h1>Control</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">' +
          '<p style="color:#bbb;background:#fff">Faint text</p></main></body></html>',
      );
      const results = await runAxe(page);
      const ids = results.violations.map((violation) => violation.id);
      expect(ids).toContain('image-alt');
      expect(ids).toContain('color-contrast');
      expect(describeViolations(results.violations)).toContain('[image-alt]');
    } finally {
      await page.close();
    }
  });
});

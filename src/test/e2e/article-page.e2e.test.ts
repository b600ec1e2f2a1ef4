/**
 * The article page in a real Chromium: every element a reader sees, the language switch, the
 * keyboard path through the page, and that the page needs nothing but its own origin (and no
 * JavaScript) to work.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { BilingualStory, TestSite } from './browser.js';
import {
  findBilingualStory,
  findOpinionStory,
  focusedElement,
  launchChromium,
  startSite,
} from './browser.js';

let site: TestSite | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let story: BilingualStory;
let publicationName: string;

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  context = await browser.newContext();
  story = await findBilingualStory(site.galley);
  publicationName = (
    await site.galley.db.selectFrom('publications').select('name').executeTakeFirstOrThrow()
  ).name;
}, 120_000);

// Every test opens its pages in the shared context; none outlives its test.
afterEach(async () => {
  await Promise.all(context.pages().map((page) => page.close()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

const url = (path: string) => `${(site as TestSite).origin}${path}`;

async function open(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  const response = await page.goto(url(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

/** Fails, naming the locator, unless it matches an element that is visible on screen. */
async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5_000 });
}

/** The element is visible, its trimmed text is as expected, and so are the given attributes. */
async function expectElement(
  locator: Locator,
  text: string | RegExp,
  attributes: Record<string, string | RegExp> = {},
): Promise<void> {
  await expectVisible(locator);
  const actual = ((await locator.textContent()) ?? '').trim();
  if (typeof text === 'string') expect(actual).toBe(text);
  else expect(actual).toMatch(text);
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = await locator.getAttribute(name);
    if (typeof value === 'string') expect(attribute, name).toBe(value);
    else expect(attribute, name).toMatch(value);
  }
}

const lang = (page: Page) => page.locator('html').getAttribute('lang');
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the article page in Chromium', () => {
  it('shows every element of a bilingual story with a lead image', async () => {
    const page = await open(story.path);
    expect(await lang(page)).toBe('en');
    const header = page.locator('header.site-header');
    await expectElement(header.locator('.brand a'), publicationName, { href: '/en/' });
    await expectElement(header.locator('.edition-switch a'), 'Edición en español', {
      href: story.otherPath,
      lang: 'es',
    });
    await expectElement(page.locator('article.article .kicker a'), story.sectionName, {
      href: story.sectionPaths[0],
    });
    await expectElement(h1(page), story.headline);
    await expectElement(page.locator('.article-header p.dek'), story.dek);

    const figure = page.locator('article.article figure.lead-image');
    await expectVisible(figure.locator('img'));
    const credit = figure.locator('figcaption .credit');
    await expectElement(credit, /\S/);
    const caption = (await figure.locator('figcaption').textContent()) ?? '';
    // The caption says something besides the credit.
    expect(caption.replace((await credit.textContent()) ?? '', '').trim()).not.toBe('');
    const image = await figure
      .locator('img')
      .evaluate((img: { complete: boolean; naturalWidth: number; alt: string }) => ({
        complete: img.complete,
        naturalWidth: img.naturalWidth,
        alt: img.alt,
      }));
    expect(image).toMatchObject({ complete: true, alt: expect.stringMatching(/\S/) });
    expect(image.naturalWidth).toBeGreaterThan(0);

    const meta = page.locator('.article-meta');
    const authors = meta.locator('.byline a[rel="author"]');
    expect(await authors.count()).toBeGreaterThan(0);
    for (const author of await authors.all()) {
      await expectElement(author, /\S/, { href: /^\/en\/author\/[a-z0-9-]+$/ });
    }
    const times = meta.locator('time[datetime]');
    expect(await times.count()).toBeGreaterThan(0);
    for (const time of await times.all()) {
      await expectVisible(time);
      const datetime = (await time.getAttribute('datetime')) ?? '';
      expect(Number.isNaN(Date.parse(datetime)), datetime).toBe(false);
    }
    await expectElement(meta.locator('.reading-time'), /^\d+ min read$/);

    const body = page.locator('.article-body');
    await expectVisible(body.locator('p').first());
    await expectVisible(body.locator('h2').first());
    await expectVisible(body.locator('blockquote').first());

    await expectElement(
      page.getByRole('link', { name: 'Found a mistake? Contact us!' }),
      'Found a mistake? Contact us!',
      { href: `/en/contact?article=${story.id}` },
    );
    await expectElement(
      page.getByRole('link', { name: 'Lee esta historia en español' }),
      'Lee esta historia en español',
      { href: story.otherPath, hreflang: 'es', lang: 'es' },
    );
    const recommended = page.getByRole('complementary', { name: 'Recommended' });
    await expectElement(recommended.getByRole('heading', { level: 2 }), 'Recommended');
    expect(await recommended.locator('.story-card a[href]').count()).toBeGreaterThan(0);
    await expectVisible(recommended.locator('.story-card a[href]').first());
  });

  it('labels an opinion piece as such next to its section', async () => {
    const opinion = await findOpinionStory((site as TestSite).galley);
    const page = await open(opinion.path);
    await expectVisible(page.locator('article.article .kicker a'));
    await expectElement(page.locator('article.article .kicker .type-label'), 'Opinion');
    await expectElement(h1(page), opinion.headline);
  });

  it('switches to the Spanish version and back by clicking the language links', async () => {
    const page = await open(story.path);
    await page.getByRole('link', { name: 'Lee esta historia en español' }).click();
    await page.waitForURL(url(story.otherPath));
    expect(await lang(page)).toBe('es');
    await expectElement(h1(page), story.otherHeadline);
    await expectElement(page.locator('.article-meta .reading-time'), /^\d+ min de lectura$/);
    await expectVisible(page.getByRole('link', { name: '¿Encontraste un error? Contáctanos' }));
    await expectVisible(page.getByRole('complementary', { name: 'Recomendados' }));
    expect(await page.locator('.edition-switch a').getAttribute('href')).toBe(story.path);

    await page.getByRole('link', { name: 'Read this story in English' }).click();
    await page.waitForURL(url(story.path));
    expect(await lang(page)).toBe('en');
    await expectElement(h1(page), story.headline);
  });

  it('skips to the content with the keyboard and shows where the focus is', async () => {
    const page = await open(story.path);
    const hidden = await page.locator('a.skip-link').boundingBox();
    expect(hidden && hidden.y + hidden.height).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    const skip = await focusedElement(page);
    expect(skip?.className).toBe('skip-link');
    expect(skip?.href).toBe('#content');
    expect(skip?.text).toBe('Skip to content');
    expect(skip?.outlineStyle).not.toBe('none');
    // Hidden above the page until focused, then on screen.
    const box = await page.locator('a.skip-link').boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.height ?? 0).toBeGreaterThan(0);

    await page.keyboard.press('Enter');
    const target = await focusedElement(page);
    expect(target?.insideMain || (target?.tag === 'main' && target.id === 'content')).toBe(true);
    // The next Tab continues from inside the main content, past the whole header.
    await page.keyboard.press('Tab');
    const next = await focusedElement(page);
    expect(next?.insideMain, JSON.stringify(next)).toBe(true);
    expect(next?.tag).toBe('a');
  });

  it('reaches the edition switch with Tab, with a visible outline on every link on the way', async () => {
    const page = await open(story.path);
    const visited: string[] = [];
    let reached = false;
    for (let step = 0; step < 20 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await focusedElement(page);
      expect(focused, `Tab ${step + 1} focused nothing`).not.toBeNull();
      if (!focused) break;
      visited.push(focused.text);
      expect(focused.tag, `Tab ${step + 1}`).toBe('a');
      expect(focused.outlineStyle, `outline of "${focused.text}"`).not.toBe('none');
      // At least 2 CSS pixels, as WCAG 2.2's focus appearance criterion asks.
      expect(
        parseFloat(focused.outlineWidth),
        `outline of "${focused.text}"`,
      ).toBeGreaterThanOrEqual(2);
      reached = focused.text === 'Edición en español';
    }
    expect(reached, `focus went through: ${visited.join(' | ')}`).toBe(true);
  });

  it('requests nothing from any other origin', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const response = await page.goto(url(story.path), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const origin = (site as TestSite).origin;
    const foreign = requests.filter((request) => new URL(request).origin !== origin);
    expect(foreign).toEqual([]);
    // The check is not empty: the page, its stylesheet and its images were all requested.
    expect(requests).toContain(url(story.path));
    expect(requests.some((request) => /\/assets\/[^/]+\.css$/.test(request))).toBe(true);
    expect(requests.some((request) => request.startsWith(url('/media/')))).toBe(true);
    // Under its own Content-Security-Policy, the page triggers no violation or failed load.
    expect(consoleErrors).toEqual([]);
  });

  it('works with JavaScript disabled', async () => {
    const noScript = await (browser as Browser).newContext({ javaScriptEnabled: false });
    try {
      const page = await open(story.path, noScript);
      await expectElement(h1(page), story.headline);
      await expectVisible(page.locator('.article-body p').first());
      await expectVisible(page.locator('.article-body h2').first());
      await expectVisible(page.locator('figure.lead-image img'));
      await expectVisible(page.getByRole('link', { name: 'Lee esta historia en español' }));
    } finally {
      await noScript.close();
    }
  });
});

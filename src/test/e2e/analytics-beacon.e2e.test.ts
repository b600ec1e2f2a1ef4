/**
 * The analytics beacon in a real Chromium, from the reader's page to the stored events: the
 * view with its referring site and campaign, scroll quarters, engaged-time heartbeats (on
 * Playwright's fake clock, so 30 seconds of reading take none), Recommended impressions and
 * clicks; Do Not Track and Global Privacy Control honoured in the page and on the server; and no
 * cookie anywhere on the reader site.
 *
 * Each test's browser context carries its own user agent, so its visitor hash (computed here
 * from the day's salt, as the server does) tells its events from every other test's. The user
 * agent is a regular Chrome's: headless Chromium says "HeadlessChrome", which the bot filter
 * drops (a test below checks that too).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { saltForDay, utcDay, visitorHash } from '../../analytics/visitor-hash.js';
import type { AnalyticsEventsTable } from '../../db/schema-discovery.js';
import type { BilingualStory, TestSite } from './browser.js';
import { findBilingualStory, launchChromium, pagesToCheck, startSite } from './browser.js';

let site: TestSite;
let browser: Browser;
let story: BilingualStory;

beforeAll(async () => {
  site = await startSite();
  browser = await launchChromium();
  story = await findBilingualStory(site.galley);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
}, 60_000);

let readers = 0;

/** A browser context for one reader, and that reader's visitor hash. */
async function newReader(
  options: { headers?: Record<string, string>; userAgent?: string } = {},
): Promise<{ context: BrowserContext; visitor: string }> {
  const userAgent =
    options.userAgent ??
    `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${++readers}.0 Safari/537.36`;
  const context = await browser.newContext({ userAgent, extraHTTPHeaders: options.headers });
  const now = new Date();
  const salt = await saltForDay(site.galley.db, utcDay(now), now);
  const visitor = visitorHash(salt, {
    address: '127.0.0.1',
    userAgent,
    siteHost: new URL(site.origin).hostname,
  });
  return { context, visitor };
}

type StoredEvent = Pick<
  AnalyticsEventsTable,
  | 'kind'
  | 'path'
  | 'article_id'
  | 'referrer_domain'
  | 'utm_campaign'
  | 'value'
  | 'target_article_id'
>;

function eventsOf(visitor: string): Promise<StoredEvent[]> {
  return site.galley.db
    .selectFrom('analytics_events')
    .select([
      'kind',
      'path',
      'article_id',
      'referrer_domain',
      'utm_campaign',
      'value',
      'target_article_id',
    ])
    .where('visitor', '=', visitor)
    .orderBy('id')
    .execute();
}

/** Polls the database (real time) until the reader's events satisfy `done`; then returns them. */
async function eventsWhen(
  visitor: string,
  done: (events: StoredEvent[]) => boolean,
): Promise<StoredEvent[]> {
  let events: StoredEvent[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    events = await eventsOf(visitor);
    if (done(events)) return events;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return events;
}

const kindIs = (kind: string) => (event: StoredEvent) => event.kind === kind;

/** Requests the page makes to the beacon endpoint. */
function beaconRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/beacon')) seen.push(request.postData() ?? '');
  });
  return seen;
}

it('records a view with the referring site and campaign, and scroll quarters once each', async () => {
  const { context, visitor } = await newReader();
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}${story.path}?utm_campaign=spring-e2e&x=1`, {
      referer: 'https://search.example/results?q=ferry',
    });
    const [view] = await eventsWhen(visitor, (events) => events.some(kindIs('view')));
    expect(view).toEqual({
      kind: 'view',
      path: story.path,
      article_id: story.id,
      referrer_domain: 'search.example',
      utm_campaign: 'spring-e2e',
      value: 0,
      target_article_id: null,
    });
    // Down the page in steps, then back up and down again: each quarter counts once.
    for (const share of [0.3, 0.55, 0.8, 1, 0, 1]) {
      await page.evaluate(`window.scrollTo(0, document.documentElement.scrollHeight * ${share})`);
      await page.waitForTimeout(400);
    }
    const events = await eventsWhen(visitor, (all) => all.filter(kindIs('scroll')).length >= 4);
    await page.waitForTimeout(1500);
    const scrolls = (await eventsOf(visitor)).filter(kindIs('scroll'));
    expect(scrolls.map((event) => event.value)).toEqual([1, 2, 3, 4]);
    expect(events.filter(kindIs('view'))).toHaveLength(1);
  } finally {
    await context.close();
  }
});

it('sends engaged time in 5-second heartbeats while the reader is active', async () => {
  const { context, visitor } = await newReader();
  try {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${site.origin}${story.otherPath}`);
    await eventsWhen(visitor, (events) => events.some(kindIs('view')));
    // Arriving counts as activity; after 15 s without any, seconds stop counting: 15 s in all.
    await page.clock.runFor(40_000);
    let events = await eventsWhen(visitor, (all) => all.filter(kindIs('engaged')).length >= 3);
    await page.waitForTimeout(500);
    events = await eventsOf(visitor);
    expect(events.filter(kindIs('engaged')).map((event) => event.value)).toEqual([5, 5, 5]);
    // The reader moves the pointer: 5 more seconds make one more heartbeat.
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 260);
    await page.clock.runFor(5_500);
    events = await eventsWhen(visitor, (all) => all.filter(kindIs('engaged')).length >= 4);
    expect(events.filter(kindIs('engaged')).map((event) => event.value)).toEqual([5, 5, 5, 5]);
    expect(events.every((event) => event.article_id === story.otherId)).toBe(true);
  } finally {
    await context.close();
  }
});

it('counts a Recommended story seen for 2 seconds once, and a click on one', async () => {
  const { context, visitor } = await newReader();
  try {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${site.origin}${story.path}`);
    const targets = await page
      .locator('[data-rec-block] [data-rec-target]')
      .evaluateAll((links) => links.map((link) => Number(link.getAttribute('data-rec-target'))));
    expect(targets.length).toBeGreaterThan(0);
    const first = page.locator('[data-rec-block] [data-rec-target]').first();
    await first.scrollIntoViewIfNeeded();
    // Not yet: 1.5 s is not long enough.
    await page.clock.runFor(1_500);
    await page.waitForTimeout(500);
    expect((await eventsOf(visitor)).filter(kindIs('rec_impression'))).toEqual([]);
    await page.clock.runFor(2_000);
    let events = await eventsWhen(visitor, (all) => all.some(kindIs('rec_impression')));
    // Still in view much later: no second impression of the same story.
    await page.clock.runFor(10_000);
    await page.waitForTimeout(500);
    events = await eventsOf(visitor);
    const impressions = events.filter(kindIs('rec_impression')).map((e) => e.target_article_id);
    expect(impressions).toContain(targets[0]);
    expect(new Set(impressions).size).toBe(impressions.length);
    expect(impressions.every((target) => targets.includes(target ?? -1))).toBe(true);

    await Promise.all([page.waitForURL((url) => url.pathname !== story.path), first.click()]);
    events = await eventsWhen(visitor, (all) => all.some(kindIs('rec_click')));
    expect(events.filter(kindIs('rec_click'))).toEqual([
      expect.objectContaining({ article_id: story.id, target_article_id: targets[0] }),
    ]);
  } finally {
    await context.close();
  }
});

it.each([
  ['Do Not Track', 'Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" })'],
  [
    'Global Privacy Control',
    'Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true })',
  ],
])('sends nothing at all under %s', async (_name, setting) => {
  const { context, visitor } = await newReader();
  try {
    await context.addInitScript(setting);
    const page = await context.newPage();
    const sent = beaconRequests(page);
    await page.goto(`${site.origin}${story.path}?utm_campaign=private`);
    // The script did load (so its silence is the setting's doing), and the reader reads on.
    expect(await page.locator('script[src*="/assets/beacon."]').count()).toBe(1);
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.mouse.move(100, 100);
    await page.waitForTimeout(1_500);
    expect(sent).toEqual([]);
    expect(await eventsOf(visitor)).toEqual([]);
  } finally {
    await context.close();
  }
});

it('stores nothing from a browser that sends DNT or Sec-GPC headers only, or from a headless one', async () => {
  for (const reader of [
    await newReader({ headers: { DNT: '1' } }),
    await newReader({ headers: { 'Sec-GPC': '1' } }),
    await newReader({
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/${browser.version()} Safari/537.36`,
    }),
  ]) {
    try {
      const page = await reader.context.newPage();
      const sent = beaconRequests(page);
      await page.goto(`${site.origin}${story.path}`);
      await page.waitForTimeout(1_500);
      // The script sent its view (it cannot see those headers); the server kept nothing.
      expect(sent.length).toBeGreaterThan(0);
      expect(await eventsOf(reader.visitor)).toEqual([]);
    } finally {
      await reader.context.close();
    }
  }
});

it('sets no cookie anywhere on the reader site', async () => {
  const { context, visitor } = await newReader();
  try {
    const pages = [
      ...(await pagesToCheck(site.galley)).map((page) => page.path),
      '/en/corrections',
      '/es/correcciones',
    ];
    const setCookies: string[] = [];
    context.on('response', async (response) => {
      const header = await response.headerValue('set-cookie');
      if (header !== null) setCookies.push(`${response.url()}: ${header}`);
    });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`${site.origin}${path}`);
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    }
    await page.waitForTimeout(1_500);
    // The crawl was counted (so the beacon ran on these pages) ...
    expect((await eventsOf(visitor)).filter(kindIs('view')).length).toBeGreaterThanOrEqual(
      pages.length - 2, // the two 404 pages load no beacon
    );
    // ... and nothing anywhere set a cookie or stored anything in the browser.
    expect(setCookies).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
  } finally {
    await context.close();
  }
});

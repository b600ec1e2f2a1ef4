import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../lib/log.js';
import { createGalley } from '../server/create-galley.js';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { unpublishArticle } from '../core/operations/index.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { parseBeacon } from './beacon-schema.js';
import { isAutomatedClient } from './bots.js';
import { ClientRateLimit } from './client-rate-limit.js';
import { MAX_BEACON_BYTES } from './ingest-route.js';

const PUBLIC_ORIGIN = 'https://news.galley.test';
const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe('parseBeacon', () => {
  const valid = {
    v: 1,
    path: '/en/city/ferry',
    locale: 'en',
    article: 3,
    events: [
      { kind: 'view', referrer: 'news.example', campaign: 'spring' },
      { kind: 'engaged', seconds: 5 },
      { kind: 'scroll', quarter: 4 },
      { kind: 'rec_impression', target: 9 },
      { kind: 'rec_click', target: 9 },
    ],
  };

  it('accepts every event kind', () => {
    const parsed = parseBeacon(JSON.stringify(valid));
    expect(parsed.ok && parsed.payload.events.map((event) => event.kind)).toEqual([
      'view',
      'engaged',
      'scroll',
      'rec_impression',
      'rec_click',
    ]);
  });

  it.each([
    ['{not json', 'the body is not JSON'],
    ['[]', 'payload:'],
    [JSON.stringify({ ...valid, v: 2 }), 'v:'],
    [JSON.stringify({ ...valid, path: 'https://evil.example/' }), 'path:'],
    [JSON.stringify({ ...valid, path: '/en/search?q=secret' }), 'path:'],
    [JSON.stringify({ ...valid, locale: 'fr' }), 'locale:'],
    [JSON.stringify({ ...valid, article: -1 }), 'article:'],
    [JSON.stringify({ ...valid, events: [] }), 'events:'],
    [JSON.stringify({ ...valid, events: Array(21).fill({ kind: 'view' }) }), 'events:'],
    [JSON.stringify({ ...valid, events: [{ kind: 'engaged', seconds: 6 }] }), 'events.0.seconds:'],
    [JSON.stringify({ ...valid, events: [{ kind: 'scroll', quarter: 0 }] }), 'events.0.quarter:'],
    [JSON.stringify({ ...valid, events: [{ kind: 'purchase' }] }), 'events.0.kind:'],
    [
      JSON.stringify({ ...valid, events: [{ kind: 'view', referrer: 'a b' }] }),
      'events.0.referrer:',
    ],
    [JSON.stringify({ ...valid, ip: '1.2.3.4' }), 'payload:'],
  ])('refuses %s, naming what is wrong', (body, start) => {
    const parsed = parseBeacon(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(new RegExp(`^${start.replace(/[.*?]/g, '\\$&')}`));
  });
});

describe('isAutomatedClient', () => {
  it('knows crawlers and clients without a user agent', () => {
    expect(isAutomatedClient('Googlebot/2.1 (+http://www.google.com/bot.html)')).toBe(true);
    expect(isAutomatedClient('curl/8.5.0')).toBe(true);
    expect(isAutomatedClient(undefined)).toBe(true);
    expect(isAutomatedClient(' ')).toBe(true);
    expect(isAutomatedClient(CHROME_UA)).toBe(false);
  });
});

describe('ClientRateLimit', () => {
  it('lets a burst through, then refills at the rate', () => {
    const limit = new ClientRateLimit({ ratePerSecond: 2, burst: 3 });
    const taken = [0, 0, 0, 0].map(() => limit.take('a', 1000));
    expect(taken).toEqual([true, true, true, false]);
    expect(limit.take('b', 1000)).toBe(true); // another client has its own bucket
    expect(limit.secondsUntilNext('a')).toBe(1);
    expect(limit.take('a', 1400)).toBe(false); // 0.8 of a token
    expect(limit.take('a', 1500)).toBe(true);
  });

  it('remembers a bounded number of clients', () => {
    const limit = new ClientRateLimit({ ratePerSecond: 1, burst: 1, maxClients: 2 });
    expect(limit.take('a', 0)).toBe(true);
    expect(limit.take('b', 0)).toBe(true);
    expect(limit.take('c', 0)).toBe(true); // all busy: memory starts over rather than grow
    expect(limit.take('c', 0)).toBe(false);
  });
});

describeEachDialect('POST /api/beacon', { demo: true }, (t) => {
  let nextClient = 1;
  const newClient = () => `10.30.0.${nextClient++}`;

  function post(
    body: unknown,
    options: { client?: string; headers?: Record<string, string> } = {},
  ) {
    return t.galley.app.request(
      '/api/beacon',
      {
        method: 'POST',
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': CHROME_UA,
          origin: PUBLIC_ORIGIN,
          ...options.headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: options.client ?? newClient() } } },
    );
  }

  const eventsAt = (path: string) =>
    t.galley.db.selectFrom('analytics_events').selectAll().where('path', '=', path).execute();

  it('stores a view with the section and language from the database', async () => {
    const story = await findBilingualStory(t.galley);
    const client = newClient();
    const response = await post(
      {
        v: 1,
        path: story.otherPath,
        // The client claims English; the article is the Spanish version.
        locale: 'en',
        article: story.otherId,
        events: [
          { kind: 'view', referrer: 'Search.Example', campaign: ' otoño ' },
          { kind: 'scroll', quarter: 1 },
          { kind: 'rec_impression', target: story.id },
        ],
      },
      { client },
    );
    expect(response.status).toBe(204);
    const rows = await eventsAt(story.otherPath);
    const article = await t.galley.db
      .selectFrom('articles')
      .select(['section_id', 'locale'])
      .where('id', '=', story.otherId)
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      kind: 'view',
      article_id: story.otherId,
      locale: 'es',
      section_id: article.section_id,
      referrer_domain: 'search.example',
      utm_campaign: 'otoño',
      value: 0,
      target_article_id: null,
    });
    expect(rows[1]).toMatchObject({ kind: 'scroll', value: 1, referrer_domain: '' });
    expect(rows[2]).toMatchObject({ kind: 'rec_impression', target_article_id: story.id });
    // One visitor hash for the three; the address appears nowhere.
    expect(new Set(rows.map((row) => row.visitor)).size).toBe(1);
    expect(rows[0]?.visitor).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows)).not.toContain(client);
  });

  it('counts a page that is not an article, and this site as no referrer', async () => {
    const response = await post({
      v: 1,
      path: '/es/',
      locale: 'es',
      events: [{ kind: 'view', referrer: 'news.galley.test' }],
    });
    expect(response.status).toBe(204);
    expect(await eventsAt('/es/')).toEqual([
      expect.objectContaining({ article_id: null, section_id: null, referrer_domain: '' }),
    ]);
  });

  it.each([
    ['not JSON', '{"v":1,', 'the body is not JSON'],
    [
      'a wrong shape',
      { v: 1, path: '/x', locale: 'en', events: [{ kind: 'nope' }] },
      'events.0.kind',
    ],
    [
      'an unknown article',
      { v: 1, path: '/x', locale: 'en', article: 999_999, events: [{ kind: 'view' }] },
      'no published article 999999',
    ],
  ])('answers %s with 400 and stores nothing', async (_name, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      message,
    );
    expect(await eventsAt('/x')).toEqual([]);
  });

  it('refuses an unpublished article and an unpublished recommendation', async () => {
    const victim = await t.galley.db
      .selectFrom('articles')
      .select(['id'])
      .where('status', '=', 'published')
      .where('locale', '=', 'en')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const view = {
      v: 1,
      path: '/gone',
      locale: 'en',
      article: victim.id,
      events: [{ kind: 'view' }],
    };
    expect((await post(view)).status).toBe(204);
    await runOperation(t.galley.core, unpublishArticle, systemActor('test'), { id: victim.id });
    expect((await post(view)).status).toBe(400);
    const click = {
      v: 1,
      path: '/gone',
      locale: 'en',
      events: [{ kind: 'rec_click', target: victim.id }],
    };
    expect((await post(click)).status).toBe(400);
    expect(await eventsAt('/gone')).toHaveLength(1);
  });

  it('refuses other content types (415), large bodies (413) and other sites (403)', async () => {
    const view = { v: 1, path: '/refused', locale: 'en', events: [{ kind: 'view' }] };
    expect(
      (await post(view, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
        .status,
    ).toBe(415);
    const large = {
      ...view,
      events: [{ kind: 'view', campaign: 'x'.repeat(100) }],
      pad: 'y'.repeat(MAX_BEACON_BYTES),
    };
    expect((await post(large)).status).toBe(413);
    expect((await post(view, { headers: { origin: 'https://elsewhere.example' } })).status).toBe(
      403,
    );
    expect((await post(view, { headers: { 'content-type': 'application/json' } })).status).toBe(
      204,
    );
    expect(await eventsAt('/refused')).toHaveLength(1);
  });

  it('drops known bots and clients without a user agent', async () => {
    const view = { v: 1, path: '/bots', locale: 'en', events: [{ kind: 'view' }] };
    const bot = await post(view, {
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      },
    });
    const none = await post(view, { headers: { 'user-agent': '' } });
    expect([bot.status, none.status]).toEqual([204, 204]);
    expect(await eventsAt('/bots')).toEqual([]);
  });

  it('stores nothing under Do Not Track or Global Privacy Control', async () => {
    const view = { v: 1, path: '/private', locale: 'en', events: [{ kind: 'view' }] };
    expect((await post(view, { headers: { dnt: '1' } })).status).toBe(204);
    expect((await post(view, { headers: { 'sec-gpc': '1' } })).status).toBe(204);
    expect(await eventsAt('/private')).toEqual([]);
    // The same request without them is stored: the headers, not something else, made the difference.
    expect((await post(view)).status).toBe(204);
    expect(await eventsAt('/private')).toHaveLength(1);
  });

  it('limits each client, answering 429 at once, while pages are still served', async () => {
    const flooder = newClient();
    const view = { v: 1, path: '/flood', locale: 'en', events: [{ kind: 'view' }] };
    // The default limit: 10 a second in bursts of 40.
    const flood = Array.from({ length: 120 }, () => post(view, { client: flooder }));
    const pages = Array.from({ length: 10 }, () => t.galley.app.request('/en/'));
    const [floodAnswers, pageAnswers] = await Promise.all([Promise.all(flood), Promise.all(pages)]);
    const statuses = floodAnswers.map((response) => response.status);
    expect(statuses.filter((status) => status === 204).length).toBeGreaterThanOrEqual(40);
    expect(statuses.filter((status) => status === 204).length).toBeLessThan(50);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(70);
    const refused = floodAnswers.find((response) => response.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(pageAnswers.map((response) => response.status)).toEqual(Array(10).fill(200));
    // Another client is not affected.
    expect((await post(view)).status).toBe(204);
    const stored = await eventsAt('/flood');
    expect(stored.length).toBe(statuses.filter((status) => status === 204).length + 1);
  });

  it('loads the beacon on every reader page, with the page’s context, and allows exactly it', async () => {
    const story = await findBilingualStory(t.galley);
    for (const path of ['/en/', story.sectionPaths[1], '/en/search?q=ferry', story.path]) {
      const response = await t.galley.app.request(path);
      expect(response.status, path).toBe(200);
      const page = await response.text();
      expect(page, path).toMatch(
        /<script src="\/assets\/beacon\.[0-9a-f]{12}\.js" defer><\/script>/,
      );
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("connect-src 'self'");
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).not.toContain('unsafe');
      const locale = path.startsWith('/es/') ? 'es' : 'en';
      const article = path === story.path ? ` data-analytics-article="${story.id}"` : '';
      expect(page, path).toContain(`<body data-analytics-locale="${locale}"${article}>`);
    }
    // An error page is no page view: no script, the default policy.
    const missing = await t.galley.app.request('/en/no-such-section/no-such-story');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<script src=');
    expect(missing.headers.get('content-security-policy')).not.toContain('script-src');

    const home = await (await t.galley.app.request('/en/')).text();
    const src = /<script src="(\/assets\/beacon\.[0-9a-f]{12}\.js)"/.exec(home)?.[1] ?? '';
    const script = await t.galley.app.request(src);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    // The budget: at most 2 KB gzipped.
    const source = Buffer.from(await script.arrayBuffer());
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(2048);
    expect(source.toString()).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB/);
  });

  it('is off entirely with GALLEY_ANALYTICS=0: no route, no script', async () => {
    const off = await createGalley(
      { ...t.galley.config, loadDemo: false, analytics: false },
      { logger: memoryLogger() },
    );
    try {
      expect(off.analytics).toBeNull();
      const response = await off.app.request('/api/beacon', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': CHROME_UA },
        body: JSON.stringify({ v: 1, path: '/en/', locale: 'en', events: [{ kind: 'view' }] }),
      });
      expect(response.status).toBe(404);
      const home = await off.app.request('/en/');
      expect(await home.text()).not.toContain('/assets/beacon.');
      expect(home.headers.get('content-security-policy')).not.toContain('script-src');
    } finally {
      await off.close();
    }
  });
});

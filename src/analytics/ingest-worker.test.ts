import { expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { unpublishArticle } from '../core/operations/index.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import type { ReadBeacon } from './beacon-ingest.js';
import { IngestWorker } from './ingest-worker.js';

/** The worker as the server runs it: compiled. `npm test` builds before it runs the tests. */
const COMPILED = new URL('../../dist/analytics/ingest-worker.js', import.meta.url);

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const beacon = (payload: object, address = '10.40.0.1'): ReadBeacon => ({
  body: JSON.stringify({ v: 1, ...payload }),
  address,
  userAgent: CHROME_UA,
});

describeEachDialect('the ingest worker thread', { demo: true }, (t) => {
  const start = (maxWaiting?: number) => {
    expect(IngestWorker.isAvailable(COMPILED), 'dist/ is missing: run npm run build').toBe(true);
    return new IngestWorker(
      { databaseUrl: t.galley.config.databaseUrl, siteHost: 'news.galley.test', maxWaiting },
      COMPILED,
    );
  };
  const eventsAt = (path: string) =>
    t.galley.db
      .selectFrom('analytics_events')
      .selectAll()
      .where('path', '=', path)
      .orderBy('id')
      .execute();

  it('stores beacons on its own connection and answers once they are committed', async () => {
    const story = await findBilingualStory(t.galley);
    const worker = start();
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          worker.accept(
            beacon(
              {
                path: '/en/worker-story',
                locale: 'es', // claimed; the database says English
                article: story.id,
                events: [
                  { kind: 'view', referrer: n === 0 ? 'news.galley.test' : 'elsewhere.example' },
                ],
              },
              `10.40.1.${n}`,
            ),
          ),
        ),
      );
      expect(answers.every((answer) => answer.status === 204)).toBe(true);
      // Answered means committed: every row is there at once.
      const rows = await eventsAt('/en/worker-story');
      expect(rows).toHaveLength(50);
      expect(rows[0]).toMatchObject({ article_id: story.id, locale: 'en', referrer_domain: '' });
      expect(rows[1]).toMatchObject({ referrer_domain: 'elsewhere.example' });
      expect(new Set(rows.map((row) => row.visitor)).size).toBe(50);
    } finally {
      await worker.close();
    }
  });

  it('answers 503 at once, storing nothing, when too many beacons wait for the thread', async () => {
    const story = await findBilingualStory(t.galley);
    const worker = start(3);
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          worker.accept(
            beacon(
              {
                path: '/en/worker-full',
                locale: 'en',
                article: story.id,
                events: [{ kind: 'view' }],
              },
              `10.40.2.${n}`,
            ),
          ),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([
        204, 204, 204, 503, 503, 503, 503, 503,
      ]);
      expect(await eventsAt('/en/worker-full')).toHaveLength(3);
      // Once answered, there is room again.
      expect(
        await worker.accept(
          beacon({
            path: '/en/worker-full',
            locale: 'en',
            article: story.id,
            events: [{ kind: 'view' }],
          }),
        ),
      ).toMatchObject({ status: 204 });
    } finally {
      await worker.close();
    }
  });

  it('answers bad payloads with 400 naming what is wrong, and stores nothing of them', async () => {
    const worker = start();
    try {
      expect(await worker.accept({ ...beacon({}), body: '{"v":1,' })).toMatchObject({
        status: 400,
        message: 'the body is not JSON',
      });
      expect(
        await worker.accept(
          beacon({ path: '/x-worker', locale: 'fr', events: [{ kind: 'view' }] }),
        ),
      ).toMatchObject({ status: 400, message: expect.stringMatching(/^locale:/) as unknown });
      expect(
        await worker.accept(
          beacon({ path: '/x-worker', locale: 'en', article: 999_999, events: [{ kind: 'view' }] }),
        ),
      ).toMatchObject({ status: 400, message: 'article: no published article 999999' });
      expect(await eventsAt('/x-worker')).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it('forgets an article the server says has changed: unpublished, it is refused', async () => {
    const victim = await t.galley.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('locale', '=', 'es')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const view = beacon({
      path: '/es/worker-gone',
      locale: 'es',
      article: victim.id,
      events: [{ kind: 'view' }],
    });
    const worker = start();
    try {
      expect((await worker.accept(view)).status).toBe(204);
      await runOperation(t.galley.core, unpublishArticle, systemActor('test'), { id: victim.id });
      // Still known as published for its minute, until the change is passed on.
      worker.invalidate([`article:${victim.id}`]);
      expect(await worker.accept(view)).toMatchObject({ status: 400 });
      expect(await eventsAt('/es/worker-gone')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('writes what it accepted when closed, then answers 503', async () => {
    const worker = start();
    const accepted = worker.accept(
      beacon({ path: '/en/worker-close', locale: 'en', events: [{ kind: 'scroll', quarter: 2 }] }),
    );
    await worker.close();
    expect((await accepted).status).toBe(204);
    expect(await eventsAt('/en/worker-close')).toHaveLength(1);
    expect(
      await worker.accept(
        beacon({ path: '/en/worker-close', locale: 'en', events: [{ kind: 'view' }] }),
      ),
    ).toMatchObject({ status: 503 });
  });

  it('takes beacons on a port of its own, and nothing else there', async () => {
    const story = await findBilingualStory(t.galley);
    const worker = new IngestWorker(
      {
        databaseUrl: t.galley.config.databaseUrl,
        siteHost: 'news.galley.test',
        beaconPort: {
          port: 0,
          host: '127.0.0.1',
          publicUrl: 'https://news.galley.test',
          clientRatePerSecond: 10,
          trustedProxies: ['127.0.0.1'],
        },
      },
      COMPILED,
    );
    try {
      const url = await worker.beaconUrl;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/beacon$/);
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(url ?? '', {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': CHROME_UA, ...headers },
          body,
        });
      const view = beacon({
        path: '/en/worker-port',
        locale: 'en',
        article: story.id,
        events: [{ kind: 'view' }],
      }).body;
      expect((await post(view)).status).toBe(204);
      expect(await eventsAt('/en/worker-port')).toEqual([
        expect.objectContaining({ article_id: story.id, kind: 'view' }),
      ]);
      // The route's own refusals, as on the server's port.
      expect((await post(view, { 'content-type': 'image/png' })).status).toBe(415);
      expect((await post(view, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await post('{"v":1')).status).toBe(400);
      const page = await fetch(url?.replace('/api/beacon', '/en/') ?? '');
      expect(page.status).toBe(404);
      expect(await page.json()).toEqual({
        error: { message: 'this port takes POST /api/beacon only' },
      });
      expect(await eventsAt('/en/worker-port')).toHaveLength(1);
      // Behind a trusted proxy (here, 127.0.0.1), the forwarded address is the reader's.
      const forwarded = beacon({
        path: '/en/worker-port-forwarded',
        locale: 'en',
        article: story.id,
        events: [{ kind: 'view' }],
      }).body;
      for (const address of ['203.0.113.7', '203.0.113.8'])
        expect((await post(forwarded, { 'x-forwarded-for': address })).status).toBe(204);
      const visitors = (await eventsAt('/en/worker-port-forwarded')).map((row) => row.visitor);
      expect(new Set(visitors).size).toBe(2);
    } finally {
      await worker.close();
    }
  });
});

import { get } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { createNodeServer, listen } from './node-server.js';

/** Everything but the headers that differ by the second. */
function comparable(response: Response) {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)),
  );
  return { status: response.status, headers };
}

describeEachDialect('the node server’s cached-page fast path', { demo: true }, (t) => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createNodeServer(t.galley);
    origin = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a cached page exactly as the app did when it rendered it', async () => {
    const { path } = await findBilingualStory(t.galley);
    t.galley.pageCache.clear();
    const variants: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'br' },
      { 'accept-encoding': 'gzip' },
    ];
    for (const headers of variants) {
      const viaHono = await fetch(origin + path, { headers });
      expect(t.galley.pageCache.get(path)).toBeDefined();
      const viaFastPath = await fetch(origin + path, { headers });
      expect(comparable(viaFastPath)).toEqual(comparable(viaHono));
      expect(Buffer.from(await viaFastPath.arrayBuffer())).toEqual(
        Buffer.from(await viaHono.arrayBuffer()),
      );
      t.galley.pageCache.clear();
    }
  });

  it('answers conditional and HEAD requests from the cache', async () => {
    const { path } = await findBilingualStory(t.galley);
    const first = await fetch(origin + path);
    const etag = first.headers.get('etag') as string;
    const notModified = await fetch(origin + path, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    const head = await fetch(origin + path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('sends URLs that need parsing to the app, which normalizes them', async () => {
    const { path } = await findBilingualStory(t.galley);
    // fetch() would normalize the path itself; node:http sends it as written.
    const dotted = await new Promise<{ status: number; etag: string | undefined }>(
      (resolve, reject) => {
        get(`${origin}/`, { path: path.replace('/en/', '/es/../en/') }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
        }).on('error', reject);
      },
    );
    expect(dotted.status).toBe(200);
    const tracked = await fetch(`${origin}${path}?utm_source=newsletter`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(tracked.status).toBe(200);
    expect(tracked.headers.get('etag')).toBe(dotted.etag);
  });

  it('answers analytics beacons before Hono, with the same checks', async () => {
    const story = await findBilingualStory(t.galley);
    const beacon = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/beacon`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
          ...headers,
        },
        body,
      });
    const path = `${story.path}-fast-path`;
    const view = JSON.stringify({
      v: 1,
      path,
      locale: 'en',
      article: story.id,
      events: [{ kind: 'view', referrer: 'search.example' }],
    });
    expect((await beacon(view)).status).toBe(204);
    const stored = await t.galley.db
      .selectFrom('analytics_events')
      .select(['kind', 'article_id', 'referrer_domain'])
      .where('path', '=', path)
      .execute();
    expect(stored).toEqual([
      { kind: 'view', article_id: story.id, referrer_domain: 'search.example' },
    ]);
    const malformed = await beacon('{"v":1,');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { message: 'the body is not JSON' } });
    expect((await beacon(view.padEnd(5000, ' '))).status).toBe(413);
    expect((await beacon(view, { 'content-type': 'application/pdf' })).status).toBe(415);
    expect((await beacon(view, { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await beacon(view, { 'sec-gpc': '1' })).status).toBe(204);
    const count = await t.galley.db
      .selectFrom('analytics_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('path', '=', path)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('takes the client from X-Forwarded-For only when the connection is from a trusted proxy', async () => {
    const story = await findBilingualStory(t.galley);
    const behindProxy = createNodeServer({
      ...t.galley,
      config: { ...t.galley.config, trustedProxies: ['127.0.0.1'] },
    });
    const proxied = `http://127.0.0.1:${await listen(behindProxy, 0, '127.0.0.1')}`;
    try {
      const path = `${story.path}-forwarded`;
      const send = (server: string, forwardedFor: string) =>
        fetch(`${server}/api/beacon`, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain;charset=UTF-8',
            'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
            'x-forwarded-for': forwardedFor,
          },
          body: JSON.stringify({
            v: 1,
            path: `${path}-${server === proxied ? 'proxied' : 'direct'}`,
            locale: 'en',
            article: story.id,
            events: [{ kind: 'view' }],
          }),
        });
      for (const address of ['203.0.113.5', '203.0.113.6', '203.0.113.5']) {
        expect((await send(proxied, address)).status).toBe(204);
        expect((await send(origin, address)).status).toBe(204);
      }
      const visitorsAt = async (suffix: string) =>
        (
          await t.galley.db
            .selectFrom('analytics_events')
            .select('visitor')
            .where('path', '=', `${path}-${suffix}`)
            .orderBy('id')
            .execute()
        ).map((row) => row.visitor);
      // Behind the proxy: two readers, the first one twice.
      const [first, second, third] = await visitorsAt('proxied');
      expect(first).not.toBe(second);
      expect(third).toBe(first);
      // Straight from a client: the header is the client's own claim, and ignored.
      expect(new Set(await visitorsAt('direct')).size).toBe(1);
    } finally {
      await new Promise<void>((resolve) => behindProxy.close(() => resolve()));
    }
  });
});

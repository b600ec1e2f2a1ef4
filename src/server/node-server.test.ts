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
});

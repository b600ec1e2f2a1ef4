import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { etagFor, matchesEtag, negotiateEncoding, PageCache, renderedPage } from './page-cache.js';

const page = (body: string, keys: string[]) =>
  renderedPage({
    status: 200,
    contentType: 'text/html',
    body,
    surrogateKeys: keys,
    cacheControl: 'public',
    contentLanguage: 'en',
  });

describe('negotiateEncoding', () => {
  it('prefers Brotli, then gzip, and honors q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.0, gzip;q=0')).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });
});

describe('ETags', () => {
  it('differ per encoding and all match the page', () => {
    const rendered = page('hello', []);
    const tags = (['identity', 'br', 'gzip'] as const).map((encoding) =>
      etagFor(rendered, encoding),
    );
    expect(new Set(tags).size).toBe(3);
    for (const tag of tags) expect(matchesEtag(tag, rendered)).toBe(true);
    expect(matchesEtag(`W/${tags[0]}`, rendered)).toBe(true);
    expect(matchesEtag(`"other", ${tags[1]}`, rendered)).toBe(true);
    expect(matchesEtag('"other"', rendered)).toBe(false);
    expect(matchesEtag(etagFor(page('changed', []), 'identity'), rendered)).toBe(false);
  });
});

describe('PageCache', () => {
  it('drops exactly the pages that share a key', () => {
    const cache = new PageCache(true);
    cache.set('/a', page('a', ['article:1', 'layout']));
    cache.set('/b', page('b', ['article:2', 'layout']));
    cache.set('/c', page('c', ['article:1']));
    expect(cache.invalidate(['article:1'])).toBe(2);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/c')).toBeUndefined();
    expect(cache.get('/b')).toBeDefined();
    expect(cache.invalidate(['layout'])).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('replaces an entry without leaving stale key links behind', () => {
    const cache = new PageCache(true);
    cache.set('/a', page('a1', ['article:1']));
    cache.set('/a', page('a2', ['article:2']));
    expect(cache.invalidate(['article:1'])).toBe(0);
    expect(cache.get('/a')?.body.toString()).toBe('a2');
  });

  it('evicts the oldest entry past its limit', () => {
    const cache = new PageCache(true, 2);
    cache.set('/1', page('1', []));
    cache.set('/2', page('2', []));
    cache.set('/3', page('3', []));
    expect(cache.get('/1')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('renders a page afresh once it is older than its maximum age', async () => {
    const cache = new PageCache(true, 10, 20);
    cache.set('/a', page('a', []));
    expect(cache.get('/a')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when turned off', () => {
    const cache = new PageCache(false);
    cache.set('/a', page('a', []));
    expect(cache.get('/a')).toBeUndefined();
  });

  it('compresses a cached page once per encoding', () => {
    const cache = new PageCache(true);
    const rendered = page('x'.repeat(5000), []);
    cache.set('/big', rendered);
    const first = cache.variant('/big', rendered, 'gzip');
    const second = cache.variant('/big', rendered, 'gzip');
    expect(first.encoding).toBe('gzip');
    expect(second.body).toBe(first.body);
    expect(second.headers).toBe(first.headers);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['content-length']).toBe(String(first.body.length));
    expect(gunzipSync(first.body).toString()).toBe('x'.repeat(5000));
    expect(cache.variant('/big', page('tiny', []), 'br').encoding).toBe('identity');
  });
});

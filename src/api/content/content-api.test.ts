/**
 * The public Content API on both databases: keys (401 without or with a revoked one), CORS per
 * key, filters, cursor pagination without gaps or repeats, `fields=`, ETags, 400 on malformed
 * parameters, only published content, and a valid OpenAPI 3.1 description.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, expect, it } from 'vitest';
import { doc, h2, p } from '../../content/body-builders.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

interface ItemJson {
  id: number;
  headline?: string;
  url?: string;
  bodyHtml?: string;
  authors?: { url: string }[];
  [field: string]: unknown;
}

describeEachDialect('the Content API', { demo: false }, (t) => {
  let api: AdminApiClient;
  let key = '';
  const published: number[] = [];
  let draftId = 0;

  const read = (
    path: string,
    init: { key?: string | null; headers?: Record<string, string> } = {},
  ) =>
    t.galley.app.request(`/api/content${path}`, {
      headers: {
        ...(init.key !== null && { authorization: `Bearer ${init.key ?? key}` }),
        ...init.headers,
      },
    });
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    const created = await api.call('POST', '/content-keys', api.logins.editor, {
      name: 'Partner app',
      allowedOrigins: ['https://partner.example'],
    });
    expect(created.status).toBe(201);
    ({ key } = await json<{ key: string }>(created));
    // Seven published stories, one a minute apart, and a draft nobody outside may see.
    for (let index = 0; index < 7; index += 1) {
      const response = await api.call('POST', '/articles', api.logins.editor, {
        locale: index % 2 === 0 ? 'en' : 'es',
        headline: `Story number ${index}`,
        slug: `story-${index}`,
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        type: index === 3 ? 'opinion' : 'news',
        body: doc(h2('Heading'), p(`Body of story ${index}, with a <b> that is text.`)),
      });
      const { article } = await json<{ article: { id: number } }>(response);
      await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {
        publishedAt: new Date(Date.UTC(2026, 10, 1, 12, index)).toISOString(),
      });
      published.push(article.id);
    }
    const draft = await api.call('POST', '/articles', api.logins.editor, {
      locale: 'en',
      headline: 'An unpublished draft',
      slug: 'secret-draft',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('Not yet.')),
    });
    draftId = (await json<{ article: { id: number } }>(draft)).article.id;
  });

  it('needs a live key', async () => {
    const none = await read('/articles', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await read('/articles', { key: 'galley_content_wrong' })).status).toBe(401);
    const other = await json<{ id: number; key: string }>(
      api.call('POST', '/content-keys', api.logins.admin, { name: 'Old app' }),
    );
    expect((await read('/sections', { key: other.key })).status).toBe(200);
    expect((await api.call('DELETE', `/content-keys/${other.id}`, api.logins.editor)).status).toBe(
      204,
    );
    expect((await read('/sections', { key: other.key })).status).toBe(401);
    expect((await api.call('POST', '/content-keys', api.logins.author, { name: 'x' })).status).toBe(
      403,
    );
    // The description is public: it is how a consumer learns to ask for a key.
    const openapi = await read('/openapi.json', { key: null });
    expect(openapi.status).toBe(200);
    const result = await new Validator().validate((await openapi.json()) as { openapi: string });
    expect(result.errors ?? []).toEqual([]);
  });

  it('lists published articles a page at a time, with no gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/articles?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: ItemJson[]; nextCursor: string | null } = await json(read(query));
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    // Newest first, every published story once, never the draft.
    expect(seen).toEqual([...published].reverse());
    expect(seen).not.toContain(draftId);
  });

  it('filters by locale, type, section, author and updated_since', async () => {
    const ids = async (query: string) =>
      (await json<{ items: ItemJson[] }>(read(`/articles?${query}`))).items.map((item) => item.id);
    expect(await ids('locale=es')).toEqual([published[5], published[3], published[1]]);
    expect(await ids('type=opinion')).toEqual([published[3]]);
    // Section slugs are per language: `port` is the English name of the Spanish `puerto`.
    expect(await ids('section=port&limit=100')).toEqual([6, 4, 2, 0].map((i) => published[i]));
    expect(await ids('section=puerto&limit=100')).toEqual([5, 3, 1].map((i) => published[i]));
    expect(await ids('section=nowhere')).toEqual([]);
    expect(await ids('author=rita-gomez&limit=2')).toHaveLength(2);
    // After an edit, syncing from just before it finds that story alone.
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await api.call('PATCH', `/articles/${published[2]}`, api.logins.editor, {
      expectedVersion: 1,
      dek: 'A new dek',
    });
    expect(edited.status).toBe(200);
    expect(await ids(`updated_since=${encodeURIComponent(since)}`)).toEqual([published[2]]);
  });

  it('shows allowlisted fields, narrows them with fields=, and leaves bodies out of lists', async () => {
    const list = await json<{ items: ItemJson[] }>(read('/articles?limit=1'));
    const first = list.items[0] as ItemJson;
    expect(first.bodyHtml).toBeUndefined();
    expect(first.url).toMatch(/^https:\/\/news\.galley\.test\/(en|es)\/port\/story-\d$/);
    expect(first.authors?.[0]?.url).toContain('/rita-gomez');
    expect(JSON.stringify(list)).not.toContain('@');
    const narrowed = await json<{ items: ItemJson[] }>(
      read('/articles?limit=1&fields=headline,bodyHtml'),
    );
    expect(Object.keys(narrowed.items[0] ?? {}).sort()).toEqual(['bodyHtml', 'headline', 'id']);
    expect(narrowed.items[0]?.bodyHtml).toContain('&lt;b&gt;');

    const one = await json<{ article: ItemJson }>(read(`/articles/${published[0]}`));
    expect(one.article.bodyHtml).toContain('<h2>Heading</h2>');
    const bySlug = await json<{ article: ItemJson }>(read('/articles/by-slug/es/story-1'));
    expect(bySlug.article.id).toBe(published[1]);
    expect((await read(`/articles/${draftId}`)).status).toBe(404);
    expect((await read('/articles/by-slug/en/secret-draft')).status).toBe(404);
  });

  it('lists public corrections of an edition, linking to the note on the article', async () => {
    const added = await api.call('POST', `/articles/${published[1]}/notes`, api.logins.editor, {
      type: 'correction',
      text: 'Una versión anterior daba mal la fecha del pleno.',
      isProminent: true,
    });
    expect(added.status).toBe(201);
    const { note } = await json<{ note: { id: number } }>(added);
    const es = await json<{
      items: { id: number; type: string; text: string; article: { id: number; url: string } }[];
    }>(read('/corrections?locale=es'));
    expect(es.items).toEqual([
      expect.objectContaining({
        id: note.id,
        type: 'correction',
        text: 'Una versión anterior daba mal la fecha del pleno.',
        article: expect.objectContaining({
          id: published[1],
          url: `https://news.galley.test/es/puerto/story-1#note-${note.id}`,
        }),
      }),
    ]);
    expect((await json<{ items: unknown[] }>(read('/corrections?locale=en'))).items).toEqual([]);
    expect((await read('/corrections')).status).toBe(400);
  });

  it('carries the trust fields: dateline, sources and backstory', async () => {
    const current = await json<{ article: { version: number } }>(
      api.call('GET', `/articles/${published[4]}`, api.logins.editor),
    );
    const edited = await api.call('PATCH', `/articles/${published[4]}`, api.logins.editor, {
      expectedVersion: current.article.version,
      dateline: 'Puerto Claro',
      backstory: 'We read the harbour minutes and spoke to three pilots.',
      sources: [
        { name: 'Harbour board minutes', url: 'https://example.org/minutes', note: 'May session' },
      ],
    });
    expect(edited.status).toBe(200);
    const { article } = await json<{ article: ItemJson }>(
      read(`/articles/${published[4]}?fields=dateline,sources,backstory`),
    );
    expect(article).toEqual({
      id: published[4],
      dateline: 'Puerto Claro',
      backstory: 'We read the harbour minutes and spoke to three pilots.',
      sources: [
        { name: 'Harbour board minutes', url: 'https://example.org/minutes', note: 'May session' },
      ],
    });
  });

  it('answers malformed parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['/articles?limit=0', 'limit'],
      ['/articles?limit=abc', 'limit'],
      ['/articles?locale=fr', 'locale'],
      ['/articles?type=gossip', 'type'],
      ['/articles?updated_since=yesterday', 'updated_since'],
      ['/articles?cursor=not-a-cursor', 'cursor'],
      ['/articles?fields=headline,password', 'fields'],
      ['/articles/abc', 'id'],
      ['/articles/by-slug/fr/x', 'locale'],
    ] as const) {
      const response = await read(query);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: { field } });
    }
  });

  it('caches with ETags, and lets browsers call only from the key’s origins', async () => {
    const first = await read('/sections');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('s-maxage');
    expect((await read('/sections', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const allowed = await read('/tags', { headers: { origin: 'https://partner.example' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect((await read('/tags', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const preflight = await t.galley.app.request('/api/content/articles', {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const refused = await t.galley.app.request('/api/content/articles', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    const authors = await json<{ authors: Record<string, unknown>[] }>(read('/authors'));
    expect(authors.authors[0]).not.toHaveProperty('email');
  });
});

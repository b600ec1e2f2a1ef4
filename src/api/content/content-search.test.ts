/**
 * Search in the Content API and the Admin API, on both databases: readers' search sees published
 * articles only; the newsroom's sees drafts too; malformed parameters get 400; syntax is text.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

interface SearchJson {
  total: number;
  pageCount: number;
  items: {
    id: number;
    headline: string;
    headlineHtml: string;
    snippetHtml: string;
    url: string | null;
    status?: string;
  }[];
  otherLanguage: { locale: string; total: number };
}

describeEachDialect('search through the APIs', { demo: false }, (t) => {
  let api: AdminApiClient;
  let key = '';
  let publishedId = 0;
  let draftId = 0;

  const content = (query: string) =>
    t.galley.app.request(`/api/content/search?${query}`, {
      headers: { authorization: `Bearer ${key}` },
    });
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    ({ key } = await json<{ key: string }>(
      api.call('POST', '/content-keys', api.logins.editor, {
        name: 'Search app',
        allowedOrigins: [],
      }),
    ));
    const create = async (locale: 'en' | 'es', headline: string, slug: string, body: string) => {
      const response = await api.call('POST', '/articles', api.logins.editor, {
        locale,
        headline,
        slug,
        sectionId: api.sectionId,
        authorIds: [api.authorId],
        body: doc(p(body)),
      });
      return (await json<{ article: { id: number } }>(response)).article.id;
    };
    publishedId = await create(
      'en',
      'Lighthouse <keepers> return',
      'lighthouse',
      'The beam is lit again.',
    );
    const spanish = await create(
      'es',
      'Vuelven los fareros',
      'fareros',
      'El faro del lighthouse vuelve a encenderse.',
    );
    draftId = await create('en', 'Lighthouse budget draft', 'lighthouse-draft', 'Not yet.');
    for (const id of [publishedId, spanish])
      expect(
        (await api.call('POST', `/articles/${id}/publish`, api.logins.editor, {})).status,
      ).toBe(200);
  });

  it('finds published articles with escaped, marked headlines and the other language count', async () => {
    const response = await content('q=lighthouses&locale=en');
    expect(response.status).toBe(200);
    const body = await json<SearchJson>(response);
    expect(body.items.map((item) => item.id)).toEqual([publishedId]);
    expect(body.items[0]?.headlineHtml).toBe('<mark>Lighthouse</mark> &lt;keepers&gt; return');
    expect(body.items[0]?.url).toMatch(/\/en\/[a-z-]+\/lighthouse$/);
    expect(body.otherLanguage).toEqual({ locale: 'es', total: 1, totalIsCapped: false });
  });

  it('treats syntax as text and answers malformed parameters with 400', async () => {
    for (const q of ['"lighthouse', 'lighthouse*', 'NEAR(lighthouse', '-(', 'lighthouse AND'])
      expect((await content(`q=${encodeURIComponent(q)}&locale=en`)).status, q).toBe(200);
    expect((await content('locale=en')).status).toBe(400);
    expect((await content('q=x&locale=fr')).status).toBe(400);
    expect((await content('q=x&locale=en&from=yesterday')).status).toBe(400);
    expect((await content('q=x&locale=en&page=0')).status).toBe(400);
    expect((await content('q=x&locale=en&section=nowhere')).status).toBe(400);
    const unauthorized = await t.galley.app.request('/api/content/search?q=x&locale=en');
    expect(unauthorized.status).toBe(401);
  });

  it('lets the newsroom find drafts, and no one else', async () => {
    const staff = await api.call('GET', '/search?q=lighthouse&locale=en', api.logins.contributor);
    expect(staff.status).toBe(200);
    const found = await json<SearchJson>(staff);
    expect(found.items.map((item) => [item.id, item.status]).sort()).toEqual(
      [
        [draftId, 'draft'],
        [publishedId, 'published'],
      ].sort(),
    );
    const anonymous = await t.galley.app.request('/api/admin/search?q=lighthouse&locale=en');
    expect(anonymous.status).toBe(401);
    const readers = await json<SearchJson>(content('q=lighthouse&locale=en'));
    expect(readers.items.map((item) => item.id)).toEqual([publishedId]);
  });
});

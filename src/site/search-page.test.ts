import { expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { publishArticle, unpublishArticle } from '../core/operations/index.js';
import { describeEachDialect } from '../test/each-dialect.js';

describeEachDialect('the search page', { demo: true }, (t) => {
  const get = (path: string) => t.galley.app.request(path);
  const text = async (path: string) => {
    const response = await get(path);
    return { status: response.status, body: await response.text(), response };
  };

  it('finds demo stories in English, marks the words, and offers the Spanish results', async () => {
    const { status, body, response } = await text('/en/search?q=ferries');
    expect(status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(body).toContain('role="search"');
    expect(body).toMatch(/<a href="\/en\/[a-z-]+\/[a-z0-9-]+">[^<]*<mark>ferry<\/mark>/i);
    expect(body).toMatch(/results? for “ferries”/);
    expect(body).toMatch(
      /<p class="search-other-language" lang="es"><a href="\/es\/buscar\?q=ferries" hreflang="es">\d+ resultados? en español<\/a>/,
    );
  });

  it('stems and folds accents in Spanish', async () => {
    const accented = await text('/es/buscar?q=ferri%C3%A9s');
    const plain = await text('/es/buscar?q=concejo');
    expect(plain.status).toBe(200);
    expect(plain.body).toMatch(/<mark>[Cc]oncejo<\/mark>/);
    expect(accented.status).toBe(200);
  });

  it('shows the form without a query, and escapes what the reader typed', async () => {
    const empty = await text('/en/search');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('Type one or more words');
    const hostile = await text('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27');
    expect(hostile.status).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect(hostile.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"');
  });

  it('treats search syntax as text and cuts an over-long query', async () => {
    for (const q of [
      '"ferry',
      'ferry*',
      '-ferry',
      'NEAR(ferry, dunes)',
      '((ferry',
      'ferry AND OR NOT',
    ])
      expect((await get(`/en/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    const long = await text(`/en/search?q=${'ferry '.repeat(2000)}`);
    expect(long.status).toBe(200);
    const value = /name="q" value="([^"]*)"/.exec(long.body)?.[1] ?? '';
    expect(value.length).toBeLessThanOrEqual(200);
    expect(value).toMatch(/^(ferry ){30,}/);
  });

  it("filters, and answers malformed filters with 400 in the reader's language", async () => {
    expect((await get('/en/search?q=ferry&type=opinion')).status).toBe(200);
    expect((await get('/en/search?q=ferry&section=')).status).toBe(200);
    const badDate = await text('/es/buscar?q=ferry&from=28-11-2026');
    expect(badDate.status).toBe(400);
    expect(badDate.body).toContain('AAAA-MM-DD');
    expect((await get('/en/search?q=ferry&section=no-such-section')).status).toBe(400);
    expect((await get('/en/search?q=ferry&type=gossip')).status).toBe(400);
    expect((await get('/en/search?q=ferry&page=0')).status).toBe(400);
    expect((await get('/en/search?q=ferry&page=abc')).status).toBe(400);
  });

  it('shows a story the moment it is published and drops it when unpublished', async () => {
    const story = await t.galley.db
      .selectFrom('articles')
      .select(['id', 'headline'])
      .where('locale', '=', 'en')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const word = story.headline.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) as string;
    const listed = async () =>
      (await text(`/en/search?q=${word}`)).body.includes(`data-article-id="${story.id}"`);
    expect(await listed()).toBe(true);
    await runOperation(t.galley.core, unpublishArticle, systemActor('test'), { id: story.id });
    expect(await listed()).toBe(false);
    await runOperation(t.galley.core, publishArticle, systemActor('test'), { id: story.id });
    expect(await listed()).toBe(true);
  });
});

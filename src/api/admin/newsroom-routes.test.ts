/**
 * The Admin API routes the newsroom app's editor relies on beyond create/edit/publish: pickers
 * (sections, tags, authors), list filters, SEO fields, deletion with a tombstone, restoring a
 * revision, the preview, and the refusal to publish an image nobody described.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, h2, image, p, quote } from '../../content/body-builders.js';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createImage } from '../../core/operations/index.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

interface ArticleJson {
  id: number;
  version: number;
  status: string;
  headline: string;
  path: string;
  seoTitle: string;
  translations: { id: number; locale: string; status: string }[];
  leadMedia: { id: number; translations: { en: { alt: string } } } | null;
}

describeEachDialect('Admin API for the newsroom app', { demo: false }, (t) => {
  let api: AdminApiClient;
  const json = async <T>(response: Response | Promise<Response>): Promise<T> =>
    (await (await response).json()) as T;
  const draft = (slug: string, extra: Record<string, unknown> = {}) => ({
    locale: 'en',
    headline: `Story ${slug}`,
    slug,
    sectionId: api.sectionId,
    authorIds: [api.authorId],
    body: doc(h2('What happened'), p('The harbour reopened at dawn.')),
    ...extra,
  });
  const create = async (slug: string, extra: Record<string, unknown> = {}) => {
    const response = await api.call('POST', '/articles', api.logins.editor, draft(slug, extra));
    expect(response.status, await response.clone().text()).toBe(201);
    return (await json<{ article: ArticleJson }>(response)).article;
  };

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
  });

  it('lists sections, tags and authors for the pickers; only editors create them', async () => {
    const sections = await json<{ sections: { id: number; translations: unknown }[] }>(
      api.call('GET', '/sections', api.logins.contributor),
    );
    expect(sections.sections).toEqual([
      {
        id: api.sectionId,
        position: expect.any(Number),
        translations: {
          en: { name: 'Port', slug: 'port', description: '' },
          es: { name: 'Puerto', slug: 'puerto', description: '' },
        },
      },
    ]);
    const tag = {
      translations: {
        en: { name: 'Ferries', slug: 'ferries' },
        es: { name: 'Ferris', slug: 'ferris' },
      },
    };
    expect((await api.call('POST', '/tags', api.logins.author, tag)).status).toBe(403);
    const created = await api.call('POST', '/tags', api.logins.editor, tag);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ tag: { id: expect.any(Number), ...tag } });
    const duplicate = await api.call('POST', '/tags', api.logins.editor, tag);
    expect(duplicate.status).toBe(409);
    const tags = await json<{ tags: unknown[] }>(api.call('GET', '/tags', api.logins.contributor));
    expect(tags.tags).toHaveLength(1);
    const authors = await json<{ authors: { name: string }[] }>(
      api.call('GET', '/authors', api.logins.contributor),
    );
    expect(authors.authors.map((author) => author.name)).toEqual(['Rita Gómez']);
  });

  it('filters the article list by section, author and words (full-text, drafts included)', async () => {
    await create('harbour-budget', { headline: 'Harbour budget 100% approved' });
    await create('night-market', { headline: 'Night market returns' });
    const search = async (query: string) =>
      (
        await json<{ items: { slug: string }[] }>(
          api.call('GET', `/articles?${query}`, api.logins.editor),
        )
      ).items.map((item) => item.slug);
    expect(await search('q=BUDGETS')).toEqual(['harbour-budget']);
    // The body counts too: every draft here says the harbour reopened.
    expect((await search('q=reopening')).length).toBeGreaterThan(1);
    // Search syntax and wildcards are only text: "100%" is the word 100, "%market" is market.
    expect(await search('q=100%25')).toEqual(['harbour-budget']);
    expect(await search('q=%25market')).toEqual(['night-market']);
    expect(await search('q=%22%2A%28')).toEqual([]);
    expect(await search('locale=es&q=market')).toEqual([]);
    expect(await search(`sectionId=${api.sectionId}&q=night`)).toEqual(['night-market']);
    expect(await search(`authorId=${api.authorId}&q=market`)).toEqual(['night-market']);
    expect(await search('authorId=999999')).toEqual([]);
    expect((await api.call('GET', '/articles?sectionId=abc', api.logins.editor)).status).toBe(422);
  });

  it('keeps SEO title and description apart from headline and dek, and shows them to search engines', async () => {
    const article = await create('seo-story', { seoTitle: 'Harbour reopens: what to know' });
    expect(article.seoTitle).toBe('Harbour reopens: what to know');
    const edited = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      seoDescription: 'Times, routes and fares for the reopened harbour.',
    });
    expect(edited.status).toBe(200);
    expect(
      (await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {})).status,
    ).toBe(200);
    const page = await (await t.galley.app.request(article.path)).text();
    expect(page).toContain('<title>Harbour reopens: what to know');
    expect(page).toContain('content="Times, routes and fares for the reopened harbour."');
    expect(page).toContain('<h1>Story seo-story</h1>');
    const tooLong = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version + 1,
      seoTitle: 'x'.repeat(121),
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toMatchObject({ error: { field: 'seoTitle' } });
  });

  it('changes only the fields an edit sends', async () => {
    const embargo = new Date(Date.now() + 86_400_000).toISOString();
    const article = await create('partial-edit', {
      dek: 'A dek to keep',
      type: 'analysis',
      embargoUntil: embargo,
      seoTitle: 'An SEO title to keep',
    });
    const edited = await json<{ article: ArticleJson & Record<string, unknown> }>(
      api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
        expectedVersion: article.version,
        headline: 'Only the headline changes',
      }),
    );
    expect(edited.article).toMatchObject({
      headline: 'Only the headline changes',
      dek: 'A dek to keep',
      type: 'analysis',
      embargoUntil: embargo,
      seoTitle: 'An SEO title to keep',
    });
  });

  it('deletes an article as a tombstone: its URL answers 410, history stays, nothing edits it again', async () => {
    const article = await create('to-be-deleted');
    await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {});
    expect((await t.galley.app.request(article.path)).status).toBe(200);

    expect((await api.call('DELETE', `/articles/${article.id}`, api.logins.author)).status).toBe(
      403,
    );
    expect((await api.call('DELETE', `/articles/${article.id}`, api.logins.editor)).status).toBe(
      204,
    );

    expect((await t.galley.app.request(article.path)).status).toBe(410);
    expect((await api.call('GET', `/articles/${article.id}`, api.logins.editor)).status).toBe(410);
    const edit = await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      headline: 'Back from the dead',
    });
    expect(edit.status).toBe(410);
    expect(await edit.json()).toEqual({ error: { message: `article ${article.id} was deleted` } });
    expect(
      (await api.call('POST', `/articles/${article.id}/publish`, api.logins.editor, {})).status,
    ).toBe(410);
    const list = await json<{ items: { id: number }[] }>(
      api.call('GET', '/articles', api.logins.editor),
    );
    expect(list.items.map((item) => item.id)).not.toContain(article.id);
    const revisions = await t.galley.db
      .selectFrom('article_revisions')
      .select('version')
      .where('article_id', '=', article.id)
      .execute();
    expect(revisions.length).toBeGreaterThan(0);
  });

  it('restores an earlier revision as a new one, refusing a stale base version', async () => {
    const article = await create('restore-me', { headline: 'First headline' });
    const second = await json<{ article: ArticleJson }>(
      api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
        expectedVersion: 1,
        headline: 'Second headline',
        body: doc(p('Rewritten entirely.')),
      }),
    );
    expect(second.article.version).toBe(2);
    const stale = await api.call(
      'POST',
      `/articles/${article.id}/revisions/1/restore`,
      api.logins.editor,
      {
        expectedVersion: 1,
      },
    );
    expect(stale.status).toBe(409);
    const restored = await api.call(
      'POST',
      `/articles/${article.id}/revisions/1/restore`,
      api.logins.editor,
      {
        expectedVersion: 2,
      },
    );
    expect(restored.status).toBe(200);
    const { article: now } = await json<{ article: ArticleJson & { body: unknown } }>(restored);
    expect(now).toMatchObject({ version: 3, headline: 'First headline' });
    expect(now.body).toEqual(draft('x').body);
    const { revisions } = await json<{ revisions: { version: number; note: string | null }[] }>(
      api.call('GET', `/articles/${article.id}/revisions`, api.logins.contributor),
    );
    expect(revisions.map((r) => [r.version, r.note])).toEqual([
      [3, 'Restored version 1'],
      [2, null],
      [1, null],
    ]);
    expect(
      (
        await api.call('POST', `/articles/${article.id}/revisions/9/restore`, api.logins.editor, {
          expectedVersion: 3,
        })
      ).status,
    ).toBe(404);
  });

  it('previews a draft exactly as the reader site will show it, to staff only', async () => {
    const article = await create('preview-me', {
      headline: 'Draft seen in preview',
      body: doc(h2('A heading'), quote('Words someone said.', 'A harbour pilot')),
    });
    const response = await api.call(
      'GET',
      `/articles/${article.id}/preview`,
      api.logins.contributor,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    const page = await response.text();
    expect(page).toContain('<h1>Draft seen in preview</h1>');
    expect(page).toContain('<h2>A heading</h2>');
    expect(page).toContain('<blockquote>');
    // Still a draft: the public URL knows nothing of it.
    expect((await t.galley.app.request(article.path)).status).toBe(404);
    expect((await api.call('GET', `/articles/${article.id}/preview`, null)).status).toBe(401);
  });

  it('refuses to publish or schedule an article whose images have no alt text', async () => {
    const { id: mediaId } = await runOperation(t.galley.core, createImage, systemActor('test'), {
      path: 'uploads/test/undescribed.jpg',
      width: 1200,
      height: 800,
      mime: 'image/jpeg',
      translations: { en: { alt: '' }, es: { alt: 'Un muelle al amanecer' } },
    });
    const article = await create('undescribed-image', { leadMediaId: mediaId });
    const refused = await api.call(
      'POST',
      `/articles/${article.id}/publish`,
      api.logins.editor,
      {},
    );
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { field: 'leadMediaId' } });
    const scheduled = await api.call(
      'POST',
      `/articles/${article.id}/schedule`,
      api.logins.editor,
      {
        at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    expect(scheduled.status).toBe(422);

    const described = await api.call('PATCH', `/media/${mediaId}`, api.logins.contributor, {
      translations: { en: { alt: 'A pier at dawn' } },
    });
    expect(described.status).toBe(200);
    expect(await described.json()).toMatchObject({
      media: {
        translations: { en: { alt: 'A pier at dawn' }, es: { alt: 'Un muelle al amanecer' } },
      },
    });
    // The lead image is fine now; an undescribed image in the body is still refused, by path.
    await api.call('PATCH', `/articles/${article.id}`, api.logins.editor, {
      expectedVersion: article.version,
      body: doc(p('Intro.'), image({ src: '/media/uploads/test/undescribed.jpg', alt: ' ' })),
    });
    const bodyRefused = await api.call(
      'POST',
      `/articles/${article.id}/publish`,
      api.logins.editor,
      {},
    );
    expect(bodyRefused.status).toBe(422);
    expect(await bodyRefused.json()).toMatchObject({ error: { field: 'body.content[1]' } });
  });

  it('lets admins, and only admins, manage staff accounts', async () => {
    const newcomer = {
      email: 'New.Reporter@api.galley.example',
      name: 'New Reporter',
      role: 'author',
      password: 'first password, long enough',
    };
    expect((await api.call('GET', '/users', api.logins.editor)).status).toBe(403);
    expect((await api.call('POST', '/users', api.logins.editor, newcomer)).status).toBe(403);
    const created = await api.call('POST', '/users', api.logins.admin, newcomer);
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(createdText).not.toContain('password');
    const { user } = JSON.parse(createdText) as { user: { id: number; email: string } };
    expect(user).toMatchObject({ email: 'new.reporter@api.galley.example', role: 'author' });
    expect((await api.call('POST', '/users', api.logins.admin, newcomer)).status).toBe(409);

    const logIn = (password: string) =>
      t.galley.app.request('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: newcomer.email, password }),
      });
    const session = await logIn(newcomer.password);
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const whoAmI = () => t.galley.app.request('/api/admin/session', { headers: { cookie } });
    expect((await whoAmI()).status).toBe(200);

    const reset = await api.call('POST', `/users/${user.id}/password`, api.logins.admin, {
      password: 'a second password, also long',
    });
    expect(reset.status).toBe(204);
    expect((await whoAmI()).status).toBe(401);
    expect((await logIn('a second password, also long')).status).toBe(200);
    const ended = await api.call('POST', `/users/${user.id}/end-sessions`, api.logins.admin, {});
    expect(await ended.json()).toEqual({ ended: 1 });
    const short = await api.call('POST', `/users/${user.id}/password`, api.logins.admin, {
      password: 'short',
    });
    expect(short.status).toBe(422);
    expect(await short.json()).toMatchObject({ error: { field: 'password' } });
    const listed = await json<{ users: { email: string }[] }>(
      api.call('GET', '/users', api.logins.admin),
    );
    expect(listed.users.map((row) => row.email)).toContain('new.reporter@api.galley.example');
  });
});

import { beforeAll, expect, it } from 'vitest';
import { doc, h2, p } from '../../content/body-builders.js';
import { STAFF_ROLES } from '../../core/actor.js';
import { isAllowed } from '../../core/policy.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { ADMIN_ROUTES } from './admin-api.js';

describeEachDialect('Admin API articles', { demo: false }, (t) => {
  let api: AdminApiClient;
  let logins: AdminApiClient['logins'];
  let sectionId = 0;
  let authorId = 0;
  const call: AdminApiClient['call'] = (...args) => api.call(...args);
  const logIn: AdminApiClient['logIn'] = (role) => api.logIn(role);
  const article = (slug: string) => ({
    locale: 'en',
    headline: 'Ferry service returns',
    slug,
    sectionId,
    authorIds: [authorId],
    body: doc(h2('What changes'), p('The ferry runs again from Monday.')),
  });

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    ({ logins, sectionId, authorId } = api);
  });

  it('allows and denies every route for every role exactly as its policy says', async () => {
    const denial = /^(log in first|an? \w+ may not )/;
    for (const route of ADMIN_ROUTES) {
      // A path id no article has: an allowed request fails later (404, 422), never as a denial.
      const path = route.path.replace(':id', '999999');
      for (const role of [null, ...STAFF_ROLES] as const) {
        const actor =
          role === null
            ? ({ kind: 'anonymous' } as const)
            : ({ kind: 'staff', userId: 0, role } as const);
        // Logging out ends the session it is sent with: use a throwaway one for that route.
        const login =
          role === null
            ? null
            : route.method === 'DELETE' && route.path === '/session'
              ? await logIn(role)
              : logins[role];
        const response = await call(
          route.method,
          path,
          login,
          route.method === 'GET' ? undefined : {},
        );
        const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        const isDenied =
          [401, 403].includes(response.status) && denial.test(body.error?.message ?? '');
        expect(
          isDenied,
          `${route.method} ${route.path} as ${role ?? 'anonymous'} -> ${response.status} ${body.error?.message}`,
        ).toBe(!isAllowed(route.policy, actor));
      }
    }
  });

  it('creates, reads, edits with version checks, and publishes to the reader site', async () => {
    const created = await call(
      'POST',
      '/articles',
      logins.editor,
      article('ferry-service-returns'),
    );
    expect(created.status).toBe(201);
    const { article: draft } = (await created.json()) as {
      article: { id: number; version: number; status: string };
    };
    expect(draft).toMatchObject({ status: 'draft', version: 1 });

    const edited = await call('PATCH', `/articles/${draft.id}`, logins.editor, {
      headline: 'Ferry service returns Monday',
      expectedVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { article: { version: number } }).article.version).toBe(2);

    // A second editor saving from version 1 gets a 409 with the current version; nothing is lost.
    const stale = await call('PATCH', `/articles/${draft.id}`, logins.admin, {
      headline: 'Overwrite',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { field: 'expectedVersion', currentVersion: 2 },
    });
    const missingVersion = await call('PATCH', `/articles/${draft.id}`, logins.admin, {
      headline: 'No version',
    });
    expect(missingVersion.status).toBe(422);

    expect((await t.galley.app.request('/en/port/ferry-service-returns')).status).toBe(404);
    const published = await call('POST', `/articles/${draft.id}/publish`, logins.editor, {});
    expect(published.status).toBe(200);
    const page = await t.galley.app.request('/en/port/ferry-service-returns');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Ferry service returns Monday</h1>');

    const read = await call('GET', `/articles/${draft.id}`, logins.contributor);
    expect(
      ((await read.json()) as { article: { status: string; body: unknown } }).article,
    ).toMatchObject({
      status: 'published',
      body: article('x').body,
    });
  });

  it('keeps contributors to their own drafts and names bad fields', async () => {
    const others = (await (
      await call('POST', '/articles', logins.author, article('authors-story'))
    ).json()) as { article: { id: number } };
    const denied = await call('PATCH', `/articles/${others.article.id}`, logins.contributor, {
      headline: 'Mine now',
      expectedVersion: 1,
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      error: { message: 'a contributor may edit only the articles they created' },
    });

    const badBody = await call('POST', '/articles', logins.contributor, {
      ...article('bad-body'),
      body: doc({ type: 'heading', attrs: { level: 1 }, content: [] }),
    });
    expect(badBody.status).toBe(422);
    expect(await badBody.json()).toMatchObject({ error: { field: 'body.content[0] (heading)' } });
    const badSlug = await call('POST', '/articles', logins.contributor, article('Bad Slug'));
    expect(((await badSlug.json()) as { error: { field: string } }).error.field).toBe('slug');
    const taken = await call('POST', '/articles', logins.contributor, article('authors-story'));
    expect(taken.status).toBe(409);
    expect((await call('GET', '/articles?status=bogus', logins.editor)).status).toBe(422);
    expect((await call('GET', '/articles/abc', logins.editor)).status).toBe(422);
    const list = (await (
      await call('GET', '/articles?status=draft&locale=en', logins.editor)
    ).json()) as { items: { slug: string }[] };
    expect(list.items.map((item) => item.slug)).toContain('authors-story');
  });

  it('keeps every saved version with who, when and why', async () => {
    const created = (await (
      await call('POST', '/articles', logins.editor, article('history-kept'))
    ).json()) as {
      article: { id: number };
    };
    const id = created.article.id;
    await call('PATCH', `/articles/${id}`, logins.admin, {
      headline: 'A sharper headline',
      expectedVersion: 1,
      revisionNote: 'tightened the headline',
    });
    const list = (await (
      await call('GET', `/articles/${id}/revisions`, logins.contributor)
    ).json()) as {
      revisions: { version: number; createdBy: string; note: string | null }[];
    };
    expect(list.revisions).toMatchObject([
      { version: 2, createdBy: 'admin', note: 'tightened the headline' },
      { version: 1, createdBy: 'editor', note: null },
    ]);
    const first = (await (
      await call('GET', `/articles/${id}/revisions/1`, logins.editor)
    ).json()) as {
      revision: { snapshot: { headline: string; body: unknown } };
    };
    expect(first.revision.snapshot).toMatchObject({
      headline: 'Ferry service returns',
      body: article('x').body,
    });
    expect((await call('GET', `/articles/${id}/revisions/9`, logins.editor)).status).toBe(404);
  });

  it('moves a draft through review: submit, lock for the contributor, return to draft', async () => {
    const draft = (await (
      await call('POST', '/articles', logins.contributor, article('for-review'))
    ).json()) as {
      article: { id: number };
    };
    const id = draft.article.id;
    const submitted = await call('POST', `/articles/${id}/submit`, logins.contributor, {});
    expect(submitted.status).toBe(200);
    expect(((await submitted.json()) as { article: { status: string } }).article.status).toBe(
      'in_review',
    );
    const locked = await call('PATCH', `/articles/${id}`, logins.contributor, {
      headline: 'Too late',
      expectedVersion: 1,
    });
    expect(locked.status).toBe(403);
    expect((await call('POST', `/articles/${id}/submit`, logins.contributor, {})).status).toBe(403);
    // An editor may act on it, but it is already in review.
    const twice = await call('POST', `/articles/${id}/submit`, logins.editor, {});
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toBe(
      'status: the article is in review; only a draft article can go to in review',
    );
    expect((await call('POST', `/articles/${id}/return-to-draft`, logins.author, {})).status).toBe(
      403,
    );
    expect((await call('POST', `/articles/${id}/return-to-draft`, logins.editor, {})).status).toBe(
      200,
    );
    expect(
      (
        await call('PATCH', `/articles/${id}`, logins.contributor, {
          headline: 'Reworked',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(200);
  });

  it('creates the other-language version as a linked draft, once', async () => {
    const original = (await (
      await call('POST', '/articles', logins.author, article('harbor-lights'))
    ).json()) as {
      article: { id: number; translationGroup: string; sectionId: number; authorIds: number[] };
    };
    const response = await call(
      'POST',
      `/articles/${original.article.id}/translations`,
      logins.author,
      {},
    );
    expect(response.status).toBe(201);
    const { article: spanish } = (await response.json()) as {
      article: {
        locale: string;
        status: string;
        slug: string;
        translationGroup: string;
        sectionId: number;
        authorIds: number[];
      };
    };
    expect(spanish).toMatchObject({
      locale: 'es',
      status: 'draft',
      slug: 'harbor-lights',
      translationGroup: original.article.translationGroup,
      sectionId: original.article.sectionId,
      authorIds: original.article.authorIds,
    });
    const again = await call(
      'POST',
      `/articles/${original.article.id}/translations`,
      logins.author,
      {},
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { field: 'translationOf', articleId: expect.any(Number) },
    });
  });

  it('refuses to publish before the embargo, for everyone, until it is lifted', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const created = (await (
      await call('POST', '/articles', logins.editor, {
        ...article('embargoed-report'),
        embargoUntil: inAnHour,
      })
    ).json()) as { article: { id: number; embargoUntil: string } };
    expect(created.article.embargoUntil).toBe(inAnHour);
    const early = await call('POST', `/articles/${created.article.id}/publish`, logins.admin, {});
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: { field: 'embargoUntil' } });
    const bad = await call('PATCH', `/articles/${created.article.id}`, logins.editor, {
      embargoUntil: 'tomorrow',
      expectedVersion: 1,
    });
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('embargoUntil');
    await call('PATCH', `/articles/${created.article.id}`, logins.editor, {
      embargoUntil: null,
      expectedVersion: 1,
    });
    expect(
      (await call('POST', `/articles/${created.article.id}/publish`, logins.editor, {})).status,
    ).toBe(200);
  });
});

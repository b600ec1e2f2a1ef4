/**
 * The Recommended block's Admin API routes on both databases: reading the choices and the block
 * as last computed, replacing the choices through the operation (with the API's authentication,
 * CSRF and errors), and the answers for unknown, deleted and malformed articles.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, p } from '../../content/body-builders.js';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createArticle, deleteArticle, publishArticle } from '../../core/operations/index.js';
import type { StaffRecommendations } from '../../core/newsroom/recommendations-for-staff.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';

const system = systemActor('test');

describeEachDialect('Admin API: recommendations', { demo: false }, (t) => {
  let api: AdminApiClient;
  let slugCounter = 0;
  const call: AdminApiClient['call'] = (...args) => api.call(...args);
  const recommendations = (id: number) => `/articles/${id}/recommendations`;

  async function story(
    headline: string,
    { locale = 'en', publish = true }: { locale?: 'en' | 'es'; publish?: boolean } = {},
  ): Promise<number> {
    const { id } = await runOperation(t.galley.core, createArticle, system, {
      locale,
      headline,
      slug: `story-${++slugCounter}`,
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('The ferry runs again from Monday.')),
    });
    if (publish) await runOperation(t.galley.core, publishArticle, system, { id });
    return id;
  }

  beforeAll(async () => {
    // The refresh job would compute blocks of its own; the block test below writes known rows.
    await t.galley.jobs.stop();
    api = await setUpAdminApiClient(t.galley);
  });

  it('reads empty choices and no block for a story nobody has chosen for yet', async () => {
    const article = await story('Harbor reopens');
    const response = await call('GET', recommendations(article), api.logins.contributor);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      choices: { pins: [], excludes: [] },
      block: [],
      computedAt: null,
    });
  });

  it('replaces the choices and answers with each chosen story named', async () => {
    const article = await story('Harbor reopens');
    const pinnedSpanish = await story('Vuelve el ferri', { locale: 'es' });
    const pinned = await story('Cranes return');
    const excludedDraft = await story('Budget leak', { publish: false });

    const response = await call('PUT', recommendations(article), api.logins.editor, {
      pins: [pinnedSpanish, pinned],
      excludes: [excludedDraft],
    });

    expect(response.status).toBe(200);
    const answer = (await response.json()) as StaffRecommendations;
    expect(answer.choices).toEqual({
      pins: [
        { id: pinnedSpanish, headline: 'Vuelve el ferri', locale: 'es', status: 'published' },
        { id: pinned, headline: 'Cranes return', locale: 'en', status: 'published' },
      ],
      excludes: [{ id: excludedDraft, headline: 'Budget leak', locale: 'en', status: 'draft' }],
    });
    const reread = await call('GET', recommendations(article), api.logins.author);
    expect(((await reread.json()) as StaffRecommendations).choices).toEqual(answer.choices);
  });

  it('shows the block as last computed, in order, with why each story is there', async () => {
    const article = await story('Harbor reopens');
    const first = await story('Vuelve el ferri', { locale: 'es' });
    const second = await story('Cranes return');
    const computedAt = '2026-03-01T10:00:00.000Z';
    // What the refresh job leaves behind (core/recommend computes it); written here so the
    // presenter is checked against known rows.
    await t.galley.db
      .insertInto('article_recommendations')
      .values([
        {
          article_id: article,
          position: 1,
          recommended_id: second,
          score: 0.4,
          reason: 'ranked',
          computed_at: computedAt,
        },
        {
          article_id: article,
          position: 0,
          recommended_id: first,
          score: 1,
          reason: 'pin',
          computed_at: computedAt,
        },
      ])
      .execute();

    const response = await call('GET', recommendations(article), api.logins.editor);

    expect(await response.json()).toEqual({
      choices: { pins: [], excludes: [] },
      block: [
        {
          id: first,
          headline: 'Vuelve el ferri',
          locale: 'es',
          status: 'published',
          reason: 'pin',
          position: 0,
        },
        {
          id: second,
          headline: 'Cranes return',
          locale: 'en',
          status: 'published',
          reason: 'ranked',
          position: 1,
        },
      ],
      computedAt,
    });
  });

  it('leaves out a chosen story that was deleted since', async () => {
    const article = await story('Harbor reopens');
    const [kept, deleted] = [await story('Cranes return'), await story('Old news')];
    await call('PUT', recommendations(article), api.logins.editor, {
      pins: [],
      excludes: [deleted, kept],
    });
    await runOperation(t.galley.core, deleteArticle, system, { id: deleted });

    const response = await call('GET', recommendations(article), api.logins.editor);

    const { choices } = (await response.json()) as StaffRecommendations;
    expect(choices.excludes.map((chosen) => chosen.id)).toEqual([kept]);
  });

  it('answers a refused choice with 422 naming the field, and keeps what was stored', async () => {
    const article = await story('Harbor reopens');
    const pinned = await story('Cranes return');
    const draft = await story('Budget leak', { publish: false });
    await call('PUT', recommendations(article), api.logins.editor, {
      pins: [pinned],
      excludes: [],
    });

    const response = await call('PUT', recommendations(article), api.logins.editor, {
      pins: [pinned, draft],
      excludes: [],
    });

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        field: 'pins[1]',
        message: `pins[1]: "Budget leak" (article ${draft}) is not published (draft); pin it once readers can see it`,
      },
    });
    const reread = await call('GET', recommendations(article), api.logins.editor);
    const { choices } = (await reread.json()) as StaffRecommendations;
    expect(choices.pins.map((chosen) => chosen.id)).toEqual([pinned]);
  });

  it('checks who asks, their CSRF token and the body before anything changes', async () => {
    const article = await story('Harbor reopens');
    const body = { pins: [], excludes: [] };
    expect((await call('GET', recommendations(article), null)).status).toBe(401);
    expect((await call('PUT', recommendations(article), null, body)).status).toBe(401);
    const noCsrf = await t.galley.app.request(`/api/admin${recommendations(article)}`, {
      method: 'PUT',
      headers: { cookie: api.logins.editor.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noCsrf.status).toBe(403);
    // A contributor edits only their own drafts, and so chooses only for those.
    const byContributor = await call('PUT', recommendations(article), api.logins.contributor, body);
    expect(byContributor.status).toBe(403);
    const notAnObject = await call('PUT', recommendations(article), api.logins.editor, [1, 2]);
    expect(notAnObject.status).toBe(400);
    const missingExcludes = await call('PUT', recommendations(article), api.logins.editor, {
      pins: [],
    });
    expect(missingExcludes.status).toBe(422);
    expect(await missingExcludes.json()).toMatchObject({ error: { field: 'excludes' } });
  });

  it('answers 404 for an unknown article, 410 for a deleted one and 422 for a malformed id', async () => {
    const body = { pins: [], excludes: [] };
    expect((await call('GET', recommendations(987_654), api.logins.editor)).status).toBe(404);
    expect((await call('PUT', recommendations(987_654), api.logins.editor, body)).status).toBe(404);
    const deleted = await story('Old news');
    await runOperation(t.galley.core, deleteArticle, system, { id: deleted });
    expect((await call('GET', recommendations(deleted), api.logins.editor)).status).toBe(410);
    expect((await call('PUT', recommendations(deleted), api.logins.editor, body)).status).toBe(410);
    const malformed = await call('GET', '/articles/abc/recommendations', api.logins.editor);
    expect(malformed.status).toBe(422);
    expect(await malformed.json()).toMatchObject({ error: { field: 'id' } });
  });
});

/**
 * Public corrections end to end on both databases: notes added and amended through the Admin
 * API (with its permissions), the article's history and modified time, the article page in both
 * languages (prominent notes above the body, the rest after it), the corrections pages, their
 * feeds checked by the feed validators, the article's JSON-LD, the webhook job, and the page
 * cache dropping exactly the pages that show notes.
 */
import { beforeAll, expect, it } from 'vitest';
import { doc, h2, p } from '../../content/body-builders.js';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createArticle, publishArticle } from '../../core/operations/index.js';
import { findRevision, listRevisions } from '../../core/newsroom/article-revisions.js';
import type { StaffArticleNote } from '../../core/newsroom/article-notes-for-staff.js';
import { sitePaths } from '../../core/site-paths.js';
import {
  atomProblems,
  jsonFeedProblems,
  rssProblems,
} from '../../feeds/feed-validators.test-support.js';
import { formatDateTime } from '../../site/i18n/index.js';
import { setUpAdminApiClient } from '../../test/admin-api-client.js';
import type { AdminApiClient } from '../../test/admin-api-client.js';
import {
  addCorrectionThroughAdminApi,
  addNoteThroughAdminApi,
} from '../../test/article-notes-client.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { testdataPath } from '../../test/testdata.js';

const system = systemActor('test');

interface JsonFeedDocument {
  items: {
    id: string;
    url: string;
    title: string;
    content_html?: string;
    date_published: string;
  }[];
}

/** The JSON-LD entities of a page, in order. */
function jsonLd(page: string): Record<string, unknown>[] {
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  return blocks.flatMap((block) => {
    const parsed = JSON.parse(block[1] ?? 'null') as unknown;
    return (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
  });
}

describeEachDialect('public corrections', { demo: false }, (t) => {
  let api: AdminApiClient;
  const call: AdminApiClient['call'] = (...args) => api.call(...args);
  let english = { id: 0, path: '' };
  let spanish = { id: 0, path: '' };
  let other = { id: 0, path: '' };
  let draftId = 0;
  const get = (path: string) => t.galley.app.request(path);
  const text = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  async function publishedArticle(
    locale: 'en' | 'es',
    slug: string,
    headline: string,
    translationOf: number | null = null,
  ) {
    const { id } = await runOperation(t.galley.core, createArticle, system, {
      locale,
      headline,
      slug,
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      translationOf,
      body: doc(h2('Lo que cambia'), p('The ferry runs again from Monday.')),
    });
    await runOperation(t.galley.core, publishArticle, system, { id });
    const section = locale === 'en' ? 'port' : 'puerto';
    return { id, path: sitePaths.article(locale, section, slug) };
  }

  beforeAll(async () => {
    api = await setUpAdminApiClient(t.galley);
    // Jobs stay in the table for the test to read; nothing is sent.
    await t.galley.jobs.stop();
    english = await publishedArticle('en', 'ferry-fares', 'Ferry fares rise');
    spanish = await publishedArticle(
      'es',
      'tarifas-ferry',
      'Suben las tarifas del ferry',
      english.id,
    );
    other = await publishedArticle('en', 'harbor-dredging', 'Harbor dredging begins');
    ({ id: draftId } = await runOperation(t.galley.core, createArticle, system, {
      locale: 'en',
      headline: 'A draft',
      slug: 'a-draft',
      sectionId: api.sectionId,
      authorIds: [api.authorId],
      body: doc(p('Not yet.')),
    }));
    const webhook = await call('POST', '/webhooks', api.logins.admin, {
      name: 'Partner',
      url: 'https://partner.example/hooks',
      events: ['correction.added'],
    });
    expect(webhook.status).toBe(201);
  });

  it('lets editors and admins add notes, and nobody else', async () => {
    const note = { type: 'update', text: 'The council confirmed the date.' };
    for (const role of ['contributor', 'author'] as const) {
      const response = await call('POST', `/articles/${english.id}/notes`, api.logins[role], note);
      expect(response.status, role).toBe(403);
    }
    expect((await call('POST', `/articles/${english.id}/notes`, null, note)).status).toBe(401);
    const notes = await call('GET', `/articles/${english.id}/notes`, api.logins.contributor);
    expect(notes.status).toBe(200);
    expect(await notes.json()).toEqual({ notes: [] });
  });

  it('refuses a note on a draft with 409, and bad input with 422 naming the field', async () => {
    const onDraft = await call('POST', `/articles/${draftId}/notes`, api.logins.editor, {
      type: 'correction',
      text: 'Too early.',
    });
    expect(onDraft.status).toBe(409);
    expect(((await onDraft.json()) as { error: { message: string } }).error.message).toMatch(
      /not published \(draft\)/,
    );
    const cases: [unknown, string][] = [
      [{ type: 'correction', text: '   ' }, 'text'],
      [{ type: 'retraction', text: 'A retraction.' }, 'type'],
      [{ type: 'correction', text: 'x'.repeat(2001) }, 'text'],
      [{ type: 'correction', text: 'Later.', notedAt: '2999-01-01T00:00:00Z' }, 'notedAt'],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', `/articles/${english.id}/notes`, api.logins.editor, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    const missing = await call('POST', '/articles/999999/notes', api.logins.editor, {
      type: 'correction',
      text: 'Nobody reads this.',
    });
    expect(missing.status).toBe(404);
  });

  let correction: StaffArticleNote;

  it('adds a correction: modified time and version move, a revision keeps the text, a webhook job waits', async () => {
    const before = await t.galley.db
      .selectFrom('articles')
      .select(['updated_at', 'version'])
      .where('id', '=', english.id)
      .executeTakeFirstOrThrow();
    await new Promise((resolve) => setTimeout(resolve, 5));
    correction = await addCorrectionThroughAdminApi(
      call,
      api.logins.editor,
      english.id,
      'An earlier version gave the new fare as $4. It is $3.50.',
    );
    expect(correction).toMatchObject({
      articleId: english.id,
      type: 'correction',
      isProminent: false,
      createdBy: 'editor',
      amendedAt: null,
      amendments: [],
    });
    const after = await t.galley.db
      .selectFrom('articles')
      .select(['updated_at', 'version'])
      .where('id', '=', english.id)
      .executeTakeFirstOrThrow();
    expect(after.updated_at > before.updated_at).toBe(true);
    expect(after.version).toBe(before.version + 1);
    expect(after.updated_at).toBe(correction.createdAt);

    const [latest] = await listRevisions(t.galley.db, english.id);
    expect(latest?.version).toBe(after.version);
    expect(latest?.note).toBe(
      'Added a correction: An earlier version gave the new fare as $4. It is $3.50.',
    );
    expect(latest?.createdBy).toBe('editor');
    const revision = await findRevision(t.galley.db, english.id, after.version);
    expect(revision?.snapshot.notes).toEqual([
      expect.objectContaining({
        id: correction.id,
        type: 'correction',
        text: 'An earlier version gave the new fare as $4. It is $3.50.',
      }),
    ]);

    const jobs = await t.galley.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'webhook.deliver')
      .execute();
    const events = jobs.map(
      (job) =>
        JSON.parse(job.payload) as {
          event: {
            type: string;
            data: { note: { id: number; text: string }; article: { path: string } };
          };
        },
    );
    const added = events.filter((job) => job.event.type === 'correction.added');
    expect(added).toHaveLength(1);
    expect(added[0]?.event.data.note).toMatchObject({ id: correction.id, type: 'correction' });
    expect(added[0]?.event.data.note.text).toContain('$3.50');
    expect(added[0]?.event.data.article.path).toBe(english.path);
  });

  it('shows the note on the article page once added, at the end when not prominent', async () => {
    // The page is in the cache before the next note: adding it must drop the cached copy.
    const first = await text(other.path);
    expect(first).not.toContain('article-note');
    expect(t.galley.pageCache.get(other.path)).toBeDefined();
    await text('/es/');
    await text(sitePaths.corrections('en'));
    await text(sitePaths.corrections('es'));
    const note = await addNoteThroughAdminApi(call, api.logins.admin, other.id, {
      type: 'clarification',
      text: 'The dredging covers the north basin only.',
      isProminent: true,
    });
    // Exactly the pages that show notes are dropped; others stay cached.
    expect(t.galley.pageCache.get(other.path)).toBeUndefined();
    expect(t.galley.pageCache.get(sitePaths.corrections('en'))).toBeUndefined();
    // (Pages that list or recommend the article carry its key too, as its modified time changed;
    // these two do not show it.)
    expect(t.galley.pageCache.get('/es/')).toBeDefined();
    expect(t.galley.pageCache.get(sitePaths.corrections('es'))).toBeDefined();

    const page = await text(other.path);
    const noteAt = page.indexOf(`id="note-${note.id}"`);
    expect(noteAt).toBeGreaterThan(page.indexOf('</header>', page.indexOf('article-header')));
    expect(noteAt).toBeLessThan(page.indexOf('class="article-body"'));
    expect(page).toContain('<strong>Clarification</strong>');
    expect(page).toContain(`<time datetime="${note.notedAt}">`);

    const englishPage = await text(english.path);
    const endAt = englishPage.indexOf(`id="note-${correction.id}"`);
    expect(endAt).toBeGreaterThan(englishPage.indexOf('class="article-body"'));
    expect(endAt).toBeLessThan(englishPage.indexOf('class="article-footer"'));
    expect(englishPage).toContain('<h2 id="notes-heading">Corrections and updates</h2>');
    expect(englishPage).toContain('<strong>Correction</strong>');
  });

  it('shows a Spanish note in Spanish, on the article and on /es/correcciones with its date and link', async () => {
    const note = await addNoteThroughAdminApi(call, api.logins.editor, spanish.id, {
      type: 'correction',
      text: 'Una versión anterior daba la tarifa como 4 dólares. Es de 3,50.',
      isProminent: true,
    });
    const page = await text(spanish.path);
    expect(page).toContain('<strong>Corrección</strong>');
    expect(page.indexOf(`id="note-${note.id}"`)).toBeLessThan(page.indexOf('class="article-body"'));

    const corrections = await text('/es/correcciones');
    expect(corrections).toContain('<html lang="es">');
    expect(corrections).toContain('<h1>Correcciones</h1>');
    const date = formatDateTime(note.notedAt, 'es', 'UTC');
    expect(date).toMatch(/ de /);
    expect(corrections).toContain(
      `<strong>Corrección</strong> · <time datetime="${note.notedAt}">${date}</time>`,
    );
    expect(corrections).toContain(
      `En <a href="${spanish.path}#note-${note.id}">Suben las tarifas del ferry</a>`,
    );
    // Only this edition's notes.
    expect(corrections).not.toContain('Ferry fares rise');
    // Its feeds, for autodiscovery, and its English version.
    for (const file of ['feed.xml', 'feed.json'])
      expect(corrections).toContain(`href="https://news.galley.test/es/correcciones/${file}"`);
    expect(corrections).toContain(
      '<link rel="alternate" hreflang="en" href="https://news.galley.test/en/corrections">',
    );

    const english = await text('/en/corrections');
    expect(english).toContain('<h1>Corrections</h1>');
    expect(english).not.toContain('Suben las tarifas');
    // Newest first.
    expect(english.indexOf('north basin')).toBeLessThan(english.indexOf('$3.50'));
    expect((await get('/en/corrections?page=2')).status).toBe(404);
    expect((await get('/en/corrections?page=zero')).status).toBe(400);
  });

  it('escapes HTML in note text everywhere it is shown', async () => {
    const hostile = '<script>alert("x")</script> & <b>bold</b>';
    await addNoteThroughAdminApi(call, api.logins.editor, other.id, {
      type: 'editors_note',
      text: hostile,
    });
    for (const path of [other.path, '/en/corrections']) {
      const page = await text(path);
      expect(page, path).not.toContain('<script>alert');
      expect(page, path).not.toContain('<b>bold</b>');
      expect(page, path).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
      );
    }
    const rss = await text('/en/corrections/feed.xml');
    expect(rss).not.toContain('<script>');
    expect(rssProblems(rss)).toEqual([]);
  });

  it('amends a note: dated on the page, the text before and after kept in the history', async () => {
    const wrongPair = await call(
      'PATCH',
      `/articles/${other.id}/notes/${correction.id}`,
      api.logins.editor,
      { text: 'Wrong article.' },
    );
    expect(wrongPair.status).toBe(404);
    expect(
      (
        await call('PATCH', `/articles/${english.id}/notes/${correction.id}`, api.logins.author, {
          text: 'Not mine to change.',
        })
      ).status,
    ).toBe(403);

    const response = await call(
      'PATCH',
      `/articles/${english.id}/notes/${correction.id}`,
      api.logins.editor,
      { text: 'An earlier version gave the new fare as $4. It is $3.25.', isProminent: true },
    );
    expect(response.status).toBe(200);
    const { note } = (await response.json()) as { note: StaffArticleNote };
    expect(note.text).toBe('An earlier version gave the new fare as $4. It is $3.25.');
    expect(note.isProminent).toBe(true);
    expect(note.amendedAt).not.toBeNull();
    expect(note.amendments).toEqual([
      expect.objectContaining({
        previousType: 'correction',
        previousText: 'An earlier version gave the new fare as $4. It is $3.50.',
        previousIsProminent: false,
        amendedBy: 'editor',
      }),
    ]);

    const [latest, previous] = await listRevisions(t.galley.db, english.id);
    expect(latest?.note).toBe(
      'Amended a correction: An earlier version gave the new fare as $4. It is $3.25.',
    );
    const after = await findRevision(t.galley.db, english.id, latest?.version ?? 0);
    const before = await findRevision(t.galley.db, english.id, previous?.version ?? 0);
    expect(before?.snapshot.notes?.[0]?.text).toContain('$3.50');
    expect(after?.snapshot.notes?.[0]?.text).toContain('$3.25');

    const page = await text(english.path);
    expect(page).toContain(`Amended on <time datetime="${note.amendedAt}">`);
    // Now prominent: above the body.
    expect(page.indexOf(`id="note-${note.id}"`)).toBeLessThan(page.indexOf('class="article-body"'));
    expect(page).not.toContain('$3.50');

    // Sending what it already says changes nothing and dates nothing.
    const same = await call(
      'PATCH',
      `/articles/${english.id}/notes/${correction.id}`,
      api.logins.editor,
      { isProminent: true },
    );
    expect(((await same.json()) as { note: StaffArticleNote }).note.amendments).toHaveLength(1);
  });

  it('puts corrections and clarifications in the JSON-LD, not updates', async () => {
    await addNoteThroughAdminApi(call, api.logins.editor, english.id, {
      type: 'update',
      text: 'The fare takes effect on March 1.',
    });
    const [article] = jsonLd(await text(english.path));
    expect(article?.['@type']).toBe('ReportageNewsArticle');
    expect(article?.['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the new fare as $4. It is $3.25.',
        datePublished: correction.notedAt.replace(/\.\d{3}Z$/, '+00:00'),
        dateModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      },
    ]);
    const [spanishArticle] = jsonLd(await text(spanish.path));
    expect(spanishArticle?.['correction']).toEqual([
      expect.objectContaining({
        '@type': 'CorrectionComment',
        text: expect.stringContaining('3,50'),
      }),
    ]);
  });

  it("serves valid RSS, Atom and JSON Feed of each edition's notes, cached and dropped by key", async () => {
    const rss = await text('/es/correcciones/feed.xml');
    expect(rssProblems(rss)).toEqual([]);
    expect(rss).toContain('<title>Corrección: Suben las tarifas del ferry</title>');
    expect(rss).toContain('<language>es</language>');
    const atom = await text('/es/correcciones/feed.atom');
    expect(atomProblems(atom)).toEqual([]);
    const response = await get('/en/corrections/feed.json');
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const json = (await response.json()) as JsonFeedDocument;
    expect(jsonFeedProblems(json, testdataPath('jsonfeed/schema-v1.1.json'))).toEqual([]);
    expect(json.items.map((item) => item.title)).toEqual([
      'Update: Ferry fares rise',
      "Editor's note: Harbor dredging begins",
      'Clarification: Harbor dredging begins',
      'Correction: Ferry fares rise',
    ]);
    expect(json.items[3]?.url).toBe(
      `https://news.galley.test${english.path}#note-${correction.id}`,
    );

    expect(t.galley.pageCache.get('/en/corrections/feed.json')).toBeDefined();
    await addNoteThroughAdminApi(call, api.logins.editor, other.id, {
      type: 'update',
      text: 'Work pauses for the regatta.',
    });
    expect(t.galley.pageCache.get('/en/corrections/feed.json')).toBeUndefined();
    // The other edition's feed shows none of it, and stays cached.
    expect(t.galley.pageCache.get('/es/correcciones/feed.xml')).toBeDefined();
    const again = (await (await get('/en/corrections/feed.json')).json()) as JsonFeedDocument;
    expect(again.items[0]?.title).toBe('Update: Harbor dredging begins');
  });

  it('lists every note for the newsroom, newest first', async () => {
    const response = await call('GET', '/corrections?locale=es', api.logins.author);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: (StaffArticleNote & { article: { path: string } })[];
      total: number;
    };
    expect(body.total).toBe(1);
    expect(body.items[0]?.article.path).toBe(spanish.path);
    const all = (await (await call('GET', '/corrections', api.logins.editor)).json()) as {
      total: number;
    };
    expect(all.total).toBe(6);
    expect((await call('GET', '/corrections?locale=fr', api.logins.editor)).status).toBe(422);
  });
});

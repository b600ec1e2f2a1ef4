import { expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { signFormToken } from '../core/error-reports/form-token.js';
import {
  countSubmission,
  REPORT_WINDOW_MS,
  REPORTS_PER_CLIENT,
} from '../core/error-reports/report-throttle.js';
import { runOperation } from '../core/operation.js';
import { createWebhook, unpublishArticle } from '../core/operations/index.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { MAX_REPORT_BODY_BYTES } from './error-report-routes.js';

const PUBLIC_ORIGIN = 'https://news.galley.test';

describeEachDialect('readers’ error reports', { demo: true }, (t) => {
  /** Each test speaks from its own address, so the per-client limit of one does not touch another. */
  let nextClient = 1;
  const newClient = () => `10.20.0.${nextClient++}`;

  async function spanishStory() {
    const story = await findBilingualStory(t.galley);
    return { id: story.otherId, path: story.otherPath, headline: story.otherHeadline };
  }

  /** A token from a form rendered `ageMs` ago (the minimum fill time is 3 s). */
  const tokenFor = (articleId: number, ageMs = 10_000) =>
    signFormToken(t.galley.db, articleId, new Date(Date.now() - ageMs));

  function post(
    path: string,
    fields: Record<string, string>,
    options: { client?: string; headers?: Record<string, string>; body?: string } = {},
  ) {
    return t.galley.app.request(
      path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
        body: options.body ?? new URLSearchParams(fields).toString(),
      },
      // What @hono/node-server hands the app: the socket the request came on.
      { incoming: { socket: { remoteAddress: options.client ?? newClient() } } },
    );
  }

  async function validReport(articleId: number, overrides: Record<string, string> = {}) {
    return {
      formToken: await tokenFor(articleId),
      whatIsWrong: 'El pleno votó 9 a 2, no 8 a 3.',
      passage: 'El pleno aprobó la medida por 8 votos a 3.',
      replyEmail: 'lectora@example.org',
      website: '',
      ...overrides,
    };
  }

  const reportsAbout = (articleId: number) =>
    t.galley.db
      .selectFrom('error_reports')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('id')
      .execute();

  it('shows the form in the reader’s language when the link names a published article', async () => {
    const story = await spanishStory();
    const response = await t.galley.app.request(`/es/contacto?article=${story.id}`);
    expect(response.status).toBe(200);
    // The page carries a fresh token: no cache may keep it.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    const page = await response.text();
    // The form needs no script; the page loads only the analytics beacon, like every page.
    expect(page).not.toContain('report-error.');
    expect(page.match(/<script src="[^"]+"/g)).toEqual([
      expect.stringMatching(/^<script src="\/assets\/beacon\.[0-9a-f]{12}\.js"$/),
    ]);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<h1>Avísanos de un error</h1>');
    expect(page).toContain(
      `<form class="report-form" method="post" action="/es/contacto?article=${story.id}"`,
    );
    expect(page).toMatch(/<input type="hidden" name="formToken" value="\d+\.\d+\.[\w-]{43}">/);
    expect(page).toContain('<label for="report-what">¿Qué está mal? (obligatorio)</label>');
    expect(page).toContain('name="whatIsWrong" rows="6" maxlength="4000" required');
    // The honeypot: hidden from screen readers and out of the tab order.
    expect(page).toMatch(
      /<div class="report-hp" aria-hidden="true">\s*<label for="report-website">[^<]+<\/label>\s*<input type="text" id="report-website" name="website" value="" tabindex="-1" autocomplete="off">/,
    );
    expect(page).toContain(`>${story.headline}</a>`);

    // Without an article, the contact page stays as it was.
    const general = await (await t.galley.app.request('/es/contacto')).text();
    expect(general).not.toContain('<form');
    const unknown = await (await t.galley.app.request('/es/contacto?article=99999999')).text();
    expect(unknown).not.toContain('<form');
  });

  it('loads the enhancement script on article pages only, and allows exactly that', async () => {
    const story = await spanishStory();
    const response = await t.galley.app.request(story.path);
    const page = await response.text();
    const src = /<script src="(\/assets\/report-error\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(
      page,
    )?.[1];
    expect(src).toBeDefined();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const home = await t.galley.app.request('/es/');
    expect(await home.text()).not.toContain('report-error.');

    const script = await t.galley.app.request(src as string);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toContain("document.querySelector('.report-error a')");
  });

  it('stores a report before sending the reader to the thank-you page in their language', async () => {
    const story = await spanishStory();
    const client = newClient();
    const response = await post(`/es/contacto?article=${story.id}`, await validReport(story.id), {
      client,
      headers: { origin: PUBLIC_ORIGIN },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/es/contacto/gracias?article=${story.id}`);
    const [stored] = (await reportsAbout(story.id)).slice(-1);
    expect(stored).toMatchObject({
      locale: 'es',
      what_is_wrong: 'El pleno votó 9 a 2, no 8 a 3.',
      passage: 'El pleno aprobó la medida por 8 votos a 3.',
      reply_email: 'lectora@example.org',
      status: 'new',
      assigned_to_user_id: null,
      correction_id: null,
    });
    // The client is a keyed hash, never the address.
    expect(stored?.client_key).toMatch(/^[\w-]{43}$/);
    expect(stored?.client_key).not.toContain(client);

    const thanks = await t.galley.app.request(`/es/contacto/gracias?article=${story.id}`);
    expect(thanks.status).toBe(200);
    const page = await thanks.text();
    expect(page).toContain('<h1>Gracias por tu aviso</h1>');
    expect(page).toContain(`<a href="${story.path}">Volver al artículo: ${story.headline}</a>`);
    const english = await t.galley.app.request('/en/contact/thanks');
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('<h1>Thank you for your report</h1>');
  });

  it('answers JSON to the script, with the thank-you message in the reader’s language', async () => {
    const story = await spanishStory();
    const response = await post(`/es/contacto?article=${story.id}`, await validReport(story.id), {
      headers: { accept: 'application/json', origin: PUBLIC_ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'received',
      title: 'Gracias por tu aviso',
      message: expect.stringContaining('Ha llegado a la redacción') as unknown,
    });
  });

  it('refuses each invalid field with 422, naming it, keeping the reader’s text', async () => {
    const story = await spanishStory();
    const path = `/es/contacto?article=${story.id}`;
    const before = (await reportsAbout(story.id)).length;
    const cases: [Record<string, string>, string, string][] = [
      [{ whatIsWrong: '   ' }, 'whatIsWrong', 'Cuéntanos qué está mal'],
      [{ whatIsWrong: 'x'.repeat(4001) }, 'whatIsWrong', 'Cuéntanos qué está mal'],
      [{ passage: 'y'.repeat(2001) }, 'passage', 'El pasaje puede tener hasta 2.000'],
      [{ replyEmail: 'not an address' }, 'replyEmail', 'Escribe un correo electrónico válido'],
      [{ replyEmail: `${'a'.repeat(250)}@example.org` }, 'replyEmail', 'Escribe un correo'],
    ];
    for (const [override, field, message] of cases) {
      const fields = await validReport(story.id, override);
      const response = await post(path, fields);
      expect(response.status, field).toBe(422);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const page = await response.text();
      expect(page).toContain('<title>Error: Avísanos de un error');
      expect(page).toContain(message);
      expect(page).toMatch(new RegExp(`name="${field}"[^>]*aria-invalid="true"`));
      // The reader does not lose what they wrote.
      expect(page).toContain(
        field === 'replyEmail'
          ? 'El pleno votó 9 a 2, no 8 a 3.</textarea>'
          : 'value="lectora@example.org"',
      );

      const asJson = await post(path, await validReport(story.id, override), {
        headers: { accept: 'application/json' },
      });
      expect(asJson.status).toBe(422);
      const body = (await asJson.json()) as { error: { field: string; message: string } };
      expect(body.error.field).toBe(field);
      expect(body.error.message).toContain(message);
    }
    expect((await reportsAbout(story.id)).length).toBe(before);
  });

  it('refuses a body over the limit with 413', async () => {
    const story = await spanishStory();
    const huge = `whatIsWrong=${'z'.repeat(MAX_REPORT_BODY_BYTES)}`;
    const response = await post(`/es/contacto?article=${story.id}`, {}, { body: huge });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('El aviso es demasiado largo');
    const asJson = await post(
      `/es/contacto?article=${story.id}`,
      {},
      { body: huge, headers: { accept: 'application/json' } },
    );
    expect(asJson.status).toBe(413);
    // Declared too long: refused before a byte of the body is read.
    const declared = await post(
      `/es/contacto?article=${story.id}`,
      {},
      { body: 'whatIsWrong=x', headers: { 'content-length': String(MAX_REPORT_BODY_BYTES + 1) } },
    );
    expect(declared.status).toBe(413);
  });

  it('answers 404 for an unknown or unpublished article, and stores nothing', async () => {
    const unknown = await post('/en/contact?article=99999999', await validReport(99999999));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<html lang="en">');
    const noId = await post('/en/contact', await validReport(1));
    expect(noId.status).toBe(404);

    const victim = await t.galley.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('locale', '=', 'en')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await runOperation(t.galley.core, unpublishArticle, systemActor('test'), { id: victim.id });
    const unpublished = await post(
      `/en/contact?article=${victim.id}`,
      await validReport(victim.id),
      { headers: { accept: 'application/json' } },
    );
    expect(unpublished.status).toBe(404);
    expect(await reportsAbout(victim.id)).toEqual([]);
  });

  it('stores HTML and script as text and shows them as text', async () => {
    const story = await spanishStory();
    const hostile = '<script>alert("x")</script> <b onmouseover="steal()">9 & 2</b>';
    const client = newClient();
    const accepted = await post(
      `/es/contacto?article=${story.id}`,
      await validReport(story.id, { whatIsWrong: hostile, passage: hostile }),
      { client },
    );
    expect(accepted.status).toBe(303);
    const [stored] = (await reportsAbout(story.id)).slice(-1);
    expect(stored?.what_is_wrong).toBe(hostile);
    expect(stored?.passage).toBe(hostile);

    // Shown again (here: with a bad email), it is text, escaped.
    const shown = await post(
      `/es/contacto?article=${story.id}`,
      await validReport(story.id, { whatIsWrong: hostile, replyEmail: '<img src=x>' }),
      { client },
    );
    const page = await shown.text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b onmouseover');
    expect(page).not.toContain('<img src=x>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('value="&lt;img src=x&gt;"');
  });

  it('thanks a filled honeypot or a form sent too fast, and stores neither', async () => {
    const story = await spanishStory();
    const before = (await reportsAbout(story.id)).length;
    const trapped = await post(
      `/es/contacto?article=${story.id}`,
      await validReport(story.id, { website: 'https://spam.example' }),
    );
    expect(trapped.status).toBe(303);
    expect(trapped.headers.get('location')).toBe(`/es/contacto/gracias?article=${story.id}`);
    const tooFast = await post(
      `/es/contacto?article=${story.id}`,
      await validReport(story.id, { formToken: await tokenFor(story.id, 500) }),
      { headers: { accept: 'application/json' } },
    );
    expect(tooFast.status).toBe(200);
    expect(((await tooFast.json()) as { status: string }).status).toBe('received');
    expect((await reportsAbout(story.id)).length).toBe(before);
  });

  it('asks again, with a fresh form, when the token is missing, forged or for another article', async () => {
    const story = await spanishStory();
    const before = (await reportsAbout(story.id)).length;
    const otherToken = await tokenFor(story.id + 1);
    const forged = (await tokenFor(story.id)).replace(/.{4}$/, 'AAAA');
    for (const formToken of [
      '',
      forged,
      otherToken,
      `${Date.now() - 2 * 86_400_000}.${story.id}.x`,
    ]) {
      const response = await post(
        `/es/contacto?article=${story.id}`,
        await validReport(story.id, { formToken }),
      );
      expect(response.status, formToken).toBe(422);
      const page = await response.text();
      expect(page).toContain('Este formulario había caducado');
      const fresh = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
      expect(fresh).toMatch(new RegExp(`^\\d+\\.${story.id}\\.`));
      expect(page).toContain('El pleno votó 9 a 2, no 8 a 3.</textarea>');
    }
    expect((await reportsAbout(story.id)).length).toBe(before);
  });

  it('refuses a POST from another origin', async () => {
    const story = await spanishStory();
    const response = await post(`/es/contacto?article=${story.id}`, await validReport(story.id), {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('solo puede enviarse desde nuestro propio sitio');
  });

  it(`limits each client to ${REPORTS_PER_CLIENT} reports per window: 429 with Retry-After`, async () => {
    const story = await spanishStory();
    const client = newClient();
    for (let sent = 0; sent < REPORTS_PER_CLIENT; sent++) {
      const response = await post(`/es/contacto?article=${story.id}`, await validReport(story.id), {
        client,
      });
      expect(response.status).toBe(303);
    }
    const over = await post(`/es/contacto?article=${story.id}`, await validReport(story.id), {
      client,
    });
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(REPORT_WINDOW_MS / 1000);
    const page = await over.text();
    expect(page).toContain('Has enviado varios avisos en poco tiempo. Espera 10 minutos');
    expect(page).toContain('El pleno votó 9 a 2, no 8 a 3.</textarea>');
    const asJson = await post(`/en/contact?article=${story.id}`, await validReport(story.id), {
      client,
      headers: { accept: 'application/json' },
    });
    expect(asJson.status).toBe(429);
    expect(asJson.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await asJson.json()) as { error: { message: string } }).error.message).toContain(
      'You have sent several reports in a short time',
    );
    // Another reader is not held back.
    const other = await post(`/es/contacto?article=${story.id}`, await validReport(story.id));
    expect(other.status).toBe(303);
  });

  it('counts submissions atomically per key and opens a new window when one ends', async () => {
    const now = new Date();
    const count = (at: Date) =>
      t.galley.db.transaction().execute((trx) => countSubmission(trx, `test:${t.dialect}`, 2, at));
    expect(await count(now)).toBe(0);
    expect(await count(now)).toBe(0);
    const wait = await count(new Date(now.getTime() + 60_000));
    expect(wait).toBe(REPORT_WINDOW_MS / 1000 - 60);
    expect(await count(new Date(now.getTime() + REPORT_WINDOW_MS + 1))).toBe(0);
  });

  it('emits error_report.received for webhooks, in the report’s transaction', async () => {
    const story = await spanishStory();
    await runOperation(t.galley.core, createWebhook, systemActor('test'), {
      name: 'Desk alerts',
      url: 'https://hooks.example/desk',
      events: ['error_report.received'],
    });
    const response = await post(`/es/contacto?article=${story.id}`, await validReport(story.id));
    expect(response.status).toBe(303);
    const [report] = (await reportsAbout(story.id)).slice(-1);
    const jobs = await t.galley.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', 'webhook.deliver')
      .execute();
    const events = jobs.map(
      (job) => (JSON.parse(job.payload) as { event: { type: string; data: unknown } }).event,
    );
    const event = events.find(
      (candidate) =>
        candidate.type === 'error_report.received' &&
        (candidate.data as { id?: number }).id === report?.id,
    );
    expect(event?.data).toEqual({
      id: report?.id,
      report: {
        id: report?.id,
        locale: 'es',
        whatIsWrong: 'El pleno votó 9 a 2, no 8 a 3.',
        passage: 'El pleno aprobó la medida por 8 votos a 3.',
        receivedAt: report?.created_at,
      },
      article: expect.objectContaining({ id: story.id, locale: 'es', path: story.path }) as unknown,
    });
    // The reader's address for a reply stays in the newsroom.
    expect(JSON.stringify(event)).not.toContain('lectora@example.org');
  });
});

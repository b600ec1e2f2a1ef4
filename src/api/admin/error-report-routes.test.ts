import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import { signFormToken } from '../../core/error-reports/form-token.js';
import { runOperation } from '../../core/operation.js';
import { submitErrorReport } from '../../core/operations/index.js';
import { DEMO_ACCOUNTS } from '../../demo/load-demo.js';
import { findBilingualStory } from '../../test/demo-stories.js';
import { describeEachDialect } from '../../test/each-dialect.js';

interface Login {
  cookie: string;
  csrf: string;
}

interface ReportJson {
  id: number;
  status: string;
  locale: string;
  whatIsWrong: string;
  passage: string;
  replyEmail: string | null;
  article: { id: number; headline: string; locale: string; path: string };
  assignedTo: { id: number; name: string } | null;
  correctionId: number | null;
  replyText: string | null;
  repliedAt: string | null;
  history?: { field: string; from: string | null; to: string | null; by: { name: string } }[];
}

describeEachDialect('the error-report queue (Admin API)', { demo: true }, (t) => {
  const logins = {} as Record<string, Login>;
  let editorId = 0;
  let spanish = { id: 0, headline: '', path: '' };
  let english = { id: 0, headline: '', path: '' };
  let clients = 0;

  async function report(articleId: number, locale: 'en' | 'es', whatIsWrong: string) {
    const result = await runOperation(t.galley.core, submitErrorReport, systemActor('test'), {
      articleId,
      locale,
      whatIsWrong,
      passage: 'la cita',
      replyEmail: 'reader@example.org',
      formToken: await signFormToken(t.galley.db, articleId, new Date(Date.now() - 60_000)),
      clientAddress: `192.0.2.${++clients}`,
    });
    if (result.outcome !== 'stored') throw new Error(`not stored: ${result.outcome}`);
    return result.id;
  }

  beforeAll(async () => {
    for (const account of DEMO_ACCOUNTS) {
      const response = await t.galley.app.request('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      const body = (await response.json()) as { csrfToken: string; user: { id: number } };
      logins[account.role] = {
        cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        csrf: body.csrfToken,
      };
      if (account.role === 'editor') editorId = body.user.id;
    }
    const story = await findBilingualStory(t.galley);
    spanish = { id: story.otherId, headline: story.otherHeadline, path: story.otherPath };
    english = { id: story.id, headline: story.headline, path: story.path };
  });

  const call = (method: string, path: string, role: string | null, body?: unknown) => {
    const login = role ? logins[role] : undefined;
    return t.galley.app.request(`/api/admin${path}`, {
      method,
      headers: {
        ...(login && { cookie: login.cookie, 'x-csrf-token': login.csrf }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  };

  it('lets editors and admins in, and no one else', async () => {
    const id = await report(spanish.id, 'es', 'Permisos');
    for (const [role, expected] of [
      [null, 401],
      ['contributor', 403],
      ['author', 403],
      ['editor', 200],
      ['admin', 200],
    ] as const) {
      expect((await call('GET', '/error-reports', role)).status, `${role} list`).toBe(expected);
      expect((await call('GET', `/error-reports/${id}`, role)).status, `${role} get`).toBe(
        expected,
      );
      const patch = await call('PATCH', `/error-reports/${id}`, role, { status: 'in_progress' });
      expect(patch.status, `${role} patch`).toBe(expected);
    }
  });

  it('lists reports newest first with their articles, filtered by status and locale', async () => {
    const first = await report(spanish.id, 'es', 'Primero');
    const second = await report(english.id, 'en', 'Second');
    const third = await report(spanish.id, 'es', 'Tercero');
    const all = (await (await call('GET', '/error-reports', 'editor')).json()) as {
      reports: ReportJson[];
      total: number;
      page: number;
      pageCount: number;
    };
    const ids = all.reports.map((r) => r.id);
    expect(ids.indexOf(third)).toBeLessThan(ids.indexOf(second));
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(all.page).toBe(1);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.reports.find((r) => r.id === third)).toMatchObject({
      status: 'new',
      locale: 'es',
      whatIsWrong: 'Tercero',
      passage: 'la cita',
      replyEmail: 'reader@example.org',
      article: { id: spanish.id, headline: spanish.headline, locale: 'es', path: spanish.path },
      assignedTo: null,
      correctionId: null,
    });

    const english_only = (await (
      await call('GET', '/error-reports?locale=en&status=new', 'editor')
    ).json()) as { reports: ReportJson[] };
    expect(english_only.reports.map((r) => r.id)).toContain(second);
    expect(english_only.reports.every((r) => r.locale === 'en' && r.status === 'new')).toBe(true);

    const bad = await call('GET', '/error-reports?status=fixed', 'editor');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('status');
  });

  it('moves a report through the queue, recording who changed what', async () => {
    const id = await report(spanish.id, 'es', 'La cifra está mal');
    const assigned = await call('PATCH', `/error-reports/${id}`, 'editor', {
      status: 'in_progress',
      assignedToUserId: editorId,
    });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as { report: ReportJson }).report).toMatchObject({
      status: 'in_progress',
      assignedTo: { id: editorId, name: 'Eli Editor' },
    });

    const resolved = await call('PATCH', `/error-reports/${id}`, 'admin', {
      status: 'corrected',
      correctionId: 41,
      replyText: 'Gracias: lo hemos corregido.',
    });
    expect(resolved.status).toBe(200);
    const { report: done } = (await resolved.json()) as { report: ReportJson };
    expect(done).toMatchObject({
      status: 'corrected',
      correctionId: 41,
      replyText: 'Gracias: lo hemos corregido.',
    });
    expect(done.repliedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(
      done.history?.map((event) => [event.field, event.from, event.to, event.by.name]),
    ).toEqual([
      ['status', 'new', 'in_progress', 'Eli Editor'],
      ['assignedToUserId', null, String(editorId), 'Eli Editor'],
      ['status', 'in_progress', 'corrected', 'Ada Admin'],
      ['correctionId', null, '41', 'Ada Admin'],
      ['replyText', null, 'Gracias: lo hemos corregido.', 'Ada Admin'],
    ]);

    // Sending what is already there changes nothing and records nothing.
    await call('PATCH', `/error-reports/${id}`, 'editor', { status: 'corrected' });
    const again = (await (await call('GET', `/error-reports/${id}`, 'editor')).json()) as {
      report: ReportJson;
    };
    expect(again.report.history).toHaveLength(5);

    const unassigned = await call('PATCH', `/error-reports/${id}`, 'editor', {
      assignedToUserId: null,
    });
    expect(((await unassigned.json()) as { report: ReportJson }).report.assignedTo).toBeNull();
  });

  it('refuses bad changes with the field named, and unknown reports with 404', async () => {
    const id = await report(english.id, 'en', 'Wrong date');
    const cases: [unknown, string][] = [
      [{ status: 'fixed' }, 'status'],
      [{ assignedToUserId: 99999 }, 'assignedToUserId'],
      [{ correctionId: -1 }, 'correctionId'],
      [{ replyText: '   ' }, 'replyText'],
    ];
    for (const [body, field] of cases) {
      const response = await call('PATCH', `/error-reports/${id}`, 'editor', body);
      expect(response.status, field).toBe(422);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await call('PATCH', `/error-reports/${id}`, 'editor', {})).status).toBe(422);
    expect((await call('GET', '/error-reports/99999', 'editor')).status).toBe(404);
    expect((await call('PATCH', '/error-reports/99999', 'editor', { status: 'spam' })).status).toBe(
      404,
    );
  });

  it('returns what readers wrote as text, exactly', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await report(spanish.id, 'es', hostile);
    const response = await call('GET', `/error-reports/${id}`, 'editor');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { report: ReportJson }).report.whatIsWrong).toBe(hostile);
  });
});

import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { STAFF_ROLES, systemActor } from '../../core/actor.js';
import type { StaffRole } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import { createStaffUser } from '../../core/operations/index.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { CSRF_HEADER } from './admin-api.js';

const PASSWORD = 'a long enough passphrase';

describeEachDialect('Admin API tokens for scripts', { demo: false }, (t) => {
  const browser = {} as Record<StaffRole, Record<string, string>>;
  const api = (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) =>
    t.galley.app.request(`/api/admin${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...init.headers,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });

  beforeAll(async () => {
    for (const role of STAFF_ROLES) {
      const email = `${role}@tokens.galley.example`;
      await runOperation(t.galley.core, createStaffUser, systemActor('test'), {
        email,
        name: role,
        role,
        password: PASSWORD,
      });
      const login = await api('/session', { method: 'POST', body: { email, password: PASSWORD } });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      browser[role] = {
        cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        [CSRF_HEADER]: csrfToken,
      };
    }
  });

  it('shows a new token once, stores only its hash, and lets a script act as its owner without CSRF', async () => {
    const made = await api('/tokens', {
      method: 'POST',
      headers: browser.editor,
      body: { name: 'wire import' },
    });
    expect(made.status).toBe(201);
    const { id, token } = (await made.json()) as { id: number; token: string };
    expect(token).toMatch(/^galley_[\w-]{40,}$/);
    const stored = await t.galley.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('base64url'));

    const script = { authorization: `Bearer ${token}` };
    expect((await api('/articles', { headers: script })).status).toBe(200);
    // A change with no cookie and no CSRF header: refused for its content (422), not for CSRF.
    expect((await api('/articles', { method: 'POST', headers: script, body: {} })).status).toBe(
      422,
    );
    const listed = (await (await api('/tokens', { headers: browser.editor })).json()) as {
      tokens: Record<string, unknown>[];
    };
    expect(listed.tokens[0]).toMatchObject({ id, name: 'wire import', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token);

    // Nobody else can revoke it; its owner can, and then it stops working.
    expect((await api(`/tokens/${id}`, { method: 'DELETE', headers: browser.admin })).status).toBe(
      404,
    );
    expect((await api(`/tokens/${id}`, { method: 'DELETE', headers: browser.editor })).status).toBe(
      204,
    );
    const revoked = await api('/articles', { headers: script });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: { message: 'unknown or revoked API token' } });
  });

  it('gives a token its owner’s role, no more', async () => {
    const made = await api('/tokens', {
      method: 'POST',
      headers: browser.contributor,
      body: { name: 'drafts' },
    });
    const { token } = (await made.json()) as { token: string };
    const publish = await api('/articles/1/publish', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: {},
    });
    expect(publish.status).toBe(403);
    expect(
      (await api('/articles', { headers: { authorization: 'Bearer galley_not-a-real-token' } }))
        .status,
    ).toBe(401);
  });
});

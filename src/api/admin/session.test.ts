import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.js';
import { runOperation } from '../../core/operation.js';
import {
  createStaffUser,
  endStaffSessions,
  resetStaffPassword,
} from '../../core/operations/index.js';
import { describeEachDialect } from '../../test/each-dialect.js';
import { CSRF_HEADER } from './admin-api.js';

const system = systemActor('test');
const PASSWORD = 'a long enough passphrase';

describeEachDialect('Admin API sessions', { demo: false }, (t) => {
  let editorId = 0;
  const request = (path: string, init: RequestInit = {}) =>
    t.galley.app.request(`/api/admin${path}`, init);
  const logIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });
  const cookieOf = (response: Response) =>
    (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  beforeAll(async () => {
    ({ id: editorId } = await runOperation(t.galley.core, createStaffUser, system, {
      email: 'Edna@Galley.Example',
      name: 'Edna Editor',
      role: 'editor',
      password: PASSWORD,
    }));
    await runOperation(t.galley.core, createStaffUser, system, {
      email: 'locked@galley.example',
      name: 'Lou Locked',
      role: 'author',
      password: PASSWORD,
    });
  });

  it('stores passwords as argon2id and refuses short ones', async () => {
    const row = await t.galley.db
      .selectFrom('staff_users')
      .select(['email', 'password_hash'])
      .where('id', '=', editorId)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('edna@galley.example');
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(
      runOperation(t.galley.core, createStaffUser, system, {
        email: 'x@galley.example',
        name: 'X',
        role: 'author',
        password: 'short',
      }),
    ).rejects.toThrow(/^password: must be at least 12 characters/);
    await expect(
      runOperation(t.galley.core, createStaffUser, system, {
        email: 'edna@galley.example',
        name: 'Again',
        role: 'author',
        password: PASSWORD,
      }),
    ).rejects.toThrow(/already exists/);
  });

  it('logs in with an httpOnly, SameSite=Lax, Secure cookie and a CSRF token', async () => {
    const response = await logIn('EDNA@galley.example', PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      user: { email: string; role: string };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ email: 'edna@galley.example', role: 'editor' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^galley_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    // The test instance's public URL is https.
    expect(setCookie).toMatch(/Secure/);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const me = await request('/session', { headers: { cookie: cookieOf(response) } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Edna Editor');
  });

  it('answers a wrong password and an unknown account alike, with 401', async () => {
    const wrong = await logIn('edna@galley.example', 'not the password at all');
    const unknown = await logIn('nobody@galley.example', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    // A success clears the failures, so the other tests start clean.
    expect((await logIn('edna@galley.example', PASSWORD)).status).toBe(200);
  });

  it('refuses logins that are not JSON from this origin', async () => {
    const form = await request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=edna@galley.example&password=x',
    });
    expect(form.status).toBe(415);
    const foreign = await logIn('edna@galley.example', PASSWORD, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    const broken = await request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('refuses oversized bodies with 413 before reading them', async () => {
    const response = await request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'edna@galley.example', password: 'x'.repeat(100_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('needs the CSRF token to log out, and then the session is gone', async () => {
    const response = await logIn('edna@galley.example', PASSWORD);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = cookieOf(response);
    expect((await request('/session', { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    expect(
      (
        await request('/session', {
          method: 'DELETE',
          headers: { cookie, [CSRF_HEADER]: 'forged' },
        })
      ).status,
    ).toBe(403);
    const out = await request('/session', {
      method: 'DELETE',
      headers: { cookie, [CSRF_HEADER]: csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/galley_session=;/);
    expect((await request('/session', { headers: { cookie } })).status).toBe(401);
  });

  it('locks an account out with a growing back-off, and says when to retry', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await logIn('locked@galley.example', 'wrong password here')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = await logIn('locked@galley.example', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(
      /too many failed logins/,
    );
    // The throttle is shared through the database, not held in one process's memory.
    const rows = await t.galley.db
      .selectFrom('login_throttles')
      .select(['key', 'failures'])
      .where('key', '=', 'account:locked@galley.example')
      .execute();
    expect(rows[0]?.failures).toBeGreaterThanOrEqual(5);
    await t.galley.db.deleteFrom('login_throttles').execute();
  });

  it('ends every session when the password is reset, or when an admin says so', async () => {
    const first = cookieOf(await logIn('edna@galley.example', PASSWORD));
    const second = cookieOf(await logIn('edna@galley.example', PASSWORD));
    await runOperation(t.galley.core, endStaffSessions, system, { userId: editorId });
    for (const cookie of [first, second])
      expect((await request('/session', { headers: { cookie } })).status).toBe(401);

    const third = cookieOf(await logIn('edna@galley.example', PASSWORD));
    await runOperation(t.galley.core, resetStaffPassword, system, {
      email: 'edna@galley.example',
      password: 'another long passphrase',
    });
    expect((await request('/session', { headers: { cookie: third } })).status).toBe(401);
    expect((await logIn('edna@galley.example', PASSWORD)).status).toBe(401);
    expect((await logIn('edna@galley.example', 'another long passphrase')).status).toBe(200);
  });

  it('answers unknown endpoints with JSON 404, and an empty site with 503 and what to do', async () => {
    const api = await request('/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: { message: 'no such endpoint: GET /api/admin/nothing-here' },
    });
    // This suite's database has no publication: the site says what to do instead of failing.
    const site = await t.galley.app.request('/en/nothing-here/at-all');
    expect(site.status).toBe(503);
    expect(await site.text()).toContain('npx galley demo');
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});

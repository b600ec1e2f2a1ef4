/**
 * The Admin API: JSON under /api/admin/, for the newsroom app and for scripts. This first part
 * covers staff sessions; the content routes arrive with the newsroom app.
 *
 * Every request goes through the same steps, in this order: authenticate (session cookie),
 * check CSRF on anything that changes state, validate, run the core operation, present.
 * Errors have one shape: `{ "error": { "message": "...", "field": "..." } }`.
 */
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { findSession } from '../../core/accounts/find-session.js';
import type { StaffSession } from '../../core/accounts/find-session.js';
import { SESSION_LIFETIME_MS } from '../../core/accounts/session-tokens.js';
import type { Actor } from '../../core/actor.js';
import { GalleyError } from '../../core/errors.js';
import { runOperation } from '../../core/operation.js';
import type { Core } from '../../core/operation.js';
import { logIn, logOut } from '../../core/operations/index.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/log.js';

export const SESSION_COOKIE = 'galley_session';
export const CSRF_HEADER = 'x-csrf-token';
const MAX_BODY_BYTES = 64 * 1024;

type AdminEnv = { Variables: { session: StaffSession | null; token: string | null } };

export interface AdminApiOptions {
  core: Core;
  db: Kysely<Database>;
  publicUrl: string;
  logger: Logger;
}

function errorBody(message: string, field?: string) {
  return { error: field ? { message, field } : { message } };
}

/** The client's address as the socket reports it (no proxy header is trusted by default). */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'in-process';
}

const actorOf = (session: StaffSession | null): Actor =>
  session
    ? { kind: 'staff', userId: session.user.id, role: session.user.role }
    : { kind: 'anonymous' };

export function createAdminApi(options: AdminApiOptions): Hono<AdminEnv> {
  const { core, db, logger } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  const isSecure = publicOrigin.startsWith('https:');
  const api = new Hono<AdminEnv>();

  // 0. Bodies are small JSON documents; anything larger is refused before it is read.
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody(`the body is larger than ${MAX_BODY_BYTES} bytes`), 413),
    }),
  );

  // 1. Authenticate: a session cookie, if it names a live session.
  api.use('*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    c.set('token', token);
    c.set('session', token ? await findSession(db, token) : null);
    c.header('cache-control', 'no-store');
    await next();
  });

  // 2. CSRF. Changes need the session's token in a header (which a cross-site form cannot set),
  //    and, when the browser says where the request comes from, that it comes from here.
  //    Logging in has no session yet: it must be JSON (a cross-site form cannot send that
  //    without a CORS preflight, which this API never grants) from this origin.
  api.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== publicOrigin)
      return c.json(errorBody(`requests must come from ${publicOrigin}`), 403);
    const isLogIn = c.req.path.endsWith('/session') && c.req.method === 'POST';
    if (isLogIn) {
      if (!c.req.header('content-type')?.startsWith('application/json'))
        return c.json(errorBody('send JSON (Content-Type: application/json)'), 415);
      return next();
    }
    const session = c.get('session');
    if (!session || c.req.header(CSRF_HEADER) !== session.csrfToken)
      return c.json(errorBody(`missing or invalid ${CSRF_HEADER} header`), 403);
    return next();
  });

  api.post('/session', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(errorBody('the body is not valid JSON'), 400);
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    const result = await runOperation(
      core,
      logIn,
      { kind: 'anonymous' },
      {
        email: fields['email'],
        password: fields['password'],
        clientAddress: clientAddress(c),
      },
    );
    if (!result.ok && result.reason === 'locked') {
      c.header('retry-after', String(result.retryAfterSeconds));
      return c.json(
        errorBody(`too many failed logins; try again in ${result.retryAfterSeconds} s`),
        429,
      );
    }
    if (!result.ok) return c.json(errorBody('wrong email or password'), 401);
    setCookie(c, SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecure,
      maxAge: SESSION_LIFETIME_MS / 1000,
    });
    return c.json({ user: result.user, csrfToken: result.csrfToken });
  });

  api.get('/session', (c) => {
    const session = c.get('session');
    if (!session) return c.json(errorBody('not logged in'), 401);
    return c.json({ user: session.user, csrfToken: session.csrfToken });
  });

  api.delete('/session', async (c) => {
    const token = c.get('token');
    if (token) await runOperation(core, logOut, actorOf(c.get('session')), { token });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure });
    return c.body(null, 204);
  });

  api.notFound((c) => c.json(errorBody(`no such endpoint: ${c.req.method} ${c.req.path}`), 404));
  api.onError((error, c) => {
    if (error instanceof GalleyError)
      return c.json(errorBody(error.message, error.field), error.status);
    logger.error(error.message, { method: c.req.method, path: c.req.path, status: 500 });
    return c.json(errorBody('internal error'), 500);
  });
  return api;
}

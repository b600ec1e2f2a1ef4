/** Logging in and out, and "who am I". */
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_LIFETIME_MS } from '../../core/accounts/session-tokens.js';
import { runOperation } from '../../core/operation.js';
import { logIn, logOut } from '../../core/operations/index.js';
import { requestClientAddress } from '../../http/client-address.js';
import { anyStaff, errorBody, jsonObject } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const SESSION_COOKIE = 'galley_session';

export const sessionRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/session',
    policy: logIn.policy,
    summary: 'Log in; sets the session cookie and returns the CSRF token',
    requestBody: z.object({ email: z.string(), password: z.string() }),
    async handle(c, { core, isSecure }) {
      const fields = await jsonObject(c);
      if (fields instanceof Response) return fields;
      const result = await runOperation(
        core,
        logIn,
        { kind: 'anonymous' },
        {
          email: fields['email'],
          password: fields['password'],
          clientAddress: requestClientAddress(c),
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
    },
  },
  {
    method: 'GET',
    path: '/session',
    policy: anyStaff,
    summary: 'The logged-in staff member and the CSRF token',
    handle(c) {
      const session = c.get('session');
      return session
        ? c.json({ user: session.user, csrfToken: session.csrfToken })
        : c.json(errorBody('not logged in'), 401);
    },
  },
  {
    method: 'DELETE',
    path: '/session',
    policy: logOut.policy,
    summary: 'Log out: ends this session',
    async handle(c, { core, actor, isSecure }) {
      const token = c.get('token');
      if (token) await runOperation(core, logOut, actor, { token });
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure });
      return c.body(null, 204);
    },
  },
];

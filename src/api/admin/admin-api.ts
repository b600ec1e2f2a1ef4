/**
 * The Admin API: JSON under /api/admin/, for the newsroom app and for scripts.
 *
 * Every request goes through the same steps, in this order: size limit, authenticate (session
 * cookie), CSRF on anything that changes state, authorize against the route's policy, then the
 * route validates, runs the core operation, and presents an allowlisted shape.
 * Errors have one shape: `{ "error": { "message": "...", "field": "...", ...details } }`.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { findApiTokenUser, findSession } from '../../core/accounts/find-session.js';
import type { StaffSession } from '../../core/accounts/find-session.js';
import type { Actor } from '../../core/actor.js';
import { GalleyError } from '../../core/errors.js';
import type { Core } from '../../core/operation.js';
import { isAllowed } from '../../core/policy.js';
import type { Database } from '../../db/schema.js';
import type { RenderedPage } from '../../http/page-cache.js';
import type { Logger } from '../../lib/log.js';
import type { LocalMediaStore } from '../../media/media-store.js';
import { errorBody } from './admin-route.js';
import type { AdminEnv, AdminRoute } from './admin-route.js';
import { articleRoutes } from './article-routes.js';
import { MAX_UPLOAD_BYTES, UPLOAD_PATH, mediaRoutes } from './media-routes.js';
import { taxonomyRoutes } from './taxonomy-routes.js';
import {
  CAPTIONS_PATH,
  MAX_CAPTIONS_REQUEST_BYTES,
  POSTER_PATH,
  VIDEO_UPLOAD_PATH,
  videoRoutes,
} from './video-routes.js';
import { userRoutes } from './user-routes.js';
import { ninjsRoutes } from './ninjs-routes.js';
import { contentKeyRoutes } from './content-key-routes.js';
import { webhookRoutes } from './webhook-routes.js';
import { policyRoutes } from './policy-routes.js';
import { articleNoteRoutes } from './article-note-routes.js';
import { errorReportRoutes } from './error-report-routes.js';
import { tokenRoutes } from './token-routes.js';
import { embedRoutes } from './embed-routes.js';
import { searchRoutes } from './search-routes.js';
import { analyticsRoutes } from './analytics-routes.js';
import { recommendationRoutes } from './recommendation-routes.js';
import type { OEmbedSettings } from '../../content/embeds/oembed.js';
import { openApiDocument } from '../openapi.js';
import { SESSION_COOKIE, sessionRoutes } from './session-routes.js';

export { SESSION_COOKIE } from './session-routes.js';
export const CSRF_HEADER = 'x-csrf-token';
const MAX_BODY_BYTES = 64 * 1024;
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const NINJS_IMPORT_PATH = '/imports/ninjs';

/** The API's own description, generated from the route list below. */
const openApiRoute: AdminRoute = {
  method: 'GET',
  path: '/openapi.json',
  policy: { staff: ['contributor', 'author', 'editor', 'admin'], system: false, anonymous: true },
  summary: 'This document',
  handle: (c, { publicUrl }) =>
    c.json(
      openApiDocument(
        {
          title: 'Galley Admin API',
          basePath: '/api/admin',
          publicUrl,
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'galley_session',
              description: 'Changes also need the x-csrf-token header.',
            },
            token: { type: 'http', scheme: 'bearer', description: 'A staff API token.' },
          },
        },
        ADMIN_ROUTES.map((route) => ({ ...route, isPublic: route.policy.anonymous === true })),
      ),
    ),
};

/** Every Admin API route. The permission test walks this list for every role. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  ...sessionRoutes,
  ...tokenRoutes,
  ...articleRoutes,
  ...mediaRoutes,
  ...videoRoutes,
  ...taxonomyRoutes,
  ...userRoutes,
  ...ninjsRoutes,
  ...contentKeyRoutes,
  ...webhookRoutes,
  ...policyRoutes,
  ...articleNoteRoutes,
  ...errorReportRoutes,
  ...embedRoutes,
  ...searchRoutes,
  ...analyticsRoutes,
  ...recommendationRoutes,
  openApiRoute,
];

export interface AdminApiOptions {
  core: Core;
  db: Kysely<Database>;
  publicUrl: string;
  logger: Logger;
  mediaStore: LocalMediaStore;
  previewArticle: (id: number) => Promise<RenderedPage | null>;
  /** Where the embed preview asks for oEmbed (embed-routes.ts); left out, the networks. */
  oembed?: OEmbedSettings;
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

  // 0. Bodies are small JSON documents; anything larger is refused before it is read. Image
  //    uploads are the one exception, with their own limit.
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody(`the body is larger than ${MAX_BODY_BYTES} bytes`), 413),
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) =>
      c.json(
        errorBody(
          `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; upload a smaller one`,
          'file',
        ),
        413,
      ),
  });
  // A wire story in ninjs carries its whole body (and sometimes several renditions of it).
  const documentLimit = bodyLimit({
    maxSize: MAX_DOCUMENT_BYTES,
    onError: (c) =>
      c.json(errorBody(`the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`), 413),
  });
  const captionsLimit = bodyLimit({
    maxSize: MAX_CAPTIONS_REQUEST_BYTES,
    onError: (c) =>
      c.json(
        errorBody(`the captions file is larger than ${MAX_CAPTIONS_REQUEST_BYTES} bytes`, 'file'),
        413,
      ),
  });
  api.use('*', (c, next) => {
    // A video streams to disk under its own limit, counted as it arrives (video-routes.ts):
    // this middleware would hold a body without Content-Length in memory to count it.
    if (c.req.method === 'POST' && c.req.path.endsWith(VIDEO_UPLOAD_PATH)) return next();
    if (c.req.method === 'PUT' && CAPTIONS_PATH.test(c.req.path)) return captionsLimit(c, next);
    if (c.req.method !== 'POST') return jsonLimit(c, next);
    if (c.req.path.endsWith(UPLOAD_PATH) || POSTER_PATH.test(c.req.path))
      return uploadLimit(c, next);
    if (c.req.path.endsWith(NINJS_IMPORT_PATH)) return documentLimit(c, next);
    return jsonLimit(c, next);
  });

  // 1. Authenticate: an API token (`Authorization: Bearer galley_...`, for scripts) or a session
  //    cookie, if either names a live credential.
  api.use('*', async (c, next) => {
    c.header('cache-control', 'no-store');
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      const user = await findApiTokenUser(db, bearer);
      if (!user) return c.json(errorBody('unknown or revoked API token'), 401);
      c.set('token', null);
      c.set('isTokenAuth', true);
      c.set('session', { user, csrfToken: '' });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    c.set('token', token);
    c.set('isTokenAuth', false);
    c.set('session', token ? await findSession(db, token) : null);
    await next();
  });

  // 2. CSRF. Changes need the session's token in a header (which a cross-site form cannot set),
  //    and, when the browser says where the request comes from, that it comes from here.
  //    Logging in has no session yet: it must be JSON (a cross-site form cannot send that
  //    without a CORS preflight, which this API never grants) from this origin.
  api.use('*', async (c, next) => {
    // A token travels in a header a browser never adds by itself: there is nothing to forge.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.get('isTokenAuth')) return next();
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
    if (!session) return c.json(errorBody('log in first'), 401);
    if (c.req.header(CSRF_HEADER) !== session.csrfToken)
      return c.json(errorBody(`missing or invalid ${CSRF_HEADER} header`), 403);
    return next();
  });

  // 3. Authorize, then the route itself. Deny by default: a route exists only with a policy.
  for (const route of ADMIN_ROUTES) {
    api.on(route.method, route.path, async (c) => {
      const session = c.get('session');
      const actor = actorOf(session);
      if (!isAllowed(route.policy, actor)) {
        return session
          ? c.json(errorBody(`a ${session.user.role} may not ${route.method} ${route.path}`), 403)
          : c.json(errorBody('log in first'), 401);
      }
      const context = {
        core,
        db,
        actor,
        isSecure,
        publicUrl: options.publicUrl,
        mediaStore: options.mediaStore,
        previewArticle: options.previewArticle,
        oembed: options.oembed,
      };
      return route.handle(c, context);
    });
  }

  api.notFound((c) => c.json(errorBody(`no such endpoint: ${c.req.method} ${c.req.path}`), 404));
  api.onError((error, c) => {
    if (error instanceof GalleyError)
      return c.json(errorBody(error.message, error.field, error.details), error.status);
    logger.error(error.message, { method: c.req.method, path: c.req.path, status: 500 });
    return c.json(errorBody('internal error'), 500);
  });
  return api;
}

/**
 * One Admin API route: method, path, who may call it, and the handler. The API registers every
 * route from one list, behind an authorization step driven by the route's policy, and the
 * permission test walks the same list for every role, so a route cannot exist without a policy.
 */
import type { Context } from 'hono';
import { ValidationError } from '../../core/errors.js';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { StaffSession } from '../../core/accounts/find-session.js';
import type { Actor } from '../../core/actor.js';
import type { Core } from '../../core/operation.js';
import type { Policy } from '../../core/policy.js';
import type { Database } from '../../db/schema.js';
import type { RenderedPage } from '../../http/page-cache.js';
import type { LocalMediaStore } from '../../media/media-store.js';
import type { OEmbedSettings } from '../../content/embeds/oembed.js';

export type AdminEnv = {
  Variables: {
    session: StaffSession | null;
    token: string | null;
    /** The request authenticated with an API token (a script), not a browser session. */
    isTokenAuth: boolean;
  };
};

export interface AdminRouteContext {
  core: Core;
  db: Kysely<Database>;
  actor: Actor;
  /** Whether cookies must be marked Secure (the public URL is https). */
  isSecure: boolean;
  publicUrl: string;
  mediaStore: LocalMediaStore;
  /** The reader site's article page for any article, published or not (server/ wires it). */
  previewArticle: (id: number) => Promise<RenderedPage | null>;
  /** Where the embed preview asks for oEmbed data; left out, each network's own endpoint. */
  oembed?: OEmbedSettings | undefined;
}

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below /api/admin, in Hono's syntax: `/articles/:id`. */
  path: string;
  policy: Policy;
  /** One line for the OpenAPI document. */
  summary: string;
  /** The JSON body it takes, if any: the same zod schema that validates it documents it. */
  requestBody?: z.ZodType;
  /** Query parameters it reads, if any. */
  query?: z.ZodObject;
  handle(c: Context<AdminEnv>, context: AdminRouteContext): Promise<Response> | Response;
}

/** Every signed-in staff member, whatever the role. */
export const anyStaff: Policy = {
  staff: ['contributor', 'author', 'editor', 'admin'],
  system: false,
};

export function errorBody(message: string, field?: string, details?: Record<string, unknown>) {
  return { error: { message, ...(field && { field }), ...details } };
}

/** The JSON body as an object, or a GalleyError-shaped 400 when it is not one. */
export async function jsonObject(c: Context): Promise<Record<string, unknown> | Response> {
  try {
    const body: unknown = await c.req.json();
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
    return c.json(errorBody('the body must be a JSON object'), 400);
  } catch {
    return c.json(errorBody('the body is not valid JSON'), 400);
  }
}

/** A numeric path parameter (`:id`, `:version`): a positive whole number, or a 422 naming it. */
export function positiveIntParam(raw: string | undefined, field: string): number {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw))
    throw new ValidationError(field, 'must be a positive whole number');
  return Number(raw);
}

/** Query parameters checked against their schema, or a 422 naming the first bad one. */
export function parsedQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ValidationError(issue?.path.join('.') || 'query', issue?.message ?? 'invalid');
}

/** `?page=`: which page of a list, from 1. */
export const pageParam = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1)
  .max(100_000)
  .default(1);

/**
 * Adding public notes (corrections, clarifications, updates, editor's notes) through the Admin
 * API, as the newsroom app does, for tests: in-process through an `AdminApiClient`'s `call`, or
 * over HTTP against a running site (`startSite()`), logged in as one of the demo accounts.
 */
import type { StaffArticleNote } from '../core/newsroom/article-notes-for-staff.js';
import type { ArticleNoteType } from '../db/schema.js';
import type { Login } from './admin-api-client.js';

/** The shape of `AdminApiClient.call`: method, path below /api/admin, login, JSON body. */
export type AdminCall = (
  method: string,
  path: string,
  login: Login | null,
  body?: unknown,
) => Promise<Response>;

export interface NewNote {
  type: ArticleNoteType;
  text: string;
  isProminent?: boolean;
  /** ISO-8601 with offset; the server's now when left out. */
  notedAt?: string;
}

/** Adds a note to a published article; throws with the API's answer unless it says 201. */
export async function addNoteThroughAdminApi(
  call: AdminCall,
  login: Login,
  articleId: number,
  note: NewNote,
): Promise<StaffArticleNote> {
  const response = await call('POST', `/articles/${articleId}/notes`, login, note);
  const body = (await response.json()) as { note?: StaffArticleNote; error?: { message: string } };
  if (response.status !== 201 || !body.note)
    throw new Error(
      `adding a ${note.type} to article ${articleId}: ${response.status} ${body.error?.message ?? ''}`,
    );
  return body.note;
}

/** A correction, the commonest note: what the end-to-end chain (report, queue, fix) ends with. */
export function addCorrectionThroughAdminApi(
  call: AdminCall,
  login: Login,
  articleId: number,
  text: string,
  options: { isProminent?: boolean } = {},
): Promise<StaffArticleNote> {
  return addNoteThroughAdminApi(call, login, articleId, {
    type: 'correction',
    text,
    isProminent: options.isProminent ?? false,
  });
}

/**
 * `call` and a login for a site served over HTTP at `origin` (e.g. `startSite()`'s): logs in with
 * the given account and sends the session cookie, the CSRF token and the site's own Origin.
 */
export async function adminApiOverHttp(
  origin: string,
  account: { email: string; password: string },
): Promise<{ call: AdminCall; login: Login }> {
  const response = await fetch(`${origin}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(account),
  });
  if (response.status !== 200) throw new Error(`log in as ${account.email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const login: Login = {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: csrfToken,
  };
  const call: AdminCall = (method, path, who, body) =>
    fetch(`${origin}/api/admin${path}`, {
      method,
      headers: {
        origin,
        ...(who && { cookie: who.cookie, 'x-csrf-token': who.csrf }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return { call, login };
}

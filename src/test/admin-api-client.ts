/**
 * An Admin API client for tests: a small publication (one section, one author), one staff
 * account per role, each logged in, and `call` to send JSON with the session cookie and CSRF
 * token. Built inside the suite's beforeAll, on whichever dialect the suite runs.
 */
import { STAFF_ROLES, systemActor } from '../core/actor.js';
import type { StaffRole } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import {
  createAuthor,
  createSection,
  createStaffUser,
  setUpPublication,
} from '../core/operations/index.js';
import type { Galley } from '../server/create-galley.js';

export const TEST_PASSWORD = 'a long enough passphrase';
const CSRF_HEADER = 'x-csrf-token';

export interface Login {
  cookie: string;
  csrf: string;
}

export interface AdminApiClient {
  logins: Record<StaffRole, Login>;
  sectionId: number;
  authorId: number;
  logIn(role: StaffRole): Promise<Login>;
  call(method: string, path: string, login: Login | null, body?: unknown): Promise<Response>;
}

export async function setUpAdminApiClient(galley: Galley): Promise<AdminApiClient> {
  const system = systemActor('test');
  await runOperation(galley.core, setUpPublication, system, {
    name: 'API Times',
    timeZone: 'UTC',
    translations: { en: { tagline: 'News' }, es: { tagline: 'Noticias' } },
  });
  const { id: sectionId } = await runOperation(galley.core, createSection, system, {
    translations: { en: { name: 'Port', slug: 'port' }, es: { name: 'Puerto', slug: 'puerto' } },
  });
  const { id: authorId } = await runOperation(galley.core, createAuthor, system, {
    slug: 'rita-gomez',
    name: 'Rita Gómez',
    translations: { en: { bio: '' }, es: { bio: '' } },
  });

  async function logIn(role: StaffRole): Promise<Login> {
    const response = await galley.app.request('/api/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@api.galley.example`, password: TEST_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`log in as ${role}: ${response.status}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return {
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: csrfToken,
    };
  }

  const logins = {} as Record<StaffRole, Login>;
  for (const role of STAFF_ROLES) {
    await runOperation(galley.core, createStaffUser, system, {
      email: `${role}@api.galley.example`,
      name: role,
      role,
      password: TEST_PASSWORD,
    });
    logins[role] = await logIn(role);
  }

  return {
    logins,
    sectionId,
    authorId,
    logIn,
    call: async (method, path, login, body) =>
      galley.app.request(`/api/admin${path}`, {
        method,
        headers: {
          ...(login && { cookie: login.cookie, [CSRF_HEADER]: login.csrf }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../core/actor.js';
import { ADMIN_ROUTES } from './admin-api.js';

const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');

describe('docs/permissions.md, Admin API routes', () => {
  it('has one row per route, saying exactly what its policy says', () => {
    const documented = new Map<string, boolean[]>();
    for (const line of doc.split('\n')) {
      const match = /^\|\s*`((?:GET|POST|PUT|PATCH|DELETE) \/api\/admin\S*)`\s*\|(.*)\|\s*$/.exec(
        line,
      );
      if (match?.[1] && match[2] !== undefined)
        documented.set(
          match[1],
          match[2].split('|').map((cell) => cell.trim() === 'yes'),
        );
    }
    const actual = new Map(
      ADMIN_ROUTES.map((route) => [
        `${route.method} /api/admin${route.path}`,
        [
          ...STAFF_ROLES.map((role) => route.policy.staff.includes(role)),
          route.policy.anonymous === true,
        ],
      ]),
    );
    expect(documented).toEqual(actual);
  });
});

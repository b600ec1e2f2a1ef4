import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './actor.js';
import type { Operation } from './operation.js';
import * as operations from './operations/index.js';
import { isAllowed } from './policy.js';

const all = Object.entries(operations) as [string, Operation<unknown, unknown>][];

describe('operation policies', () => {
  it('every operation declares a policy that names who may run it', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const [name, operation] of all) {
      expect(operation.policy, name).toBeDefined();
      expect(Array.isArray(operation.policy.staff), name).toBe(true);
      expect(typeof operation.policy.system, name).toBe('boolean');
    }
  });

  it('denies anonymous visitors everything but logging in and reporting a mistake', () => {
    const anonymous = all.filter(([, operation]) =>
      isAllowed(operation.policy, { kind: 'anonymous' }),
    );
    expect(anonymous.map(([name]) => name).sort()).toEqual(['logIn', 'submitErrorReport']);
  });
  it('gives admins everything an editor has, and editors everything an author has', () => {
    for (const [name, operation] of all) {
      const allowed = STAFF_ROLES.map((role) =>
        isAllowed(operation.policy, { kind: 'staff', userId: 1, role }),
      );
      // Roles are ordered contributor < author < editor < admin: once allowed, allowed above.
      const firstAllowed = allowed.indexOf(true);
      if (firstAllowed >= 0) expect(allowed.slice(firstAllowed).every(Boolean), name).toBe(true);
    }
  });

  it('keeps publishing from contributors and settings with admins', () => {
    const contributor = { kind: 'staff', userId: 1, role: 'contributor' } as const;
    const editor = { kind: 'staff', userId: 1, role: 'editor' } as const;
    expect(isAllowed(operations.publishArticle.policy, contributor)).toBe(false);
    expect(isAllowed(operations.createArticle.policy, contributor)).toBe(true);
    expect(isAllowed(operations.setUpPublication.policy, editor)).toBe(false);
    expect(
      isAllowed(operations.unpublishArticle.policy, { kind: 'staff', userId: 1, role: 'author' }),
    ).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './actor.js';
import type { Operation } from './operation.js';
import * as operations from './operations/index.js';

const doc = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');

/** The table rows of docs/permissions.md: operation name -> allowed columns. */
function documentedPolicies(): Map<string, Record<string, boolean>> {
  const rows = new Map<string, Record<string, boolean>>();
  for (const line of doc.split('\n')) {
    const match = /^\|\s*`(\w+)`\s*\|[^|]*\|(.*)\|\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const cells = match[2].split('|').map((cell) => cell.trim() === 'yes');
    const columns = [...STAFF_ROLES, 'system', 'anonymous'];
    rows.set(
      match[1],
      Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? false])),
    );
  }
  return rows;
}

describe('docs/permissions.md', () => {
  it('has one row per operation, saying exactly what its policy says', () => {
    const documented = documentedPolicies();
    const all = Object.entries(operations) as [string, Operation<unknown, unknown>][];
    expect([...documented.keys()].sort()).toEqual(all.map(([name]) => name).sort());
    for (const [name, operation] of all) {
      const expected = {
        ...Object.fromEntries(
          STAFF_ROLES.map((role) => [role, operation.policy.staff.includes(role)]),
        ),
        system: operation.policy.system,
        anonymous: operation.policy.anonymous === true,
      };
      expect(documented.get(name), name).toEqual(expected);
    }
  });
});

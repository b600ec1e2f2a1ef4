/**
 * Who runs an operation. Staff act through the newsroom app and Admin API; the system acts
 * through the CLI, the demo loader and (later) the scheduler. Policies name both explicitly.
 */
export const STAFF_ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Actor =
  | { kind: 'staff'; userId: number; role: StaffRole }
  | { kind: 'system'; reason: 'cli' | 'demo' | 'scheduler' | 'test' }
  | { kind: 'anonymous' };

/** The actor for work started from the command line or at start-up. */
export const systemActor = (reason: 'cli' | 'demo' | 'scheduler' | 'test'): Actor => ({
  kind: 'system',
  reason,
});

import type { Actor, StaffRole } from './actor.js';

/**
 * Who may run an operation. Deny by default: an actor passes only if the policy names its kind
 * (and, for staff, its role). Every operation must declare one; a test enumerates them.
 */
export interface Policy {
  /** Staff roles allowed. */
  staff: readonly StaffRole[];
  /** Whether the system (CLI, demo loader, scheduler) may run it. */
  system: boolean;
  /** Whether anonymous readers may run it (reader error reports, later). */
  anonymous?: boolean;
}

export function isAllowed(policy: Policy, actor: Actor): boolean {
  switch (actor.kind) {
    case 'staff':
      return policy.staff.includes(actor.role);
    case 'system':
      return policy.system;
    case 'anonymous':
      return policy.anonymous === true;
  }
}

/** Editors and admins manage the publication's structure; the system may seed it. */
export const editorsPolicy: Policy = { staff: ['editor', 'admin'], system: true };
/** Admins only (publication settings). */
export const adminsPolicy: Policy = { staff: ['admin'], system: true };
/** Anyone on staff who writes. Ownership checks for contributors arrive with accounts. */
export const writersPolicy: Policy = {
  staff: ['contributor', 'author', 'editor', 'admin'],
  system: true,
};
/** Those who may put an article in front of readers. */
export const publishersPolicy: Policy = { staff: ['author', 'editor', 'admin'], system: true };

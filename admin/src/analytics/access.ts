import type { User } from '../types.ts';

/**
 * Who sees the dashboard: editors and admins, as the API's policy says (the API refuses the rest
 * with 403 anyway). Kept apart from the screen so the navigation can ask without loading it.
 */
export function mayViewAnalytics(role: User['role']): boolean {
  return role === 'editor' || role === 'admin';
}

/** The signed-in staff member, shared by every screen, and what each role is shown. */
import { createContext, useContext } from 'react';
import type { MessageKey } from './i18n/index.tsx';
import type { User } from './types.ts';

export interface SessionValue {
  user: User;
  logOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in app');
  return value;
}

export const ROLE_KEYS: Record<User['role'], MessageKey> = {
  contributor: 'roleContributor',
  author: 'roleAuthor',
  editor: 'roleEditor',
  admin: 'roleAdmin',
};

/**
 * Which screens a role sees. The API refuses the rest anyway (403); hiding them only spares
 * people buttons that cannot work for them.
 */
export type GuardedScreen =
  'users' | 'taxonomy' | 'webhooks' | 'contentKeys' | 'import' | 'reports' | 'policies';

export function mayOpen(role: User['role'], screen: GuardedScreen): boolean {
  return screen === 'users' || screen === 'webhooks' || screen === 'policies'
    ? role === 'admin'
    : role === 'editor' || role === 'admin';
}

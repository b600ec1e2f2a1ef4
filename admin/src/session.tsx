/** The signed-in staff member, shared by every screen. */
import { createContext, useContext } from 'react';
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

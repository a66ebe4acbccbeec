import { createContext, useContext } from 'react';
import type { Language } from '../../shared/vocabulary.js';
import type { PermissionVerb } from '../../shared/permissions.js';
import type { Me } from '../api/endpoints.js';

/** The signed-in session as pages see it. */
export interface SessionValue {
  me: Me;
  /** True when the user may do `verb` somewhere (hides what they cannot do). */
  can: (verb: PermissionVerb) => boolean;
  /** True for installation-wide actions: custom roles, top-level organisations. */
  isSystemAdmin: boolean;
  /** Switches the interface language and stores it on the user. */
  setLanguage: (language: Language) => Promise<void>;
  /** Re-reads `GET /api/me` (after enrolment, say). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The current session; only rendered inside the signed-in part of the app. */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside a signed-in session');
  return session;
}

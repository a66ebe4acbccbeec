import type { Language } from '../../../shared/vocabulary.js';

/** A user account as services see it (never leaves the server as is: see the presenter). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  passwordHash: string;
  passwordChangedAt: string;
  isSystemAdmin: boolean;
  disabled: boolean;
  dataKeyId: string | null;
  totpSecretSealed: string | null;
  totpPendingSealed: string | null;
  totpEnabledAt: string | null;
  totpLastStep: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A membership with the organisation details authorization and the UI need. */
export interface Membership {
  id: string;
  userId: string;
  organisationId: string;
  organisationName: string;
  /** Ancestor ids of the organisation, root first, itself last. */
  organisationPath: string[];
  requireTwoFactor: boolean;
  role: string;
  createdAt: string;
}

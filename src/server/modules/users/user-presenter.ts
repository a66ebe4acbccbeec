import type { z } from 'zod';
import type { membershipSchema, userSchema } from '../../../shared/identity-schemas.js';
import type { Membership, User } from './user-model.js';

/**
 * Allow-list of user fields: never the password hash, TOTP secrets or key ids.
 */
export function presentUser(user: User): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    isSystemAdmin: user.isSystemAdmin,
    twoFactorEnabled: user.totpEnabledAt !== null,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}

export function presentMembership(m: Membership): z.infer<typeof membershipSchema> {
  return {
    id: m.id,
    userId: m.userId,
    organisationId: m.organisationId,
    role: m.role,
    createdAt: m.createdAt,
  };
}

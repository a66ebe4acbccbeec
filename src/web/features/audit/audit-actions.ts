/**
 * The audit actions the server records today, for the action filter. An entry with an action
 * not listed here (a newer server) still shows in the table.
 */
export const knownAuditActions = [
  'auth.login',
  'auth.password_verified',
  'auth.totp',
  'auth.logout',
  'user.create',
  'user.read',
  'user.update',
  'user.update_self',
  'user.change_password',
  'user.reset_password',
  'user.totp_begin',
  'user.totp_enable',
  'user.totp_disable',
  'user.recovery_codes_regenerate',
  'membership.create',
  'membership.delete',
  'org.create',
  'org.update',
  'role.create',
  'role.update',
  'role.delete',
  'token.create',
  'token.revoke',
  'keys.rotate',
] as const;

/**
 * The audit actions the server records today, for the action filter. An entry with an action
 * not listed here (a newer server) still shows in the table.
 */
export const knownAuditActions = [
  // Accounts and platform administration
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
  // Victim case records
  'case.create',
  'case.read',
  'case.read_break_glass',
  'case.list',
  'case.update',
  'case.forget',
  'case.break_glass',
  // Bulk import and export of case records
  'case.import_check',
  'case.import_start',
  'case.import',
  'case.export',
  // Consent, screening and crises
  'consent.record',
  'consent.revoke',
  'consent.override',
  'screening.create',
  'crisis.create',
  // Service providers and referrals
  'provider.create',
  'referral.create',
  'referral.update',
  'referral.revoke',
  'referral.read_packet',
] as const;

/**
 * Permission verbs (`noun.verb`). Roles are sets of these verbs; the server checks them in every
 * handler and the web application hides what a user cannot do. Verbs for capabilities that are
 * built later are declared here already so that role definitions stay stable as Vigil grows.
 */
export const permissionVerbs = [
  // Platform administration
  'org.read',
  'org.create',
  'org.update',
  'user.read',
  'user.create',
  'user.update',
  'user.reset_password',
  'membership.read',
  'membership.manage',
  'role.read',
  'role.manage',
  'token.manage',
  'audit.read',
  // Victim case records
  'case.read',
  'case.create',
  'case.update',
  'case.read_identifying',
  'case.read_subtree',
  'case.import',
  'case.export',
  'case.break_glass',
  'consent.override',
  'referral.manage',
  'referral.receive',
  'provider.manage',
  'crisis.manage',
  // GLOTIP returns
  'return.read',
  'return.edit',
  'return.submit',
  'return.approve',
  // Statistics and publication
  'stats.read',
  'publication.manage',
  // Surveys
  'survey.manage',
  'submission.create',
  'submission.read',
  // SEA allegations
  'allegation.read',
  'allegation.manage',
] as const;

/** One permission verb. */
export type PermissionVerb = (typeof permissionVerbs)[number];

/** True when the string is a known permission verb. */
export function isPermissionVerb(value: string): value is PermissionVerb {
  return (permissionVerbs as readonly string[]).includes(value);
}

/** Names of the roles every installation has; their verbs are fixed in code. */
export const builtInRoleNames = [
  'admin',
  'data_manager',
  'caseworker',
  'enumerator',
  'analyst',
  'reviewer',
  'conduct_officer',
] as const;

/** A built-in role's name. */
export type BuiltInRoleName = (typeof builtInRoleNames)[number];

/**
 * The verbs of each built-in role. Least privilege: an analyst never reads identifying fields;
 * an enumerator only collects; only an admin administers people and keys.
 */
export const builtInRoles: Record<BuiltInRoleName, readonly PermissionVerb[]> = {
  admin: permissionVerbs.filter((verb) => verb !== 'case.break_glass'),
  data_manager: [
    'org.read',
    'user.read',
    'membership.read',
    'case.read',
    'case.create',
    'case.update',
    'case.read_identifying',
    'case.read_subtree',
    'case.import',
    'case.export',
    'consent.override',
    'referral.manage',
    'referral.receive',
    'provider.manage',
    'return.read',
    'return.edit',
    'return.submit',
    'stats.read',
    'survey.manage',
    'submission.read',
  ],
  caseworker: [
    'org.read',
    'case.read',
    'case.create',
    'case.update',
    'case.read_identifying',
    'referral.manage',
    'referral.receive',
  ],
  enumerator: ['org.read', 'submission.create'],
  analyst: ['org.read', 'case.read', 'return.read', 'stats.read', 'submission.read'],
  reviewer: ['org.read', 'return.read', 'return.approve', 'stats.read', 'publication.manage'],
  conduct_officer: ['org.read', 'allegation.read', 'allegation.manage'],
};

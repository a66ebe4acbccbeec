import type { Executor } from '../../platform/db/database.js';

/** True when the user holds an unexpired emergency grant on the case. */
export async function hasActiveBreakGlass(
  db: Executor,
  userId: string,
  caseId: string,
  at: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('break_glass_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertBreakGlass(
  trx: Executor,
  grant: {
    id: string;
    caseId: string;
    userId: string;
    reasonSealed: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('break_glass_grants')
    .values({
      id: grant.id,
      case_id: grant.caseId,
      user_id: grant.userId,
      reason_sealed: grant.reasonSealed,
      created_at: grant.createdAt,
      expires_at: grant.expiresAt,
    })
    .execute();
}

/**
 * Whom a break-glass on a case notifies: the active users who oversee the cases of its
 * organisation, holding `case.read_subtree` in it or above it (data managers, and custom roles
 * with that verb); when there is none, the active system administrators, so that an emergency
 * access never goes unseen.
 */
export async function caseOverseers(
  db: Executor,
  organisationPath: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('roles', 'roles.name', 'memberships.role')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id as userId', 'roles.verbs as verbs'])
    .where('memberships.organisation_id', 'in', [...organisationPath])
    .where('users.disabled', '=', 0)
    .execute();
  const overseers = rows
    .filter((row) => (JSON.parse(row.verbs) as string[]).includes('case.read_subtree'))
    .map((row) => row.userId);
  if (overseers.length > 0) return [...new Set(overseers)];
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('is_system_admin', '=', 1)
    .where('disabled', '=', 0)
    .execute();
  return admins.map((row) => row.id);
}

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

/** Users holding `role` directly in an organisation (whom a break-glass notifies). */
export async function usersWithRoleIn(
  db: Executor,
  organisationId: string,
  role: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .execute();
  return [...new Set(rows.map((row) => row.user_id))];
}

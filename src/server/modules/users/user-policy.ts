import { AppError } from '../../../shared/app-error.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import { can, type Actor } from '../access/index.js';
import type { Membership, User } from './user-model.js';

/**
 * May the actor act on another user's account with `verb`? Only if, over every organisation
 * the target belongs to, the actor holds the verb and every verb the target's role grants
 * there: otherwise an administrator of one NGO could reset the password of an account that
 * also reaches another organisation's victims, or holds powers the administrator lacks (a
 * break-glass role, say), and sign in as it. System administrators are managed only by
 * system administrators.
 */
export function authorizeUserAction(
  actor: Actor,
  verb: PermissionVerb,
  target: User,
  targetMemberships: readonly Membership[],
  verbsByRole: ReadonlyMap<string, readonly PermissionVerb[]>,
): void {
  if (actor.kind === 'system' || actor.isSystemAdmin) return;
  const allowed =
    !target.isSystemAdmin &&
    targetMemberships.length > 0 &&
    targetMemberships.every((m) => {
      const scope = { organisationPath: m.organisationPath };
      const needed = [verb, ...(verbsByRole.get(m.role) ?? [])];
      return needed.every((v) => can(actor, v, scope));
    });
  if (!allowed) throw new AppError('access.denied', { verb });
}

/** May the actor see the user? Holding `user.read` over any of their organisations is enough. */
export function authorizeUserRead(
  actor: Actor,
  target: User,
  targetMemberships: readonly Membership[],
): void {
  if (actor.kind !== 'system' && actor.kind !== 'token' && actor.userId === target.id) return;
  if (actor.kind === 'system' || actor.isSystemAdmin) return;
  const allowed = targetMemberships.some((m) =>
    can(actor, 'user.read', { organisationPath: m.organisationPath }),
  );
  if (!allowed) throw new AppError('access.denied', { verb: 'user.read' });
}

/**
 * No privilege escalation through roles: a role can be handed out in an organisation only by
 * someone who holds all of its verbs there.
 */
export function authorizeRoleGrant(
  actor: Actor,
  organisationPath: readonly string[],
  roleVerbs: readonly PermissionVerb[],
): void {
  const scope = { organisationPath };
  if (!can(actor, 'membership.manage', scope)) {
    throw new AppError('access.denied', { verb: 'membership.manage' });
  }
  const missing = roleVerbs.filter((verb) => !can(actor, verb, scope));
  if (missing.length > 0)
    throw new AppError('access.denied', { verb: 'membership.manage', missing });
}

import { AppError } from '../../../shared/app-error.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import { grantsAllow } from '../../../core/permission-check.js';
import type { Actor } from './access-model.js';

/** Where an action applies: an organisation (by its ancestry) or the whole installation. */
export type Scope = { organisationPath: readonly string[] } | 'installation';

/** Splits a stored materialised path `/a/b/c/` into ids, root first. */
export function pathToIds(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** True when the actor may perform `verb` in `scope`. */
export function can(actor: Actor, verb: PermissionVerb, scope: Scope): boolean {
  if (actor.kind === 'system' || actor.isSystemAdmin) return true;
  if (actor.enrolmentOnly) return false;
  // Installation-wide objects (custom roles, top-level organisations) belong to system admins.
  if (scope === 'installation') return false;
  return grantsAllow(actor.grants, verb, scope.organisationPath);
}

/**
 * Throws `access.denied` unless the actor may perform `verb` in `scope`. Every handler calls
 * this after loading its target and before acting.
 */
export function authorize(actor: Actor, verb: PermissionVerb, scope: Scope): void {
  if (!can(actor, verb, scope)) throw new AppError('access.denied', { verb });
}

/**
 * For listings scoped by the actor's grants: throws `access.denied` unless the actor holds one
 * of `verbs` in some organisation, so that a reader with no such right is refused, not shown an
 * empty list as if there were nothing.
 */
export function authorizeSomewhere(actor: Actor, verbs: readonly PermissionVerb[]): void {
  if (actor.kind === 'system' || actor.isSystemAdmin) return;
  const holds =
    !actor.enrolmentOnly && actor.grants.some((g) => verbs.some((verb) => g.verbs.includes(verb)));
  if (!holds) throw new AppError('access.denied', { verb: verbs.join(' or ') });
}

/** Throws `auth.required` when there is no actor; otherwise returns it. */
export function requireActor(actor: Actor | null): Actor {
  if (actor === null) throw new AppError('auth.required');
  if (actor.kind !== 'system' && actor.enrolmentOnly) {
    throw new AppError('auth.totp_enrolment_required');
  }
  return actor;
}

/** Like requireActor, but lets through a session that must still enrol two-factor. */
export function requireActorAllowingEnrolment(actor: Actor | null): Actor {
  if (actor === null) throw new AppError('auth.required');
  return actor;
}

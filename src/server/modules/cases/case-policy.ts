import { grantsSeeCase, grantsSeeIdentity } from '../../../core/cases/case-access.js';
import { AppError } from '../../../shared/app-error.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import { authorize, type Actor } from '../access/index.js';
import type { CaseView } from './case-model.js';

/**
 * What an actor may see of a case held under `casePath`, or null when nothing. Break-glass
 * access (a recorded emergency grant) opens a case outside the actor's own scope; identifying
 * fields then need `case.read_identifying` somewhere, since the case's own hierarchy grants
 * the actor nothing.
 */
export function caseViewOf(
  actor: Actor,
  casePath: readonly string[],
  breakGlass: boolean,
): CaseView | null {
  if (actor.kind === 'system' || actor.isSystemAdmin) return 'full';
  if (actor.enrolmentOnly) return null;
  if (grantsSeeCase(actor.grants, casePath)) {
    return grantsSeeIdentity(actor.grants, casePath) ? 'full' : 'analytic';
  }
  if (!breakGlass) return null;
  const identifying = actor.grants.some((grant) => grant.verbs.includes('case.read_identifying'));
  return identifying ? 'full' : 'analytic';
}

/**
 * Authorizes an action on a case: the actor must see the case (own organisation, subtree or
 * break-glass) and hold the verb over it. An invisible case is reported as not found, so that
 * case ids cannot be probed.
 */
export function authorizeCase(
  actor: Actor,
  verb: PermissionVerb,
  casePath: readonly string[],
  breakGlass: boolean,
  caseId: string,
): CaseView {
  const view = caseViewOf(actor, casePath, breakGlass);
  if (view === null) throw new AppError('case.not_found', { id: caseId });
  if (verb !== 'case.read') {
    if (breakGlass && !grantsSeeCase(actor.kind === 'system' ? [] : actor.grants, casePath)) {
      // Break-glass opens a case for reading only; acting on it stays with its holder.
      if (actor.kind !== 'system' && !actor.isSystemAdmin) {
        throw new AppError('access.denied', { verb });
      }
    }
    authorize(actor, verb, { organisationPath: casePath });
  }
  return view;
}

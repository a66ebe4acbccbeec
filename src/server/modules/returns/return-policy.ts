import { AppError } from '../../../shared/app-error.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import type { ReturnAction } from '../../../shared/return-schemas.js';
import { can, type Actor } from '../access/index.js';
import { approvalLevelsOf, isLocked, type StoredReturn } from './return-model.js';

// Who may do what with a return (decision 0005). The reporting entity edits and submits; the
// level above accepts or sends back; the level above that approves; publication follows the
// approval level. Verbs held higher up extend down the hierarchy (decision 0003), so a UNODC
// reviewer may also act at the national level: the four-eyes rule still keeps the acceptor of a
// version from approving it.

/** The ancestry of `organisationId` within `path` (root first, it last). */
function pathUpTo(path: readonly string[], organisationId: string): string[] {
  return path.slice(0, path.indexOf(organisationId) + 1);
}

/** The organisation a workflow step acts at, with the ancestry that authorizes it. */
export interface ActionLevel {
  organisationId: string;
  path: readonly string[];
}

/** The level each action is taken at, for a return of the entity with this ancestry. */
export function actionLevel(ret: StoredReturn, action: ReturnAction): ActionLevel {
  const path = ret.organisationPath;
  const levels = approvalLevelsOf(path);
  const at = (organisationId: string): ActionLevel => ({
    organisationId,
    path: pathUpTo(path, organisationId),
  });
  switch (action) {
    case 'edit':
    case 'submit':
      return at(ret.organisationId);
    case 'return':
    case 'accept':
      return at(levels.accept);
    case 'approve':
    case 'publish':
      return at(levels.approve);
    case 'reopen':
      // Whoever locked the return reopens it: the acceptor's level while only accepted, the
      // approver's once approved or published.
      return at(ret.status === 'accepted' ? levels.accept : levels.approve);
  }
}

const verbOf: Record<ReturnAction, PermissionVerb> = {
  edit: 'return.edit',
  submit: 'return.submit',
  return: 'return.approve',
  accept: 'return.approve',
  approve: 'return.approve',
  publish: 'publication.manage',
  reopen: 'return.approve',
};

const fromStatuses: Record<ReturnAction, readonly StoredReturn['status'][]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  approve: ['accepted'],
  publish: ['approved'],
  reopen: ['accepted', 'approved', 'published'],
};

/** The verb an action needs (at its level). */
export function verbFor(action: ReturnAction): PermissionVerb {
  return verbOf[action];
}

/** True when the return's status allows the action at all. */
export function statusAllows(ret: StoredReturn, action: ReturnAction): boolean {
  return fromStatuses[action].includes(ret.status);
}

/** The person behind an actor (a token acts for its owner); null for the system. */
export function personOf(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.userId;
}

/** True when the actor accepted the working version (and so may not approve it). */
export function isAcceptor(actor: Actor, ret: StoredReturn): boolean {
  const person = personOf(actor);
  return person !== null && person === ret.acceptedBy;
}

/** True when the actor may see the return. */
export function canReadReturn(actor: Actor, ret: StoredReturn): boolean {
  return can(actor, 'return.read', { organisationPath: ret.organisationPath });
}

/** True when the actor holds the action's verb at its level (status aside). */
export function holdsActionVerb(actor: Actor, ret: StoredReturn, action: ReturnAction): boolean {
  return can(actor, verbOf[action], { organisationPath: actionLevel(ret, action).path });
}

/** The actions the actor may take on the return now. */
export function allowedActions(actor: Actor, ret: StoredReturn): ReturnAction[] {
  return (Object.keys(verbOf) as ReturnAction[]).filter(
    (action) =>
      statusAllows(ret, action) &&
      holdsActionVerb(actor, ret, action) &&
      !(action === 'approve' && isAcceptor(actor, ret)),
  );
}

/**
 * Throws unless the actor may take the action now: `access.denied` without the verb at the
 * action's level, `return.same_reviewer` for the acceptor approving, `return.locked` for cell
 * writes to a locked return, `return.invalid_transition` when the status does not allow it.
 */
export function authorizeAction(actor: Actor, ret: StoredReturn, action: ReturnAction): void {
  if (!holdsActionVerb(actor, ret, action)) {
    throw new AppError('access.denied', { verb: verbOf[action] });
  }
  if (!statusAllows(ret, action)) {
    if (action === 'edit' && isLocked(ret.status)) {
      throw new AppError('return.locked', { id: ret.id, status: ret.status });
    }
    if (action === 'edit') throw new AppError('return.under_review', { id: ret.id });
    throw new AppError('return.invalid_transition', { from: ret.status, action });
  }
  if (action === 'approve' && isAcceptor(actor, ret)) {
    throw new AppError('return.same_reviewer', { id: ret.id });
  }
}

import type { Grant } from '../../../core/permission-check.js';

/**
 * Who is making a request, resolved once per request by the auth module. Grants are the
 * verbs held per organisation (extending to descendants); a token's grants are the
 * intersection of its scope with its owner's current grants.
 */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      isSystemAdmin: boolean;
      grants: Grant[];
      /** Signed in, but must enrol two-factor authentication before doing anything else. */
      enrolmentOnly: boolean;
    }
  | {
      kind: 'token';
      userId: string;
      tokenId: string;
      isSystemAdmin: false;
      grants: Grant[];
      enrolmentOnly: false;
    }
  | { kind: 'system' };

/** An actor as the audit log records it: opaque ids only (structurally the audit's actor). */
export interface ActorIdentity {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
}

/** The audit identity of an actor: opaque ids only. */
export function auditActorOf(actor: Actor | null): ActorIdentity {
  if (actor === null) return { type: 'anonymous', id: null };
  switch (actor.kind) {
    case 'user':
      return { type: 'user', id: actor.userId };
    case 'token':
      return { type: 'token', id: actor.tokenId };
    case 'system':
      return { type: 'system', id: null };
  }
}

/** What every service call carries: who acts, and the request it belongs to (for audit). */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

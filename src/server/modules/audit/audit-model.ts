import type { AuditOutcome } from '../../../shared/vocabulary.js';

/** Who did something. Only opaque ids, never names or emails. */
export interface AuditActor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
}

/** What a service declares next to each write or sensitive read. */
export interface AuditEvent {
  actor: AuditActor;
  /** `noun.verb`, in the same namespace as permission verbs and error codes. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  organisationId?: string | null;
  requestId?: string | null;
  outcome?: AuditOutcome;
}

/** A stored entry. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorType: AuditActor['type'];
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  organisationId: string | null;
  requestId: string | null;
  outcome: AuditOutcome;
  prevHash: string;
  hash: string;
}

/** Filters for the audit query. */
export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  organisationId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

import { AppError } from '../../../shared/app-error.js';
import { createChainVerifier, hashEntry, type ChainReport } from '../../../core/audit-chain.js';
import { sha256Hex } from '../../platform/crypto/index.js';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { AuditEntry, AuditEvent, AuditFilter } from './audit-model.js';
import { insertEntry, lockHead, queryEntries, readHead, walkEntries } from './audit-repo.js';

/** The audit log: append inside the caller's transaction, query, verify. */
export interface AuditService {
  /**
   * Appends an entry inside `trx`, the transaction of the change it records. Throws
   * `audit.write_failed` on any failure, so the caller's transaction rolls back: no change
   * without its trace.
   */
  record: (trx: Executor, event: AuditEvent) => Promise<AuditEntry>;
  query: (db: Executor, filter: AuditFilter) => Promise<AuditEntry[]>;
  /** Walks the whole chain and reports the first entry that does not verify. */
  verify: (db: Executor) => Promise<ChainReport & { headHash: string }>;
}

/** Creates the audit service for a database dialect and a clock. */
export function createAuditService(dialect: Dialect, now: () => Date): AuditService {
  return {
    async record(trx, event) {
      try {
        const head = await lockHead(trx, dialect);
        const fields = {
          seq: head.seq + 1,
          at: now().toISOString(),
          actorType: event.actor.type,
          actorId: event.actor.id,
          action: event.action,
          targetType: event.targetType ?? null,
          targetId: event.targetId ?? null,
          organisationId: event.organisationId ?? null,
          requestId: event.requestId ?? null,
          outcome: event.outcome ?? 'success',
        };
        const entry: AuditEntry = {
          ...fields,
          prevHash: head.hash,
          hash: hashEntry(sha256Hex, head.hash, fields),
        };
        await insertEntry(trx, entry);
        return entry;
      } catch (cause) {
        throw new AppError('audit.write_failed', {}, { cause });
      }
    },
    query: (db, filter) => queryEntries(db, filter),
    async verify(db) {
      const verifier = createChainVerifier(sha256Hex);
      await walkEntries(db, (entry) => verifier.push(entry));
      const head = await readHead(db);
      return { ...verifier.finish(head), headHash: head.hash };
    },
  };
}

import { glotipDataSet } from '../../../core/glotip/index.js';
import { organisationsWithVerb } from '../../../core/permission-check.js';
import { AppError } from '../../../shared/app-error.js';
import type { ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import type { ReturnEventKind } from '../../../shared/return-schemas.js';
import { newId, sha256Hex } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, type Actor, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { insertVersion, listCells } from './return-cell-repo.js';
import { canonicalCellsJson, type SealedVersion, type StoredReturn } from './return-model.js';
import { insertEvent } from './return-history-repo.js';
import { canReadReturn, personOf } from './return-policy.js';
import {
  ensureDataSet,
  findReturn,
  lockReturn,
  userLanguage,
  type ReturnScope,
} from './return-repo.js';

/** What the returns services are built from. */
export interface ReturnDeps {
  database: Database;
  audit: AuditService;
  now: () => Date;
}

/** The data set every return uses today (decision 0005: one definition, versioned as data). */
export const currentDataSet = glotipDataSet;

/** Helpers the returns services share: loading, auditing, history and sealing. */
export interface ReturnKit extends ReturnDeps {
  /** Loads a return the actor may read; `return.not_found` otherwise (ids cannot be probed). */
  load: (db: Executor, ctx: RequestContext, id: string) => Promise<StoredReturn>;
  /** As load, holding the return's row lock until the transaction ends (writes). */
  loadForWrite: (trx: Executor, ctx: RequestContext, id: string) => Promise<StoredReturn>;
  /** Reloads a return after a write (no authorization: the caller already authorized). */
  reload: (db: Executor, id: string) => Promise<StoredReturn>;
  /** Appends the audit entry of a read or write in the same transaction. */
  recordAudit: (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    target: { id: string; organisationId: string } | null,
  ) => Promise<void>;
  /** Appends a workflow event. */
  recordEvent: (
    trx: Executor,
    ctx: RequestContext,
    ret: StoredReturn,
    step: {
      action: ReturnEventKind;
      toStatus: ReturnStatus;
      version?: number;
      levelOrganisationId: string | null;
      comment: string | null;
    },
  ) => Promise<void>;
  /** Seals the current cells as version `version` with the status they are sealed in. */
  seal: (
    trx: Executor,
    ctx: RequestContext,
    returnId: string,
    version: number,
    status: ReturnStatus,
  ) => Promise<SealedVersion>;
  /** Stores the current data set definition on first use. */
  ensureDataSet: (trx: Executor) => Promise<void>;
  /** The subtrees where the actor holds `verb` (null = everywhere). */
  scopeOf: (actor: Actor, verb: PermissionVerb) => ReturnScope;
  /** The language rule messages are written in for this actor. */
  languageOf: (db: Executor, actor: Actor) => Promise<string>;
}

/** Builds the shared helpers over the dependencies. */
export function createReturnKit(deps: ReturnDeps): ReturnKit {
  const { audit, now } = deps;
  const reload: ReturnKit['reload'] = async (db, id) => {
    const found = await findReturn(db, id);
    if (found === undefined) throw new AppError('return.not_found', { id });
    return found;
  };
  const load: ReturnKit['load'] = async (db, ctx, id) => {
    const found = await findReturn(db, id);
    if (found === undefined || !canReadReturn(ctx.actor, found)) {
      throw new AppError('return.not_found', { id });
    }
    return found;
  };
  return {
    ...deps,
    reload,
    load,
    async loadForWrite(trx, ctx, id) {
      await lockReturn(trx, deps.database.dialect, id);
      return load(trx, ctx, id);
    },
    async recordAudit(trx, ctx, action, target) {
      await audit.record(trx, {
        actor: auditActorOf(ctx.actor),
        action,
        targetType: 'return',
        targetId: target?.id ?? null,
        organisationId: target?.organisationId ?? null,
        requestId: ctx.requestId,
      });
    },
    async recordEvent(trx, ctx, ret, step) {
      const identity = auditActorOf(ctx.actor);
      await insertEvent(trx, {
        id: newId(),
        returnId: ret.id,
        action: step.action,
        fromStatus: step.action === 'create' ? null : ret.status,
        toStatus: step.toStatus,
        version: step.version ?? ret.version,
        actorType: identity.type,
        // The person, not the token: history and the four-eyes rule speak of people.
        actorId: personOf(ctx.actor),
        levelOrganisationId: step.levelOrganisationId,
        comment: step.comment,
        at: now().toISOString(),
      });
    },
    async seal(trx, ctx, returnId, version, status) {
      const cells = await listCells(trx, returnId);
      const cellsJson = canonicalCellsJson(cells);
      const sealed: SealedVersion = {
        returnId,
        version,
        status,
        hash: sha256Hex(cellsJson),
        cellCount: cells.length,
        sealedBy: personOf(ctx.actor),
        sealedAt: now().toISOString(),
      };
      await insertVersion(trx, { ...sealed, cellsJson });
      return sealed;
    },
    ensureDataSet: (trx) =>
      ensureDataSet(
        trx,
        {
          code: currentDataSet.code,
          version: currentDataSet.version,
          name: currentDataSet.name,
          definition: JSON.stringify(currentDataSet),
        },
        now().toISOString(),
      ),
    scopeOf(actor, verb) {
      if (actor.kind === 'system' || actor.isSystemAdmin) return null;
      if (actor.enrolmentOnly) return [];
      return organisationsWithVerb(actor.grants, verb);
    },
    async languageOf(db, actor) {
      if (actor.kind === 'system') return 'en';
      return (await userLanguage(db, actor.userId)) ?? 'en';
    },
  };
}

import { deriveVictim } from '../../../core/cases/case-derivations.js';
import { AppError } from '../../../shared/app-error.js';
import type {
  CaseListQuery,
  CaseRecord,
  caseUpdateBodySchema,
} from '../../../shared/case-schemas.js';
import type { z } from 'zod';
import { newId, type FieldCipher } from '../../platform/crypto/index.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import { auditActorOf, authorizeSomewhere, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { keepSubmission, requireSameSubmission, submissionOf } from '../submissions/index.js';
import type { VaultService } from '../vault/index.js';
import { hasActiveBreakGlass } from './break-glass-repo.js';
import { crisisExists } from './crisis-repo.js';
import type { childrenOf } from './case-codec.js';
import { encodeChild, sealIdentity } from './case-codec.js';
import {
  childKinds,
  type ChildKind,
  type LoadedCase,
  type OpenedCase,
  type StoredCase,
} from './case-model.js';
import { victimFacts } from './case-preparation.js';
import { authorizeCase, caseViewOf } from './case-policy.js';
import { createBulkCaseWriter, type BulkCaseWriter } from './case-bulk-writes.js';
import { caseOpener } from './case-opening.js';
import {
  deleteChildren,
  findCase,
  insertChildRows,
  listCases,
  caseIdBySourceKey,
  lockCase,
  lockLiveCases,
  updateCaseRow,
  type CaseRowsWritten,
  type CaseScope,
} from './case-repo.js';
import { caseToRow, victimColumns } from './case-row-codec.js';
import { caseReadScopes } from '../../../core/cases/case-access.js';
import type { PermissionVerb } from '../../../shared/permissions.js';

type CaseUpdate = z.output<typeof caseUpdateBodySchema>;

export type { LoadedCase } from './case-model.js';

/** The parts of a case read on their own, each audited as `case.read_<part>`. */
export type CasePart = 'consents' | 'screenings' | 'referrals';

/** Cases: reads and writes one at a time, plus the bulk writes of imports and demo content. */
export interface CaseService extends BulkCaseWriter {
  /**
   * Creates a case. With a `submissionKey` (the client's `Idempotency-Key`), a replay of the
   * same submission by the same user answers the case it created instead of making another.
   */
  create: (
    ctx: RequestContext,
    organisationId: string,
    record: CaseRecord,
    submissionKey?: string,
  ) => Promise<OpenedCase>;
  get: (ctx: RequestContext, id: string) => Promise<OpenedCase>;
  list: (
    ctx: RequestContext,
    query: CaseListQuery,
  ) => Promise<{ items: StoredCase[]; total: number }>;
  update: (ctx: RequestContext, id: string, body: CaseUpdate) => Promise<OpenedCase>;
  /** Loads and authorizes a case inside a caller's transaction (consents, referrals, …). */
  loadFor: (
    trx: Executor,
    ctx: RequestContext,
    id: string,
    verb: PermissionVerb,
  ) => Promise<LoadedCase>;
  /**
   * As `loadFor`, first locking the case against other writers until the caller's transaction
   * ends (consent, referrals, forget: each must see what the others did).
   */
  loadLockedFor: (
    trx: Executor,
    ctx: RequestContext,
    id: string,
    verb: PermissionVerb,
  ) => Promise<LoadedCase>;
  /**
   * Loads a case for reading one of its parts (consents, screenings, referrals) inside a
   * caller's transaction, and audits the read there, as every read of a case is.
   */
  loadPartFor: (
    trx: Executor,
    ctx: RequestContext,
    id: string,
    part: CasePart,
  ) => Promise<LoadedCase>;
  /**
   * Locks cases against other writers until the caller's transaction ends (in id order, so two
   * such callers never wait on each other) and returns the ids of those not forgotten. For
   * sealing something under their keys (override reasons) with no forget under way beside it;
   * the caller takes these locks before any other write, as forgetting does.
   */
  lockLive: (db: Executor, ids: readonly string[]) => Promise<Set<string>>;
  /** The cipher of a case's data key; `crypto.key_shredded` after the person was forgotten. */
  cipherOf: (db: Executor, stored: StoredCase) => Promise<FieldCipher>;
  /**
   * Whole records of an organisation's cases (forgotten ones left out), for record-level
   * exports; identities opened only when `withIdentity`. The caller authorizes and audits.
   */
  recordsOf: (
    db: Executor,
    organisationId: string,
    withIdentity: boolean,
  ) => Promise<{ stored: StoredCase; record: CaseRecord }[]>;
}

/** A unique clash on creating with a submission key: possibly the same submission, committed. */
class SubmissionClash extends Error {}

export function createCaseService(deps: {
  database: Database;
  audit: AuditService;
  vault: VaultService;
  organisationPath: (db: Executor, id: string) => Promise<readonly string[]>;
  /** Keyed hash for the source keys of submissions (so they reveal nothing of the key). */
  submissionKey: (input: string) => string;
  now: () => Date;
  /** Keeps derived aggregates (the statistics cube) in step with case rows. */
  afterCaseRowsWritten?: CaseRowsWritten;
}): CaseService {
  const { database, audit, vault, now } = deps;

  const writeChildren = async (
    trx: Executor,
    cipher: FieldCipher,
    caseId: string,
    sections: Partial<ReturnType<typeof childrenOf>>,
  ): Promise<void> => {
    for (const kind of Object.keys(childKinds) as ChildKind[]) {
      const children = sections[kind];
      if (children === undefined) continue;
      await deleteChildren(trx, kind, caseId);
      await insertChildRows(
        database.insertRows,
        trx,
        kind,
        children.map((child, position) =>
          encodeChild(cipher, kind, caseId, newId(), position, child),
        ),
      );
    }
  };

  const checkCrisis = async (db: Executor, crisisId: string | null): Promise<void> => {
    if (crisisId === null || (await crisisExists(db, crisisId))) return;
    throw new AppError('validation.failed', [
      {
        path: ['body', 'victim', 'conflict', 'crisisId'],
        issue: 'unknown_crisis',
        message: 'No crisis has this id',
      },
    ]);
  };

  const bulk = createBulkCaseWriter({
    database,
    vault,
    now,
    ...(deps.afterCaseRowsWritten === undefined
      ? {}
      : { afterCaseRowsWritten: deps.afterCaseRowsWritten }),
  });

  const load = async (db: Executor, id: string) => {
    const found = await findCase(db, id);
    if (found === undefined) throw new AppError('case.not_found', { id });
    return found;
  };

  const loadFor: CaseService['loadFor'] = async (trx, ctx, id, verb) => {
    const { stored, organisationPath } = await load(trx, id);
    const actor = ctx.actor;
    const visibleWithout =
      actor.kind === 'system' || caseViewOf(actor, organisationPath, false) !== null;
    const breakGlass =
      !visibleWithout &&
      actor.kind === 'user' &&
      (await hasActiveBreakGlass(trx, actor.userId, id, now().toISOString()));
    const view = authorizeCase(actor, verb, organisationPath, breakGlass, id);
    return { stored, organisationPath, view, breakGlass };
  };

  const loadLockedFor: CaseService['loadLockedFor'] = async (trx, ctx, id, verb) => {
    await lockCase(trx, database.dialect, id);
    return loadFor(trx, ctx, id, verb);
  };

  const loadPartFor: CaseService['loadPartFor'] = async (trx, ctx, id, part) => {
    const loaded = await loadFor(trx, ctx, id, 'case.read');
    await recordAudit(trx, ctx, `case.read_${part}`, loaded.stored);
    return loaded;
  };

  const cipherOf: CaseService['cipherOf'] = (db, stored) => vault.cipherFor(db, stored.dataKeyId);

  const { open, recordsOf } = caseOpener(vault);

  const recordAudit = (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    stored: Pick<StoredCase, 'id' | 'organisationId'>,
  ) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'case',
      targetId: stored.id,
      organisationId: stored.organisationId,
      requestId: ctx.requestId,
    });

  const lockLive: CaseService['lockLive'] = (db, ids) => lockLiveCases(db, database.dialect, ids);

  return {
    loadFor,
    loadLockedFor,
    loadPartFor,
    lockLive,
    cipherOf,
    ...bulk,
    recordsOf,
    async create(ctx, organisationId, record, submissionKey) {
      const submission = submissionOf(deps.submissionKey, 'case', ctx.actor, submissionKey, {
        organisationId,
        record,
      });
      // The source key of an API submission: its key, scoped to the user, hashed.
      const sourceKey = submission?.key ?? null;
      const attempt = (replayOnClash: boolean) =>
        database.db.transaction().execute(async (trx) => {
          const path = await deps.organisationPath(trx, organisationId);
          // Creating needs the verb and the right to see what is created.
          authorizeCase(ctx.actor, 'case.create', path, false, 'new');
          if (submission !== null) {
            await requireSameSubmission(trx, submission);
            const earlier = await caseIdBySourceKey(trx, organisationId, submission.key);
            if (earlier !== undefined) {
              // A replay: the case this submission made, read (and audited) as any read is.
              const loaded = await loadFor(trx, ctx, earlier, 'case.read');
              await recordAudit(trx, ctx, 'case.read', loaded.stored);
              return open(trx, loaded);
            }
          }
          await checkCrisis(trx, record.victim.conflict.crisisId);
          let ids: string[];
          try {
            ids = await bulk.insertMany(
              trx,
              organisationId,
              [{ record, sourceKey, synthetic: false }],
              {
                importJobId: null,
                createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.userId,
              },
            );
          } catch (error) {
            // The same submission committed meanwhile by a concurrent request: try again once,
            // to answer with its case.
            if (isUniqueViolation(error) && replayOnClash) throw new SubmissionClash();
            if (isUniqueViolation(error)) {
              throw new AppError('case.number_taken', [
                { path: ['body', 'caseNumber'], issue: 'taken', message: 'Case number in use' },
              ]);
            }
            throw error;
          }
          const id = ids[0] ?? '';
          await keepSubmission(trx, submission, id, now().toISOString());
          await recordAudit(trx, ctx, 'case.create', { id, organisationId });
          return open(trx, await loadFor(trx, ctx, id, 'case.read'));
        });
      try {
        return await attempt(sourceKey !== null);
      } catch (error) {
        if (error instanceof SubmissionClash) return attempt(false);
        throw error;
      }
    },
    get: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const loaded = await loadFor(trx, ctx, id, 'case.read');
        // Every read of a case is audited, and break-glass reads say so in their action.
        await recordAudit(
          trx,
          ctx,
          loaded.breakGlass ? 'case.read_break_glass' : 'case.read',
          loaded.stored,
        );
        return open(trx, loaded);
      }),
    list: (ctx, query) =>
      database.db.transaction().execute(async (trx) => {
        const actor = ctx.actor;
        authorizeSomewhere(actor, ['case.read', 'case.read_subtree']);
        const scope: CaseScope =
          actor.kind === 'system' || actor.isSystemAdmin
            ? null
            : actor.enrolmentOnly
              ? { own: [], subtrees: [] }
              : caseReadScopes(actor.grants);
        const result = await listCases(trx, scope, query);
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'case.list',
          targetType: 'case',
          requestId: ctx.requestId,
        });
        return result;
      }),
    update: (ctx, id, body) =>
      database.db.transaction().execute(async (trx) => {
        // Locked first, as forgetting locks it: the two touch the same child rows, and each
        // would otherwise wait on the other's.
        const loaded = await loadLockedFor(trx, ctx, id, 'case.update');
        const { stored } = loaded;
        if (stored.forgottenAt !== null) throw new AppError('case.forgotten', { id });
        const at = now().toISOString();
        const values: Parameters<typeof updateCaseRow>[3] = {
          version: stored.version + 1,
          updated_at: at,
        };
        if (body.status !== undefined) values.status = body.status;
        if (body.registrationYear !== undefined) values.registration_year = body.registrationYear;
        if (body.registeredOn !== undefined) values.registered_on = body.registeredOn;
        const touchesSecrets =
          body.victim !== undefined ||
          body.perpetrators !== undefined ||
          body.events !== undefined ||
          body.supportPlans !== undefined;
        if (touchesSecrets && loaded.view !== 'full') {
          // Writing identifying fields blind would overwrite what the writer cannot see.
          throw new AppError('access.denied', { verb: 'case.read_identifying' });
        }
        const cipher = touchesSecrets ? await cipherOf(trx, stored) : null;
        if (body.victim !== undefined && cipher !== null) {
          await checkCrisis(trx, body.victim.conflict.crisisId);
          const victim = deriveVictim(body.victim, stored.registeredOn ?? at.slice(0, 10));
          Object.assign(values, victimColumns(victimFacts(victim)));
          values.identity_sealed = sealIdentity(cipher, id, victim.identity);
        }
        if (cipher !== null) {
          await writeChildren(trx, cipher, id, {
            ...(body.perpetrators === undefined ? {} : { perpetrators: body.perpetrators }),
            ...(body.events === undefined ? {} : { events: body.events }),
            ...(body.supportPlans === undefined ? {} : { supportPlans: body.supportPlans }),
          });
        }
        if (
          body.version !== stored.version ||
          !(await updateCaseRow(trx, id, body.version, values))
        ) {
          throw new AppError('case.version_conflict', { id, version: stored.version });
        }
        const before = caseToRow(stored, { sourceKey: null, createdBy: null });
        await deps.afterCaseRowsWritten?.(trx, [{ before, after: { ...before, ...values } }]);
        await recordAudit(trx, ctx, 'case.update', stored);
        return open(trx, await loadFor(trx, ctx, id, 'case.read'));
      }),
  };
}

import { diffReturnCells, type CellChange } from '../../../core/glotip/index.js';
import {
  validateReturn,
  violationMessage,
  type RuleViolation,
} from '../../../core/glotip/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { ReturnAction, ReturnListQuery } from '../../../shared/return-schemas.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../access/index.js';
import { findVersion, listCells, listVersions } from './return-cell-repo.js';
import type { ReturnKit } from './return-kit.js';
import {
  approvalLevelsOf,
  type SealedVersion,
  type StoredCell,
  type StoredEvent,
  type StoredReturn,
} from './return-model.js';
import { allowedActions } from './return-policy.js';
import { listEvents, warningComments } from './return-history-repo.js';
import { findEntities, listReturns } from './return-repo.js';
import { parseSealedCells } from './return-sealed-cells.js';

/** A violation with its message in the reader's language and any warning comment. */
export type PresentedViolation = RuleViolation & { message: string; comment: string | null };

/** Everything `GET /api/returns/:id` shows. */
export interface ReturnDetailView {
  ret: StoredReturn;
  cells: StoredCell[];
  violations: PresentedViolation[];
  history: StoredEvent[];
  actions: ReturnAction[];
  levels: { accept: { id: string; name: string }; approve: { id: string; name: string } };
  lastSealedVersion: number | null;
}

/** The reading half of the returns service. */
export interface ReturnReadService {
  get: (ctx: RequestContext, id: string, language?: string) => Promise<ReturnDetailView>;
  list: (
    ctx: RequestContext,
    query: ReturnListQuery,
  ) => Promise<{ items: StoredReturn[]; total: number }>;
  versions: (ctx: RequestContext, id: string) => Promise<SealedVersion[]>;
  version: (
    ctx: RequestContext,
    id: string,
    version: number,
  ) => Promise<SealedVersion & { cells: StoredCell[] }>;
  diff: (
    ctx: RequestContext,
    id: string,
  ) => Promise<{ fromVersion: number | null; toVersion: number; changes: CellChange[] }>;
  inbox: (ctx: RequestContext) => Promise<{ ret: StoredReturn; actions: ReturnAction[] }[]>;
  /** The detail of a return inside a caller's transaction (after a write). */
  detailIn: (
    trx: Executor,
    ctx: RequestContext,
    ret: StoredReturn,
    language?: string,
  ) => Promise<ReturnDetailView>;
}

// Actions that wait on someone: editing and reopening are possible, not pending.
const pendingActions: readonly ReturnAction[] = [
  'submit',
  'return',
  'accept',
  'approve',
  'publish',
];

/** Builds the reading half over the shared helpers. */
export function createReturnReadService(kit: ReturnKit): ReturnReadService {
  const { database, now } = kit;

  const detailIn: ReturnReadService['detailIn'] = async (trx, ctx, ret, language) => {
    const cells = await listCells(trx, ret.id);
    const lang = language ?? (await kit.languageOf(trx, ctx.actor));
    const comments = await warningComments(trx, ret.id, ret.version);
    const violations = validateReturn({
      year: ret.year,
      currentYear: now().getUTCFullYear(),
      cells: cells.map(({ key, value }) => ({ key, value })),
    }).map((violation) => ({
      ...violation,
      message: violationMessage(violation, lang),
      comment: comments.get(violation.subject) ?? null,
    }));
    const levels = approvalLevelsOf(ret.organisationPath);
    const names = await findEntities(trx, [levels.accept, levels.approve]);
    const nameOf = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
    const sealed = await listVersions(trx, ret.id);
    return {
      ret,
      cells,
      violations,
      history: await listEvents(trx, ret.id),
      actions: allowedActions(ctx.actor, ret),
      levels: { accept: nameOf(levels.accept), approve: nameOf(levels.approve) },
      lastSealedVersion: sealed.at(-1)?.version ?? null,
    };
  };

  const sealedCells = async (trx: Executor, returnId: string, version: number) => {
    const found = await findVersion(trx, returnId, version);
    if (found === undefined) throw new AppError('return.version_not_found', { version });
    const { cellsJson, ...header } = found;
    return { ...header, cells: parseSealedCells(cellsJson) };
  };

  return {
    detailIn,
    get: (ctx, id, language) =>
      database.db.transaction().execute(async (trx) => {
        const ret = await kit.load(trx, ctx, id);
        await kit.recordAudit(trx, ctx, 'return.read', ret);
        return detailIn(trx, ctx, ret, language);
      }),
    list: (ctx, query) =>
      database.db.transaction().execute(async (trx) => {
        const result = await listReturns(trx, kit.scopeOf(ctx.actor, 'return.read'), query);
        await kit.recordAudit(trx, ctx, 'return.list', null);
        return result;
      }),
    versions: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const ret = await kit.load(trx, ctx, id);
        await kit.recordAudit(trx, ctx, 'return.versions_read', ret);
        return listVersions(trx, ret.id);
      }),
    version: (ctx, id, version) =>
      database.db.transaction().execute(async (trx) => {
        const ret = await kit.load(trx, ctx, id);
        await kit.recordAudit(trx, ctx, 'return.version_read', ret);
        return sealedCells(trx, ret.id, version);
      }),
    diff: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const ret = await kit.load(trx, ctx, id);
        await kit.recordAudit(trx, ctx, 'return.diff_read', ret);
        // Against the last version sealed before the working one: while reopened, what changed
        // since approval; once sealed again, what this version changed.
        const base = (await listVersions(trx, ret.id))
          .filter((v) => v.version < ret.version)
          .at(-1);
        const before =
          base === undefined ? [] : (await sealedCells(trx, ret.id, base.version)).cells;
        const after = await listCells(trx, ret.id);
        return {
          fromVersion: base?.version ?? null,
          toVersion: ret.version,
          changes: diffReturnCells(before, after),
        };
      }),
    inbox: (ctx) =>
      database.db.transaction().execute(async (trx) => {
        const { items } = await listReturns(trx, kit.scopeOf(ctx.actor, 'return.read'), {
          statuses: ['draft', 'returned', 'submitted', 'accepted', 'approved'],
        });
        await kit.recordAudit(trx, ctx, 'return.inbox', null);
        return items
          .map((ret) => ({
            ret,
            actions: allowedActions(ctx.actor, ret).filter((a) => pendingActions.includes(a)),
          }))
          .filter((item) => item.actions.length > 0);
      }),
  };
}

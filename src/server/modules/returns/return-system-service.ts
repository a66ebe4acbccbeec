import { cellKeyFieldProblem } from '../../../core/glotip/index.js';
import { AppError, isAppError } from '../../../shared/app-error.js';
import type { ErrorDetail } from '../../../shared/error-codes.js';
import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipCellValue,
  type ReturnSource,
  type ReturnStatus,
} from '../../../shared/glotip-vocabulary.js';
import { sha256Hex } from '../../platform/crypto/index.js';
import { inSavepoint, type Executor } from '../../platform/db/database.js';
import { authorize, type RequestContext } from '../access/index.js';
import { insertNewReturn } from './return-cell-service.js';
import {
  deleteAllCells,
  deleteCells,
  findVersion,
  listCells,
  listVersions,
  upsertCells,
} from './return-cell-repo.js';
import { parseSealedCells } from './return-sealed-cells.js';
import { currentDataSet, type ReturnKit } from './return-kit.js';
import {
  canonicalCellsJson,
  isLocked,
  type StoredCell,
  type StoredReturn,
} from './return-model.js';
import {
  findEntities,
  findReturn,
  findReturnFor,
  listReturns,
  lockReturn,
  updateReturn,
} from './return-repo.js';

/** One cell written by the derivation from case records or by an import. */
export interface SystemCellInput {
  key: GlotipCellKey;
  value: GlotipCellValue;
  derivedValue?: number | null;
  recordCount?: number | null;
  rawText?: string | null;
}

/** What `saveSystemCells` writes. */
export interface SystemCellsInput {
  organisationId: string;
  year: number;
  source: ReturnSource;
  sourceNote?: string | null;
  /**
   * The figures count synthetic (demo) records, as a derivation asked to include them does;
   * the return is marked so. Defaults to `source === 'synthetic'`.
   */
  synthetic?: boolean;
  cells: readonly SystemCellInput[];
  /**
   * `draft`: derived figures into an editable return (given cells replaced, others kept;
   * manual overrides keep their value and reason, only the derived value beside them moves).
   * `published`: figures UNODC already published; they replace the whole content, the return
   * becomes published and is sealed, as a new version when it was locked.
   */
  mode: 'draft' | 'published';
}

/** What `saveSystemCells` did. */
export interface SystemCellsResult {
  ret: StoredReturn;
  created: boolean;
  /** False when a published import brought exactly the figures already sealed. */
  changed: boolean;
}

/** Filters of `listReturnsForExport`. */
export interface ReturnExportFilter {
  year?: number;
  organisationIds?: readonly string[];
  statuses?: readonly ReturnStatus[];
}

/** Writes by the derivation and the dataUNODC importer, and reads for exports. */
export interface ReturnSystemService {
  saveSystemCells: (ctx: RequestContext, input: SystemCellsInput) => Promise<SystemCellsResult>;
  /** As `saveSystemCells`, inside a caller's transaction (an import of many returns at once). */
  saveSystemCellsIn: (
    trx: Executor,
    ctx: RequestContext,
    input: SystemCellsInput,
  ) => Promise<SystemCellsResult>;
  /**
   * Locks, in one order, the existing returns of these entities and years until `trx` ends:
   * what a write of many returns in one transaction takes first (see the dataUNODC import).
   */
  lockReturnsOf: (
    trx: Executor,
    keys: readonly { organisationId: string; year: number }[],
  ) => Promise<void>;
  listReturnsForExport: (
    filter: ReturnExportFilter,
    db?: Executor,
  ) => Promise<{ ret: StoredReturn; cells: StoredCell[] }[]>;
  /** The last version of a return published before `version`, with its sealed cells. */
  earlierPublished: (
    returnId: string,
    version: number,
  ) => Promise<{ version: number; cells: StoredCell[] } | undefined>;
}

function checkKeys(cells: readonly SystemCellInput[]): void {
  const problems: ErrorDetail[] = [];
  cells.forEach((cell, index) => {
    const found = cellKeyFieldProblem(currentDataSet, cell.key);
    if (found !== null) {
      problems.push({
        path: ['cells', index, 'key', found.field],
        issue: 'cell_key',
        message: found.reason,
      });
    }
  });
  if (problems.length > 0) throw new AppError('validation.failed', problems);
}

function toStored(cell: SystemCellInput): StoredCell {
  return {
    key: cell.key,
    value: cell.value,
    derivedValue: cell.derivedValue ?? null,
    recordCount: cell.recordCount ?? null,
    overrideReason: null,
    rawText: cell.rawText ?? null,
  };
}

/** Cells a previous derivation wrote that the given cells no longer state. */
function staleDerivedCells(
  existing: ReadonlyMap<string, StoredCell>,
  given: readonly SystemCellInput[],
): StoredCell[] {
  const stated = new Set(given.map((cell) => cellKeyString(cell.key)));
  return [...existing.entries()]
    .filter(([text, cell]) => cell.derivedValue !== null && !stated.has(text))
    .map(([, cell]) => cell);
}

const syntheticOf = (input: SystemCellsInput): boolean =>
  input.synthetic ?? input.source === 'synthetic';

/** Builds the system-facing half over the shared helpers. */
export function createReturnSystemService(kit: ReturnKit): ReturnSystemService {
  const { database, now } = kit;

  const writeDraft = async (trx: Executor, ret: StoredReturn, input: SystemCellsInput) => {
    if (isLocked(ret.status)) throw new AppError('return.locked', { id: ret.id });
    if (ret.status === 'submitted') throw new AppError('return.under_review', { id: ret.id });
    const existing = new Map(
      (await listCells(trx, ret.id)).map((cell) => [cellKeyString(cell.key), cell]),
    );
    const cells = input.cells.map((cell): StoredCell => {
      const before = existing.get(cellKeyString(cell.key));
      const next = toStored(cell);
      // A person's override outlives re-derivation: only the derived figure beside it moves.
      return before === undefined || before.overrideReason === null
        ? next
        : { ...before, derivedValue: next.derivedValue, recordCount: next.recordCount };
    });
    const stale = input.source === 'derived' ? staleDerivedCells(existing, input.cells) : [];
    // A derivation states only the cells that count someone: a cell derived before that the new
    // one leaves out now counts no one. Its old figure goes; an override stays, beside zero.
    const kept = stale.filter((cell) => cell.overrideReason !== null);
    const dropped = stale.filter((cell) => cell.overrideReason === null);
    const at = now().toISOString();
    await upsertCells(
      trx,
      ret.id,
      [...cells, ...kept.map((cell) => ({ ...cell, derivedValue: 0, recordCount: 0 }))],
      at,
    );
    await deleteCells(
      trx,
      ret.id,
      dropped.map((cell) => cellKeyString(cell.key)),
    );
    return { status: ret.status, version: ret.version };
  };

  const writePublished = async (
    trx: Executor,
    ctx: RequestContext,
    ret: StoredReturn,
    input: SystemCellsInput,
  ) => {
    const cells = input.cells.map(toStored);
    const last = (await listVersions(trx, ret.id)).at(-1);
    if (
      ret.status === 'published' &&
      last?.version === ret.version &&
      last.hash === sha256Hex(canonicalCellsJson(cells))
    ) {
      return null;
    }
    const version = isLocked(ret.status) ? ret.version + 1 : ret.version;
    await deleteAllCells(trx, ret.id);
    await upsertCells(trx, ret.id, cells, now().toISOString());
    await kit.seal(trx, ctx, ret.id, version, 'published');
    return { status: 'published' as const, version };
  };

  const saveSystemCellsIn: ReturnSystemService['saveSystemCellsIn'] = async (trx, ctx, input) => {
    const entity = (await findEntities(trx, [input.organisationId])).get(input.organisationId);
    if (entity === undefined) throw new AppError('org.not_found', { id: input.organisationId });
    const verb = input.mode === 'published' ? 'publication.manage' : 'return.edit';
    authorize(ctx.actor, verb, { organisationPath: entity.path });
    checkKeys(input.cells);
    // Locked before its status is read, as the workflow's steps do, so that a submission
    // running at the same time is not undone by this write (PostgreSQL).
    const lockedExisting = async () => {
      const existing = await findReturnFor(trx, currentDataSet.code, entity.id, input.year);
      if (existing === undefined) return undefined;
      await lockReturn(trx, database.dialect, existing.id);
      return findReturn(trx, existing.id);
    };
    let ret = await lockedExisting();
    let created = false;
    if (ret === undefined) {
      try {
        ret = await inSavepoint(trx, () =>
          insertNewReturn(
            kit,
            trx,
            ctx,
            { organisationId: entity.id, year: input.year, source: input.source },
            { synthetic: syntheticOf(input), sourceNote: input.sourceNote ?? null },
          ),
        );
        created = true;
      } catch (error) {
        // Another write made the return meanwhile (this insert waited for it): write into it.
        if (!isAppError(error, 'return.exists')) throw error;
        ret = await lockedExisting();
        if (ret === undefined) throw error;
      }
    }
    const outcome =
      input.mode === 'draft'
        ? await writeDraft(trx, ret, input)
        : await writePublished(trx, ctx, ret, input);
    if (outcome === null) return { ret, created: false, changed: false };
    await updateReturn(trx, ret.id, {
      status: outcome.status,
      version: outcome.version,
      source: input.source,
      source_note: input.sourceNote ?? ret.sourceNote,
      synthetic: syntheticOf(input) ? 1 : 0,
      updated_at: now().toISOString(),
    });
    await kit.recordEvent(trx, ctx, ret, {
      action: 'import',
      toStatus: outcome.status,
      version: outcome.version,
      levelOrganisationId: null,
      comment: input.sourceNote ?? null,
    });
    const action = input.mode === 'draft' ? 'return.system_write' : 'return.import_published';
    await kit.recordAudit(trx, ctx, action, ret);
    return { ret: await kit.reload(trx, ret.id), created, changed: true };
  };

  return {
    saveSystemCellsIn,
    async lockReturnsOf(trx, keys) {
      const ids: string[] = [];
      for (const key of keys) {
        const found = await findReturnFor(trx, currentDataSet.code, key.organisationId, key.year);
        if (found !== undefined) ids.push(found.id);
      }
      for (const id of [...new Set(ids)].sort()) await lockReturn(trx, database.dialect, id);
    },
    saveSystemCells: (ctx, input) =>
      database.db.transaction().execute((trx) => saveSystemCellsIn(trx, ctx, input)),
    async earlierPublished(returnId, version) {
      const earlier = (await listVersions(database.db, returnId))
        .filter((sealed) => sealed.status === 'published' && sealed.version < version)
        .at(-1);
      if (earlier === undefined) return undefined;
      const found = await findVersion(database.db, returnId, earlier.version);
      return found && { version: found.version, cells: parseSealedCells(found.cellsJson) };
    },
    async listReturnsForExport(filter, db = database.db) {
      const { items } = await listReturns(db, null, {
        ...(filter.year === undefined ? {} : { year: filter.year }),
        ...(filter.organisationIds === undefined
          ? {}
          : { organisationIds: filter.organisationIds }),
        ...(filter.statuses === undefined ? {} : { statuses: filter.statuses }),
      });
      const out: { ret: StoredReturn; cells: StoredCell[] }[] = [];
      for (const ret of items) {
        if (ret.status !== 'published') {
          out.push({ ret, cells: await listCells(db, ret.id) });
          continue;
        }
        // A published return's figures as sealed at publication, not its live cells: one
        // reopened and edited between the list above and this read must not show its draft
        // under the published version. No sealed version, nothing published (fail closed).
        const sealed = await findVersion(db, ret.id, ret.version);
        if (sealed !== undefined) out.push({ ret, cells: parseSealedCells(sealed.cellsJson) });
      }
      return out;
    },
  };
}

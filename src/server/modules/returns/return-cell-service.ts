import { cellKeyFieldProblem } from '../../../core/glotip/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { ErrorDetail } from '../../../shared/error-codes.js';
import { cellKeyString } from '../../../shared/glotip-vocabulary.js';
import type { ReturnCellInput } from '../../../shared/return-schemas.js';
import { newId } from '../../platform/crypto/index.js';
import { isUniqueViolation, type Executor } from '../../platform/db/database.js';
import { authorize, type RequestContext } from '../access/index.js';
import { deleteCells, listCells, upsertCells } from './return-cell-repo.js';
import { currentDataSet, type ReturnKit } from './return-kit.js';
import { defaultDueDate, sameValue, type StoredCell, type StoredReturn } from './return-model.js';
import { authorizeAction, personOf } from './return-policy.js';
import { findEntities, insertReturn, updateReturn } from './return-repo.js';

/** Creating returns and writing their cells as people do through the API. */
export interface ReturnCellService {
  create: (
    ctx: RequestContext,
    input: { organisationId: string; year: number },
  ) => Promise<StoredReturn>;
  writeCells: (
    ctx: RequestContext,
    id: string,
    cells: readonly ReturnCellInput[],
  ) => Promise<StoredReturn>;
}

const problem = (path: (string | number)[], issue: string, message: string): ErrorDetail => ({
  path,
  issue,
  message,
});

/**
 * Checks a cell write against the data set and the stored cells, and returns the cells to store
 * and the keys to delete. A value that differs from a derived one keeps the derived value beside
 * it and needs a reason; a derived cell cannot be deleted, only overridden.
 */
export function planCellWrite(
  inputs: readonly ReturnCellInput[],
  existing: ReadonlyMap<string, StoredCell>,
): { upserts: StoredCell[]; deletions: string[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const upserts: StoredCell[] = [];
  const deletions: string[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const at = ['body', 'cells', index];
    const keyProblem = cellKeyFieldProblem(currentDataSet, input.key);
    if (keyProblem !== null) {
      problems.push(problem([...at, 'key', keyProblem.field], 'cell_key', keyProblem.reason));
      return;
    }
    const text = cellKeyString(input.key);
    if (seen.has(text)) {
      problems.push(problem([...at, 'key'], 'duplicate', 'The cell is given twice'));
      return;
    }
    seen.add(text);
    const before = existing.get(text);
    const derived = before?.derivedValue ?? null;
    if (input.value === null) {
      if (derived !== null) {
        const message = 'A derived cell cannot be removed; override it with a reason';
        problems.push(problem([...at, 'value'], 'derived_cell', message));
      } else if (before !== undefined) {
        deletions.push(text);
      }
      return;
    }
    const overrides =
      derived !== null && !sameValue(input.value, { kind: 'count', value: derived });
    const reason = input.overrideReason ?? null;
    if (overrides && reason === null) {
      const message = `The derived value is ${String(derived)}; say why this one differs`;
      problems.push(problem([...at, 'overrideReason'], 'override_reason_required', message));
      return;
    }
    upserts.push({
      key: input.key,
      value: input.value,
      derivedValue: derived,
      recordCount: before?.recordCount ?? null,
      overrideReason: overrides ? reason : null,
      rawText: null,
    });
  });
  return { upserts, deletions, problems };
}

/** Inserts a draft return (in a caller's transaction) with its history and audit entries. */
export async function insertNewReturn(
  kit: ReturnKit,
  trx: Executor,
  ctx: RequestContext,
  input: { organisationId: string; year: number; source: StoredReturn['source'] },
  options: { synthetic: boolean; sourceNote: string | null },
): Promise<StoredReturn> {
  const { now } = kit;
  await kit.ensureDataSet(trx);
  const id = newId();
  const at = now().toISOString();
  try {
    await insertReturn(trx, {
      id,
      data_set_code: currentDataSet.code,
      data_set_version: currentDataSet.version,
      organisation_id: input.organisationId,
      year: input.year,
      status: 'draft',
      version: 1,
      source: input.source,
      source_note: options.sourceNote,
      synthetic: options.synthetic ? 1 : 0,
      due_date: defaultDueDate(input.year),
      created_by: personOf(ctx.actor),
      created_at: at,
      updated_at: at,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('return.exists', [
      problem(['body', 'year'], 'taken', 'A return for this entity and year exists'),
    ]);
  }
  const ret = await kit.reload(trx, id);
  await kit.recordEvent(trx, ctx, ret, {
    action: 'create',
    toStatus: 'draft',
    levelOrganisationId: input.organisationId,
    comment: null,
  });
  await kit.recordAudit(trx, ctx, 'return.create', ret);
  return ret;
}

/** Builds the cell-writing half over the shared helpers. */
export function createReturnCellService(kit: ReturnKit): ReturnCellService {
  const { database, now } = kit;

  return {
    create: (ctx, input) =>
      database.db.transaction().execute(async (trx) => {
        const entity = (await findEntities(trx, [input.organisationId])).get(input.organisationId);
        if (entity === undefined) throw new AppError('org.not_found', { id: input.organisationId });
        authorize(ctx.actor, 'return.edit', { organisationPath: entity.path });
        const currentYear = now().getUTCFullYear();
        if (input.year < currentDataSet.firstYear || input.year > currentYear) {
          const message = `Use a year from ${String(currentDataSet.firstYear)} to ${String(currentYear)}`;
          throw new AppError('validation.failed', [
            problem(['body', 'year'], 'year_bounds', message),
          ]);
        }
        return insertNewReturn(
          kit,
          trx,
          ctx,
          { ...input, source: 'entered' },
          {
            synthetic: false,
            sourceNote: null,
          },
        );
      }),
    writeCells: (ctx, id, cells) =>
      database.db.transaction().execute(async (trx) => {
        const ret = await kit.loadForWrite(trx, ctx, id);
        authorizeAction(ctx.actor, ret, 'edit');
        const existing = new Map(
          (await listCells(trx, ret.id)).map((cell) => [cellKeyString(cell.key), cell]),
        );
        const plan = planCellWrite(cells, existing);
        if (plan.problems.length > 0) throw new AppError('validation.failed', plan.problems);
        const at = now().toISOString();
        await upsertCells(trx, ret.id, plan.upserts, at);
        await deleteCells(trx, ret.id, plan.deletions);
        // Figures from dataUNODC are published as UNODC published them, small counts included
        // (it suppressed its own); once a person has edited them they are Vigil's figures and go
        // through the threshold rule like any entered return.
        await updateReturn(trx, ret.id, {
          updated_at: at,
          ...(ret.source === 'dataunodc' ? { source: 'entered' as const } : {}),
        });
        await kit.recordAudit(trx, ctx, 'return.cells_update', ret);
        return kit.reload(trx, ret.id);
      }),
  };
}

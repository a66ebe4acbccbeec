import type { Selectable } from 'kysely';
import { cellKeyString, type ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type {
  GlotipAge,
  GlotipDimension,
  GlotipIndicator,
  GlotipSex,
} from '../../../shared/glotip-vocabulary.js';
import type { Executor } from '../../platform/db/database.js';
import type { GlotipReturnCellsTable } from '../../platform/db/schema.js';
import {
  sortCells,
  valueColumns,
  valueFromColumns,
  type SealedVersion,
  type StoredCell,
} from './return-model.js';

/** Reads a stored cell row. */
export function cellFromRow(row: Selectable<GlotipReturnCellsTable>): StoredCell {
  return {
    key: {
      indicator: row.indicator as GlotipIndicator,
      dimension: row.dimension as GlotipDimension,
      category: row.category,
      sex: row.sex as GlotipSex,
      age: row.age as GlotipAge,
    },
    value: valueFromColumns(row),
    derivedValue: row.derived_value,
    recordCount: row.record_count,
    overrideReason: row.override_reason,
    rawText: row.raw_text,
  };
}

/** The current cells of a return, sorted by key. */
export async function listCells(db: Executor, returnId: string): Promise<StoredCell[]> {
  const rows = await db
    .selectFrom('glotip_return_cells')
    .selectAll()
    .where('return_id', '=', returnId)
    .execute();
  return sortCells(rows.map(cellFromRow));
}

/** Writes cells (insert or replace, by key). */
export async function upsertCells(
  trx: Executor,
  returnId: string,
  cells: readonly StoredCell[],
  at: string,
): Promise<void> {
  for (const cell of cells) {
    const row = {
      return_id: returnId,
      cell_key: cellKeyString(cell.key),
      ...cell.key,
      ...valueColumns(cell.value),
      raw_text: cell.rawText,
      derived_value: cell.derivedValue,
      record_count: cell.recordCount,
      override_reason: cell.overrideReason,
      updated_at: at,
    };
    const changes = {
      ...valueColumns(cell.value),
      raw_text: row.raw_text,
      derived_value: row.derived_value,
      record_count: row.record_count,
      override_reason: row.override_reason,
      updated_at: at,
    };
    await trx
      .insertInto('glotip_return_cells')
      .values(row)
      .onConflict((oc) => oc.columns(['return_id', 'cell_key']).doUpdateSet(changes))
      .execute();
  }
}

/** Deletes cells by key string. */
export async function deleteCells(
  trx: Executor,
  returnId: string,
  keys: readonly string[],
): Promise<void> {
  for (let start = 0; start < keys.length; start += 500) {
    await trx
      .deleteFrom('glotip_return_cells')
      .where('return_id', '=', returnId)
      .where('cell_key', 'in', keys.slice(start, start + 500))
      .execute();
  }
}

/** Deletes every cell of a return (a published import replaces the whole content). */
export async function deleteAllCells(trx: Executor, returnId: string): Promise<void> {
  await trx.deleteFrom('glotip_return_cells').where('return_id', '=', returnId).execute();
}

/** Appends a sealed version; the table refuses any later UPDATE or DELETE. */
export async function insertVersion(
  trx: Executor,
  version: SealedVersion & { cellsJson: string },
): Promise<void> {
  await trx
    .insertInto('glotip_return_versions')
    .values({
      return_id: version.returnId,
      version: version.version,
      status: version.status,
      cells: version.cellsJson,
      hash: version.hash,
      cell_count: version.cellCount,
      sealed_by: version.sealedBy,
      sealed_at: version.sealedAt,
    })
    .execute();
}

const headerColumns = [
  'return_id',
  'version',
  'status',
  'hash',
  'cell_count',
  'sealed_by',
  'sealed_at',
] as const;

function toVersion(row: {
  return_id: string;
  version: number;
  status: string;
  hash: string;
  cell_count: number;
  sealed_by: string | null;
  sealed_at: string;
}): SealedVersion {
  return {
    returnId: row.return_id,
    version: row.version,
    status: row.status as ReturnStatus,
    hash: row.hash,
    cellCount: row.cell_count,
    sealedBy: row.sealed_by,
    sealedAt: row.sealed_at,
  };
}

/** A return's sealed versions, oldest first (headers only). */
export async function listVersions(db: Executor, returnId: string): Promise<SealedVersion[]> {
  const rows = await db
    .selectFrom('glotip_return_versions')
    .select(headerColumns)
    .where('return_id', '=', returnId)
    .orderBy('version')
    .execute();
  return rows.map(toVersion);
}

/** One sealed version with its cells as stored (canonical JSON). */
export async function findVersion(
  db: Executor,
  returnId: string,
  version: number,
): Promise<(SealedVersion & { cellsJson: string }) | undefined> {
  const row = await db
    .selectFrom('glotip_return_versions')
    .selectAll()
    .where('return_id', '=', returnId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { ...toVersion(row), cellsJson: row.cells };
}

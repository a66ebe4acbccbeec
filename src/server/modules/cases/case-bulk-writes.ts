import type { Database, Executor } from '../../platform/db/database.js';
import type { VaultService } from '../vault/index.js';
import { childKinds, type ChildKind } from './case-model.js';
import { prepareCase, type NewCaseItem, type PreparedCase } from './case-preparation.js';
import {
  existingSourceKeys,
  insertCaseRows,
  insertChildRows,
  reserveCaseNumbers,
  takenCaseNumbers,
  type CaseRowsWritten,
} from './case-repo.js';

// Many new cases at once (imports, demo content): prepared rows written inside the caller's
// transaction, with case numbers reserved per registration year and every data key stored in
// the same transaction as its case.

export interface BulkCaseWriter {
  /**
   * Writes cases prepared by `prepareCase` (perhaps in a worker thread) inside a caller's
   * transaction: numbers those without one, stores their keys, rows and children.
   */
  writePrepared: (
    trx: Executor,
    organisationId: string,
    prepared: readonly PreparedCase[],
    /** Numbers the rest of the file brings: the numbers given here skip them too. */
    broughtElsewhere?: ReadonlySet<string>,
  ) => Promise<string[]>;
  /** Prepares and writes new cases in this thread (demo content, small imports). */
  insertMany: (
    trx: Executor,
    organisationId: string,
    items: readonly NewCaseItem[],
    options: { importJobId: string | null; createdBy: string | null },
  ) => Promise<string[]>;
  /** Which of these case numbers the organisation already uses. */
  takenCaseNumbers: (
    db: Executor,
    organisationId: string,
    numbers: readonly string[],
  ) => Promise<Set<string>>;
  /** Which of these import source keys already exist in the organisation. */
  existingSourceKeys: (
    db: Executor,
    organisationId: string,
    keys: readonly string[],
  ) => Promise<Set<string>>;
}

export function createBulkCaseWriter(deps: {
  database: Database;
  vault: VaultService;
  now: () => Date;
  afterCaseRowsWritten?: CaseRowsWritten;
}): BulkCaseWriter {
  const { database, vault } = deps;

  const writePrepared: BulkCaseWriter['writePrepared'] = async (
    trx,
    organisationId,
    prepared,
    broughtElsewhere = new Set(),
  ) => {
    // Numbers for records that bring none: `<year>-<sequence>` per organisation, in order,
    // past those the batch's other records bring (a file may number some rows and not others).
    const unnumbered = new Map<number, number>();
    const brought = new Set<string>(broughtElsewhere);
    for (const { row, registrationYear } of prepared) {
      if (row.case_number === '') {
        unnumbered.set(registrationYear, (unnumbered.get(registrationYear) ?? 0) + 1);
      } else {
        brought.add(row.case_number);
      }
    }
    const numbers = new Map<number, string[]>();
    for (const [year, count] of unnumbered) {
      numbers.set(
        year,
        (await reserveCaseNumbers(trx, organisationId, year, count, brought)).reverse(),
      );
    }
    const rows = prepared.map(({ row, registrationYear }) =>
      row.case_number === ''
        ? { ...row, case_number: numbers.get(registrationYear)?.pop() ?? '' }
        : row,
    );
    await vault.storeRecordKeys(
      trx,
      prepared.map(({ key }) => key),
    );
    await insertCaseRows(database.insertRows, trx, rows);
    await deps.afterCaseRowsWritten?.(
      trx,
      rows.map((after) => ({ before: null, after })),
    );
    for (const kind of Object.keys(childKinds) as ChildKind[]) {
      const children = prepared.flatMap((one) =>
        one.children.filter((c) => c.kind === kind).map((c) => c.child),
      );
      await insertChildRows(database.insertRows, trx, kind, children);
    }
    return rows.map((row) => row.id);
  };

  return {
    writePrepared,
    takenCaseNumbers,
    async existingSourceKeys(db, organisationId, keys) {
      const found = new Set<string>();
      // Bounded IN lists: SQLite and PostgreSQL both cap bound parameters per statement.
      for (let start = 0; start < keys.length; start += 500) {
        const slice = keys.slice(start, start + 500);
        for (const key of await existingSourceKeys(db, organisationId, slice)) found.add(key);
      }
      return found;
    },
    insertMany: async (trx, organisationId, items, options) => {
      const context = { organisationId, ...options, at: deps.now().toISOString() };
      const prepared = items.map((item) => prepareCase(vault.newRecordKey, context, item));
      return writePrepared(trx, organisationId, prepared);
    },
  };
}

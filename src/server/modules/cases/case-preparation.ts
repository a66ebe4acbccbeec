import { deriveVictim } from '../../../core/cases/case-derivations.js';
import type { CaseRecord, Victim } from '../../../shared/case-schemas.js';
import { newId } from '../../platform/crypto/index.js';
import type { Insertable } from 'kysely';
import type { CasesTable } from '../../platform/db/schema.js';
import type { NewRecordKey, StorableRecordKey } from '../vault/index.js';
import { childrenOf, encodeChild, sealIdentity } from './case-codec.js';
import type { ChildKind, StoredCase, StoredChild } from './case-model.js';
import { caseToRow } from './case-row-codec.js';

// Bulk writes (imports, demo content) split in two: preparing a case — deriving its facts,
// making its data key, sealing its identifying fields — needs no database, so an import can do
// it in a worker thread; writing the prepared rows is the transaction's part.

/** A new case ready to write: its rows, its data key (wrapped) and its children. */
export interface PreparedCase {
  /** The case row; `case_number` is `''` when the record brings none (numbered on writing). */
  row: Insertable<CasesTable>;
  registrationYear: number;
  key: StorableRecordKey;
  children: { kind: ChildKind; child: StoredChild }[];
}

/** A record to write, with its import source key (null outside imports). */
export interface NewCaseItem {
  record: CaseRecord;
  sourceKey: string | null;
  synthetic: boolean;
}

/** Who and what writes the cases: the same for every case of one bulk write. */
export interface PreparationContext {
  organisationId: string;
  importJobId: string | null;
  createdBy: string | null;
  /** The creation time written on every case (ISO). */
  at: string;
}

/** A victim's analytic facts: all but the identity (which is sealed). */
export function victimFacts(victim: Victim): StoredCase['victim'] {
  // A rest copy, not `delete`: deleting a property turns the object into a slow dictionary,
  // and every analytic column is read from it once per row of an import.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
  const { identity, ...facts } = victim;
  return facts;
}

/** Prepares one new case under a fresh data key from `newKey`. */
export function prepareCase(
  newKey: () => NewRecordKey,
  context: PreparationContext,
  item: NewCaseItem,
): PreparedCase {
  const { record, sourceKey, synthetic } = item;
  const { at } = context;
  const id = newId();
  const { id: dataKeyId, wrapped, cipher } = newKey();
  const victim = deriveVictim(record.victim, record.registeredOn ?? at.slice(0, 10));
  const stored: StoredCase = {
    id,
    organisationId: context.organisationId,
    caseNumber: record.caseNumber ?? '',
    status: record.status,
    registrationYear: record.registrationYear,
    registeredOn: record.registeredOn,
    dataSource: record.dataSource,
    synthetic,
    importJobId: context.importJobId,
    dataKeyId,
    identitySealed: sealIdentity(cipher, id, victim.identity),
    victim: victimFacts(victim),
    forgottenAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const children: PreparedCase['children'] = [];
  for (const [kind, list] of Object.entries(childrenOf(record)) as [
    ChildKind,
    ReturnType<typeof childrenOf>[ChildKind],
  ][]) {
    list.forEach((child, position) => {
      children.push({ kind, child: encodeChild(cipher, kind, id, newId(), position, child) });
    });
  }
  return {
    row: caseToRow(stored, { sourceKey, createdBy: context.createdBy }),
    registrationYear: record.registrationYear,
    key: { id: dataKeyId, wrapped },
    children,
  };
}

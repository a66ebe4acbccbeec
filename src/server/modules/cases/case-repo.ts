import type { Insertable } from 'kysely';
import type { CaseListQuery } from '../../../shared/case-schemas.js';
import type { Executor, InsertRows } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { CasesTable } from '../../platform/db/schema.js';
import { pathToIds } from '../access/index.js';
import { childKinds, type ChildKind, type StoredCase, type StoredChild } from './case-model.js';
import { rowToCase } from './case-row-codec.js';

/**
 * Called by every write path that changes case rows, in the writer's transaction, with each
 * row as it was (null when new) and as it is now. The composition root points it at the
 * statistics cube (modules/stats) so aggregates stay exact without cases knowing about them.
 */
export type CaseRowsWritten = (
  trx: Executor,
  changes: readonly { before: Insertable<CasesTable> | null; after: Insertable<CasesTable> }[],
) => Promise<void>;

/** Appends case rows in bulk inside the caller's transaction. */
export async function insertCaseRows(
  insertRows: InsertRows,
  trx: Executor,
  rows: readonly Insertable<CasesTable>[],
): Promise<void> {
  await insertRows(trx, 'cases', rows);
}

/** Appends child rows (perpetrators, events, support plans) in bulk. */
export async function insertChildRows(
  insertRows: InsertRows,
  trx: Executor,
  kind: ChildKind,
  children: readonly StoredChild[],
): Promise<void> {
  await insertRows(
    trx,
    childKinds[kind],
    children.map((child) => ({
      id: child.id,
      case_id: child.caseId,
      position: child.position,
      facts: JSON.stringify(child.facts),
      sealed: child.sealed,
    })),
  );
}

export async function deleteChildren(
  trx: Executor,
  kind: ChildKind,
  caseId: string,
): Promise<void> {
  await trx.deleteFrom(childKinds[kind]).where('case_id', '=', caseId).execute();
}

export async function listChildren(
  db: Executor,
  kind: ChildKind,
  caseId: string,
): Promise<StoredChild[]> {
  const rows = await db
    .selectFrom(childKinds[kind])
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    position: row.position,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    sealed: row.sealed,
  }));
}

/** Removes every value sealed under a case's key but its identity (after the key was shredded). */
export async function clearSealedValues(trx: Executor, caseId: string): Promise<void> {
  for (const table of Object.values(childKinds)) {
    await trx.updateTable(table).set({ sealed: null }).where('case_id', '=', caseId).execute();
  }
  // The reasons given for overriding consent and for emergency access tell about the person.
  await trx
    .updateTable('consent_overrides')
    .set({ reason_sealed: null })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .updateTable('break_glass_grants')
    .set({ reason_sealed: null })
    .where('case_id', '=', caseId)
    .execute();
}

/** Rewrites the facts of every child of a case with `change` (forgetting the person). */
export async function rewriteChildFacts(
  trx: Executor,
  caseId: string,
  change: (kind: ChildKind, facts: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  for (const [kind, table] of Object.entries(childKinds) as [
    ChildKind,
    (typeof childKinds)[ChildKind],
  ][]) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'facts'])
      .where('case_id', '=', caseId)
      .execute();
    for (const row of rows) {
      const facts = JSON.stringify(change(kind, JSON.parse(row.facts) as Record<string, unknown>));
      await trx.updateTable(table).set({ facts }).where('id', '=', row.id).execute();
    }
  }
}

/** A case with its holder's ancestry. */
export async function findCase(
  db: Executor,
  id: string,
): Promise<{ stored: StoredCase; organisationPath: string[] } | undefined> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('organisations', 'organisations.id', 'cases.organisation_id')
    .selectAll('cases')
    .select('organisations.path as organisation_path')
    .where('cases.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { stored: rowToCase(row), organisationPath: pathToIds(row.organisation_path) };
}

export async function updateCaseRow(
  trx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<Insertable<CasesTable>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Where a reader may look: organisations seen alone, and subtrees; null = everywhere. */
export type CaseScope = { own: readonly string[]; subtrees: readonly string[] } | null;

/** Lists cases inside a scope, newest first, with filters. */
export async function listCases(
  db: Executor,
  scope: CaseScope,
  query: CaseListQuery,
): Promise<{ items: StoredCase[]; total: number }> {
  let q = db
    .selectFrom('cases')
    .innerJoin('organisations', 'organisations.id', 'cases.organisation_id');
  if (scope !== null) {
    const { own, subtrees } = scope;
    if (own.length === 0 && subtrees.length === 0) return { items: [], total: 0 };
    q = q.where((eb) =>
      eb.or([
        ...(own.length > 0 ? [eb('cases.organisation_id', 'in', own)] : []),
        ...subtrees.map((id) => eb('organisations.path', 'like', `%/${id}/%`)),
      ]),
    );
  }
  if (query.organisationId !== undefined) {
    q = q.where('organisations.path', 'like', `%/${query.organisationId}/%`);
  }
  if (query.caseNumber !== undefined) q = q.where('cases.case_number', '=', query.caseNumber);
  if (query.status !== undefined) q = q.where('cases.status', '=', query.status);
  if (query.conflictRelated !== undefined) {
    q = q.where('cases.conflict_related', '=', query.conflictRelated);
  }
  if (query.crisisId !== undefined) q = q.where('cases.crisis_id', '=', query.crisisId);
  if (query.traffickingStatus !== undefined) {
    q = q.where('cases.trafficking_status', '=', query.traffickingStatus);
  }
  if (query.registrationYear !== undefined) {
    q = q.where('cases.registration_year', '=', query.registrationYear);
  }
  if (query.exploitationType !== undefined) {
    // Codes are fixed identifiers from the vocabulary (validated), quoted as JSON stores them.
    q = q.where('cases.exploitation_types', 'like', `%${JSON.stringify(query.exploitationType)}%`);
  }
  const totalRow = await q
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('cases')
    .orderBy('cases.created_at', 'desc')
    .orderBy('cases.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(rowToCase), total: Number(totalRow.n) };
}

/** The ids of existing cases among source keys, for idempotent imports. */
export async function existingSourceKeys(
  db: Executor,
  organisationId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('cases')
    .select('source_key')
    .where('organisation_id', '=', organisationId)
    .where('source_key', 'in', keys)
    .execute();
  return new Set(rows.map((row) => row.source_key ?? ''));
}

/** The id of the organisation's case with this source key, if any. */
export async function caseIdBySourceKey(
  db: Executor,
  organisationId: string,
  sourceKey: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row?.id;
}

/** Revokes a forgotten case's open referrals (their ids) and drops every packet it sent. */
export async function revokeReferralsOf(
  trx: Executor,
  caseId: string,
  at: string,
): Promise<string[]> {
  const revoked = await revokeOpenReferrals(trx, caseId, at);
  await trx
    .updateTable('referrals')
    .set({ packet_sealed: null })
    .where('case_id', '=', caseId)
    .execute();
  return revoked;
}

/**
 * Revokes a case's open referrals (sent, acknowledged or accepted), so their recipients can no
 * longer open the packets; returns their ids. One conditional update: a referral its recipient
 * completed or declined meanwhile keeps that status (PostgreSQL re-reads each row it waited for).
 */
export async function revokeOpenReferrals(
  trx: Executor,
  caseId: string,
  at: string,
): Promise<string[]> {
  const revoked = await trx
    .updateTable('referrals')
    .set({ status: 'revoked', updated_at: at })
    .where('case_id', '=', caseId)
    .where('status', 'in', ['sent', 'acknowledged', 'accepted'])
    .returning('id')
    .execute();
  return revoked.map((row) => row.id).sort();
}

/** Every case an organisation holds, oldest first (record-level exports). */
export async function listCasesOfOrganisation(
  db: Executor,
  organisationId: string,
): Promise<StoredCase[]> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToCase);
}

/**
 * Reserves `count` case numbers `<year>-<sequence>` for an organisation, skipping any already
 * taken (an imported file may carry numbers of the same shape), and any in `alsoTaken` (numbers
 * the caller is about to write itself, not in the table yet). Runs in the caller's
 * transaction; the counter row's upsert serialises concurrent reservations on both databases.
 */
export async function reserveCaseNumbers(
  trx: Executor,
  organisationId: string,
  year: number,
  count: number,
  alsoTaken: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const format = (n: number) => `${String(year)}-${String(n).padStart(5, '0')}`;
  const out: string[] = [];
  while (out.length < count) {
    const want = count - out.length;
    // One upsert, not an update then an insert: two transactions taking the year's first
    // numbers at once (PostgreSQL runs them side by side) would both find no counter and the
    // second insert would fail; here the second waits for the first's row and adds to it.
    const counter = await trx
      .insertInto('case_number_counters')
      .values({ organisation_id: organisationId, year, next_value: 1 + want })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'year']).doUpdateSet((eb) => ({
          next_value: eb('case_number_counters.next_value', '+', want),
        })),
      )
      .returning('next_value')
      .executeTakeFirstOrThrow();
    const first = counter.next_value - want;
    const candidates = Array.from({ length: want }, (_, i) => format(first + i));
    const taken = await takenCaseNumbers(trx, organisationId, candidates);
    out.push(
      ...candidates.filter((candidate) => !taken.has(candidate) && !alsoTaken.has(candidate)),
    );
  }
  return out;
}

/** Which of these case numbers an organisation already uses. */
export async function takenCaseNumbers(
  db: Executor,
  organisationId: string,
  numbers: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let start = 0; start < numbers.length; start += 500) {
    const rows = await db
      .selectFrom('cases')
      .select('case_number')
      .where('organisation_id', '=', organisationId)
      .where('case_number', 'in', numbers.slice(start, start + 500))
      .execute();
    for (const row of rows) taken.add(row.case_number);
  }
  return taken;
}

/**
 * Serialises the writers of one case (PostgreSQL; SQLite has a single writer anyway): a
 * withdrawal of consent and a referral made at the same moment must see each other.
 */
/**
 * Locks several cases (PostgreSQL) in id order, as every multi-case locker must so that two of
 * them never wait on each other, and returns the ids of those not forgotten.
 */
export async function lockLiveCases(
  trx: Executor,
  dialect: Dialect,
  ids: readonly string[],
): Promise<Set<string>> {
  const live = new Set<string>();
  const sorted = [...ids].sort();
  // Bounded IN lists: SQLite and PostgreSQL both cap bound parameters per statement.
  for (let start = 0; start < sorted.length; start += 500) {
    let query = trx
      .selectFrom('cases')
      .select(['id', 'forgotten_at'])
      .where('id', 'in', sorted.slice(start, start + 500))
      .orderBy('id');
    if (dialect.supportsForUpdate) query = query.forUpdate();
    for (const row of await query.execute()) if (row.forgotten_at === null) live.add(row.id);
  }
  return live;
}

export async function lockCase(trx: Executor, dialect: Dialect, id: string): Promise<void> {
  if (!dialect.supportsForUpdate) return;
  await trx.selectFrom('cases').select('id').where('id', '=', id).forUpdate().execute();
}

import type { ConsentEntry } from '../../../core/cases/consent-ledger.js';
import type { ConsentPrompt, ConsentPurpose } from '../../../shared/case-vocabulary.js';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ConsentsTable } from '../../platform/db/schema.js';

/** A ledger entry as stored, with who recorded it. */
export interface StoredConsent extends ConsentEntry {
  caseId: string;
  givenBy: 'person' | 'guardian';
  recordedBy: string | null;
  revokedBy: string | null;
}

export async function insertConsent(
  trx: Executor,
  entry: StoredConsent,
  submissionKey: string | null = null,
): Promise<void> {
  await trx
    .insertInto('consents')
    .values({
      id: entry.id,
      case_id: entry.caseId,
      purpose: entry.purpose,
      granted: entry.granted ? 1 : 0,
      given_by: entry.givenBy,
      prompts: JSON.stringify(entry.prompts),
      recorded_at: entry.recordedAt,
      recorded_by: entry.recordedBy,
      revoked_at: entry.revokedAt,
      revoked_by: entry.revokedBy,
      submission_key: submissionKey,
    })
    .execute();
}

/** The ledger entry of a case that a submission (its keyed Idempotency-Key) made, if any. */
export async function findSubmittedConsent(
  db: Executor,
  caseId: string,
  submissionKey: string,
): Promise<StoredConsent | undefined> {
  const row = await db
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
  return row && toConsent(row);
}

export async function listConsents(db: Executor, caseId: string): Promise<StoredConsent[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map(toConsent);
}

function toConsent(row: Selectable<ConsentsTable>): StoredConsent {
  return {
    id: row.id,
    caseId: row.case_id,
    purpose: row.purpose as ConsentPurpose,
    granted: row.granted === 1,
    givenBy: row.given_by as StoredConsent['givenBy'],
    prompts: JSON.parse(row.prompts) as Record<ConsentPrompt, boolean>,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

export async function revokeConsent(
  trx: Executor,
  caseId: string,
  id: string,
  at: string,
  by: string | null,
): Promise<boolean> {
  const result = await trx
    .updateTable('consents')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertConsentOverride(
  trx: Executor,
  row: {
    id: string;
    caseId: string;
    purpose: ConsentPurpose;
    action: string;
    reasonSealed: string;
    userId: string;
    createdAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('consent_overrides')
    .values({
      id: row.id,
      case_id: row.caseId,
      purpose: row.purpose,
      action: row.action,
      reason_sealed: row.reasonSealed,
      user_id: row.userId,
      created_at: row.createdAt,
    })
    .execute();
}

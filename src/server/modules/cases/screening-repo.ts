import type { ScreeningResult } from '../../../shared/screening-vocabulary.js';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ScreeningsTable } from '../../platform/db/schema.js';

/** A stored screening: the indicators found, and the result under the set version it used. */
export interface StoredScreening {
  id: string;
  caseId: string;
  indicators: string[];
  result: ScreeningResult;
  createdBy: string | null;
  createdAt: string;
}

export async function insertScreening(
  trx: Executor,
  s: StoredScreening,
  submissionKey: string | null = null,
): Promise<void> {
  await trx
    .insertInto('screenings')
    .values({
      id: s.id,
      case_id: s.caseId,
      indicator_set_id: s.result.indicatorSet.id,
      indicator_set_version: s.result.indicatorSet.version,
      profile: s.result.profile,
      indicators: JSON.stringify(s.indicators),
      result_class: s.result.class,
      result: JSON.stringify(s.result),
      created_by: s.createdBy,
      created_at: s.createdAt,
      submission_key: submissionKey,
    })
    .execute();
}

/** The screening of a case that a submission (its keyed Idempotency-Key) made, if any. */
export async function findSubmittedScreening(
  db: Executor,
  caseId: string,
  submissionKey: string,
): Promise<StoredScreening | undefined> {
  const row = await db
    .selectFrom('screenings')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
  return row && toScreening(row);
}

export async function listScreenings(db: Executor, caseId: string): Promise<StoredScreening[]> {
  const rows = await db
    .selectFrom('screenings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toScreening);
}

function toScreening(row: Selectable<ScreeningsTable>): StoredScreening {
  return {
    id: row.id,
    caseId: row.case_id,
    indicators: JSON.parse(row.indicators) as string[],
    result: JSON.parse(row.result) as ScreeningResult,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

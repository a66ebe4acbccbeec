import type { DerivationCaseFacts } from '../../../core/glotip/derivation/case-facts.js';
import type { Executor } from '../../platform/db/database.js';
import { pathToIds } from '../access/index.js';

// Reads what a GLOTIP derivation needs and nothing more: analytic columns named one by one
// (never `selectAll`, so a sealed column can never be read by accident, today or when a column
// is added) and the analytic `facts` of exploitation events, never their sealed part.

/** The columns of `cases` a derivation reads; none is sealed (the test checks the SQL too). */
export const derivationColumns = [
  'cases.id',
  'cases.case_number',
  'cases.organisation_id',
  'cases.synthetic',
  'cases.trafficking_status',
  'cases.status_decided_by',
  'cases.registration_year',
  'cases.registered_on',
  'cases.gender',
  'cases.age_at_identification',
  'cases.age_when_trafficked',
  'cases.age_band',
  'cases.majority_status',
  'cases.majority_status_at_exploitation',
  'cases.citizenship',
  'cases.exploitation_types',
  'cases.labour_sectors',
  'cases.sex_exploitation_types',
  'cases.country_of_exploitation',
  'cases.conflict_related',
] as const;

/** An organisation as a derivation sees it: where it sits and which country it reports for. */
export interface DerivationOrganisation {
  id: string;
  path: string[];
  country: string | null;
}

/** The organisation, if it exists. */
export async function findDerivationOrganisation(
  db: Executor,
  id: string,
): Promise<DerivationOrganisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'path', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { id: row.id, path: pathToIds(row.path), country: row.country };
}

/** The organisation and its descendants, each with its ancestry (root first, itself last). */
export async function listSubtree(
  db: Executor,
  id: string,
): Promise<{ id: string; path: string[] }[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'path'])
    .where('path', 'like', `%/${id}/%`)
    .orderBy('path')
    .execute();
  return rows.map((row) => ({ id: row.id, path: pathToIds(row.path) }));
}

// Bounded IN lists: SQLite and PostgreSQL both cap bound parameters per statement.
const chunkSize = 500;

// JSON text as `insertChildRows` writes it (JSON.stringify: no spaces). Only narrows what is
// read; the exact year is computed from the parsed facts below.
const exploitationEvent = '%"type":"Exploitation"%';

type Row = Awaited<ReturnType<typeof selectFacts>>[number];

function selectFacts(db: Executor, organisationIds: readonly string[], year: number) {
  return (
    db
      .selectFrom('cases')
      .select(derivationColumns)
      .where('cases.organisation_id', 'in', organisationIds)
      // Candidates for the year under any year basis; the policy picks among them.
      .where((eb) =>
        eb.or([
          eb('cases.registration_year', '=', year),
          eb('cases.registered_on', 'like', `${String(year)}-%`),
          eb(
            'cases.id',
            'in',
            eb
              .selectFrom('case_events')
              .select('case_events.case_id')
              .where('case_events.facts', 'like', exploitationEvent)
              .where((inner) =>
                inner.or([
                  inner('case_events.facts', 'like', `%"year":${String(year)}%`),
                  inner('case_events.facts', 'like', `%"date":"${String(year)}-%`),
                ]),
              ),
          ),
        ]),
      )
      .orderBy('cases.organisation_id')
      .orderBy('cases.case_number')
      .execute()
  );
}

/** The year of each case's earliest exploitation event (by its date, else its year). */
async function exploitationStartYears(
  db: Executor,
  caseIds: readonly string[],
): Promise<Map<string, number>> {
  const years = new Map<string, number>();
  for (let start = 0; start < caseIds.length; start += chunkSize) {
    const rows = await db
      .selectFrom('case_events')
      .select(['case_events.case_id', 'case_events.facts'])
      .where('case_events.case_id', 'in', caseIds.slice(start, start + chunkSize))
      .where('case_events.facts', 'like', exploitationEvent)
      .execute();
    for (const row of rows) {
      const facts = JSON.parse(row.facts) as { type?: unknown; year?: unknown; date?: unknown };
      if (facts.type !== 'Exploitation') continue;
      const year =
        typeof facts.date === 'string'
          ? Number.parseInt(facts.date.slice(0, 4), 10)
          : typeof facts.year === 'number'
            ? facts.year
            : null;
      if (year === null) continue;
      const known = years.get(row.case_id);
      if (known === undefined || year < known) years.set(row.case_id, year);
    }
  }
  return years;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored code type
const parseList = <T>(value: string | null): T[] | null =>
  value === null ? null : (JSON.parse(value) as T[]);

// Values were validated on the way in; the casts restate what was stored (as in case-repo).
function rowToFacts(row: Row, exploitationStartYear: number | null): DerivationCaseFacts {
  type F = DerivationCaseFacts;
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    organisationId: row.organisation_id,
    synthetic: row.synthetic === 1,
    traffickingStatus: row.trafficking_status as F['traffickingStatus'],
    statusDecidedBy: row.status_decided_by as F['statusDecidedBy'],
    registrationYear: row.registration_year,
    registeredOn: row.registered_on,
    exploitationStartYear,
    gender: row.gender as F['gender'],
    ageAtIdentification: row.age_at_identification,
    ageWhenTrafficked: row.age_when_trafficked,
    ageBand: row.age_band as F['ageBand'],
    majorityStatus: row.majority_status as F['majorityStatus'],
    majorityStatusAtExploitation:
      row.majority_status_at_exploitation as F['majorityStatusAtExploitation'],
    citizenship: JSON.parse(row.citizenship) as string[],
    exploitationTypes: parseList(row.exploitation_types),
    labourSectors: parseList(row.labour_sectors),
    sexExploitationTypes: parseList(row.sex_exploitation_types),
    countryOfExploitation: row.country_of_exploitation,
    conflictRelated: row.conflict_related as F['conflictRelated'],
  };
}

/**
 * The analytic facts of the cases held by `organisationIds` that may fall in `year` under any
 * counting policy (registered that year, or exploited that year). Forgotten cases are included:
 * forgetting destroys identity, not the anonymous count (decision 0004).
 */
export async function listDerivationFacts(
  db: Executor,
  organisationIds: readonly string[],
  year: number,
): Promise<DerivationCaseFacts[]> {
  const rows: Row[] = [];
  for (let start = 0; start < organisationIds.length; start += chunkSize) {
    rows.push(...(await selectFacts(db, organisationIds.slice(start, start + chunkSize), year)));
  }
  const starts = await exploitationStartYears(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => rowToFacts(row, starts.get(row.id) ?? null));
}

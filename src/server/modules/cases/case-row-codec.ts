import type { Insertable, Selectable } from 'kysely';
import type { CasesTable } from '../../platform/db/schema.js';
import type { StoredCase, VictimFacts } from './case-model.js';

// A case and its stored row, both ways: analytic facts in plain columns (code lists as JSON
// text), the identity as one sealed blob. The repository reads and writes rows; this is how
// they map.

const list = (value: readonly string[] | null): string | null =>
  value === null ? null : JSON.stringify(value);
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored code type
const parseList = <T>(value: string | null): T[] | null =>
  value === null ? null : (JSON.parse(value) as T[]);

/** The stored row of a case. */
export function caseToRow(
  stored: StoredCase,
  extra: { sourceKey: string | null; createdBy: string | null },
): Insertable<CasesTable> {
  const v = stored.victim;
  return {
    id: stored.id,
    organisation_id: stored.organisationId,
    case_number: stored.caseNumber,
    status: stored.status,
    registration_year: stored.registrationYear,
    registered_on: stored.registeredOn,
    data_source: stored.dataSource,
    synthetic: stored.synthetic ? 1 : 0,
    import_job_id: stored.importJobId,
    source_key: extra.sourceKey,
    data_key_id: stored.dataKeyId,
    identity_sealed: stored.identitySealed,
    ...victimColumns(v),
    forgotten_at: stored.forgottenAt,
    version: stored.version,
    created_by: extra.createdBy,
    created_at: stored.createdAt,
    updated_at: stored.updatedAt,
  };
}

/** The analytic columns of the victim. */
export function victimColumns(v: VictimFacts) {
  return {
    gender: v.gender,
    age_at_identification: v.ageAtIdentification,
    age_when_trafficked: v.ageWhenTrafficked,
    age_band: v.ageBand,
    majority_status: v.majorityStatus,
    majority_status_at_exploitation: v.majorityStatusAtExploitation,
    majority_status_at_entry: v.majorityStatusAtEntry,
    primary_language: v.primaryLanguage,
    citizenship: JSON.stringify(v.citizenship),
    primary_citizenship: v.citizenship[0] ?? null,
    trafficking_status: v.traffickingStatus,
    status_decided_by: v.statusDecidedBy,
    relationship_to_trafficker: v.relationshipToTrafficker,
    recruiter_relations: list(v.recruiterRelations),
    recruitment_methods: list(v.recruitmentMethods),
    control_methods: list(v.controlMethods),
    exploitation_types: list(v.exploitationTypes),
    labour_sectors: list(v.labourSectors),
    sex_exploitation_types: list(v.sexExploitationTypes),
    abducted: v.abducted === null ? null : v.abducted ? 1 : 0,
    exploitation_duration: v.exploitationDuration,
    country_of_exploitation: v.countryOfExploitation,
    displacement_status: v.displacementStatus,
    conflict_related: v.conflict.related,
    conflict_bases: JSON.stringify(v.conflict.bases),
    crisis_id: v.conflict.crisisId,
  };
}

// Values were validated by the schema on the way in; the CHECK constraints and this mapping
// are the only writers, so the casts restate what was stored.
export function rowToCase(row: Selectable<CasesTable>): StoredCase {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    caseNumber: row.case_number,
    status: row.status as StoredCase['status'],
    registrationYear: row.registration_year,
    registeredOn: row.registered_on,
    dataSource: row.data_source as StoredCase['dataSource'],
    synthetic: row.synthetic === 1,
    importJobId: row.import_job_id,
    dataKeyId: row.data_key_id,
    identitySealed: row.identity_sealed,
    victim: {
      gender: row.gender as VictimFacts['gender'],
      citizenship: JSON.parse(row.citizenship) as string[],
      ageAtIdentification: row.age_at_identification,
      ageWhenTrafficked: row.age_when_trafficked,
      ageBand: row.age_band as VictimFacts['ageBand'],
      majorityStatus: row.majority_status as VictimFacts['majorityStatus'],
      majorityStatusAtExploitation:
        row.majority_status_at_exploitation as VictimFacts['majorityStatusAtExploitation'],
      majorityStatusAtEntry: row.majority_status_at_entry as VictimFacts['majorityStatusAtEntry'],
      primaryLanguage: row.primary_language,
      traffickingStatus: row.trafficking_status as VictimFacts['traffickingStatus'],
      statusDecidedBy: row.status_decided_by as VictimFacts['statusDecidedBy'],
      relationshipToTrafficker:
        row.relationship_to_trafficker as VictimFacts['relationshipToTrafficker'],
      recruiterRelations: parseList(row.recruiter_relations),
      recruitmentMethods: parseList(row.recruitment_methods),
      controlMethods: parseList(row.control_methods),
      exploitationTypes: parseList(row.exploitation_types),
      labourSectors: parseList(row.labour_sectors),
      sexExploitationTypes: parseList(row.sex_exploitation_types),
      abducted: row.abducted === null ? null : row.abducted === 1,
      exploitationDuration: row.exploitation_duration as VictimFacts['exploitationDuration'],
      countryOfExploitation: row.country_of_exploitation,
      displacementStatus: row.displacement_status as VictimFacts['displacementStatus'],
      conflict: {
        related: row.conflict_related as VictimFacts['conflict']['related'],
        bases: JSON.parse(row.conflict_bases) as VictimFacts['conflict']['bases'],
        crisisId: row.crisis_id,
      },
    },
    forgottenAt: row.forgotten_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

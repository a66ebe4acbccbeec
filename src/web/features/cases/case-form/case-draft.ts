import type { VictimIdentity } from '../../../../shared/case-schemas.js';
import type {
  AgeBand,
  CaseStatus,
  ConflictBasis,
  ConflictRelation,
  ControlMethod,
  DataSource,
  DisplacementStatus,
  EventType,
  ExploitationDuration,
  ExploitationType,
  Gender,
  LabourSector,
  MajorityStatus,
  PerpetratorAffiliation,
  PerpetratorRole,
  RecruiterRelation,
  RecruitmentMethod,
  SexExploitationType,
  StatusDecisionMaker,
  TraffickerRelationship,
  TraffickingStatus,
} from '../../../../shared/case-vocabulary.js';
import type { CaseDetail } from '../../../api/case-endpoints.js';

/**
 * The case form's state: what the person typed, as typed (numbers and dates as text, "not
 * recorded" as ''), so that moving between steps never loses or reshapes input. It becomes an
 * API body only on the way out (case-draft-body.ts).
 */

/** The victim's identifying fields, in the order the form shows them. */
export const identityFields = [
  'firstName',
  'middleName',
  'secondName',
  'birthDate',
  'identityNumber',
  'phone',
  'email',
  'street',
  'city',
  'state',
  'postalCode',
  'notes',
] as const satisfies readonly (keyof VictimIdentity)[];

export type IdentityField = (typeof identityFields)[number];

/**
 * Compiles only while the form names every identifying field of the contract: a field added to
 * `victimIdentitySchema` must get an input here too.
 */
export const everyIdentityFieldShown: Exclude<keyof VictimIdentity, IdentityField> extends never
  ? true
  : never = true;

/** "Yes", "no", or not recorded. */
export type YesNo = '' | 'yes' | 'no';

/**
 * A multiple-choice list that may be unrecorded: `null` when nobody asked, `[]` when the answer
 * was "none of these" (CTDC keeps the two apart, and statistics must too).
 */
export type CodeChoice<T extends string> = T[] | null;

export interface PerpetratorDraft {
  /** Stable React key of a list item (items are added and removed). */
  key: number;
  roles: PerpetratorRole[];
  affiliation: PerpetratorAffiliation | '';
  gender: Gender;
  citizenship: string[];
  ageYears: string;
  name: string;
  details: string;
}

export interface EventDraft {
  key: number;
  type: EventType | '';
  country: string;
  year: string;
  date: string;
  place: string;
  description: string;
}

export interface CaseDraft {
  organisationId: string;
  caseNumber: string;
  status: CaseStatus;
  registrationYear: string;
  registeredOn: string;
  dataSource: DataSource | '';
  identity: Record<IdentityField, string>;
  gender: Gender;
  citizenship: string[];
  ageAtIdentification: string;
  ageWhenTrafficked: string;
  ageBand: AgeBand | '';
  majorityStatus: MajorityStatus | '';
  majorityStatusAtExploitation: MajorityStatus | '';
  majorityStatusAtEntry: MajorityStatus | '';
  primaryLanguage: string;
  traffickingStatus: TraffickingStatus | '';
  statusDecidedBy: StatusDecisionMaker | '';
  relationshipToTrafficker: TraffickerRelationship | '';
  recruiterRelations: CodeChoice<RecruiterRelation>;
  recruitmentMethods: CodeChoice<RecruitmentMethod>;
  controlMethods: CodeChoice<ControlMethod>;
  exploitationTypes: CodeChoice<ExploitationType>;
  labourSectors: CodeChoice<LabourSector>;
  sexExploitationTypes: CodeChoice<SexExploitationType>;
  abducted: YesNo;
  exploitationDuration: ExploitationDuration | '';
  countryOfExploitation: string;
  displacementStatus: DisplacementStatus | '';
  conflict: { related: ConflictRelation; bases: ConflictBasis[]; crisisId: string };
  perpetrators: PerpetratorDraft[];
  events: EventDraft[];
}

let nextKey = 1;

/** A fresh key for a list item of the form. */
export function newItemKey(): number {
  return nextKey++;
}

/** An empty perpetrator. */
export function emptyPerpetrator(): PerpetratorDraft {
  return {
    key: newItemKey(),
    roles: [],
    affiliation: '',
    gender: 'NonSpecifiedUnknown',
    citizenship: [],
    ageYears: '',
    name: '',
    details: '',
  };
}

/** An empty event. */
export function emptyEvent(): EventDraft {
  return {
    key: newItemKey(),
    type: '',
    country: '',
    year: '',
    date: '',
    place: '',
    description: '',
  };
}

/** A new case: the first organisation the user may create in, this year, nothing else. */
export function emptyDraft(organisationId: string, year: number): CaseDraft {
  return {
    organisationId,
    caseNumber: '',
    status: 'Active',
    registrationYear: String(year),
    registeredOn: '',
    dataSource: 'CaseManagement',
    identity: Object.fromEntries(identityFields.map((field) => [field, ''])) as Record<
      IdentityField,
      string
    >,
    gender: 'NonSpecifiedUnknown',
    citizenship: [],
    ageAtIdentification: '',
    ageWhenTrafficked: '',
    ageBand: '',
    majorityStatus: '',
    majorityStatusAtExploitation: '',
    majorityStatusAtEntry: '',
    primaryLanguage: '',
    traffickingStatus: '',
    statusDecidedBy: '',
    relationshipToTrafficker: '',
    recruiterRelations: null,
    recruitmentMethods: null,
    controlMethods: null,
    exploitationTypes: null,
    labourSectors: null,
    sexExploitationTypes: null,
    abducted: '',
    exploitationDuration: '',
    countryOfExploitation: '',
    displacementStatus: '',
    conflict: { related: 'Unknown', bases: [], crisisId: '' },
    perpetrators: [],
    events: [],
  };
}

const text = (value: string | null | undefined): string => value ?? '';
const number = (value: number | null): string => (value === null ? '' : String(value));

/** The form state of a stored case (full view: identity and sealed texts present). */
export function draftOfCase(detail: CaseDetail): CaseDraft {
  const victim = detail.victim;
  const identity = victim.identity;
  return {
    organisationId: detail.organisationId,
    caseNumber: detail.caseNumber,
    status: detail.status,
    registrationYear: String(detail.registrationYear),
    registeredOn: text(detail.registeredOn),
    dataSource: detail.dataSource ?? '',
    identity: Object.fromEntries(
      identityFields.map((field) => [field, text(identity?.[field])]),
    ) as Record<IdentityField, string>,
    gender: victim.gender,
    citizenship: [...victim.citizenship],
    ageAtIdentification: number(victim.ageAtIdentification),
    ageWhenTrafficked: number(victim.ageWhenTrafficked),
    ageBand: victim.ageBand ?? '',
    majorityStatus: victim.majorityStatus ?? '',
    majorityStatusAtExploitation: victim.majorityStatusAtExploitation ?? '',
    majorityStatusAtEntry: victim.majorityStatusAtEntry ?? '',
    primaryLanguage: text(victim.primaryLanguage),
    traffickingStatus: victim.traffickingStatus ?? '',
    statusDecidedBy: victim.statusDecidedBy ?? '',
    relationshipToTrafficker: victim.relationshipToTrafficker ?? '',
    recruiterRelations: copyChoice(victim.recruiterRelations),
    recruitmentMethods: copyChoice(victim.recruitmentMethods),
    controlMethods: copyChoice(victim.controlMethods),
    exploitationTypes: copyChoice(victim.exploitationTypes),
    labourSectors: copyChoice(victim.labourSectors),
    sexExploitationTypes: copyChoice(victim.sexExploitationTypes),
    abducted: victim.abducted === null ? '' : victim.abducted ? 'yes' : 'no',
    exploitationDuration: victim.exploitationDuration ?? '',
    countryOfExploitation: text(victim.countryOfExploitation),
    displacementStatus: victim.displacementStatus ?? '',
    conflict: {
      related: victim.conflict.related,
      bases: [...victim.conflict.bases],
      crisisId: text(victim.conflict.crisisId),
    },
    perpetrators: detail.perpetrators.map((p) => ({
      key: newItemKey(),
      roles: [...p.roles],
      affiliation: p.affiliation ?? '',
      gender: p.gender,
      citizenship: [...p.citizenship],
      ageYears: number(p.ageYears),
      name: text(p.name),
      details: text(p.details),
    })),
    events: detail.events.map((e) => ({
      key: newItemKey(),
      type: e.type,
      country: text(e.country),
      year: number(e.year),
      date: text(e.date),
      place: text(e.place),
      description: text(e.description),
    })),
  };
}

function copyChoice<T extends string>(values: readonly T[] | null): CodeChoice<T> {
  return values === null ? null : [...values];
}

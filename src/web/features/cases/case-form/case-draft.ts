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
import type { CaseDetail, CreateCaseBody, UpdateCaseBody } from '../../../api/case-endpoints.js';

/**
 * The case form's state: what the person typed, as typed (numbers and dates as text, "not
 * recorded" as ''), so that moving between steps never loses or reshapes input. It becomes an
 * API body only on the way out ({@link toCreateBody}, {@link toUpdateBody}).
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

/** Turns a typed country (code or name) into the code to send; '' means none. */
export type CountryResolver = (typed: string) => string | null;

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * A whole number as typed, or the text itself when it is not one: the contract then refuses it
 * with a field error, rather than the form guessing what was meant.
 */
function wholeNumber(value: string): number | string | null {
  const typed = value.trim();
  if (typed === '') return null;
  return /^\d{1,4}$/.test(typed) ? Number(typed) : typed;
}

function choiceOf<T extends string>(value: T | ''): T | null {
  return value === '' ? null : value;
}

function victimOf(draft: CaseDraft, resolveCountry: CountryResolver) {
  return {
    identity: Object.fromEntries(
      identityFields.map((field) => [field, orNull(draft.identity[field])]),
    ) as Record<IdentityField, string | null>,
    gender: draft.gender,
    citizenship: draft.citizenship,
    ageAtIdentification: wholeNumber(draft.ageAtIdentification),
    ageWhenTrafficked: wholeNumber(draft.ageWhenTrafficked),
    ageBand: choiceOf(draft.ageBand),
    majorityStatus: choiceOf(draft.majorityStatus),
    majorityStatusAtExploitation: choiceOf(draft.majorityStatusAtExploitation),
    majorityStatusAtEntry: choiceOf(draft.majorityStatusAtEntry),
    primaryLanguage: orNull(draft.primaryLanguage.toLowerCase()),
    traffickingStatus: choiceOf(draft.traffickingStatus),
    statusDecidedBy: choiceOf(draft.statusDecidedBy),
    relationshipToTrafficker: choiceOf(draft.relationshipToTrafficker),
    recruiterRelations: draft.recruiterRelations,
    recruitmentMethods: draft.recruitmentMethods,
    controlMethods: draft.controlMethods,
    exploitationTypes: draft.exploitationTypes,
    labourSectors: draft.labourSectors,
    sexExploitationTypes: draft.sexExploitationTypes,
    abducted: draft.abducted === '' ? null : draft.abducted === 'yes',
    exploitationDuration: choiceOf(draft.exploitationDuration),
    countryOfExploitation: resolveCountry(draft.countryOfExploitation),
    displacementStatus: choiceOf(draft.displacementStatus),
    conflict: {
      related: draft.conflict.related,
      bases: draft.conflict.bases,
      crisisId: orNull(draft.conflict.crisisId),
    },
  };
}

function perpetratorsOf(draft: CaseDraft) {
  return draft.perpetrators.map((p) => ({
    roles: p.roles,
    affiliation: choiceOf(p.affiliation),
    gender: p.gender,
    citizenship: p.citizenship,
    ageYears: wholeNumber(p.ageYears),
    name: orNull(p.name),
    details: orNull(p.details),
  }));
}

function eventsOf(draft: CaseDraft, resolveCountry: CountryResolver) {
  return draft.events.map((e) => ({
    // An event without a type is sent as such: the contract names the missing field.
    type: e.type === '' ? undefined : e.type,
    country: resolveCountry(e.country),
    year: wholeNumber(e.year),
    date: orNull(e.date),
    place: orNull(e.place),
    description: orNull(e.description),
  }));
}

/**
 * The `POST /api/cases` body of a draft. Typed loosely on purpose: what the person typed goes
 * to validation as it is, and the contract's own errors point at the fields to fix.
 */
export function toCreateBody(draft: CaseDraft, resolveCountry: CountryResolver): CreateCaseBody {
  return {
    organisationId: draft.organisationId,
    caseNumber: orNull(draft.caseNumber),
    status: draft.status,
    registrationYear: wholeNumber(draft.registrationYear),
    registeredOn: orNull(draft.registeredOn),
    dataSource: choiceOf(draft.dataSource),
    victim: victimOf(draft, resolveCountry),
    perpetrators: perpetratorsOf(draft),
    events: eventsOf(draft, resolveCountry),
  } as unknown as CreateCaseBody;
}

/**
 * The `PATCH /api/cases/:id` body of a draft: the sections the form edits replace the stored
 * ones; support plans are not edited here and so are left as they are.
 */
export function toUpdateBody(
  draft: CaseDraft,
  version: number,
  resolveCountry: CountryResolver,
): UpdateCaseBody {
  return {
    version,
    status: draft.status,
    registrationYear: wholeNumber(draft.registrationYear),
    registeredOn: orNull(draft.registeredOn),
    victim: victimOf(draft, resolveCountry),
    perpetrators: perpetratorsOf(draft),
    events: eventsOf(draft, resolveCountry),
  } as unknown as UpdateCaseBody;
}

/** The steps of the case form, in order. */
export const caseSteps = [
  'person',
  'exploitation',
  'conflict',
  'perpetrators',
  'events',
  'review',
] as const;

export type CaseStep = (typeof caseSteps)[number];

const personFacts: ReadonlySet<string> = new Set([
  'identity',
  'gender',
  'citizenship',
  'ageAtIdentification',
  'ageWhenTrafficked',
  'ageBand',
  'majorityStatus',
  'primaryLanguage',
]);
const conflictFacts: ReadonlySet<string> = new Set(['conflict', 'displacementStatus']);

/**
 * The step that shows the field a problem names (`['body', 'victim', 'identity', 'phone']` →
 * person), so that an error sends the person to the right page of the form.
 */
export function stepOfPath(path: readonly (string | number)[]): CaseStep {
  const [, section, field] = path;
  if (section === 'victim') {
    if (typeof field === 'string' && personFacts.has(field)) return 'person';
    if (typeof field === 'string' && conflictFacts.has(field)) return 'conflict';
    return 'exploitation';
  }
  if (section === 'perpetrators') return 'perpetrators';
  if (section === 'events' || section === 'supportPlans') return 'events';
  return 'person';
}

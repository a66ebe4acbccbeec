import type { CreateCaseBody, UpdateCaseBody } from '../../../api/case-endpoints.js';
import { identityFields, type CaseDraft, type IdentityField } from './case-draft.js';

// A draft on its way out: the API bodies of the case form, made of what was typed.

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

import { z } from 'zod';
import {
  ageBands,
  caseStatuses,
  conflictBases,
  conflictRelations,
  consentPrompts,
  consentPurposes,
  controlMethods,
  dataSources,
  displacementStatuses,
  eventTypes,
  exploitationDurations,
  exploitationTypes,
  genders,
  labourSectors,
  majorityStatuses,
  perpetratorAffiliations,
  perpetratorRoles,
  recruiterRelations,
  recruitmentMethods,
  referralStatuses,
  serviceKinds,
  sexExploitationTypes,
  statusDecisionMakers,
  supportPlanTypes,
  traffickerRelationships,
  traffickingStatuses,
} from './case-vocabulary.js';
import {
  countryCodeSchema,
  idSchema,
  nameSchema,
  pageQuerySchema,
  recordedCountryCodeSchema,
} from './common-schemas.js';

// Identifying free text: trimmed, bounded. It is sealed before storage, never indexed.
const secretText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date();

/** A year of events or registration. */
export const yearSchema = z.number().int().min(1950).max(2100);

// A code list that may be unrecorded (null) rather than empty: CTDC separates "none of these"
// from "not asked", and statistics must not count the second as the first.
const codeList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .array(z.enum(codes))
    .max(codes.length)
    .refine((values) => new Set(values).size === values.length, 'Values must be unique')
    .nullable()
    .default(null);

/** Identifying fields of the victim: all sealed with the case's data key. */
export const victimIdentitySchema = z.strictObject({
  firstName: secretText(200),
  secondName: secretText(200),
  middleName: secretText(200),
  birthDate: isoDateSchema.nullable().default(null),
  identityNumber: secretText(100),
  email: secretText(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[1-9]\d{1,14}$/, 'Use the E.164 form, e.g. +243812345678')
    .nullable()
    .default(null),
  street: secretText(300),
  city: secretText(200),
  state: secretText(200),
  postalCode: secretText(40),
  notes: secretText(20_000),
});
export type VictimIdentity = z.output<typeof victimIdentitySchema>;

/** The names of the victim's identifying fields (what an analyst never sees). */
export const victimIdentityFields = Object.keys(
  victimIdentitySchema.shape,
) as (keyof VictimIdentity)[];

/** Conflict link (extension). */
export const conflictLinkSchema = z.strictObject({
  related: z.enum(conflictRelations).default('Unknown'),
  bases: z.array(z.enum(conflictBases)).max(conflictBases.length).default([]),
  crisisId: idSchema.nullable().default(null),
});

/** The victim: person and victim context (HTCDS `prs_`, `vic_`), one per case. */
export const victimSchema = z.strictObject({
  identity: victimIdentitySchema.default(victimIdentitySchema.parse({})),
  gender: z.enum(genders).default('NonSpecifiedUnknown'),
  citizenship: z.array(recordedCountryCodeSchema).max(5).default([]),
  ageAtIdentification: z.number().int().min(0).max(120).nullable().default(null),
  ageWhenTrafficked: z.number().int().min(0).max(120).nullable().default(null),
  ageBand: z.enum(ageBands).nullable().default(null),
  majorityStatus: z.enum(majorityStatuses).nullable().default(null),
  majorityStatusAtExploitation: z.enum(majorityStatuses).nullable().default(null),
  majorityStatusAtEntry: z.enum(majorityStatuses).nullable().default(null),
  primaryLanguage: z
    .string()
    .regex(/^[a-z]{3}$/, 'Use an ISO 639-2 code')
    .nullable()
    .default(null),
  traffickingStatus: z.enum(traffickingStatuses).nullable().default(null),
  statusDecidedBy: z.enum(statusDecisionMakers).nullable().default(null),
  relationshipToTrafficker: z.enum(traffickerRelationships).nullable().default(null),
  recruiterRelations: codeList(recruiterRelations),
  recruitmentMethods: codeList(recruitmentMethods),
  controlMethods: codeList(controlMethods),
  exploitationTypes: codeList(exploitationTypes),
  labourSectors: codeList(labourSectors),
  sexExploitationTypes: codeList(sexExploitationTypes),
  abducted: z.boolean().nullable().default(null),
  exploitationDuration: z.enum(exploitationDurations).nullable().default(null),
  countryOfExploitation: recordedCountryCodeSchema.nullable().default(null),
  displacementStatus: z.enum(displacementStatuses).nullable().default(null),
  conflict: conflictLinkSchema.default(conflictLinkSchema.parse({})),
});
export type Victim = z.output<typeof victimSchema>;

/** A perpetrator: person and perpetrator context (HTCDS `per_`, plus affiliation). */
export const perpetratorSchema = z.strictObject({
  roles: z.array(z.enum(perpetratorRoles)).max(perpetratorRoles.length).default([]),
  affiliation: z.enum(perpetratorAffiliations).nullable().default(null),
  gender: z.enum(genders).default('NonSpecifiedUnknown'),
  citizenship: z.array(countryCodeSchema).max(5).default([]),
  ageYears: z.number().int().min(0).max(120).nullable().default(null),
  name: secretText(300),
  details: secretText(20_000),
});
export type Perpetrator = z.output<typeof perpetratorSchema>;

/** A historic trafficking event (HTCDS `hte_`): where and when, its place details sealed. */
export const tipEventSchema = z.strictObject({
  type: z.enum(eventTypes),
  country: recordedCountryCodeSchema.nullable().default(null),
  year: yearSchema.nullable().default(null),
  date: isoDateSchema.nullable().default(null),
  place: secretText(300),
  description: secretText(20_000),
});
export type TipEvent = z.output<typeof tipEventSchema>;

/** A support plan (HTCDS `spl_`). */
export const supportPlanSchema = z.strictObject({
  type: z.enum(supportPlanTypes),
  plannedEndDate: isoDateSchema.nullable().default(null),
  actualEndDate: isoDateSchema.nullable().default(null),
  objectives: secretText(20_000),
  actionPlan: secretText(20_000),
});
export type SupportPlan = z.output<typeof supportPlanSchema>;

/** A case number as people write it on paper: letters, digits, `-`, `/`, `.`. */
export const caseNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9\-/._]*$/, 'Use letters, digits, "-", "/", "." or "_"');

/**
 * A whole case record in Vigil's canonical form: what the API accepts, what imports produce and
 * what exports read. Defaults make every field present, so an absent value is always `null` or
 * an empty list, never `undefined`.
 */
export const caseRecordSchema = z.strictObject({
  caseNumber: caseNumberSchema.nullable().default(null),
  status: z.enum(caseStatuses).default('Active'),
  registrationYear: yearSchema,
  registeredOn: isoDateSchema.nullable().default(null),
  dataSource: z.enum(dataSources).nullable().default(null),
  victim: victimSchema.default(victimSchema.parse({})),
  perpetrators: z.array(perpetratorSchema).max(50).default([]),
  events: z.array(tipEventSchema).max(200).default([]),
  supportPlans: z.array(supportPlanSchema).max(50).default([]),
});
export type CaseRecord = z.output<typeof caseRecordSchema>;
export type CaseRecordInput = z.input<typeof caseRecordSchema>;

/** `PATCH /api/cases/:id` body: whole sections replace the stored ones; `version` guards races. */
export const caseUpdateBodySchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(caseStatuses).optional(),
  registrationYear: yearSchema.optional(),
  registeredOn: isoDateSchema.nullable().optional(),
  victim: victimSchema.optional(),
  perpetrators: z.array(perpetratorSchema).max(50).optional(),
  events: z.array(tipEventSchema).max(200).optional(),
  supportPlans: z.array(supportPlanSchema).max(50).optional(),
});

/** `GET /api/cases` query. */
export const caseListQuerySchema = pageQuerySchema.extend({
  organisationId: idSchema.optional(),
  caseNumber: z.string().trim().min(1).max(64).optional(),
  status: z.enum(caseStatuses).optional(),
  conflictRelated: z.enum(conflictRelations).optional(),
  exploitationType: z.enum(exploitationTypes).optional(),
  crisisId: idSchema.optional(),
  traffickingStatus: z.enum(traffickingStatuses).optional(),
  registrationYear: z.coerce.number().int().min(1950).max(2100).optional(),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

/** `POST /api/cases/:id/break-glass` body. */
export const breakGlassBodySchema = z.strictObject({
  reason: z.string().trim().min(20, 'Explain the emergency in at least 20 characters').max(2000),
});

/** `POST /api/cases/:id/forget` body: the case number is typed again as a deliberate act. */
export const forgetBodySchema = z.strictObject({
  confirmCaseNumber: z.string().trim().min(1).max(64),
});

/** `POST /api/cases/:id/consents` body: one ledger entry for one purpose. */
export const consentBodySchema = z.strictObject({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  givenBy: z.enum(['person', 'guardian']).default('person'),
  prompts: z.strictObject(
    Object.fromEntries(consentPrompts.map((prompt) => [prompt, z.boolean()])) as Record<
      (typeof consentPrompts)[number],
      z.ZodBoolean
    >,
  ),
});
export type ConsentBody = z.output<typeof consentBodySchema>;

/** A reason recorded when a user overrides a missing consent (audited, sealed). */
export const overrideReasonSchema = z
  .string()
  .trim()
  .min(20, 'Explain the override in at least 20 characters')
  .max(2000);

/** `POST /api/cases/:id/referrals` body. */
export const referralBodySchema = z.strictObject({
  providerId: idSchema,
  serviceKind: z.enum(serviceKinds),
  note: secretText(5000),
  acknowledgeWithinDays: z.number().int().min(1).max(60).default(3),
  overrideReason: overrideReasonSchema.optional(),
});
export type ReferralBody = z.output<typeof referralBodySchema>;

/** `PATCH /api/referrals/:id` body: a status move. */
export const referralStatusBodySchema = z.strictObject({ status: z.enum(referralStatuses) });

/** `POST /api/service-providers` body. */
export const serviceProviderBodySchema = z.strictObject({
  name: nameSchema,
  kinds: z.array(z.enum(serviceKinds)).min(1).max(serviceKinds.length),
  country: countryCodeSchema,
  recipientOrganisationId: idSchema,
  active: z.boolean().default(true),
});

/** `POST /api/crises` body. */
export const crisisBodySchema = z.strictObject({
  name: nameSchema,
  countries: z.array(countryCodeSchema).min(1).max(30),
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable().default(null),
});

/** `POST /api/cases/:id/exports`-style record-level export request. */
export const caseExportFormats = ['ctdc', 'ctdc-k-anonymised', 'htcds-csv', 'htcds-xlsx'] as const;
export type CaseExportFormat = (typeof caseExportFormats)[number];

/** Formats an import understands. */
export const caseImportFormats = ['ctdc', 'htcds'] as const;
export type CaseImportFormat = (typeof caseImportFormats)[number];

/** A case as the API returns it. In the analytic view identifying fields are null. */
export const caseResponseSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  registrationYear: z.number().int(),
  registeredOn: z.string().nullable(),
  dataSource: z.enum(dataSources).nullable(),
  synthetic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  forgotten: z.boolean(),
  view: z.enum(['full', 'analytic']),
  breakGlass: z.boolean(),
  victim: victimSchema.extend({ identity: victimIdentitySchema.nullable() }),
  perpetrators: z.array(perpetratorSchema),
  events: z.array(tipEventSchema),
  supportPlans: z.array(supportPlanSchema),
});
export type CaseResponse = z.output<typeof caseResponseSchema>;

/** A line of the case list: analytic facts only, never an identifying field. */
export const caseSummarySchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  registrationYear: z.number().int(),
  synthetic: z.boolean(),
  forgotten: z.boolean(),
  gender: z.enum(genders),
  ageBand: z.enum(ageBands).nullable(),
  citizenship: z.array(z.string()),
  traffickingStatus: z.enum(traffickingStatuses).nullable(),
  exploitationTypes: z.array(z.enum(exploitationTypes)).nullable(),
  conflictRelated: z.enum(conflictRelations),
  crisisId: idSchema.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.output<typeof caseSummarySchema>;

/** A consent ledger entry as the API returns it. */
export const consentResponseSchema = z.object({
  id: idSchema,
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  givenBy: z.enum(['person', 'guardian']),
  prompts: z.record(z.enum(consentPrompts), z.boolean()),
  recordedAt: z.string(),
  revokedAt: z.string().nullable(),
  inForce: z.boolean(),
});

/** `POST /api/cases` body: a case record and the organisation that holds it. */
export const createCaseBodySchema = caseRecordSchema.extend({ organisationId: idSchema });

/** A crisis of the reference list as the API returns it. */
export const crisisResponseSchema = z.object({
  id: idSchema,
  name: z.string(),
  countries: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

/** A service provider as the API returns it. */
export const serviceProviderResponseSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  name: z.string(),
  kinds: z.array(z.enum(serviceKinds)),
  country: z.string(),
  recipientOrganisationId: idSchema,
  active: z.boolean(),
});

/** A referral as lists show it: status and deadlines, never the packet. */
export const referralResponseSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  caseNumber: z.string(),
  providerId: idSchema,
  providerName: z.string(),
  serviceKind: z.enum(serviceKinds),
  status: z.enum(referralStatuses),
  consentOverridden: z.boolean(),
  sentAt: z.string(),
  acknowledgeBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  overdue: z.boolean(),
});

/**
 * A referral as its recipient's inbox lists it: without the referring organisation's case id,
 * which names a record the recipient may not open (the case number stays, as the reference
 * both sides quote).
 */
export const incomingReferralResponseSchema = referralResponseSchema.omit({ caseId: true });

/** What a recipient opens: the minimal packet for its service kind. */
export const referralPacketResponseSchema = z.object({
  referralId: idSchema,
  serviceKind: z.enum(serviceKinds),
  packet: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])),
});

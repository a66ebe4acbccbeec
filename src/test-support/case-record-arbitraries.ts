import fc from 'fast-check';
import { caseRecordSchema, type CaseRecord, type CaseRecordInput } from '../shared/case-schemas.js';
import {
  ageBands,
  caseStatuses,
  conflictBases,
  conflictRelations,
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
  sexExploitationTypes,
  statusDecisionMakers,
  supportPlanTypes,
  traffickerRelationships,
  traffickingStatuses,
} from '../shared/case-vocabulary.js';

// Arbitrary case records for property tests of the case formats. Every record is what
// `caseRecordSchema` outputs (defaults filled in, text trimmed).

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Free text as people type it: quotes, `;`, commas, line breaks, non-Latin scripts. */
export const textArb = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 24 }),
    fc.constantFrom(
      'Amina "Mimi" Diallo',
      'Nguyễn; Văn',
      'line one\nline two',
      'Ахмед, Ли',
      '=1+1',
    ),
  )
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

const currentCountries = ['COD', 'UKR', 'SYR', 'NGA', 'MMR', 'ALB', 'RUS', 'USA', 'XKK'] as const;

/** Countries in use today (Kosovo included). */
export const currentCountryArb = fc.constantFrom(...currentCountries);

/** Countries as case facts record them: today's and the former codes CTDC keeps. */
export const countryArb = fc.constantFrom(...currentCountries, 'ANT', 'ZAR', 'YUG', 'SCG');

const dateArb = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const codesArb = <C extends string>(codes: readonly C[]) =>
  nullable(fc.shuffledSubarray([...codes]));
const ageArb = nullable(fc.integer({ min: 0, max: 120 }));

/** Any valid case record. */
export const caseRecordArb: fc.Arbitrary<CaseRecord> = fc
  .record({
    caseNumber: nullable(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9\-/._]{0,15}$/)),
    status: fc.constantFrom(...caseStatuses),
    registrationYear: fc.integer({ min: 1950, max: 2100 }),
    registeredOn: nullable(dateArb),
    dataSource: nullable(fc.constantFrom(...dataSources)),
    victim: fc.record({
      identity: fc.record({
        firstName: nullable(textArb),
        secondName: nullable(textArb),
        middleName: nullable(textArb),
        birthDate: nullable(dateArb),
        identityNumber: nullable(textArb),
        email: nullable(textArb),
        phone: nullable(fc.stringMatching(/^\+?[1-9]\d{1,14}$/)),
        street: nullable(textArb),
        city: nullable(textArb),
        state: nullable(textArb),
        postalCode: nullable(textArb),
        notes: nullable(textArb),
      }),
      gender: fc.constantFrom(...genders),
      citizenship: fc.uniqueArray(countryArb, { maxLength: 3 }),
      ageAtIdentification: ageArb,
      ageWhenTrafficked: ageArb,
      ageBand: nullable(fc.constantFrom(...ageBands)),
      majorityStatus: nullable(fc.constantFrom(...majorityStatuses)),
      majorityStatusAtExploitation: nullable(fc.constantFrom(...majorityStatuses)),
      majorityStatusAtEntry: nullable(fc.constantFrom(...majorityStatuses)),
      primaryLanguage: nullable(fc.stringMatching(/^[a-z]{3}$/)),
      traffickingStatus: nullable(fc.constantFrom(...traffickingStatuses)),
      statusDecidedBy: nullable(fc.constantFrom(...statusDecisionMakers)),
      relationshipToTrafficker: nullable(fc.constantFrom(...traffickerRelationships)),
      recruiterRelations: codesArb(recruiterRelations),
      recruitmentMethods: codesArb(recruitmentMethods),
      controlMethods: codesArb(controlMethods),
      exploitationTypes: codesArb(exploitationTypes),
      labourSectors: codesArb(labourSectors),
      sexExploitationTypes: codesArb(sexExploitationTypes),
      abducted: nullable(fc.boolean()),
      exploitationDuration: nullable(fc.constantFrom(...exploitationDurations)),
      countryOfExploitation: nullable(countryArb),
      displacementStatus: nullable(fc.constantFrom(...displacementStatuses)),
      conflict: fc.record({
        related: fc.constantFrom(...conflictRelations),
        bases: fc.shuffledSubarray([...conflictBases]),
        crisisId: nullable(fc.uuid({ version: 4 })),
      }),
    }),
    perpetrators: fc.array(
      fc.record({
        roles: fc.shuffledSubarray([...perpetratorRoles], { maxLength: 3 }),
        affiliation: nullable(fc.constantFrom(...perpetratorAffiliations)),
        gender: fc.constantFrom(...genders),
        citizenship: fc.uniqueArray(currentCountryArb, { maxLength: 2 }),
        ageYears: ageArb,
        name: nullable(textArb),
        details: nullable(textArb),
      }),
      { maxLength: 3 },
    ),
    events: fc.array(
      fc.record({
        type: fc.constantFrom(...eventTypes),
        country: nullable(countryArb),
        year: nullable(fc.integer({ min: 1950, max: 2100 })),
        date: nullable(dateArb),
        place: nullable(textArb),
        description: nullable(textArb),
      }),
      { maxLength: 3 },
    ),
    supportPlans: fc.array(
      fc.record({
        type: fc.constantFrom(...supportPlanTypes),
        plannedEndDate: nullable(dateArb),
        actualEndDate: nullable(dateArb),
        objectives: nullable(textArb),
        actionPlan: nullable(textArb),
      }),
      { maxLength: 2 },
    ),
  })
  .map((input: CaseRecordInput) => caseRecordSchema.parse(input));

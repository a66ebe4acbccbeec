import type { DerivationCaseFacts } from './case-facts.js';

// Fifteen hand-made cases for the derivation tests (acceptance item 3), reported by an
// organisation in the Democratic Republic of the Congo for 2024. Each case differs from the
// baseline in the few facts its comment names, chosen so that the two policies disagree.

/** The reporting country and year of the hand-made cases. */
export const handMadeReport = { year: 2024, reportingCountry: 'COD' } as const;

/** Baseline: an actual victim identified by the police in 2024, a Congolese woman of 25. */
export function buildFacts(
  caseId: string,
  overrides: Partial<DerivationCaseFacts> = {},
): DerivationCaseFacts {
  return {
    caseId,
    caseNumber: `2024-${caseId.slice(1).padStart(5, '0')}`,
    organisationId: 'org-ngo',
    synthetic: false,
    traffickingStatus: 'ActualVictimOfTrafficking',
    statusDecidedBy: 'Police',
    registrationYear: 2024,
    registeredOn: '2024-05-10',
    exploitationStartYear: 2023,
    gender: 'Feminine',
    ageAtIdentification: 25,
    ageWhenTrafficked: null,
    ageBand: null,
    majorityStatus: null,
    majorityStatusAtExploitation: null,
    citizenship: ['COD'],
    exploitationTypes: ['SexualExploitation'],
    labourSectors: null,
    sexExploitationTypes: null,
    countryOfExploitation: 'COD',
    conflictRelated: 'Yes',
    ...overrides,
  };
}

/** The fifteen cases. */
export const handMadeCases: readonly DerivationCaseFacts[] = [
  // The baseline itself.
  buildFacts('c01'),
  // A Ugandan boy in farm labour, identified by an NGO; not conflict-related.
  buildFacts('c02', {
    gender: 'Masculine',
    ageAtIdentification: 16,
    citizenship: ['UGA'],
    exploitationTypes: ['ForcedLabour'],
    labourSectors: ['A_AgricultureForestryAndFishing'],
    statusDecidedBy: 'NGO',
    conflictRelated: 'No',
  }),
  // A transgender woman (dual Rwandan and Congolese) in pornography; court decision.
  buildFacts('c03', {
    gender: 'TransgenderFeminine',
    ageAtIdentification: 30,
    citizenship: ['RWA', 'COD'],
    sexExploitationTypes: ['Pornography'],
    statusDecidedBy: 'CourtOrProsecution',
    conflictRelated: 'Unknown',
  }),
  // A possible victim only.
  buildFacts('c04', { traffickingStatus: 'PossibleVictimOfTrafficking', statusDecidedBy: 'NGO' }),
  // A boy in armed combat, minority recorded without an age, no citizenship, nobody recorded
  // as having decided the status.
  buildFacts('c05', {
    gender: 'Masculine',
    ageAtIdentification: null,
    majorityStatus: 'Minor',
    citizenship: [],
    exploitationTypes: ['vigil:ArmedCombat'],
    statusDecidedBy: null,
  }),
  // Determined not to be a victim.
  buildFacts('c06', { traffickingStatus: 'NotAVictimOfTrafficking' }),
  // Identified in December 2023, registered in the 2024 register: forced marriage and sexual
  // slavery.
  buildFacts('c07', {
    registeredOn: '2023-12-20',
    ageAtIdentification: 19,
    exploitationTypes: ['ForcedMarriage', 'vigil:SexualSlavery'],
  }),
  // Identified on 30 December 2024, registered in the 2025 register: a South Sudanese man over
  // 48 (band only) in both sexual exploitation and forced labour; a government agency decided.
  buildFacts('c08', {
    registeredOn: '2024-12-30',
    registrationYear: 2025,
    gender: 'Masculine',
    ageAtIdentification: null,
    ageBand: '48+',
    citizenship: ['SSD'],
    exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
    statusDecidedBy: 'NonPoliceGovernmentalOrganization',
    conflictRelated: 'No',
  }),
  // A CTDC-style import: year only, sex and age unknown, Burundian, forced labour as begging.
  buildFacts('c09', {
    registeredOn: null,
    gender: 'NonSpecifiedUnknown',
    ageAtIdentification: null,
    majorityStatus: 'Unknown',
    citizenship: ['BDI'],
    exploitationTypes: ['ForcedLabour'],
    labourSectors: ['vigil:Begging'],
    conflictRelated: 'Unknown',
  }),
  // A transgender boy of 17 in forced criminality and begging.
  buildFacts('c10', {
    gender: 'TransgenderMasculine',
    ageAtIdentification: 17,
    exploitationTypes: ['vigil:ForcedCriminality', 'ForcedBegging'],
  }),
  // A gender non-conforming Ugandan adult, forms of exploitation not recorded; NGO decision.
  buildFacts('c11', {
    gender: 'NonConforming',
    ageAtIdentification: 40,
    citizenship: ['UGA'],
    exploitationTypes: null,
    statusDecidedBy: 'NGO',
    conflictRelated: 'No',
  }),
  // Demo content.
  buildFacts('c12', { synthetic: true }),
  // A girl (band only) in prostitution, pornography and sexual slavery.
  buildFacts('c13', {
    ageAtIdentification: null,
    ageBand: '9-17',
    exploitationTypes: ['SexualExploitation', 'vigil:SexualSlavery'],
    sexExploitationTypes: ['Prostitution', 'Pornography'],
  }),
  // Another year altogether.
  buildFacts('c14', { registeredOn: '2022-06-01', registrationYear: 2022 }),
  // A Rwandan girl of 15: child labour, organ removal and surrogacy; court decision.
  buildFacts('c15', {
    ageAtIdentification: 15,
    citizenship: ['RWA'],
    exploitationTypes: ['OrganRemoval', 'ChildLabour', 'Surrogacy'],
    statusDecidedBy: 'CourtOrProsecution',
  }),
];

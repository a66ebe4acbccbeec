import type {
  Gender,
  StatusDecisionMaker,
  TraffickingStatus,
} from '../../../shared/case-vocabulary.js';
import type { GlotipSex } from '../../../shared/glotip-vocabulary.js';

/** A recorded person's sex category in a return (the `total` margin is never a person's). */
export type RecordedSex = Exclude<GlotipSex, 'total'>;

/** Which recorded moment places a case in a reporting year. */
export type YearBasis = 'identification' | 'registration' | 'exploitation_start';

/** Which moment a victim's age (minor / adult) is taken at. */
export type AgeBasis = 'at_identification' | 'when_trafficked';

/**
 * Where a citizen of the reporting country goes in the citizenship breakdown: GLOTIP's
 * questionnaire row `Nationals`, or their own ISO code like any other citizenship.
 */
export type NationalsRule = 'nationals' | 'country_code';

/**
 * An explicit, documented way of counting victims from case records (docs/counting-policies.md).
 * Every choice REFERENCE 1.5, 8.2 and 8.3 leaves to the reporting entity is a field here, so two
 * drafts derived under different policies can be compared and each says how it was made.
 */
export interface CountingPolicy {
  readonly id: string;
  readonly name: string;
  /** One paragraph saying whom the policy counts and why; shown beside a derived draft. */
  readonly description: string;
  /** Trafficking statuses that count as "detected". */
  readonly detectedStatuses: readonly TraffickingStatus[];
  /**
   * Who must have made the determination. `'any'` also accepts an unrecorded decision maker;
   * a list does not (an unrecorded determination cannot be shown to be a formal one).
   */
  readonly decidingOrganisations: readonly StatusDecisionMaker[] | 'any';
  readonly yearBasis: YearBasis;
  /** REFERENCE 8.2: whether transgender values go to the identified gender or to `other`. */
  readonly sexRule: Readonly<Record<Gender, RecordedSex>>;
  readonly ageBasis: AgeBasis;
  readonly nationalsRule: NationalsRule;
}

/** Transgender persons counted in the gender they identify with. */
const identifiedGender: Readonly<Record<Gender, RecordedSex>> = {
  Feminine: 'female',
  Masculine: 'male',
  TransgenderFeminine: 'female',
  TransgenderMasculine: 'male',
  NonConforming: 'other',
  NonSpecifiedUnknown: 'unknown',
};

/** Transgender persons counted as `Other`, as CTDC's `Transgender/NonConforming` groups them. */
const transgenderAsOther: Readonly<Record<Gender, RecordedSex>> = {
  ...identifiedGender,
  TransgenderFeminine: 'other',
  TransgenderMasculine: 'other',
};

/**
 * The built-in policies. The first is the default: it is how most national GLOTIP figures are
 * compiled (victims determined to be victims, whoever identified them, in the year they were
 * identified). The second is the narrow reading of REFERENCE 1.5 ("identified by national
 * authorities"). The third is for humanitarian monitoring in conflict settings, where formal
 * identification is rare and the date exploitation began matters more than registration.
 */
export const countingPolicies: readonly CountingPolicy[] = [
  {
    id: 'unodc_identified',
    name: 'Identified victims (GLOTIP practice)',
    description:
      'Actual victims of trafficking, whoever made the determination, counted in the year they ' +
      'were identified; transgender persons in the gender they identify with; age at ' +
      'identification; citizens of the reporting country as Nationals.',
    detectedStatuses: ['ActualVictimOfTrafficking'],
    decidingOrganisations: 'any',
    yearBasis: 'identification',
    sexRule: identifiedGender,
    ageBasis: 'at_identification',
    nationalsRule: 'nationals',
  },
  {
    id: 'formal_only',
    name: 'Victims formally identified by authorities',
    description:
      'Actual victims whose status was determined by the police, a court or prosecutor, or a ' +
      'non-police government organisation, counted in their registration year; transgender ' +
      'persons as Other; age at identification; citizens of the reporting country as Nationals.',
    detectedStatuses: ['ActualVictimOfTrafficking'],
    decidingOrganisations: ['Police', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization'],
    yearBasis: 'registration',
    sexRule: transgenderAsOther,
    ageBasis: 'at_identification',
    nationalsRule: 'nationals',
  },
  {
    id: 'presumed_and_identified',
    name: 'Presumed and identified victims (humanitarian monitoring)',
    description:
      'Actual and possible victims, whoever assessed them, counted in the year their ' +
      'exploitation began; transgender persons as Other; age when trafficked; every ' +
      'citizenship under its ISO code. Not comparable with GLOTIP figures of formal detection.',
    detectedStatuses: ['ActualVictimOfTrafficking', 'PossibleVictimOfTrafficking'],
    decidingOrganisations: 'any',
    yearBasis: 'exploitation_start',
    sexRule: transgenderAsOther,
    ageBasis: 'when_trafficked',
    nationalsRule: 'country_code',
  },
];

/** The built-in policy with this id, if any. */
export function countingPolicyById(id: string): CountingPolicy | undefined {
  return countingPolicies.find((policy) => policy.id === id);
}

import type {
  DimensionBranch,
  ScreeningDimension,
  ScreeningProfile,
} from '../shared/screening-vocabulary.js';
import { inDimension } from './screening-kit.js';

// Worked examples on the real lists: the indicators present, all in one dimension, and what that
// dimension must show. Strengths differ by profile, which several rows exist to show.
export interface DimensionExample {
  name: string;
  dimension: ScreeningDimension;
  codes: string[];
  branches: DimensionBranch[];
}

export const dimensionExamples: Record<ScreeningProfile, DimensionExample[]> = {
  adult_labour: [
    {
      name: 'two strong: papers taken + debt at destination',
      dimension: 'coercion_at_destination',
      codes: inDimension('coercion_at_destination', 'document_confiscation', 'debt_bondage'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: excessive hours + low pay',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'excessive_hours', 'low_or_no_pay'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'strong + weak: misled about the job + about education',
      dimension: 'deceptive_recruitment',
      codes: inDimension('deceptive_recruitment', 'nature_of_job', 'education'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: irregular status, lack of information, economic need',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: inDimension(
        'abuse_of_vulnerability_recruitment',
        'irregular_status',
        'lack_of_information',
        'economic_hardship',
      ),
      branches: ['three_medium'],
    },
    {
      name: 'two medium + weak: dependency, economic need, past hardship',
      dimension: 'abuse_of_vulnerability_destination',
      codes: inDimension(
        'abuse_of_vulnerability_destination',
        'dependency_on_exploiters',
        'economic_hardship',
        'past_difficulties',
      ),
      branches: ['two_medium_one_weak'],
    },
    {
      name: 'near miss, one strong alone: violence at recruitment',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'violence'),
      branches: [],
    },
    {
      name: 'near miss, two medium: papers and debt are only medium at recruitment',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'document_confiscation', 'debt_bondage'),
      branches: [],
    },
    {
      name: 'near miss, one medium + two weak',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: inDimension(
        'abuse_of_vulnerability_recruitment',
        'economic_hardship',
        'past_difficulties',
        'general_context',
      ),
      branches: [],
    },
    {
      name: 'near miss, three weak',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: inDimension(
        'abuse_of_vulnerability_recruitment',
        'cultural_religious_beliefs',
        'past_difficulties',
        'travel_difficulty',
      ),
      branches: [],
    },
  ],
  adult_sexual: [
    {
      name: 'two strong: forced clients + violence at destination',
      dimension: 'coercion_at_destination',
      codes: inDimension('coercion_at_destination', 'forced_tasks_or_clients', 'violence'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: violence + money withheld at recruitment',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'violence', 'withholding_money'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: excessive hours is only medium here',
      dimension: 'exploitative_conditions',
      codes: inDimension(
        'exploitative_conditions',
        'excessive_hours',
        'low_or_no_pay',
        'hazardous_work',
      ),
      branches: ['three_medium'],
    },
    {
      name: 'two medium + weak: low pay, poor housing, kept from education',
      dimension: 'exploitative_conditions',
      codes: inDimension(
        'exploitative_conditions',
        'low_or_no_pay',
        'bad_living_conditions',
        'no_access_to_education',
      ),
      branches: ['two_medium_one_weak'],
    },
    {
      name: 'near miss, one strong alone: misled about the job',
      dimension: 'deceptive_recruitment',
      codes: inDimension('deceptive_recruitment', 'nature_of_job'),
      branches: [],
    },
    {
      name: 'near miss, two medium: excessive hours + pay manipulation',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'excessive_hours', 'wage_manipulation'),
      branches: [],
    },
    {
      name: 'near miss, one medium + two weak',
      dimension: 'abuse_of_vulnerability_destination',
      codes: inDimension(
        'abuse_of_vulnerability_destination',
        'dependency_on_exploiters',
        'past_difficulties',
        'personal_characteristics',
      ),
      branches: [],
    },
    {
      name: 'near miss, three weak',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: inDimension(
        'abuse_of_vulnerability_recruitment',
        'cultural_religious_beliefs',
        'general_context',
        'travel_difficulty',
      ),
      branches: [],
    },
  ],
  // The children's lists have no weak tier, so two_medium_one_weak cannot fire there.
  child_labour: [
    {
      name: 'two strong: misled about the job + about schooling',
      dimension: 'deceptive_recruitment',
      codes: inDimension('deceptive_recruitment', 'nature_of_job', 'education'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: threats of violence + isolation at recruitment',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'threats_of_violence', 'isolation'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'strong + medium: excessive hours + dangerous work',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'excessive_hours', 'hazardous_work'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: items weak for adults are medium for children',
      dimension: 'abuse_of_vulnerability_destination',
      codes: inDimension(
        'abuse_of_vulnerability_destination',
        'past_difficulties',
        'personal_characteristics',
        'family_situation',
      ),
      branches: ['three_medium'],
    },
    {
      name: 'near miss, one strong alone: excessive hours',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'excessive_hours'),
      branches: [],
    },
    {
      name: 'near miss, two medium: low pay + dangerous work',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'low_or_no_pay', 'hazardous_work'),
      branches: [],
    },
  ],
  child_sexual: [
    {
      name: 'two strong: excessive hours + dangerous work (both strong here)',
      dimension: 'exploitative_conditions',
      codes: inDimension('exploitative_conditions', 'excessive_hours', 'hazardous_work'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: forced clients + made to lie',
      dimension: 'coercion_at_destination',
      codes: inDimension('coercion_at_destination', 'forced_tasks_or_clients', 'lie_to_others'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: general context, beliefs, travel',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: inDimension(
        'abuse_of_vulnerability_recruitment',
        'general_context',
        'cultural_religious_beliefs',
        'travel_difficulty',
      ),
      branches: ['three_medium'],
    },
    {
      name: 'near miss, one strong alone: abduction or sale',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'abduction_or_sale'),
      branches: [],
    },
    {
      name: 'near miss, two medium: isolation + money withheld',
      dimension: 'coercive_recruitment',
      codes: inDimension('coercive_recruitment', 'isolation', 'withholding_money'),
      branches: [],
    },
  ],
};

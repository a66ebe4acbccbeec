import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/app-error.js';
import {
  isChildProfile,
  screeningDimensions,
  screeningProfiles,
  screeningResultSchema,
  type ScreeningClass,
  type ScreeningDimension,
  type ScreeningProfile,
  type ScreeningRule,
} from '../../shared/screening-vocabulary.js';
import { defaultScreeningRule } from './screening-rules.js';
import { dimensionOf, inDimension, screen } from '../../test-support/screening-kit.js';

// Building blocks for the profile rule: each makes exactly one dimension positive in its profile.
type Block = 'deception' | 'coercive' | 'vulnerable' | 'exploitation' | 'coerced' | 'dependent';

const blockDimension: Record<Block, ScreeningDimension> = {
  deception: 'deceptive_recruitment',
  coercive: 'coercive_recruitment',
  vulnerable: 'abuse_of_vulnerability_recruitment',
  exploitation: 'exploitative_conditions',
  coerced: 'coercion_at_destination',
  dependent: 'abuse_of_vulnerability_destination',
};

const adultBlocks: Record<Block, string[]> = {
  deception: inDimension('deceptive_recruitment', 'nature_of_job', 'wages'),
  coercive: inDimension('coercive_recruitment', 'violence', 'threats_of_violence'),
  vulnerable: inDimension(
    'abuse_of_vulnerability_recruitment',
    'irregular_status',
    'lack_of_information',
    'economic_hardship',
  ),
  exploitation: inDimension(
    'exploitative_conditions',
    'low_or_no_pay',
    'hazardous_work',
    'wage_manipulation',
  ),
  coerced: inDimension('coercion_at_destination', 'document_confiscation', 'debt_bondage'),
  dependent: inDimension(
    'abuse_of_vulnerability_destination',
    'dependency_on_exploiters',
    'economic_hardship',
    'family_situation',
  ),
};

const childBlocks: Record<Block, string[]> = {
  ...adultBlocks,
  coercive: inDimension('coercive_recruitment', 'abduction_or_sale', 'isolation'),
  exploitation: inDimension('exploitative_conditions', 'excessive_hours', 'no_access_to_education'),
  dependent: inDimension(
    'abuse_of_vulnerability_destination',
    'past_difficulties',
    'personal_characteristics',
    'unfamiliar_surroundings',
  ),
};

const blocksOf = (profile: ScreeningProfile) =>
  isChildProfile(profile) ? childBlocks : adultBlocks;

const narrowRecruitment: ScreeningRule = {
  ...defaultScreeningRule,
  recruitment: ['deceptive_recruitment', 'coercive_recruitment'],
};
const childMeansRequired: ScreeningRule = { ...defaultScreeningRule, childMeansRequired: true };

interface ClassCase {
  name: string;
  blocks: Block[];
  rule?: ScreeningRule;
  adult: ScreeningClass;
  child: ScreeningClass;
}

const classCases: ClassCase[] = [
  {
    name: 'nothing found',
    blocks: [],
    adult: 'insufficient_evidence',
    child: 'insufficient_evidence',
  },
  { name: 'exploitation only', blocks: ['exploitation'], adult: 'exploited', child: 'exploited' },
  {
    name: 'deception and coercion without exploitation',
    blocks: ['deception', 'coerced', 'coercive'],
    adult: 'insufficient_evidence',
    child: 'insufficient_evidence',
  },
  {
    name: 'deceived and exploited (child: recruitment + exploitation is enough)',
    blocks: ['deception', 'exploitation'],
    adult: 'deceived_and_exploited',
    child: 'trafficking',
  },
  {
    name: 'coercive recruitment and exploitation, nothing at destination',
    blocks: ['coercive', 'exploitation'],
    adult: 'exploited',
    child: 'trafficking',
  },
  {
    name: 'exploited and coerced at destination, no recruitment evidence',
    blocks: ['exploitation', 'coerced'],
    adult: 'exploited',
    child: 'exploited',
  },
  {
    name: 'deception, exploitation, coercion at destination',
    blocks: ['deception', 'exploitation', 'coerced'],
    adult: 'trafficking',
    child: 'trafficking',
  },
  {
    name: 'coercive recruitment, exploitation, dependency at destination',
    blocks: ['coercive', 'exploitation', 'dependent'],
    adult: 'trafficking',
    child: 'trafficking',
  },
  {
    name: 'abuse of vulnerability, exploitation, coercion',
    blocks: ['vulnerable', 'exploitation', 'coerced'],
    adult: 'trafficking',
    child: 'trafficking',
  },
  {
    name: 'same, with recruitment narrowed to deceptive OR coercive',
    blocks: ['vulnerable', 'exploitation', 'coerced'],
    rule: narrowRecruitment,
    adult: 'exploited',
    child: 'exploited',
  },
  {
    name: 'deceived and exploited when the rule requires means for children too',
    blocks: ['deception', 'exploitation'],
    rule: childMeansRequired,
    adult: 'deceived_and_exploited',
    child: 'deceived_and_exploited',
  },
  {
    name: 'trafficking when means are required and present',
    blocks: ['deception', 'exploitation', 'dependent'],
    rule: childMeansRequired,
    adult: 'trafficking',
    child: 'trafficking',
  },
];

describe.each(screeningProfiles)('classes on the %s list', (profile) => {
  const blocks = blocksOf(profile);

  it.each(Object.keys(blockDimension) as Block[])(
    'block %s makes only its dimension positive',
    (block) => {
      const positive = screen(profile, blocks[block])
        .dimensions.filter((item) => item.positive)
        .map((item) => item.dimension);
      expect(positive).toEqual([blockDimension[block]]);
    },
  );

  it.each(classCases)('$name', ({ blocks: used, rule, adult, child }) => {
    const result = screen(
      profile,
      used.flatMap((block) => blocks[block]),
      rule,
    );
    expect(result.class).toBe(isChildProfile(profile) ? child : adult);
    expect(result.rule).toEqual(rule ?? defaultScreeningRule);
  });
});

describe('evaluateScreening', () => {
  it('returns the shared result shape with all six dimensions in order', () => {
    const result = screen('adult_labour', [...adultBlocks.deception, ...adultBlocks.exploitation]);
    expect(screeningResultSchema.parse(result)).toEqual(result);
    expect(result.indicatorSet).toEqual({ id: 'ilo-2009', version: '1' });
    expect(result.profile).toBe('adult_labour');
    expect(result.dimensions.map((item) => item.dimension)).toEqual(screeningDimensions);
  });

  it('copies the rule instead of sharing the caller’s object', () => {
    const result = screen('adult_labour', []);
    result.rule.recruitment.pop();
    expect(defaultScreeningRule.recruitment).toHaveLength(3);
  });

  it('counts a repeated code once', () => {
    const codes = inDimension('coercion_at_destination', 'violence', 'violence');
    const outcome = dimensionOf(screen('adult_labour', codes), 'coercion_at_destination');
    expect(outcome).toMatchObject({ positive: false, counts: { strong: 1, medium: 0, weak: 0 } });
  });

  it('refuses unknown codes and codes outside the profile, naming each position', () => {
    const codes = [
      'exploitative_conditions.excessive_hours',
      'exploitative_conditions.made_up',
      'exploitative_conditions.no_social_protection', // not in the children's lists
      'nonsense',
    ];
    let thrown: unknown;
    try {
      screen('child_labour', codes);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, 'screening.unknown_indicator')).toBe(true);
    if (!isAppError(thrown)) return;
    expect(thrown.status).toBe(400);
    expect(thrown.details).toEqual([
      expect.objectContaining({ path: ['indicators', 1], issue: 'unknown_indicator' }),
      expect.objectContaining({ path: ['indicators', 2], issue: 'not_in_profile' }),
      expect.objectContaining({ path: ['indicators', 3], issue: 'unknown_indicator' }),
    ]);
  });

  it('accepts the same code for the adult lists', () => {
    const result = screen('adult_labour', ['exploitative_conditions.no_social_protection']);
    expect(result.class).toBe('insufficient_evidence');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/app-error.js';
import {
  isChildProfile,
  screeningClassRank,
  screeningDimensions,
  screeningProfiles,
  screeningResultSchema,
  type DimensionBranch,
  type ScreeningClass,
  type ScreeningDimension,
  type ScreeningProfile,
  type ScreeningRule,
  type StrengthCounts,
} from '../../shared/screening-vocabulary.js';
import { indicatorsOfProfile } from './indicator-set.js';
import { ilo2009IndicatorSet as set } from './indicator-set-ilo-2009.js';
import {
  classifyScreening,
  defaultScreeningRule,
  evaluateScreening,
  firedBranches,
} from './screening-rules.js';

const screen = (
  profile: ScreeningProfile,
  codes: readonly string[],
  rule: ScreeningRule = defaultScreeningRule,
) => evaluateScreening(set, profile, codes, rule);

const dimensionOf = (
  result: ReturnType<typeof screen>,
  dimension: ScreeningDimension,
): ReturnType<typeof screen>['dimensions'][number] => {
  const found = result.dimensions.find((item) => item.dimension === dimension);
  if (found === undefined) throw new Error(`no ${dimension} in result`);
  return found;
};

const codesOf = (profile: ScreeningProfile) =>
  indicatorsOfProfile(set, profile).map(({ indicator }) => indicator.code);

describe('dimension rule on counts', () => {
  it.each<[string, StrengthCounts, DimensionBranch[]]>([
    // Each branch firing alone.
    ['two strong', { strong: 2, medium: 0, weak: 0 }, ['two_strong']],
    ['one strong + one medium', { strong: 1, medium: 1, weak: 0 }, ['strong_plus_other']],
    ['one strong + one weak', { strong: 1, medium: 0, weak: 1 }, ['strong_plus_other']],
    ['three medium', { strong: 0, medium: 3, weak: 0 }, ['three_medium']],
    ['two medium + one weak', { strong: 0, medium: 2, weak: 1 }, ['two_medium_one_weak']],
    // Near misses.
    ['nothing', { strong: 0, medium: 0, weak: 0 }, []],
    ['one strong alone', { strong: 1, medium: 0, weak: 0 }, []],
    ['two medium', { strong: 0, medium: 2, weak: 0 }, []],
    ['one medium + two weak', { strong: 0, medium: 1, weak: 2 }, []],
    ['one medium + one weak', { strong: 0, medium: 1, weak: 1 }, []],
    ['three weak', { strong: 0, medium: 0, weak: 3 }, []],
    ['any number of weak alone', { strong: 0, medium: 0, weak: 12 }, []],
    // Several branches at once.
    ['three strong', { strong: 3, medium: 0, weak: 0 }, ['two_strong']],
    [
      'two strong + one weak',
      { strong: 2, medium: 0, weak: 1 },
      ['two_strong', 'strong_plus_other'],
    ],
    [
      'three medium + one weak',
      { strong: 0, medium: 3, weak: 1 },
      ['three_medium', 'two_medium_one_weak'],
    ],
    [
      'one of everything and more',
      { strong: 2, medium: 3, weak: 1 },
      ['two_strong', 'strong_plus_other', 'three_medium', 'two_medium_one_weak'],
    ],
  ])('%s → %j', (_name, counts, expected) => {
    expect(firedBranches(counts)).toEqual(expected);
  });

  it('never loses a branch when a count grows (fast-check)', () => {
    const count = fc.nat({ max: 6 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        fc.constantFrom('strong', 'medium', 'weak'),
        (s, m, w, k) => {
          const before = firedBranches({ strong: s, medium: m, weak: w });
          const grown = { strong: s, medium: m, weak: w };
          grown[k] += 1;
          const after = firedBranches(grown);
          expect(after).toEqual(expect.arrayContaining(before));
        },
      ),
    );
  });
});

// Worked examples on the real lists: the indicators present, all in one dimension, and what that
// dimension must show. Strengths differ by profile, which several rows exist to show.
interface DimensionExample {
  name: string;
  dimension: ScreeningDimension;
  codes: string[];
  branches: DimensionBranch[];
}

const c = (dimension: ScreeningDimension, ...keys: string[]) =>
  keys.map((key) => `${dimension}.${key}`);

const dimensionExamples: Record<ScreeningProfile, DimensionExample[]> = {
  adult_labour: [
    {
      name: 'two strong: papers taken + debt at destination',
      dimension: 'coercion_at_destination',
      codes: c('coercion_at_destination', 'document_confiscation', 'debt_bondage'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: excessive hours + low pay',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'excessive_hours', 'low_or_no_pay'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'strong + weak: misled about the job + about education',
      dimension: 'deceptive_recruitment',
      codes: c('deceptive_recruitment', 'nature_of_job', 'education'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: irregular status, lack of information, economic need',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: c(
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
      codes: c(
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
      codes: c('coercive_recruitment', 'violence'),
      branches: [],
    },
    {
      name: 'near miss, two medium: papers and debt are only medium at recruitment',
      dimension: 'coercive_recruitment',
      codes: c('coercive_recruitment', 'document_confiscation', 'debt_bondage'),
      branches: [],
    },
    {
      name: 'near miss, one medium + two weak',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: c(
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
      codes: c(
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
      codes: c('coercion_at_destination', 'forced_tasks_or_clients', 'violence'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: violence + money withheld at recruitment',
      dimension: 'coercive_recruitment',
      codes: c('coercive_recruitment', 'violence', 'withholding_money'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: excessive hours is only medium here',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'excessive_hours', 'low_or_no_pay', 'hazardous_work'),
      branches: ['three_medium'],
    },
    {
      name: 'two medium + weak: low pay, poor housing, kept from education',
      dimension: 'exploitative_conditions',
      codes: c(
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
      codes: c('deceptive_recruitment', 'nature_of_job'),
      branches: [],
    },
    {
      name: 'near miss, two medium: excessive hours + pay manipulation',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'excessive_hours', 'wage_manipulation'),
      branches: [],
    },
    {
      name: 'near miss, one medium + two weak',
      dimension: 'abuse_of_vulnerability_destination',
      codes: c(
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
      codes: c(
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
      codes: c('deceptive_recruitment', 'nature_of_job', 'education'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: threats of violence + isolation at recruitment',
      dimension: 'coercive_recruitment',
      codes: c('coercive_recruitment', 'threats_of_violence', 'isolation'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'strong + medium: excessive hours + dangerous work',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'excessive_hours', 'hazardous_work'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: items weak for adults are medium for children',
      dimension: 'abuse_of_vulnerability_destination',
      codes: c(
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
      codes: c('exploitative_conditions', 'excessive_hours'),
      branches: [],
    },
    {
      name: 'near miss, two medium: low pay + dangerous work',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'low_or_no_pay', 'hazardous_work'),
      branches: [],
    },
  ],
  child_sexual: [
    {
      name: 'two strong: excessive hours + dangerous work (both strong here)',
      dimension: 'exploitative_conditions',
      codes: c('exploitative_conditions', 'excessive_hours', 'hazardous_work'),
      branches: ['two_strong'],
    },
    {
      name: 'strong + medium: forced clients + made to lie',
      dimension: 'coercion_at_destination',
      codes: c('coercion_at_destination', 'forced_tasks_or_clients', 'lie_to_others'),
      branches: ['strong_plus_other'],
    },
    {
      name: 'three medium: general context, beliefs, travel',
      dimension: 'abuse_of_vulnerability_recruitment',
      codes: c(
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
      codes: c('coercive_recruitment', 'abduction_or_sale'),
      branches: [],
    },
    {
      name: 'near miss, two medium: isolation + money withheld',
      dimension: 'coercive_recruitment',
      codes: c('coercive_recruitment', 'isolation', 'withholding_money'),
      branches: [],
    },
  ],
};

describe.each(screeningProfiles)('dimension rule on the %s list', (profile) => {
  it.each(dimensionExamples[profile])('$name', ({ dimension, codes, branches }) => {
    const result = screen(profile, codes);
    const outcome = dimensionOf(result, dimension);
    expect(outcome.branches).toEqual(branches);
    expect(outcome.positive).toBe(branches.length > 0);
    // Order is the set's (tested below); here only membership matters.
    expect([...outcome.triggeredBy].sort()).toEqual(branches.length > 0 ? [...codes].sort() : []);
    expect(outcome.counts.strong + outcome.counts.medium + outcome.counts.weak).toBe(codes.length);
    const others = result.dimensions.filter((item) => item.dimension !== dimension);
    expect(others.every((item) => !item.positive && item.triggeredBy.length === 0)).toBe(true);
  });

  it(isChildProfile(profile) ? 'has no weak tier' : 'has a weak tier', () => {
    const weak = indicatorsOfProfile(set, profile).filter(({ strength }) => strength === 'weak');
    expect(weak.length === 0).toBe(isChildProfile(profile));
  });
});

describe('triggeredBy', () => {
  it('names only the tiers a fired branch uses', () => {
    // Two strong papers/debt plus a weak threat: both strong branches fire, so all three count.
    const codes = c('coercion_at_destination', 'document_confiscation', 'debt_bondage');
    const withWeak = [...codes, 'coercion_at_destination.threat_of_exposure'];
    expect(dimensionOf(screen('adult_labour', withWeak), 'coercion_at_destination')).toEqual({
      dimension: 'coercion_at_destination',
      positive: true,
      branches: ['two_strong', 'strong_plus_other'],
      triggeredBy: withWeak,
      counts: { strong: 2, medium: 0, weak: 1 },
    });
    // Three medium plus one weak: the weak one takes part in two_medium_one_weak, so it is
    // listed too.
    const mixed = c(
      'abuse_of_vulnerability_recruitment',
      'irregular_status',
      'lack_of_information',
      'economic_hardship',
      'general_context',
    );
    const outcome = dimensionOf(
      screen('adult_labour', mixed),
      'abuse_of_vulnerability_recruitment',
    );
    expect(outcome.branches).toEqual(['three_medium', 'two_medium_one_weak']);
    expect(outcome.triggeredBy).toEqual(mixed);
  });

  it('follows the indicator set order, not the input order', () => {
    const codes = c('exploitative_conditions', 'low_or_no_pay', 'excessive_hours');
    const outcome = dimensionOf(screen('adult_labour', codes), 'exploitative_conditions');
    expect(outcome.triggeredBy).toEqual([...codes].reverse());
  });
});

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
  deception: c('deceptive_recruitment', 'nature_of_job', 'wages'),
  coercive: c('coercive_recruitment', 'violence', 'threats_of_violence'),
  vulnerable: c(
    'abuse_of_vulnerability_recruitment',
    'irregular_status',
    'lack_of_information',
    'economic_hardship',
  ),
  exploitation: c(
    'exploitative_conditions',
    'low_or_no_pay',
    'hazardous_work',
    'wage_manipulation',
  ),
  coerced: c('coercion_at_destination', 'document_confiscation', 'debt_bondage'),
  dependent: c(
    'abuse_of_vulnerability_destination',
    'dependency_on_exploiters',
    'economic_hardship',
    'family_situation',
  ),
};

const childBlocks: Record<Block, string[]> = {
  ...adultBlocks,
  coercive: c('coercive_recruitment', 'abduction_or_sale', 'isolation'),
  exploitation: c('exploitative_conditions', 'excessive_hours', 'no_access_to_education'),
  dependent: c(
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
    const codes = c('coercion_at_destination', 'violence', 'violence');
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

// Random rules: any non-empty set of dimensions per term, either child setting.
const dimensionsArb = fc.subarray([...screeningDimensions], { minLength: 1 });
const ruleArb: fc.Arbitrary<ScreeningRule> = fc.record({
  recruitment: dimensionsArb,
  deception: dimensionsArb,
  exploitation: dimensionsArb,
  coercion: dimensionsArb,
  childMeansRequired: fc.boolean(),
});

/** A profile, a random subset of its codes, and one more code of the profile. */
const growthArb = fc.constantFrom(...screeningProfiles).chain((profile) => {
  const codes = codesOf(profile);
  return fc.record({
    profile: fc.constant(profile),
    present: fc.subarray(codes),
    extra: fc.constantFrom(...codes),
  });
});

describe('properties', () => {
  it('adding an indicator never lowers a dimension or the class (default rule)', () => {
    fc.assert(
      fc.property(growthArb, ({ profile, present, extra }) => {
        const before = screen(profile, present);
        const after = screen(profile, [...present, extra]);
        before.dimensions.forEach((was, index) => {
          const now = defined(after.dimensions[index]);
          if (was.positive) expect(now.positive).toBe(true);
          expect(now.branches).toEqual(expect.arrayContaining(was.branches));
          expect(now.triggeredBy).toEqual(expect.arrayContaining(was.triggeredBy));
        });
        expect(screeningClassRank(after.class)).toBeGreaterThanOrEqual(
          screeningClassRank(before.class),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the class is monotone under any rule, not just the default', () => {
    fc.assert(
      fc.property(growthArb, ruleArb, ({ profile, present, extra }, rule) => {
        const before = screen(profile, present, rule).class;
        const after = screen(profile, [...present, extra], rule).class;
        expect(screeningClassRank(after)).toBeGreaterThanOrEqual(screeningClassRank(before));
      }),
      { numRuns: 500 },
    );
  });

  it('the result does not depend on the order of the codes', () => {
    fc.assert(
      fc.property(
        growthArb.chain(({ profile, present }) =>
          fc.record({
            profile: fc.constant(profile),
            present: fc.constant(present),
            shuffled: fc.shuffledSubarray(present, { minLength: present.length }),
          }),
        ),
        ({ profile, present, shuffled }) => {
          expect(screen(profile, shuffled)).toEqual(screen(profile, present));
        },
      ),
    );
  });

  it('a positive dimension has at least two indicators and names what triggered it', () => {
    fc.assert(
      fc.property(growthArb, ({ profile, present }) => {
        for (const outcome of screen(profile, present).dimensions) {
          const total = outcome.counts.strong + outcome.counts.medium + outcome.counts.weak;
          expect(outcome.positive).toBe(outcome.branches.length > 0);
          expect(outcome.triggeredBy.length > 0).toBe(outcome.positive);
          if (outcome.positive) expect(total).toBeGreaterThanOrEqual(2);
          if (outcome.counts.strong + outcome.counts.medium === 0)
            expect(outcome.positive).toBe(false);
          expect(outcome.triggeredBy.every((code) => present.includes(code))).toBe(true);
        }
      }),
    );
  });

  it('when the rule requires means for children, a child is classed like an adult', () => {
    fc.assert(
      fc.property(fc.subarray([...screeningDimensions]), ruleArb, (positive, rule) => {
        const strict = { ...rule, childMeansRequired: true };
        const dimensions = new Set(positive);
        expect(classifyScreening(dimensions, 'child_labour', strict)).toBe(
          classifyScreening(dimensions, 'adult_labour', strict),
        );
      }),
    );
  });

  it('the child rule never gives a child a lower class than the adult rule', () => {
    fc.assert(
      fc.property(fc.subarray([...screeningDimensions]), ruleArb, (positive, rule) => {
        const dimensions = new Set(positive);
        const lenient = classifyScreening(dimensions, 'child_sexual', {
          ...rule,
          childMeansRequired: false,
        });
        const strict = classifyScreening(dimensions, 'adult_sexual', rule);
        expect(screeningClassRank(lenient)).toBeGreaterThanOrEqual(screeningClassRank(strict));
      }),
    );
  });

  it('under the default rule a child is never "deceived and exploited"', () => {
    fc.assert(
      fc.property(fc.subarray([...screeningDimensions]), (positive) => {
        for (const profile of ['child_labour', 'child_sexual'] as const) {
          expect(classifyScreening(new Set(positive), profile, defaultScreeningRule)).not.toBe(
            'deceived_and_exploited',
          );
        }
      }),
    );
  });

  it('the class order is one of severity, not of inclusion', () => {
    // Trafficking without deception: a higher class need not contain the lower one's condition.
    const positive = new Set<ScreeningDimension>([
      'coercive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(classifyScreening(positive, 'adult_labour', defaultScreeningRule)).toBe('trafficking');
    expect(positive.has('deceptive_recruitment')).toBe(false);
  });
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing value');
  return value;
}

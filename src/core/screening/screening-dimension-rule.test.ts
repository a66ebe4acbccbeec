import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isChildProfile,
  screeningProfiles,
  type DimensionBranch,
  type StrengthCounts,
} from '../../shared/screening-vocabulary.js';
import { indicatorsOfProfile } from './indicator-set.js';
import { ilo2009IndicatorSet as set } from './indicator-set-ilo-2009.js';
import { firedBranches } from './screening-rules.js';
import { dimensionOf, inDimension, screen } from '../../test-support/screening-kit.js';
import { dimensionExamples } from '../../test-support/screening-dimension-examples.js';

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
    const codes = inDimension('coercion_at_destination', 'document_confiscation', 'debt_bondage');
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
    const mixed = inDimension(
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
    const codes = inDimension('exploitative_conditions', 'low_or_no_pay', 'excessive_hours');
    const outcome = dimensionOf(screen('adult_labour', codes), 'exploitative_conditions');
    expect(outcome.triggeredBy).toEqual([...codes].reverse());
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  screeningClassRank,
  screeningDimensions,
  screeningProfiles,
  type ScreeningDimension,
  type ScreeningRule,
} from '../../shared/screening-vocabulary.js';
import { classifyScreening, defaultScreeningRule } from './screening-rules.js';
import { codesOf, defined, screen } from '../../test-support/screening-kit.js';

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

import { describe, expect, it } from 'vitest';
import {
  screeningRequestBodySchema,
  screeningResultSchema,
  screeningRuleSchema,
} from '../../shared/screening-vocabulary.js';
import { ilo2009IndicatorSet as set } from './indicator-set-ilo-2009.js';
import { defaultScreeningRule, evaluateScreening } from './screening-rules.js';

// The shared contracts the API and the web application validate screenings with.
describe('screeningRequestBodySchema', () => {
  it.each([
    { profile: 'adult_labour', indicators: [] },
    { profile: 'child_sexual', indicators: ['coercion_at_destination.violence'] },
    { profile: 'adult_sexual', indicators: [], indicatorSetVersion: 'ilo-2009' },
    { profile: 'child_labour', indicators: [], indicatorSetVersion: 'ilo-2009@1' },
  ])('accepts %j', (body) => {
    expect(screeningRequestBodySchema.parse(body)).toEqual(body);
  });

  it.each<[string, unknown, (string | number)[]]>([
    ['an unknown profile', { profile: 'adult', indicators: [] }, ['profile']],
    ['a missing indicator list', { profile: 'adult_labour' }, ['indicators']],
    ['a malformed code', { profile: 'adult_labour', indicators: ['Violence'] }, ['indicators', 0]],
    [
      'a repeated code, at its second position',
      {
        profile: 'adult_labour',
        indicators: ['coercive_recruitment.violence', 'a.b', 'coercive_recruitment.violence'],
      },
      ['indicators', 2],
    ],
    [
      'a malformed set reference',
      { profile: 'adult_labour', indicators: [], indicatorSetVersion: 'ILO 2009' },
      ['indicatorSetVersion'],
    ],
    ['an unknown field', { profile: 'adult_labour', indicators: [], note: 'x' }, []],
  ])('refuses %s', (_name, body, path) => {
    const parsed = screeningRequestBodySchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

describe('screeningResultSchema and screeningRuleSchema', () => {
  it('accept what the engine returns and its default rule', () => {
    const result = evaluateScreening(set, 'adult_labour', ['coercion_at_destination.violence']);
    expect(screeningResultSchema.safeParse(result).success).toBe(true);
    expect(screeningRuleSchema.parse(defaultScreeningRule)).toEqual(defaultScreeningRule);
  });

  it('refuses a rule with an empty term', () => {
    expect(screeningRuleSchema.safeParse({ ...defaultScreeningRule, coercion: [] }).success).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/app-error.js';
import {
  indicatorStrengths,
  screeningDimensions,
  screeningProfiles,
  type IndicatorStrength,
  type ScreeningDimension,
  type ScreeningProfile,
} from '../../shared/screening-vocabulary.js';
import {
  indicatorSetProblems,
  indicatorsOfProfile,
  type IndicatorSet,
  type ScreeningIndicator,
} from './indicator-set.js';
import { ilo2009IndicatorSet as set } from './indicator-set-ilo-2009.js';
import { indicatorSets, latestIndicatorSet, resolveIndicatorSet } from './index.js';
import { evaluateScreening } from './screening-rules.js';

/** `strong/medium/weak` counts of one profile × dimension cell, written `S/M/W`. */
function tally(profile: ScreeningProfile, dimension: ScreeningDimension): string {
  const cell = indicatorsOfProfile(set, profile).filter(
    ({ indicator }) => indicator.dimension === dimension,
  );
  const count = (strength: IndicatorStrength) =>
    cell.filter((item) => item.strength === strength).length;
  return `${count('strong')}/${count('medium')}/${count('weak')}`;
}

describe('the ILO 2009 indicator set', () => {
  it('is well formed', () => {
    expect(indicatorSetProblems(set)).toEqual([]);
  });

  it('has unique codes, each prefixed by its dimension', () => {
    const codes = set.indicators.map((indicator) => indicator.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const indicator of set.indicators) {
      expect(indicator.code.startsWith(`${indicator.dimension}.`), indicator.code).toBe(true);
    }
  });

  it('uses only known profiles and strengths', () => {
    for (const indicator of set.indicators) {
      for (const [profile, strength] of Object.entries(indicator.strength)) {
        expect(screeningProfiles).toContain(profile);
        expect(indicatorStrengths).toContain(strength);
      }
    }
  });

  // Strong/medium/weak per cell. Adult labour: sizes 10/10/16/9/15/7 = 67 as in the reference;
  // children's labour: 65, no weak tier. The sexual columns are reconstructed (see the data file).
  it.each<[ScreeningProfile, Record<ScreeningDimension, string>, number]>([
    [
      'adult_labour',
      {
        deceptive_recruitment: '1/8/1',
        coercive_recruitment: '1/9/0',
        abuse_of_vulnerability_recruitment: '0/12/4',
        exploitative_conditions: '1/7/1',
        coercion_at_destination: '4/10/1',
        abuse_of_vulnerability_destination: '0/5/2',
      },
      67,
    ],
    [
      'adult_sexual',
      {
        deceptive_recruitment: '1/8/1',
        coercive_recruitment: '1/9/0',
        abuse_of_vulnerability_recruitment: '0/12/4',
        exploitative_conditions: '0/8/1',
        coercion_at_destination: '5/9/1',
        abuse_of_vulnerability_destination: '0/5/2',
      },
      67,
    ],
    [
      'child_labour',
      {
        deceptive_recruitment: '2/8/0',
        coercive_recruitment: '4/6/0',
        abuse_of_vulnerability_recruitment: '0/15/0',
        exploitative_conditions: '1/7/0',
        coercion_at_destination: '8/7/0',
        abuse_of_vulnerability_destination: '0/7/0',
      },
      65,
    ],
    [
      'child_sexual',
      {
        deceptive_recruitment: '2/8/0',
        coercive_recruitment: '4/6/0',
        abuse_of_vulnerability_recruitment: '0/15/0',
        exploitative_conditions: '2/6/0',
        coercion_at_destination: '8/7/0',
        abuse_of_vulnerability_destination: '0/7/0',
      },
      65,
    ],
  ])('%s has the expected strengths per dimension', (profile, cells, total) => {
    const actual = Object.fromEntries(
      screeningDimensions.map((dimension) => [dimension, tally(profile, dimension)]),
    );
    expect(actual).toEqual(cells);
    expect(indicatorsOfProfile(set, profile)).toHaveLength(total);
  });

  it('rates as strong for adult labour exactly the indicators the reference names', () => {
    const strong = indicatorsOfProfile(set, 'adult_labour')
      .filter(({ strength }) => strength === 'strong')
      .map(({ indicator }) => indicator.code);
    expect(strong).toEqual([
      'deceptive_recruitment.nature_of_job',
      'coercive_recruitment.violence',
      'exploitative_conditions.excessive_hours',
      'coercion_at_destination.document_confiscation',
      'coercion_at_destination.debt_bondage',
      'coercion_at_destination.isolation',
      'coercion_at_destination.violence',
    ]);
  });

  it.each(screeningProfiles)('lets every dimension of %s become positive', (profile) => {
    const all = indicatorsOfProfile(set, profile).map(({ indicator }) => indicator.code);
    const result = evaluateScreening(set, profile, all);
    expect(result.dimensions.filter((item) => !item.positive)).toEqual([]);
    expect(result.class).toBe('trafficking');
  });

  it('flags reconstructed profiles in its provenance', () => {
    expect(set.provenance.adult_sexual.status).toBe('reconstructed');
    expect(set.provenance.child_sexual.status).toBe('reconstructed');
  });
});

describe('indicatorSetProblems', () => {
  const first = set.indicators[0];
  if (first === undefined) throw new Error('the indicator set is empty');

  it.each<[string, (indicators: ScreeningIndicator[]) => ScreeningIndicator[], string]>([
    ['a duplicate code', (list) => [...list, first], `duplicate code ${first.code}`],
    [
      'a code outside its dimension',
      (list) => [...list, { ...first, code: 'coercive_recruitment.extra' }],
      'coercive_recruitment.extra: code does not start with its dimension',
    ],
    [
      'a malformed code',
      (list) => [...list, { ...first, code: 'deceptive_recruitment.Bad Code' }],
      'malformed code deceptive_recruitment.Bad Code',
    ],
    [
      'an invalid strength',
      (list) => [
        ...list,
        {
          ...first,
          code: 'deceptive_recruitment.extra',
          strength: { adult_labour: 'very' as IndicatorStrength },
        },
      ],
      'deceptive_recruitment.extra: invalid strength for adult_labour',
    ],
    [
      'an indicator no profile lists',
      (list) => [...list, { ...first, code: 'deceptive_recruitment.extra', strength: {} }],
      'deceptive_recruitment.extra: listed by no profile',
    ],
    [
      'a profile with an empty dimension',
      (list) =>
        list.map((indicator) =>
          indicator.dimension === 'abuse_of_vulnerability_destination'
            ? {
                ...indicator,
                strength: Object.fromEntries(
                  Object.entries(indicator.strength).filter(([key]) => key !== 'child_sexual'),
                ),
              }
            : indicator,
        ),
      'child_sexual lists no indicator in abuse_of_vulnerability_destination',
    ],
  ])('reports %s', (_name, damage, problem) => {
    const broken: IndicatorSet = { ...set, indicators: damage([...set.indicators]) };
    expect(indicatorSetProblems(broken)).toContain(problem);
  });
});

describe('indicator-set registry', () => {
  it('holds the ILO 2009 set by id and as the latest', () => {
    expect(indicatorSets.get('ilo-2009')).toBe(set);
    expect(latestIndicatorSet).toBe(set);
  });

  it.each([undefined, 'ilo-2009', 'ilo-2009@1'])('resolves %s to the ILO 2009 set', (reference) => {
    expect(resolveIndicatorSet(reference)).toBe(set);
  });

  it.each(['ilo-2009@2', 'unodc-2024', ''])('refuses %j as a validation error', (reference) => {
    let thrown: unknown;
    try {
      resolveIndicatorSet(reference);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, 'validation.failed')).toBe(true);
    if (isAppError(thrown)) {
      expect(thrown.details).toEqual([
        expect.objectContaining({ path: ['indicatorSetVersion'], issue: 'unknown_indicator_set' }),
      ]);
    }
  });
});

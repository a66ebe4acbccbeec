import { describe, expect, it } from 'vitest';
import { exploitationTypes } from '../../shared/case-vocabulary.js';
import {
  ageCode,
  cubeCodesOf,
  cubeDimensions,
  dimensionReadings,
  exploitationCrosswalk,
  exploitationGroupOf,
  exploitationGroupsCode,
} from './cube-dimensions.js';
import { chooseCuboid, cuboids } from './cuboids.js';

describe('exploitation groups', () => {
  it('maps every HTCDS and Vigil form of exploitation', () => {
    expect(Object.keys(exploitationCrosswalk).sort()).toEqual([...exploitationTypes].sort());
  });

  it.each([
    [null, '', null],
    [[], '', null],
    [['SexualExploitation'], 'sexual', 'sexual'],
    [['vigil:SexualSlavery'], 'sexual', 'sexual'],
    [['ForcedLabour', 'ChildLabour'], 'labour', 'labour'],
    [['vigil:ForcedCriminality'], 'other', 'other'],
    [['ForcedLabour', 'SexualExploitation'], 'sexual+labour', 'other'],
    [['ForcedMarriage', 'vigil:SexualSlavery'], 'sexual+other', 'other'],
  ])('%j is stored as %j and counted as %j', (types, code, group) => {
    expect(exploitationGroupsCode(types)).toBe(code);
    expect(exploitationGroupOf(code)).toBe(group);
  });
});

describe('age', () => {
  it.each([
    [null, null, '', null, null],
    ['Minor', '9-17', 'Minor/9-17', 'Minor', '9-17'],
    ['Adult', null, 'Adult/', 'Adult', null],
    [null, '48+', '/48+', null, '48+'],
  ])('%s and %s give %j', (majority, band, code, readMajority, readBand) => {
    expect(ageCode(majority, band)).toBe(code);
    expect(dimensionReadings.majority.category(code)).toBe(readMajority);
    expect(dimensionReadings.ageBand.category(code)).toBe(readBand);
  });
});

describe('cube codes', () => {
  it('reads a case in dimension order, empty when not recorded', () => {
    const codes = cubeCodesOf({
      organisationId: 'o',
      registrationYear: 2024,
      countryOfExploitation: 'UKR',
      primaryCitizenship: null,
      gender: 'Feminine',
      majorityStatus: 'Minor',
      ageBand: '9-17',
      exploitationTypes: ['ForcedLabour'],
      conflictRelated: 'Yes',
      crisisId: null,
      displacementStatus: 'InternallyDisplaced',
      traffickingStatus: 'ActualVictimOfTrafficking',
    });
    expect(Object.fromEntries(cubeDimensions.map((d, i) => [d, codes[i]]))).toEqual({
      year: '2024',
      country: 'UKR',
      citizenship: '',
      sex: 'Feminine',
      age: 'Minor/9-17',
      exploitation: 'labour',
      conflict: 'Yes',
      crisis: '',
      displacement: 'InternallyDisplaced',
      status: 'ActualVictimOfTrafficking',
    });
  });
});

describe('cuboids', () => {
  it('keeps every combination of three dimensions once', () => {
    expect(cuboids).toHaveLength(120);
    expect(new Set(cuboids.map((c) => c.id)).size).toBe(120);
  });

  it.each([
    [['year', 'sex', 'age'], 'year.sex.age'],
    [['citizenship', 'country'], 'country.citizenship.conflict'],
    [['year'], 'year.conflict.status'],
    [[], 'conflict.crisis.status'],
  ] as const)('answers %j from %s', (needed, id) => {
    expect(chooseCuboid(needed)?.id.split('.').sort()).toEqual(id.split('.').sort());
  });

  it('has no cuboid for four dimensions', () => {
    expect(chooseCuboid(['year', 'sex', 'age', 'country'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  glotipIndicators,
  type GlotipCellKey,
  type GlotipDimension,
  type GlotipIndicator,
} from '../../shared/glotip-vocabulary.js';
import { keyOf } from '../../test-support/glotip-cells.js';
import {
  cellKeyFieldProblem,
  cellKeyProblem,
  glotipDataSet,
  questionnaireSections,
  sectionCellKeys,
} from './data-set-definition.js';

describe('GLOTIP data set definition', () => {
  it('is GLOTIP version 1, from 2003, with every indicator once', () => {
    expect(glotipDataSet).toMatchObject({ code: 'GLOTIP', version: 1, firstYear: 2003 });
    expect(glotipDataSet.indicators.map((item) => item.indicator)).toEqual([...glotipIndicators]);
  });

  it.each<[GlotipIndicator, GlotipDimension[], number, number]>([
    [
      'detected_victims',
      ['total', 'exploitation', 'citizenship', 'repatriation', 'conflict'],
      5,
      4,
    ],
    ['formal_contact', ['total'], 5, 1],
    ['prosecuted', ['total'], 5, 1],
    ['convicted', ['total', 'citizenship', 'exploitation'], 5, 4],
    ['offences', ['total'], 1, 1],
  ])('%s: breakdowns of REFERENCE 3.1', (indicator, dimensions, sexes, ages) => {
    const definition = glotipDataSet.indicators.find((item) => item.indicator === indicator);
    expect(definition?.dimensions).toEqual(dimensions);
    expect(definition?.sexes).toHaveLength(sexes);
    expect(definition?.ages).toHaveLength(ages);
    expect(definition?.sexes).toContain('total');
    expect(definition?.ages).toContain('total');
  });
});

describe('cellKeyProblem', () => {
  it.each<[string, GlotipCellKey, keyof GlotipCellKey | null]>([
    ['victims grand total', keyOf('detected_victims'), null],
    ['girls', keyOf('detected_victims', 'total', 'total', 'female', 'minor'), null],
    ['victims by detailed form', keyOf('detected_victims', 'exploitation', 'sexual_slavery'), null],
    [
      'victims by citizenship',
      keyOf('detected_victims', 'citizenship', 'COD', 'male', 'adult'),
      null,
    ],
    ['victims by former country', keyOf('detected_victims', 'citizenship', 'YUG'), null],
    ['victims repatriated abroad', keyOf('detected_victims', 'repatriation', 'abroad'), null],
    [
      'victims by conflict link',
      keyOf('detected_victims', 'conflict', 'yes', 'male', 'minor'),
      null,
    ],
    ['convicted by form', keyOf('convicted', 'exploitation', 'labour', 'female', 'adult'), null],
    ['prosecuted women', keyOf('prosecuted', 'total', 'total', 'female'), null],
    ['offences', keyOf('offences'), null],
    ['prosecuted by form', keyOf('prosecuted', 'exploitation', 'sexual'), 'dimension'],
    ['convicted by conflict link', keyOf('convicted', 'conflict', 'yes'), 'dimension'],
    ['prosecuted minors', keyOf('prosecuted', 'total', 'total', 'total', 'minor'), 'age'],
    ['offences by sex', keyOf('offences', 'total', 'total', 'female'), 'sex'],
    ['total with a category', keyOf('detected_victims', 'total', 'sexual'), 'category'],
    ['bad country', keyOf('detected_victims', 'citizenship', 'Nigerians'), 'category'],
    ['bad form', keyOf('detected_victims', 'exploitation', 'surrogacy'), 'category'],
  ])('%s', (_name, key, field) => {
    expect(cellKeyFieldProblem(glotipDataSet, key)?.field ?? null).toBe(field);
    const problem = cellKeyProblem(glotipDataSet, key);
    if (field === null) expect(problem).toBeNull();
    else expect(problem).toMatch(/\S/);
  });

  it('names an indicator the data set does not collect', () => {
    const definition = { ...glotipDataSet, indicators: glotipDataSet.indicators.slice(0, 1) };
    expect(cellKeyFieldProblem(definition, keyOf('offences'))).toEqual({
      field: 'indicator',
      reason: 'GLOTIP does not collect offences',
    });
  });
});

describe('questionnaireSections', () => {
  const sections = questionnaireSections(glotipDataSet);
  const section = (id: string) => {
    const found = sections.find((item) => item.id === id);
    if (found === undefined) throw new Error(`no section ${id}`);
    return found;
  };

  it('has one section per indicator and dimension, in definition order', () => {
    expect(sections.map((item) => item.id)).toEqual([
      'detected_victims.total',
      'detected_victims.exploitation',
      'detected_victims.citizenship',
      'detected_victims.repatriation',
      'detected_victims.conflict',
      'formal_contact.total',
      'prosecuted.total',
      'convicted.total',
      'convicted.citizenship',
      'convicted.exploitation',
      'offences.total',
    ]);
  });

  it('lays columns out women, men, …, girls, boys, …, with the grand total last', () => {
    const columns = section('detected_victims.total').columns;
    expect(columns).toHaveLength(20);
    expect(columns.slice(0, 2)).toEqual([
      { sex: 'female', age: 'adult' },
      { sex: 'male', age: 'adult' },
    ]);
    expect(columns.slice(5, 7)).toEqual([
      { sex: 'female', age: 'minor' },
      { sex: 'male', age: 'minor' },
    ]);
    expect(columns.at(-1)).toEqual({ sex: 'total', age: 'total' });
  });

  it('gives prosecutions sex columns only and offences a single column', () => {
    expect(section('prosecuted.total').columns).toEqual([
      { sex: 'female', age: 'total' },
      { sex: 'male', age: 'total' },
      { sex: 'other', age: 'total' },
      { sex: 'unknown', age: 'total' },
      { sex: 'total', age: 'total' },
    ]);
    expect(section('offences.total').columns).toEqual([{ sex: 'total', age: 'total' }]);
  });

  it('puts each exploitation group before its detailed forms', () => {
    const rows = section('detected_victims.exploitation').rows;
    expect(rows[0]).toEqual({ category: 'sexual', rollsUpTo: null });
    expect(rows.slice(1, 4).map((row) => row.rollsUpTo)).toEqual(['sexual', 'sexual', 'sexual']);
    const groups = rows.filter((row) => row.rollsUpTo === null).map((row) => row.category);
    expect(groups).toEqual(['sexual', 'labour', 'other']);
    expect(rows.find((row) => row.category === 'armed_combat')?.rollsUpTo).toBe('other');
  });

  it('leaves country rows open-ended', () => {
    const citizenship = section('detected_victims.citizenship');
    expect(citizenship.addCountryRows).toBe(true);
    expect(citizenship.rows.map((row) => row.category)).toEqual(['nationals', 'abroad', 'unknown']);
    expect(section('detected_victims.conflict').addCountryRows).toBe(false);
  });

  it('only lays out cells the data set accepts', () => {
    const keys = sections.flatMap(sectionCellKeys);
    expect(keys.length).toBeGreaterThan(300);
    expect(keys.filter((key) => cellKeyProblem(glotipDataSet, key) !== null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  cellOf,
  censored,
  count,
  runGlotipRule,
  grandTotal,
  keyOf,
  victims,
  type CellShorthand,
} from '../../test-support/glotip-cells.js';
import type { ReturnCellInput } from './return-cells.js';
import { glotipDataSet } from './data-set-definition.js';
import { validateReturn } from './validate-return.js';
import { glotipValidationRules } from './validation-rules.js';

// Table tests for the rules on single cells and on the period: each row runs one rule alone on a
// small return and lists the params of the violations expected (none = the row passes).

const ruleById = (id: string) => {
  const found = glotipValidationRules.find((rule) => rule.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

const run = runGlotipRule;
const countOf = count;
const range = censored;

describe('value.non_negative_integer (critical)', () => {
  it.each<[string, CellShorthand, string | null]>([
    ['a count', 12, null],
    ['zero', 0, null],
    ['<5 is not a count', '<5', null],
    ['not available', 'na', null],
    ['a negative count', countOf(-1), '-1'],
    ['a fraction', countOf(2.5), '2.5'],
    ['NaN', countOf(Number.NaN), 'NaN'],
    ['infinity', countOf(Number.POSITIVE_INFINITY), 'Infinity'],
    ['beyond safe integers', countOf(2 ** 53), String(2 ** 53)],
  ])('%s', (_name, value, found) => {
    const violations = run('value.non_negative_integer', [grandTotal('prosecuted', value)]);
    expect(violations.map((violation) => violation.params.value)).toEqual(
      found === null ? [] : [found],
    );
    for (const violation of violations) {
      expect(violation).toMatchObject({
        importance: 'critical',
        cells: [keyOf('prosecuted')],
        subject: 'value.non_negative_integer@prosecuted|total|total|total|total',
      });
    }
  });
});

describe('value.censored_bounds (critical)', () => {
  it.each<[string, CellShorthand, boolean]>([
    ['<5', '<5', true],
    ['a one-point range', range(3, 3), true],
    ['a wide range', range(10, 19), true],
    ['a count is not censored', 7, true],
    ['reversed bounds', range(5, 4), false],
    ['a negative lower bound', range(-1, 4), false],
    ['a fractional upper bound', range(0, 4.5), false],
    ['an unbounded upper bound', range(0, Number.POSITIVE_INFINITY), false],
  ])('%s', (_name, value, passes) => {
    const violations = run('value.censored_bounds', [
      victims('total', 'total', 'male', 'minor', value),
    ]);
    expect(violations).toHaveLength(passes ? 0 : 1);
    if (!passes && typeof value === 'object' && value.kind === 'censored') {
      expect(violations[0]?.params).toEqual({
        cell: 'detected_victims|total|total|male|minor',
        lower: String(value.lower),
        upper: String(value.upper),
      });
    }
  });
});

describe('period.year_bounds (critical)', () => {
  it.each<[string, number, boolean]>([
    ['the first GLOTIP year', 2003, true],
    ['a year in range', 2018, true],
    ['the current year', 2025, true],
    ['before collection began', 2002, false],
    ['the future', 2026, false],
    ['not a whole year', 2020.5, false],
  ])('%s (%d)', (_name, year, passes) => {
    const violations = run('period.year_bounds', [grandTotal('offences', 3)], year);
    expect(violations).toEqual(
      passes
        ? []
        : [
            {
              ruleId: 'period.year_bounds',
              importance: 'critical',
              cells: [],
              params: { year, firstYear: 2003, lastYear: 2025 },
              subject: 'period.year_bounds@year',
            },
          ],
    );
  });
});

describe('category.country_code (critical)', () => {
  it.each<[string, ReturnCellInput, boolean]>([
    ['an assigned code', victims('citizenship', 'NGA', 'female', 'adult', 3), true],
    [
      'Kosovo (user-assigned, as ISO tables carry it)',
      victims('citizenship', 'XKK', 'total', 'total', 1),
      true,
    ],
    ['a former code', victims('citizenship', 'YUG', 'total', 'total', 3), true],
    ['nationals', victims('citizenship', 'nationals', 'total', 'total', 3), true],
    ['abroad', victims('repatriation', 'abroad', 'total', 'total', 3), true],
    ['unknown', victims('repatriation', 'unknown', 'total', 'total', 3), true],
    ['a repatriation country', victims('repatriation', 'UKR', 'male', 'minor', '<5'), true],
    ['a demonym', victims('citizenship', 'Nigerians', 'total', 'total', 3), false],
    ['lower case', victims('citizenship', 'nga', 'total', 'total', 3), false],
    ['alpha-2', victims('repatriation', 'NG', 'total', 'total', 3), false],
    ['unassigned', victims('repatriation', 'XXX', 'total', 'total', 3), false],
    [
      'a leaked questionnaire id',
      victims('citizenship', 'Q6.1_10s_2019', 'total', 'total', 3),
      false,
    ],
    ['not a country dimension', victims('conflict', 'maybe', 'total', 'total', 3), true],
  ])('%s', (_name, cell, passes) => {
    const violations = run('category.country_code', [cell]);
    expect(violations.map((violation) => violation.params.category)).toEqual(
      passes ? [] : [cell.key.category],
    );
  });
});

describe('cell.in_data_set (critical)', () => {
  it.each<[string, ReturnCellInput, string | null]>([
    ['victims, girls', victims('total', 'total', 'female', 'minor', 4), null],
    ['convicted by form', cellOf(keyOf('convicted', 'exploitation', 'labour', 'male'), 2), null],
    ['prosecuted by form', cellOf(keyOf('prosecuted', 'exploitation', 'sexual'), 2), 'dimension'],
    [
      'prosecuted minors',
      cellOf(keyOf('prosecuted', 'total', 'total', 'total', 'minor'), 2),
      'age',
    ],
    ['offences by sex', cellOf(keyOf('offences', 'total', 'total', 'male'), 2), 'sex'],
    ['an unknown form', victims('exploitation', 'surrogacy', 'total', 'total', 1), 'category'],
    [
      'a bad country alone is the country rule’s',
      victims('citizenship', 'Nigerians', 'total', 'total', 1),
      null,
    ],
    [
      'a bad country on a breakdown the indicator lacks',
      cellOf(keyOf('prosecuted', 'citizenship', 'Nigerians'), 1),
      'dimension',
    ],
    [
      'formal contact of adults',
      cellOf(keyOf('formal_contact', 'total', 'total', 'male', 'adult'), 1),
      'age',
    ],
  ])('%s', (_name, cell, field) => {
    const violations = run('cell.in_data_set', [cell]);
    expect(violations.map((violation) => violation.params.field)).toEqual(
      field === null ? [] : [field],
    );
  });
});

it('still checks the rest of a key whose country is bad', () => {
  const definition = {
    ...glotipDataSet,
    indicators: glotipDataSet.indicators.map((item) =>
      item.indicator === 'convicted' ? { ...item, ages: ['total' as const] } : item,
    ),
  };
  const cell = cellOf(keyOf('convicted', 'citizenship', 'Nigerians', 'male', 'minor'), 1);
  const violations = validateReturn(
    { year: 2022, currentYear: 2025, cells: [cell] },
    [ruleById('cell.in_data_set'), ruleById('category.country_code')],
    definition,
  );
  expect(violations.map((violation) => violation.ruleId)).toEqual([
    'cell.in_data_set',
    'category.country_code',
  ]);
  expect(violations[0]?.params.field).toBe('age');
});

describe('cell.duplicate (critical)', () => {
  it.each<[string, ReturnCellInput[], number[]]>([
    ['distinct cells', [grandTotal('offences', 3), grandTotal('prosecuted', 3)], []],
    ['the same key twice', [grandTotal('offences', 3), grandTotal('offences', 4)], [2]],
    [
      'three times, even with equal values',
      [grandTotal('offences', 3), grandTotal('offences', 3), grandTotal('offences', 3)],
      [3],
    ],
  ])('%s', (_name, cells, counts) => {
    const violations = run('cell.duplicate', cells);
    expect(violations.map((violation) => violation.params.count)).toEqual(counts);
  });
});

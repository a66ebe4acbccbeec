import { describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../shared/glotip-vocabulary.js';
import { findBreakdownInconsistencies, type CheckedCell } from './breakdown-consistency.js';

const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
const below5: GlotipCellValue = { kind: 'censored', lower: 0, upper: 4 };
const key = (over: Partial<GlotipCellKey>): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...over,
});
const cell = (over: Partial<GlotipCellKey>, value: GlotipCellValue, line?: number): CheckedCell =>
  line === undefined ? { key: key(over), value } : { key: key(over), value, line };

describe('findBreakdownInconsistencies', () => {
  it('accepts parts that add up, or could given their censored intervals', () => {
    const cells = [
      cell({}, count(10)),
      cell({ sex: 'female' }, count(7)),
      cell({ sex: 'male' }, below5),
      cell({ sex: 'other' }, count(0)),
      cell({ sex: 'unknown' }, count(0)),
    ];
    expect(findBreakdownInconsistencies('NGA', 2019, cells)).toEqual([]);
  });

  it('flags age parts above their whole, with the lines involved', () => {
    const cells = [
      cell({ dimension: 'exploitation', category: 'other' }, count(10), 11),
      cell({ dimension: 'exploitation', category: 'other', age: 'minor' }, count(8), 12),
      cell({ dimension: 'exploitation', category: 'other', age: 'adult' }, count(6), 13),
    ];
    const [found, ...rest] = findBreakdownInconsistencies('NGA', 2019, cells);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      breakdown: 'age',
      problem: 'parts_exceed_whole',
      wholeValue: { lower: 10, upper: 10 },
      partsSum: { lower: 14, upper: 14 },
      lines: [11, 12, 13],
    });
  });

  it('flags a complete sex breakdown that falls short, but not an incomplete one', () => {
    const complete = [
      cell({}, count(20)),
      cell({ sex: 'female' }, count(7)),
      cell({ sex: 'male' }, below5),
      cell({ sex: 'other' }, count(0)),
      cell({ sex: 'unknown' }, count(0)),
    ];
    expect(findBreakdownInconsistencies('NGA', 2019, complete)).toMatchObject([
      { breakdown: 'sex', problem: 'parts_below_whole', partsSum: { lower: 7, upper: 11 } },
    ]);
    expect(findBreakdownInconsistencies('NGA', 2019, complete.slice(0, 3))).toEqual([]);
  });

  it.each([
    [
      'exploitation',
      [
        cell({ dimension: 'exploitation', category: 'sexual' }, count(6)),
        cell({ dimension: 'exploitation', category: 'labour' }, count(5)),
      ],
    ],
    ['citizenship', [cell({ dimension: 'citizenship', category: 'NGA' }, count(11))]],
    ['repatriation', [cell({ dimension: 'repatriation', category: 'abroad' }, count(11))]],
    [
      'exploitation_detail',
      [cell({ dimension: 'exploitation', category: 'organ_removal' }, count(11))],
    ],
  ] as const)('flags %s parts above the whole', (breakdown, parts) => {
    const whole =
      breakdown === 'exploitation_detail'
        ? cell({ dimension: 'exploitation', category: 'other' }, count(10))
        : cell({}, count(10));
    expect(findBreakdownInconsistencies('NGA', 2019, [whole, ...parts])).toMatchObject([
      { breakdown, problem: 'parts_exceed_whole' },
    ]);
  });

  it('ignores missing and not-applicable cells and other indicators', () => {
    const cells = [
      cell({}, { kind: 'not_available' }),
      cell({ sex: 'female' }, count(7)),
      cell({ indicator: 'convicted' }, count(1)),
      cell({ indicator: 'prosecuted', sex: 'female' }, count(7)),
    ];
    expect(findBreakdownInconsistencies('NGA', 2019, cells)).toEqual([]);
  });
});

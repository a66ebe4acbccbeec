import { describe, expect, it } from 'vitest';
import {
  cellOf,
  grandTotal,
  keyOf,
  partsFailures,
  runGlotipRule,
  victims,
  victimsTotal,
} from '../../test-support/glotip-cells.js';
import type { ReturnCellInput } from './return-cells.js';

// Table tests for the sex × age and conflict-link parts-versus-total rules (critical), in
// interval arithmetic: each row runs one rule alone and lists the `parts` / `total` params of the
// violations expected.

const run = runGlotipRule;
const failuresOf = partsFailures;

type Row = [name: string, cells: ReturnCellInput[], failures: [parts: string, total: string][]];

describe('parts.sex_age_total (critical)', () => {
  it.each<Row>([
    ['total alone', [victimsTotal('total', 'total', 10)], []],
    ['parts without a total are not summed', [victimsTotal('female', 'total', 3)], []],
    [
      'female + male = total',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 6),
        victimsTotal('male', 'total', 4),
      ],
      [],
    ],
    [
      '<5 + <5 may be 7',
      [
        victimsTotal('total', 'total', 7),
        victimsTotal('female', 'total', '<5'),
        victimsTotal('male', 'total', '<5'),
      ],
      [],
    ],
    [
      '<5 + 3 cannot be 9',
      [
        victimsTotal('total', 'total', 9),
        victimsTotal('female', 'total', '<5'),
        victimsTotal('male', 'total', 3),
      ],
      [['3–7', '9']],
    ],
    [
      'a left-out part counts as 0',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 5),
        victimsTotal('male', 'total', 3),
      ],
      [['8', '10']],
    ],
    [
      'the unknown sex closes the gap',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 5),
        victimsTotal('male', 'total', 3),
        victimsTotal('unknown', 'total', 2),
      ],
      [],
    ],
    [
      'a not-available part skips the check',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 5),
        victimsTotal('male', 'total', 'na'),
      ],
      [],
    ],
    [
      'a not-available total skips the check',
      [victimsTotal('total', 'total', 'na'), victimsTotal('female', 'total', 5)],
      [],
    ],
    [
      'a not-applicable part is 0',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 4),
        victimsTotal('male', 'total', 6),
        victimsTotal('other', 'total', 'n/a'),
      ],
      [],
    ],
    [
      'a malformed part skips the check (the value rule reports it)',
      [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', { kind: 'count', value: -3 }),
      ],
      [],
    ],
    [
      'parts that exceed a censored total',
      [
        victimsTotal('total', 'total', '<5'),
        victimsTotal('female', 'total', 3),
        victimsTotal('male', 'total', 3),
      ],
      [['6', '0–4']],
    ],
    [
      'parts within a censored total',
      [
        victimsTotal('total', 'total', '<5'),
        victimsTotal('female', 'total', 1),
        victimsTotal('male', 'total', 2),
      ],
      [],
    ],
    [
      'women + girls = female',
      [
        victimsTotal('female', 'total', 5),
        victimsTotal('female', 'adult', 3),
        victimsTotal('female', 'minor', 2),
      ],
      [],
    ],
    [
      'women + girls short of female',
      [
        victimsTotal('female', 'total', 5),
        victimsTotal('female', 'adult', 3),
        victimsTotal('female', 'minor', 1),
      ],
      [['4', '5']],
    ],
    [
      'girls + boys above all minors',
      [
        victimsTotal('total', 'minor', 4),
        victimsTotal('female', 'minor', 2),
        victimsTotal('male', 'minor', 3),
      ],
      [['5', '4']],
    ],
    [
      'minors + adults + unknown age = total',
      [
        victimsTotal('total', 'total', 12),
        victimsTotal('total', 'minor', '<5'),
        victimsTotal('total', 'adult', 8),
        victimsTotal('total', 'unknown', '<5'),
      ],
      [],
    ],
    [
      'within a category row too (victims of sexual exploitation)',
      [
        victims('exploitation', 'sexual', 'total', 'total', 9),
        victims('exploitation', 'sexual', 'female', 'total', 4),
        victims('exploitation', 'sexual', 'male', 'total', '<5'),
      ],
      [['4–8', '9']],
    ],
    [
      'persons prosecuted by sex',
      [
        grandTotal('prosecuted', 20),
        cellOf(keyOf('prosecuted', 'total', 'total', 'female'), 5),
        cellOf(keyOf('prosecuted', 'total', 'total', 'male'), 14),
      ],
      [['19', '20']],
    ],
  ])('%s', (_name, cells, failures) => {
    const violations = run('parts.sex_age_total', cells);
    expect(failuresOf(violations)).toEqual(failures);
    for (const violation of violations) expect(violation.importance).toBe('critical');
  });

  it('names the total first, then the parts reported, and the direction in the subject', () => {
    const [violation] = run('parts.sex_age_total', [
      victimsTotal('total', 'total', 9),
      victimsTotal('female', 'total', '<5'),
      victimsTotal('male', 'total', 3),
    ]);
    expect(violation?.cells).toEqual([
      keyOf('detected_victims'),
      keyOf('detected_victims', 'total', 'total', 'female'),
      keyOf('detected_victims', 'total', 'total', 'male'),
    ]);
    expect(violation?.params.axis).toBe('sex');
    expect(violation?.subject).toBe(
      'parts.sex_age_total@detected_victims|total|total|total|total#sex',
    );
  });

  it('keeps the subject when the figures change but the check still fails', () => {
    const subjects = [3, 4].map((male) =>
      run('parts.sex_age_total', [
        victimsTotal('total', 'total', 10),
        victimsTotal('female', 'total', 5),
        victimsTotal('male', 'total', male),
      ]).map((violation) => violation.subject),
    );
    expect(subjects[0]).toHaveLength(1);
    expect(subjects[0]).toEqual(subjects[1]);
  });
});

describe('parts.conflict_total (critical)', () => {
  it.each<Row>([
    [
      'yes + no + unknown may make the total',
      [
        victimsTotal('total', 'total', 10),
        victims('conflict', 'yes', 'total', 'total', 3),
        victims('conflict', 'no', 'total', 'total', 4),
        victims('conflict', 'unknown', 'total', 'total', '<5'),
      ],
      [],
    ],
    [
      'yes + no short of the total',
      [
        victimsTotal('total', 'total', 10),
        victims('conflict', 'yes', 'total', 'total', 3),
        victims('conflict', 'no', 'total', 'total', 4),
      ],
      [['7', '10']],
    ],
    [
      'at the level of boys',
      [
        victimsTotal('male', 'minor', 2),
        victims('conflict', 'yes', 'male', 'minor', '<5'),
        victims('conflict', 'no', 'male', 'minor', 3),
      ],
      [['3–7', '2']],
    ],
    ['no conflict breakdown', [victimsTotal('total', 'total', 10)], []],
  ])('%s', (_name, cells, failures) => {
    expect(failuresOf(run('parts.conflict_total', cells))).toEqual(failures);
  });
});

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

// Table tests for the warnings on breakdowns by form of exploitation, citizenship and country of
// repatriation, and on the order of court figures, in interval arithmetic.

const run = runGlotipRule;
const failuresOf = partsFailures;

type Row = [name: string, cells: ReturnCellInput[], failures: [parts: string, total: string][]];

describe('parts.exploitation_total (warning)', () => {
  it.each<Row>([
    [
      'sexual + labour + other = total',
      [
        victimsTotal('total', 'total', 10),
        victims('exploitation', 'sexual', 'total', 'total', 5),
        victims('exploitation', 'labour', 'total', 'total', 3),
        victims('exploitation', 'other', 'total', 'total', 2),
      ],
      [],
    ],
    [
      'short of the total',
      [
        victimsTotal('total', 'total', 10),
        victims('exploitation', 'sexual', 'total', 'total', 5),
        victims('exploitation', 'labour', 'total', 'total', 3),
      ],
      [['8', '10']],
    ],
    [
      'a censored form that may make the total',
      [
        victimsTotal('total', 'total', 10),
        victims('exploitation', 'sexual', 'total', 'total', 8),
        victims('exploitation', 'labour', 'total', 'total', '<5'),
      ],
      [],
    ],
    [
      'certainly above the total',
      [
        victimsTotal('total', 'total', 10),
        victims('exploitation', 'sexual', 'total', 'total', 9),
        victims('exploitation', 'labour', 'total', 'total', 3),
      ],
      [['12', '10']],
    ],
    [
      'detailed forms are not summed against the total',
      [
        victimsTotal('total', 'total', 10),
        victims('exploitation', 'sexual_slavery', 'total', 'total', 2),
      ],
      [],
    ],
    [
      'persons convicted by form',
      [
        cellOf(keyOf('convicted', 'total', 'total', 'male', 'adult'), 4),
        cellOf(keyOf('convicted', 'exploitation', 'labour', 'male', 'adult'), 2),
      ],
      [['2', '4']],
    ],
  ])('%s', (_name, cells, failures) => {
    const violations = run('parts.exploitation_total', cells);
    expect(failuresOf(violations)).toEqual(failures);
    for (const violation of violations) expect(violation.importance).toBe('warning');
  });
});

describe('parts.exploitation_details (warning)', () => {
  it.each<Row>([
    [
      'details make the group',
      [
        victims('exploitation', 'sexual', 'total', 'total', 10),
        victims('exploitation', 'sexual_exploitation', 'total', 'total', 6),
        victims('exploitation', 'sexual_slavery', 'total', 'total', 4),
      ],
      [],
    ],
    [
      'a censored detail cannot make the group',
      [
        victims('exploitation', 'sexual', 'total', 'total', 10),
        victims('exploitation', 'sexual_slavery', 'total', 'total', '<5'),
      ],
      [['0–4', '10']],
    ],
    [
      'forms of another group do not count',
      [
        victims('exploitation', 'other', 'female', 'minor', 3),
        victims('exploitation', 'forced_marriage', 'female', 'minor', 2),
        victims('exploitation', 'armed_combat', 'female', 'minor', 1),
        victims('exploitation', 'pornography', 'female', 'minor', 5),
      ],
      [],
    ],
    [
      'details without the group',
      [victims('exploitation', 'forced_labour', 'total', 'total', 4)],
      [],
    ],
  ])('%s', (_name, cells, failures) => {
    expect(failuresOf(run('parts.exploitation_details', cells))).toEqual(failures);
  });
});

describe('parts.citizenship_total (warning)', () => {
  it.each<Row>([
    [
      'nationals + countries + unknown = total',
      [
        victimsTotal('total', 'total', 10),
        victims('citizenship', 'nationals', 'total', 'total', 5),
        victims('citizenship', 'NGA', 'total', 'total', 3),
        victims('citizenship', 'unknown', 'total', 'total', 2),
      ],
      [],
    ],
    [
      'countries short of the total',
      [
        victimsTotal('total', 'total', 10),
        victims('citizenship', 'nationals', 'total', 'total', 5),
        victims('citizenship', 'NGA', 'total', 'total', 3),
      ],
      [['8', '10']],
    ],
    [
      'censored countries may make the total',
      [
        victimsTotal('total', 'total', 7),
        victims('citizenship', 'NGA', 'total', 'total', '<5'),
        victims('citizenship', 'COD', 'total', 'total', '<5'),
      ],
      [],
    ],
    [
      'persons convicted by citizenship',
      [
        cellOf(keyOf('convicted', 'total', 'total', 'female', 'total'), 2),
        cellOf(keyOf('convicted', 'citizenship', 'nationals', 'female', 'total'), 3),
      ],
      [['3', '2']],
    ],
  ])('%s', (_name, cells, failures) => {
    expect(failuresOf(run('parts.citizenship_total', cells))).toEqual(failures);
  });
});

describe('parts.repatriation_total (warning)', () => {
  it.each<Row>([
    [
      'some victims repatriated',
      [
        victimsTotal('total', 'total', 10),
        victims('repatriation', 'UKR', 'total', 'total', 3),
        victims('repatriation', 'MDA', 'total', 'total', 2),
      ],
      [],
    ],
    [
      'all victims repatriated',
      [victimsTotal('total', 'total', 5), victims('repatriation', 'UKR', 'total', 'total', 5)],
      [],
    ],
    [
      'a censored figure that may fit',
      [victimsTotal('total', 'total', 3), victims('repatriation', 'UKR', 'total', 'total', '<5')],
      [],
    ],
    [
      'more repatriated than detected',
      [
        victimsTotal('total', 'total', 7),
        victims('repatriation', 'UKR', 'total', 'total', 8),
        victims('repatriation', 'MDA', 'total', 'total', '<5'),
      ],
      [['8–12', '7']],
    ],
  ])('%s', (_name, cells, failures) => {
    expect(failuresOf(run('parts.repatriation_total', cells))).toEqual(failures);
  });
});

describe.each([
  ['order.prosecuted_convicted', 'prosecuted', 'convicted'],
  ['order.formal_contact_prosecuted', 'formal_contact', 'prosecuted'],
] as const)('%s (warning)', (ruleId, greater, lesser) => {
  it.each<[string, ReturnCellInput[], [string, string][]]>([
    ['greater above', [grandTotal(greater, 10), grandTotal(lesser, 8)], []],
    ['equal', [grandTotal(greater, 8), grandTotal(lesser, 8)], []],
    ['greater below', [grandTotal(greater, 8), grandTotal(lesser, 10)], [['8', '10']]],
    ['<5 may reach 4', [grandTotal(greater, '<5'), grandTotal(lesser, 4)], []],
    ['<5 never reaches 5', [grandTotal(greater, '<5'), grandTotal(lesser, 5)], [['0–4', '5']]],
    ['3 may be at least <5', [grandTotal(greater, 3), grandTotal(lesser, '<5')], []],
    ['not available', [grandTotal(greater, 'na'), grandTotal(lesser, 5)], []],
    ['not applicable', [grandTotal(greater, 3), grandTotal(lesser, 'n/a')], []],
    ['only one reported', [grandTotal(lesser, 5)], []],
    [
      'sex cells are not compared',
      [
        cellOf(keyOf(greater, 'total', 'total', 'female'), 1),
        cellOf(keyOf(lesser, 'total', 'total', 'female'), 5),
      ],
      [],
    ],
  ])('%s', (_name, cells, failures) => {
    const violations = run(ruleId, cells);
    expect(
      violations.map((violation) => [violation.params.greaterValue, violation.params.lesserValue]),
    ).toEqual(failures);
    for (const violation of violations) {
      expect(violation.importance).toBe('warning');
      expect(violation.cells).toEqual([keyOf(greater), keyOf(lesser)]);
    }
  });
});

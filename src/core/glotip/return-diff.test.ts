import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKeyString, type GlotipCellValue } from '../../shared/glotip-vocabulary.js';
import {
  below5,
  count,
  grandTotal,
  notApplicable,
  notAvailable,
  victimsTotal,
} from '../../test-support/glotip-cells.js';
import { questionnaireSections, glotipDataSet, sectionCellKeys } from './data-set-definition.js';
import type { ReturnCellInput } from './return-cells.js';
import { cellValuesEqual, diffReturnCells } from './return-diff.js';

describe('cellValuesEqual', () => {
  const values: GlotipCellValue[] = [
    count(0),
    count(4),
    below5,
    { kind: 'censored', lower: 0, upper: 3 },
    notAvailable,
    notApplicable,
  ];
  it.each(
    values.flatMap((a, i) =>
      values.map((b, j): [GlotipCellValue, GlotipCellValue, boolean] => [a, b, i === j]),
    ),
  )('%j vs %j → %s', (a, b, equal) => {
    expect(cellValuesEqual(a, b)).toBe(equal);
    expect(cellValuesEqual({ ...a }, { ...b })).toBe(equal);
  });
});

describe('diffReturnCells', () => {
  it('reports additions, removals and changes, ordered by cell key, and nothing else', () => {
    const before = [
      grandTotal('offences', 3),
      victimsTotal('total', 'total', 10),
      victimsTotal('female', 'minor', 4),
      grandTotal('prosecuted', 2),
    ];
    const after = [
      victimsTotal('female', 'minor', '<5'),
      grandTotal('prosecuted', 2),
      victimsTotal('total', 'total', 11),
      grandTotal('convicted', 'na'),
    ];
    expect(diffReturnCells(before, after)).toEqual([
      { key: grandTotal('convicted', 0).key, before: null, after: notAvailable },
      { key: victimsTotal('female', 'minor', 0).key, before: count(4), after: below5 },
      { key: victimsTotal('total', 'total', 0).key, before: count(10), after: count(11) },
      { key: grandTotal('offences', 0).key, before: count(3), after: null },
    ]);
  });

  it.each<[string, ReturnCellInput[], ReturnCellInput[], number]>([
    ['identical returns', [grandTotal('offences', 3)], [grandTotal('offences', 3)], 0],
    ['both empty', [], [], 0],
    [
      'input order does not matter',
      [grandTotal('offences', 3), grandTotal('prosecuted', 1)],
      [grandTotal('prosecuted', 1), grandTotal('offences', 3)],
      0,
    ],
    [
      'a count becomes not applicable',
      [grandTotal('offences', 0)],
      [grandTotal('offences', 'n/a')],
      1,
    ],
    [
      'not available becomes not applicable',
      [grandTotal('offences', 'na')],
      [grandTotal('offences', 'n/a')],
      1,
    ],
    [
      'a key given twice keeps its last value',
      [grandTotal('offences', 3), grandTotal('offences', 5)],
      [grandTotal('offences', 5)],
      0,
    ],
  ])('%s', (_name, before, after, changes) => {
    expect(diffReturnCells(before, after)).toHaveLength(changes);
  });

  const keys = questionnaireSections(glotipDataSet).flatMap(sectionCellKeys).slice(0, 60);
  const valueArbitrary: fc.Arbitrary<GlotipCellValue> = fc.oneof(
    fc.nat(9).map(count),
    fc.constant(below5),
    fc.constant(notAvailable),
    fc.constant(notApplicable),
  );
  const returnArbitrary = fc
    .array(fc.tuple(fc.nat(keys.length - 1), valueArbitrary), { maxLength: 40 })
    .map((entries) => {
      const cells = new Map<string, ReturnCellInput>();
      for (const [index, value] of entries) {
        const key = keys[index];
        if (key !== undefined) cells.set(cellKeyString(key), { key, value });
      }
      return [...cells.values()];
    });

  it('applying the diff to the old return yields the new one', () => {
    fc.assert(
      fc.property(returnArbitrary, returnArbitrary, (before, after) => {
        const changes = diffReturnCells(before, after);
        const patched = new Map(before.map((cell) => [cellKeyString(cell.key), cell.value]));
        for (const change of changes) {
          if (change.after === null) patched.delete(cellKeyString(change.key));
          else patched.set(cellKeyString(change.key), change.after);
        }
        const expected = new Map(after.map((cell) => [cellKeyString(cell.key), cell.value]));
        expect(new Map([...patched].sort())).toEqual(new Map([...expected].sort()));
        const order = changes.map((change) => cellKeyString(change.key));
        expect(order).toEqual([...order].sort());
        expect(diffReturnCells(after, before)).toHaveLength(changes.length);
      }),
    );
  });
});

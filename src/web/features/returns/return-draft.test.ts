import { describe, expect, it } from 'vitest';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import {
  cellsOfDraft,
  changedCells,
  countryRows,
  draftOfCells,
  entryOf,
  invalidKeys,
  overriddenValue,
  reasonProblems,
  withEntry,
  withReason,
} from './return-draft.js';

const key = (over: Partial<GlotipCellKey> = {}): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...over,
});

const total = key();
const female = key({ sex: 'female' });
const male = key({ sex: 'male' });

describe('the return form draft', () => {
  const stored = draftOfCells([
    { key: total, value: { kind: 'count', value: 10 } },
    { key: female, value: { kind: 'censored', lower: 0, upper: 4 } },
  ]);

  it('shows stored values and sends nothing until something changes', () => {
    expect(entryOf(stored, total)).toEqual({ kind: 'count', text: '10' });
    expect(entryOf(stored, female)).toEqual({ kind: 'censored', text: '' });
    expect(entryOf(stored, male)).toEqual({ kind: 'count', text: '' });
    expect(changedCells(stored)).toEqual([]);
    expect(cellsOfDraft(stored)).toHaveLength(2);
  });

  it('sends changed, new and emptied cells, never a retyped equal value', () => {
    let draft = withEntry(stored, total, { kind: 'count', text: '1,0' });
    expect(invalidKeys(draft)).toEqual([total]);
    expect(changedCells(draft)).toEqual([]);
    draft = withEntry(draft, total, { kind: 'count', text: ' 10 ' });
    expect(changedCells(draft)).toEqual([]);
    draft = withEntry(draft, total, { kind: 'count', text: '12' });
    draft = withEntry(draft, female, { kind: 'count', text: '' });
    draft = withEntry(draft, male, { kind: 'not_available', text: '' });
    expect(changedCells(draft)).toEqual([
      { key: total, value: { kind: 'count', value: 12 } },
      { key: female, value: null },
      { key: male, value: { kind: 'not_available' } },
    ]);
    expect(invalidKeys(draft)).toEqual([]);
    // The stored draft is untouched.
    expect(changedCells(stored)).toEqual([]);
  });

  it('sends an override of a derived value with its reason, and asks for one until given', () => {
    const derived = draftOfCells([
      { key: total, value: { kind: 'count', value: 10 }, derivedValue: 10, overrideReason: null },
      { key: female, value: { kind: 'count', value: 6 }, derivedValue: 6, overrideReason: null },
      { key: male, value: { kind: 'count', value: 4 } },
    ]);
    expect(reasonProblems(derived).size).toBe(0);
    // A hand-entered cell overrides nothing; a derived one retyped equal neither.
    let draft = withEntry(derived, male, { kind: 'count', text: '5' });
    draft = withEntry(draft, female, { kind: 'count', text: '6' });
    expect(overriddenValue(draft, male)).toBeUndefined();
    expect(changedCells(draft)).toEqual([{ key: male, value: { kind: 'count', value: 5 } }]);

    draft = withEntry(draft, total, { kind: 'count', text: '11' });
    expect(overriddenValue(draft, total)).toBe(10);
    expect([...reasonProblems(draft)]).toEqual([
      ['detected_victims|total|total|total|total', 'required'],
    ]);
    draft = withReason(draft, total, ' ab ');
    expect([...reasonProblems(draft).values()]).toEqual(['too_small']);
    draft = withReason(draft, total, ' One victim is on paper only. ');
    expect(reasonProblems(draft).size).toBe(0);
    expect(changedCells(draft)).toContainEqual({
      key: total,
      value: { kind: 'count', value: 11 },
      overrideReason: 'One victim is on paper only.',
    });
  });

  it('keeps a stored override and sends it again only when its reason changes', () => {
    const stored = draftOfCells([
      {
        key: total,
        value: { kind: 'count', value: 11 },
        derivedValue: 10,
        overrideReason: 'One victim is on paper only.',
      },
    ]);
    expect(overriddenValue(stored, total)).toBe(10);
    expect(reasonProblems(stored).size).toBe(0);
    expect(changedCells(stored)).toEqual([]);
    const reworded = withReason(stored, total, 'One victim is in the police register only.');
    expect(changedCells(reworded)).toEqual([
      {
        key: total,
        value: { kind: 'count', value: 11 },
        overrideReason: 'One victim is in the police register only.',
      },
    ]);
    // Back to the derived value: no override, so no reason is sent or asked for.
    const undone = withEntry(reworded, total, { kind: 'count', text: '10' });
    expect(reasonProblems(undone).size).toBe(0);
    expect(changedCells(undone)).toEqual([{ key: total, value: { kind: 'count', value: 10 } }]);
  });

  it('lists country rows of a table once each, stored first, then added', () => {
    const section = { indicator: 'detected_victims', dimension: 'citizenship' } as const;
    const draft = draftOfCells([
      {
        key: key({ dimension: 'citizenship', category: 'SYR' }),
        value: { kind: 'count', value: 3 },
      },
      {
        key: key({ dimension: 'citizenship', category: 'SYR', sex: 'female' }),
        value: { kind: 'count', value: 2 },
      },
      {
        key: key({ dimension: 'citizenship', category: 'nationals' }),
        value: { kind: 'count', value: 1 },
      },
      {
        key: key({ dimension: 'repatriation', category: 'IRQ' }),
        value: { kind: 'count', value: 1 },
      },
    ]);
    expect(countryRows(section, draft, ['JOR', 'SYR'])).toEqual(['SYR', 'JOR']);
  });
});

import { describe, expect, it } from 'vitest';
import { glotipDataSet, questionnaireSections } from '../../../core/glotip/data-set-definition.js';
import { validateReturn, violationMessage } from '../../../core/glotip/validate-return.js';
import { cellKeyString, type GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import {
  countByImportance,
  liveViolations,
  marksOf,
  placeViolations,
  type ShownViolation,
} from './live-validation.js';

const key = (over: Partial<GlotipCellKey> = {}): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...over,
});
const count = (value: number) => ({ kind: 'count', value }) as const;

// Women 5 and men 4 cannot make a total of 10 (the browser test's mistake).
const wrongTotal = [
  { key: key({ sex: 'female' }), value: count(5) },
  { key: key({ sex: 'male' }), value: count(4) },
  { key: key(), value: count(10) },
];
const input = { year: 2024, currentYear: 2026, cells: wrongTotal };

describe('live validation in the return form', () => {
  it('finds what the server finds, with the server template in the reader language', () => {
    const shown = liveViolations(input, 'fr', 'p', () => 'CELL');
    const core = validateReturn(input);
    expect(shown.map((v) => [v.ruleId, v.subject])).toEqual(core.map((v) => [v.ruleId, v.subject]));
    expect(shown[0]?.ruleId).toBe('parts.sex_age_total');
    expect(shown[0]?.importance).toBe('critical');
    // Only the cell's code is replaced by its name: the rest is the core's French sentence.
    const original = core[0];
    if (original === undefined) throw new Error('no violation');
    const expected = violationMessage(
      { ...original, params: { ...original.params, cell: 'CELL' } },
      'fr',
    );
    expect(shown[0]?.message).toBe(expected);
    expect(shown[0]?.message).toContain('La ventilation de CELL');
  });

  it('finds nothing once the parts add up', () => {
    const fixed = [...wrongTotal.slice(0, 1), { key: key({ sex: 'male' }), value: count(5) }];
    expect(
      liveViolations({ ...input, cells: [...fixed, wrongTotal[2]!] }, 'ar', 'p', String),
    ).toEqual([]);
  });

  const violation = (over: Partial<ShownViolation>): ShownViolation => ({
    id: 'v1',
    ruleId: 'r',
    importance: 'warning',
    subject: 's',
    cells: [],
    message: 'm',
    ...over,
  });

  it('marks cells, an error winning over a warning, each linked to every message naming it', () => {
    const marks = marksOf([
      violation({ id: 'a', cells: [key(), key({ sex: 'male' })] }),
      violation({ id: 'b', importance: 'critical', cells: [key()] }),
    ]);
    expect(marks.get(cellKeyString(key()))).toEqual({ state: 'error', messageIds: ['a', 'b'] });
    expect(marks.get(cellKeyString(key({ sex: 'male' })))).toEqual({
      state: 'warning',
      messageIds: ['a'],
    });
    expect(marks.has(cellKeyString(key({ sex: 'female' })))).toBe(false);
  });

  it('lists a violation under the last table holding its cells, or above the form', () => {
    const sections = questionnaireSections(glotipDataSet);
    const placed = placeViolations(
      [
        violation({
          id: 'breakdown',
          cells: [key(), key({ dimension: 'exploitation', category: 'sexual' })],
        }),
        violation({
          id: 'order',
          cells: [key({ indicator: 'prosecuted' }), key({ indicator: 'convicted' })],
        }),
        violation({ id: 'year', cells: [] }),
      ],
      sections,
    );
    expect(placed.get('detected_victims.exploitation')?.map((v) => v.id)).toEqual(['breakdown']);
    expect(placed.get('convicted.total')?.map((v) => v.id)).toEqual(['order']);
    expect(placed.get('')?.map((v) => v.id)).toEqual(['year']);
    expect(countByImportance([violation({}), violation({ importance: 'critical' })])).toEqual({
      critical: 1,
      warning: 1,
    });
  });
});

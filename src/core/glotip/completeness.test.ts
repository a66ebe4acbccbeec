import { describe, expect, it } from 'vitest';
import { grandTotal, keyOf, victimsTotal } from '../../test-support/glotip-cells.js';
import {
  expectedReturnCells,
  returnCompleteness,
  summariseCompleteness,
  type ReturnCompletenessInput,
} from './completeness.js';
import { glotipDataSet } from './data-set-definition.js';

const withDefaultExpected: ReturnCompletenessInput = {
  entityId: 'org-1',
  year: 2024,
  status: 'draft',
  cells: [],
  dueDate: '2025-03-31',
  submittedAt: null,
  asOf: '2025-03-01T10:00:00Z',
};
const base: ReturnCompletenessInput = {
  ...withDefaultExpected,
  expected: [keyOf('offences'), keyOf('prosecuted'), keyOf('convicted'), keyOf('formal_contact')],
};

describe('expectedReturnCells', () => {
  it('expects the fixed tables, without country rows or detailed forms', () => {
    const keys = expectedReturnCells();
    // victims: total 20 + exploitation groups 60 + conflict 60; formal contact 5; prosecuted 5;
    // convicted: total 20 + groups 60; offences 1.
    expect(keys).toHaveLength(231);
    expect(
      keys.some((key) => key.dimension === 'citizenship' || key.dimension === 'repatriation'),
    ).toBe(false);
    expect(keys.some((key) => key.category === 'sexual_slavery')).toBe(false);
  });

  it('takes the dimensions and the detailed forms as options', () => {
    expect(expectedReturnCells(glotipDataSet, { dimensions: ['total'] })).toHaveLength(51);
    const withDetails = expectedReturnCells(glotipDataSet, {
      dimensions: ['exploitation'],
      includeDetails: true,
    });
    expect(withDetails).toHaveLength(17 * 20 * 2);
  });
});

describe('returnCompleteness: share of expected cells', () => {
  it.each<
    [
      string,
      ReturnCompletenessInput['cells'],
      { reported: number; notAvailable: number; absent: number; share: number },
    ]
  >([
    ['nothing reported', [], { reported: 0, notAvailable: 0, absent: 4, share: 0 }],
    [
      'counts and censored values',
      [grandTotal('offences', 3), grandTotal('prosecuted', '<5')],
      { reported: 2, notAvailable: 0, absent: 2, share: 0.5 },
    ],
    [
      'not available is missing',
      [grandTotal('offences', 3), grandTotal('prosecuted', 'na')],
      { reported: 1, notAvailable: 1, absent: 2, share: 0.25 },
    ],
    [
      'not applicable is reported',
      [
        grandTotal('offences', 'n/a'),
        grandTotal('prosecuted', 0),
        grandTotal('convicted', 0),
        grandTotal('formal_contact', 1),
      ],
      { reported: 4, notAvailable: 0, absent: 0, share: 1 },
    ],
    [
      'cells outside the expected list are ignored',
      [grandTotal('offences', 1), victimsTotal('female', 'minor', 2)],
      { reported: 1, notAvailable: 0, absent: 3, share: 0.25 },
    ],
    [
      'a repeated key counts once',
      [grandTotal('offences', 1), grandTotal('offences', 2)],
      { reported: 1, notAvailable: 0, absent: 3, share: 0.25 },
    ],
  ])('%s', (_name, cells, expected) => {
    expect(returnCompleteness({ ...base, cells })).toMatchObject({ expected: 4, ...expected });
  });

  it('counts a whole share when nothing is expected', () => {
    expect(returnCompleteness({ ...base, expected: [] })).toMatchObject({ expected: 0, share: 1 });
  });

  it('defaults to the GLOTIP expected cells', () => {
    expect(returnCompleteness(withDefaultExpected).expected).toBe(231);
  });

  it('reports an entity without a return as not started', () => {
    expect(returnCompleteness({ ...base, status: null }).status).toBe('not_started');
    expect(returnCompleteness({ ...base, status: 'returned' }).status).toBe('returned');
  });
});

describe('returnCompleteness: timeliness', () => {
  it.each<[string, string | null, string, string, number | null]>([
    ['submitted well before', '2025-02-10T09:00:00Z', '2025-06-01T00:00:00Z', 'on_time', null],
    [
      'submitted on the last minute of the due day',
      '2025-03-31T23:59:59Z',
      '2025-06-01T00:00:00Z',
      'on_time',
      null,
    ],
    ['submitted one second late', '2025-04-01T00:00:00Z', '2025-06-01T00:00:00Z', 'late', 1],
    ['submitted ten days late', '2025-04-10T12:00:00Z', '2025-06-01T00:00:00Z', 'late', 10],
    [
      'submitted with a time zone offset, still on the due day in UTC',
      '2025-04-01T01:00:00+02:00',
      '2025-06-01T00:00:00Z',
      'on_time',
      null,
    ],
    ['not submitted, not yet due', null, '2025-03-31T12:00:00Z', 'not_yet_due', null],
    ['not submitted, past due', null, '2025-04-02T08:00:00Z', 'overdue', 2],
  ])('%s', (_name, submittedAt, asOf, timeliness, daysLate) => {
    expect(returnCompleteness({ ...base, submittedAt, asOf })).toMatchObject({
      timeliness,
      daysLate,
    });
  });

  it.each([
    ['a malformed due date', { dueDate: '31/03/2025' }],
    ['an impossible due date', { dueDate: '2025-13-45' }],
    ['a day the month lacks', { dueDate: '2025-02-30' }],
    ['a malformed submission time', { submittedAt: 'yesterday' }],
    ['a malformed clock', { asOf: 'now' }],
  ])('refuses %s', (_name, change) => {
    expect(() => returnCompleteness({ ...base, ...change })).toThrow(RangeError);
  });
});

describe('summariseCompleteness', () => {
  it('counts timeliness and averages shares', () => {
    const rows = [
      returnCompleteness({
        ...base,
        entityId: 'a',
        cells: [grandTotal('offences', 1)],
        submittedAt: '2025-03-01T00:00:00Z',
      }),
      returnCompleteness({
        ...base,
        entityId: 'b',
        cells: [],
        submittedAt: '2025-04-05T00:00:00Z',
      }),
      returnCompleteness({ ...base, entityId: 'c', status: null, asOf: '2025-05-01T00:00:00Z' }),
      returnCompleteness({ ...base, entityId: 'd' }),
    ];
    expect(summariseCompleteness(rows)).toEqual({
      returns: 4,
      byTimeliness: { on_time: 1, late: 1, not_yet_due: 1, overdue: 1 },
      meanShare: 0.0625,
      onTimeRate: 1 / 3,
    });
  });

  it('has no on-time rate when nothing is due', () => {
    expect(summariseCompleteness([])).toEqual({
      returns: 0,
      byTimeliness: { on_time: 0, late: 0, not_yet_due: 0, overdue: 0 },
      meanShare: 0,
      onTimeRate: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import type { ReturnCellResponse } from '../../../shared/return-schemas.js';
import { defaultPolicyId, recordCountsOf } from './derived-counts.js';

const key = (sex: GlotipCellKey['sex']): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex,
  age: 'total',
});

const cell = (sex: GlotipCellKey['sex'], recordCount: number | null): ReturnCellResponse => ({
  key: key(sex),
  value: { kind: 'count', value: recordCount ?? 3 },
  derivedValue: recordCount,
  recordCount,
  overrideReason: null,
  rawText: null,
});

describe('recordCountsOf', () => {
  it('keys the record count of derived cells by cell key, leaving out cells not derived', () => {
    const counts = recordCountsOf([cell('female', 4), cell('male', null), cell('total', 0)]);
    expect([...counts.entries()]).toEqual([
      ['detected_victims|total|total|female|total', 4],
      ['detected_victims|total|total|total|total', 0],
    ]);
  });

  it('is empty for a return with no derived cell', () => {
    expect(recordCountsOf([cell('male', null)]).size).toBe(0);
  });
});

describe('defaultPolicyId', () => {
  const policies = [{ id: 'unodc-default' }, { id: 'national' }];

  it('takes the wanted policy when it exists', () => {
    expect(defaultPolicyId(policies, 'national')).toBe('national');
  });

  it('falls back to the first policy when none or an unknown one is wanted', () => {
    expect(defaultPolicyId(policies)).toBe('unodc-default');
    expect(defaultPolicyId(policies, 'gone')).toBe('unodc-default');
  });

  it('is empty when there is no policy', () => {
    expect(defaultPolicyId([])).toBe('');
  });
});

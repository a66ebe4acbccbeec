import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlotipCellValue } from '../../../shared/glotip-vocabulary.js';
import { entryOfValue, readCountText, readEntry, sameValue } from './cell-entry.js';

const count = (value: number) => ({ state: 'value', value: { kind: 'count', value } });
const censored = { state: 'value', value: { kind: 'censored', lower: 0, upper: 4 } };

describe('reading what is typed in a count cell', () => {
  it.each([
    ['0', count(0)],
    ['17', count(17)],
    [' 17 ', count(17)],
    ['1,173', count(1173)],
    ['1.173', count(1173)],
    ['1 173', count(1173)],
    ['1\u202f173', count(1173)],
    ['1\u00a0173\u00a0000', count(1_173_000)],
    ['١٧', count(17)],
    ['١٬١٧٣', count(1173)],
    ['۴۲', count(42)],
    ['<5', censored],
    ['< 5', censored],
    ['', { state: 'empty' }],
    ['   ', { state: 'empty' }],
  ])('%j', (text, expected) => {
    expect(readCountText(text)).toEqual(expected);
  });

  it.each(['-3', '1.5', '12,34', '1,1734', 'abc', '5<', '<4', '3e2', '0x10', '1_000', '100000001'])(
    'refuses %j',
    (text) => {
      expect(readCountText(text)).toEqual({ state: 'invalid' });
    },
  );
});

describe('cell entries', () => {
  it('reads the kind from the menu, ignoring text left over from a count', () => {
    expect(readEntry({ kind: 'not_available', text: '12' })).toEqual({
      state: 'value',
      value: { kind: 'not_available' },
    });
    expect(readEntry({ kind: 'not_applicable', text: '' })).toEqual({
      state: 'value',
      value: { kind: 'not_applicable' },
    });
    expect(readEntry({ kind: 'censored', text: '' })).toEqual(censored);
  });

  const values = fc.oneof(
    fc.integer({ min: 0, max: 100_000_000 }).map((value): GlotipCellValue => ({
      kind: 'count',
      value,
    })),
    fc.constant<GlotipCellValue>({ kind: 'censored', lower: 0, upper: 4 }),
    fc.constant<GlotipCellValue>({ kind: 'not_available' }),
    fc.constant<GlotipCellValue>({ kind: 'not_applicable' }),
  );

  it('shows every stored value as an entry that reads back to the same value', () => {
    fc.assert(
      fc.property(values, (value) => {
        const reading = readEntry(entryOfValue(value));
        expect(reading.state).toBe('value');
        if (reading.state === 'value') expect(sameValue(reading.value, value)).toBe(true);
      }),
    );
  });

  it('compares values by meaning', () => {
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue({ kind: 'count', value: 3 }, null)).toBe(false);
    expect(sameValue({ kind: 'count', value: 3 }, { kind: 'count', value: 4 })).toBe(false);
    expect(sameValue({ kind: 'not_available' }, { kind: 'not_applicable' })).toBe(false);
    expect(sameValue({ kind: 'not_available' }, { kind: 'not_available' })).toBe(true);
  });
});

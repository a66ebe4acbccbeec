import { describe, expect, it } from 'vitest';
import {
  glotipCellKeySchema,
  glotipCellValueSchema,
  glotipReturnCellSchema,
  isGlotipCategoryOf,
} from './glotip-schemas.js';
import type { GlotipDimension } from './glotip-vocabulary.js';

const key = (dimension: GlotipDimension, category: string) => ({
  indicator: 'detected_victims',
  dimension,
  category,
  sex: 'female',
  age: 'minor',
});

describe('GLOTIP cell key schema', () => {
  it.each<[GlotipDimension, string, boolean]>([
    ['total', 'total', true],
    ['total', 'sexual', false],
    ['exploitation', 'sexual', true],
    ['exploitation', 'labour', true],
    ['exploitation', 'other', true],
    ['exploitation', 'sexual_slavery', true],
    ['exploitation', 'armed_combat', true],
    ['exploitation', 'total', false],
    ['exploitation', 'toString', false],
    ['citizenship', 'NGA', true],
    ['citizenship', 'YUG', true],
    ['citizenship', 'nationals', true],
    ['citizenship', 'abroad', true],
    ['citizenship', 'unknown', true],
    ['citizenship', 'nga', false],
    ['citizenship', 'NG', false],
    ['citizenship', 'XXX', false],
    ['citizenship', 'Nigerians', false],
    ['repatriation', 'UKR', true],
    ['repatriation', 'ANT', true],
    ['repatriation', 'QQQ', false],
    ['conflict', 'yes', true],
    ['conflict', 'no', true],
    ['conflict', 'unknown', true],
    ['conflict', 'maybe', false],
  ])('%s / %s → %s', (dimension, category, valid) => {
    expect(isGlotipCategoryOf(dimension, category)).toBe(valid);
    const result = glotipCellKeySchema.safeParse(key(dimension, category));
    expect(result.success).toBe(valid);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['category']);
  });

  it.each([
    ['an unknown indicator', { ...key('total', 'total'), indicator: 'arrested' }],
    ['an unknown sex', { ...key('total', 'total'), sex: 'women' }],
    ['an unknown age', { ...key('total', 'total'), age: '18+' }],
    ['an extra field', { ...key('total', 'total'), note: 'x' }],
    ['a missing field', { indicator: 'detected_victims', dimension: 'total', category: 'total' }],
  ])('refuses %s', (_name, value) => {
    expect(glotipCellKeySchema.safeParse(value).success).toBe(false);
  });
});

describe('GLOTIP cell value schema', () => {
  it.each<[string, unknown, boolean]>([
    ['a count', { kind: 'count', value: 12 }, true],
    ['zero', { kind: 'count', value: 0 }, true],
    ['the largest safe integer', { kind: 'count', value: Number.MAX_SAFE_INTEGER }, true],
    ['a negative count', { kind: 'count', value: -1 }, false],
    ['a fractional count', { kind: 'count', value: 2.5 }, false],
    ['an unsafe integer', { kind: 'count', value: 2 ** 53 }, false],
    ['a count as text', { kind: 'count', value: '12' }, false],
    ['<5', { kind: 'censored', lower: 0, upper: 4 }, true],
    ['a one-point interval', { kind: 'censored', lower: 3, upper: 3 }, true],
    ['reversed bounds', { kind: 'censored', lower: 5, upper: 4 }, false],
    ['a negative lower bound', { kind: 'censored', lower: -1, upper: 4 }, false],
    ['a fractional bound', { kind: 'censored', lower: 0, upper: 4.5 }, false],
    ['not available', { kind: 'not_available' }, true],
    ['not applicable', { kind: 'not_applicable' }, true],
    ['not available with a value', { kind: 'not_available', value: 3 }, false],
    ['an unknown kind', { kind: 'estimate', value: 3 }, false],
  ])('%s → %s', (_name, value, valid) => {
    expect(glotipCellValueSchema.safeParse(value).success).toBe(valid);
  });

  it('parses a whole return cell', () => {
    const cell = { key: key('citizenship', 'COD'), value: { kind: 'count', value: 4 } };
    expect(glotipReturnCellSchema.parse(cell)).toEqual(cell);
  });
});

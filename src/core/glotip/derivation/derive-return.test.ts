import { describe, expect, it } from 'vitest';
import { countingPolicyById, type CountingPolicy } from './counting-policy.js';
import { buildFacts, handMadeCases, handMadeReport } from './derivation-fixtures.js';
import { deriveReturnCells, type DerivedCell } from './derive-return.js';
import { formalOnly, unodcIdentified } from './hand-made-expected-cells.js';

// Acceptance item 3: the hand-made cases yield the expected return, cell by cell, under two
// counting policies (hand-made-expected-cells.ts). The full lists are compared, in order, so a
// missing, extra or misplaced cell fails.

function policy(id: string): CountingPolicy {
  const found = countingPolicyById(id);
  if (found === undefined) throw new Error(`no policy ${id}`);
  return found;
}

function lines(cells: readonly DerivedCell[]): string[] {
  return cells.map((cell) => {
    const { indicator, dimension, category, sex, age } = cell.key;
    expect(indicator).toBe('detected_victims');
    expect(cell.value).toBe(cell.caseIds.length);
    return `${dimension}|${category}|${sex}|${age}: ${cell.caseIds.join(' ')}`.trimEnd();
  });
}

describe('deriving a return from hand-made cases', () => {
  it.each([
    ['unodc_identified', unodcIdentified],
    ['formal_only', formalOnly],
  ])('under %s yields the expected cells, every one', (id, expected) => {
    expect(lines(deriveReturnCells(handMadeCases, policy(id), handMadeReport))).toEqual(expected);
  });

  it('does not depend on the order of the cases', () => {
    const reversed = [...handMadeCases].reverse();
    expect(lines(deriveReturnCells(reversed, policy('formal_only'), handMadeReport))).toEqual(
      formalOnly,
    );
  });

  it('counts demo records only when asked', () => {
    const cells = deriveReturnCells(handMadeCases, policy('unodc_identified'), {
      ...handMadeReport,
      includeSynthetic: true,
    });
    expect(cells[0]?.caseIds).toEqual('c01 c02 c03 c05 c08 c09 c10 c11 c12 c13 c15'.split(' '));
  });

  it('counts a case listed twice once', () => {
    const twice = [buildFacts('c01'), buildFacts('c01')];
    const [total] = deriveReturnCells(twice, policy('unodc_identified'), handMadeReport);
    expect(total?.caseIds).toEqual(['c01']);
  });

  it('without a reporting country, citizens keep their own code', () => {
    const cells = deriveReturnCells([buildFacts('c01')], policy('unodc_identified'), {
      year: 2024,
      reportingCountry: null,
    });
    const categories = cells
      .filter((cell) => cell.key.dimension === 'citizenship')
      .map((cell) => cell.key.category);
    expect(new Set(categories)).toEqual(new Set(['COD']));
  });

  it('an empty year is the 20 explicit zeros of the total dimension', () => {
    const cells = deriveReturnCells(handMadeCases, policy('formal_only'), {
      year: 2019,
      reportingCountry: 'COD',
    });
    expect(cells).toHaveLength(20);
    expect(cells.every((cell) => cell.key.dimension === 'total' && cell.value === 0)).toBe(true);
  });
});

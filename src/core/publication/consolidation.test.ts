import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidationRuleId, publicConsolidationSchema } from '../../shared/public-schemas.js';
import { organisationTypes, type OrganisationType } from '../../shared/vocabulary.js';
import {
  comparePrecedence,
  consolidate,
  precedenceClass,
  publicConsolidation,
  type ConsolidationCandidate,
} from './consolidation.js';

interface Candidate extends ConsolidationCandidate {
  readonly synthetic: boolean;
  readonly version: number;
}

function candidate(
  returnId: string,
  type: OrganisationType,
  source = 'entered',
  publishedAt = '2026-03-01T00:00:00.000Z',
  country = 'NGA',
  year = 2022,
): Candidate {
  return {
    returnId,
    country,
    year,
    source,
    synthetic: source === 'synthetic',
    version: 1,
    reporter: { organisationName: `Entity ${returnId}`, organisationType: type, publishedAt },
  };
}

const counted = (...returns: Candidate[]) => consolidate(returns).counted.map((r) => r.returnId);

describe('consolidation precedence', () => {
  it.each([
    // [why, returns, the one counted]
    [
      'the member state before an NGO',
      [candidate('ngo', 'ngo'), candidate('ms', 'member_state')],
      'ms',
    ],
    [
      "the member state's own figures before dataUNODC's",
      [candidate('unodc', 'member_state', 'dataunodc'), candidate('ms', 'member_state', 'derived')],
      'ms',
    ],
    [
      'synthetic member-state figures like any other of the member state',
      [
        candidate('unodc', 'member_state', 'dataunodc'),
        candidate('demo', 'member_state', 'synthetic'),
      ],
      'demo',
    ],
    [
      'dataUNODC before a UN mission',
      [candidate('mission', 'un_mission'), candidate('unodc', 'member_state', 'dataunodc')],
      'unodc',
    ],
    [
      'dataUNODC held by an NGO entity still before a UN mission',
      [candidate('mission', 'un_mission'), candidate('unodc', 'ngo', 'dataunodc')],
      'unodc',
    ],
    [
      'a UN mission before a UN entity',
      [candidate('entity', 'un_entity'), candidate('mission', 'un_mission')],
      'mission',
    ],
    [
      'a UN entity before an international organisation',
      [candidate('io', 'international_org'), candidate('entity', 'un_entity')],
      'entity',
    ],
    [
      'an international organisation before an NGO',
      [candidate('ngo', 'ngo'), candidate('io', 'international_org')],
      'io',
    ],
    ['an NGO before other entities', [candidate('other', 'other'), candidate('ngo', 'ngo')], 'ngo'],
    [
      'the latest publication among equals',
      [
        candidate('old', 'ngo', 'entered', '2026-01-01T00:00:00.000Z'),
        candidate('new', 'ngo', 'entered', '2026-02-01T00:00:00.000Z'),
      ],
      'new',
    ],
    [
      'the smaller return id when published at the same time',
      [candidate('b', 'ngo'), candidate('a', 'ngo')],
      'a',
    ],
  ] as const)('counts %s', (_why, returns, expected) => {
    expect(counted(...returns)).toEqual([expected]);
  });

  it('ranks the classes in the documented order', () => {
    expect(
      [
        candidate('1', 'member_state'),
        candidate('2', 'member_state', 'dataunodc'),
        candidate('3', 'un_mission'),
        candidate('4', 'un_entity'),
        candidate('5', 'international_org'),
        candidate('6', 'ngo'),
        candidate('7', 'other'),
      ].map(precedenceClass),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps the others aside, in precedence order, and states them publicly without ids', () => {
    const result = consolidate([
      candidate('ngo', 'ngo'),
      candidate('ms', 'member_state'),
      candidate('unodc', 'member_state', 'dataunodc'),
      candidate('gha', 'member_state', 'entered', '2026-03-01T00:00:00.000Z', 'GHA', 2022),
    ]);
    expect(result.countryYears.map((entry) => [entry.country, entry.counted.returnId])).toEqual([
      ['GHA', 'gha'],
      ['NGA', 'ms'],
    ]);
    expect(result.countryYears[1]?.keptAside.map((r) => r.returnId)).toEqual(['unodc', 'ngo']);
    const statement = publicConsolidationSchema.parse(publicConsolidation(result.countryYears));
    expect(statement.rule).toBe(consolidationRuleId);
    expect(statement.keptAside).toBe(2);
    expect(statement.sources[1]).toEqual({
      country: 'NGA',
      year: 2022,
      counted: {
        organisationName: 'Entity ms',
        organisationType: 'member_state',
        source: 'entered',
        synthetic: false,
        version: 1,
        publishedAt: '2026-03-01T00:00:00.000Z',
      },
      keptAside: [
        expect.objectContaining({ organisationName: 'Entity unodc', source: 'dataunodc' }),
        expect.objectContaining({ organisationName: 'Entity ngo', organisationType: 'ngo' }),
      ],
    });
    expect(JSON.stringify(statement)).not.toContain('returnId');
  });
});

const arbitraryCandidate = fc
  .record({
    returnId: fc.string({ minLength: 1, maxLength: 4 }),
    type: fc.constantFrom(...organisationTypes),
    source: fc.constantFrom('entered', 'derived', 'dataunodc', 'synthetic'),
    day: fc.integer({ min: 1, max: 3 }),
    country: fc.constantFrom('NGA', 'GHA', 'UKR'),
    year: fc.integer({ min: 2020, max: 2022 }),
  })
  .map((r) =>
    candidate(
      r.returnId,
      r.type,
      r.source,
      `2026-01-0${String(r.day)}T00:00:00.000Z`,
      r.country,
      r.year,
    ),
  );
// Return ids are unique, as database ids are.
const arbitraryReturns = fc.uniqueArray(arbitraryCandidate, {
  selector: (r) => r.returnId,
  maxLength: 12,
});

describe('consolidation invariants', () => {
  it('counts exactly one return per country-year and keeps every other aside, once', () => {
    fc.assert(
      fc.property(arbitraryReturns, (returns) => {
        const result = consolidate(returns);
        const keys = new Set(returns.map((r) => `${r.country}|${String(r.year)}`));
        expect(result.counted).toHaveLength(keys.size);
        expect(new Set(result.counted.map((r) => `${r.country}|${String(r.year)}`)).size).toBe(
          keys.size,
        );
        const all = result.countryYears.flatMap((entry) => [entry.counted, ...entry.keptAside]);
        expect(all.map((r) => r.returnId).sort()).toEqual(returns.map((r) => r.returnId).sort());
        for (const entry of result.countryYears) {
          for (const other of entry.keptAside) {
            expect(other.country).toBe(entry.country);
            expect(other.year).toBe(entry.year);
            expect(comparePrecedence(entry.counted, other)).toBeLessThan(0);
          }
        }
      }),
    );
  });

  it('does not depend on the order the returns come in', () => {
    fc.assert(
      fc.property(
        arbitraryReturns.chain((returns) =>
          fc.tuple(
            fc.constant(returns),
            fc.shuffledSubarray(returns, { minLength: returns.length }),
          ),
        ),
        ([returns, shuffled]) => {
          const ids = (list: readonly Candidate[]) =>
            consolidate(list).counted.map((r) => r.returnId);
          expect(ids(shuffled)).toEqual(ids(returns));
        },
      ),
    );
  });
});

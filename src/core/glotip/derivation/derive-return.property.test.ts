import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBands,
  conflictRelations,
  exploitationTypes,
  genders,
  labourSectors,
  majorityStatuses,
  sexExploitationTypes,
  statusDecisionMakers,
  traffickingStatuses,
} from '../../../shared/case-vocabulary.js';
import {
  cellKeyString,
  exploitationDetails,
  exploitationGroups,
  glotipAges,
  glotipSexes,
  type GlotipCellKey,
} from '../../../shared/glotip-vocabulary.js';
import { countryArb } from '../../../test-support/case-record-arbitraries.js';
import type { DerivationCaseFacts } from './case-facts.js';
import { countingPolicies, type CountingPolicy, type RecordedSex } from './counting-policy.js';
import { deriveReturnCells, type DerivedCell } from './derive-return.js';

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const codes = <C extends string>(values: readonly C[]) =>
  nullable(fc.shuffledSubarray([...values], { maxLength: 4 }));
const yearArb = fc.integer({ min: 2021, max: 2024 });
const ageArb = nullable(fc.integer({ min: 0, max: 90 }));

const factsArb: fc.Arbitrary<DerivationCaseFacts> = fc.record({
  caseId: fc.uuid({ version: 4 }),
  caseNumber: fc.constant('2024-00001'),
  organisationId: fc.constantFrom('org-a', 'org-b'),
  synthetic: fc.boolean(),
  traffickingStatus: nullable(fc.constantFrom(...traffickingStatuses)),
  statusDecidedBy: nullable(fc.constantFrom(...statusDecisionMakers)),
  registrationYear: yearArb,
  registeredOn: nullable(yearArb.map((year) => `${String(year)}-06-15`)),
  exploitationStartYear: nullable(yearArb),
  gender: fc.constantFrom(...genders),
  ageAtIdentification: ageArb,
  ageWhenTrafficked: ageArb,
  ageBand: nullable(fc.constantFrom(...ageBands)),
  majorityStatus: nullable(fc.constantFrom(...majorityStatuses)),
  majorityStatusAtExploitation: nullable(fc.constantFrom(...majorityStatuses)),
  citizenship: fc.uniqueArray(countryArb, { maxLength: 3 }),
  exploitationTypes: codes(exploitationTypes),
  labourSectors: codes(labourSectors.filter((s) => s.startsWith('vigil:') || s < 'D')),
  sexExploitationTypes: codes(sexExploitationTypes),
  countryOfExploitation: nullable(countryArb),
  conflictRelated: fc.constantFrom(...conflictRelations),
});

const recordedSexArb = fc.constantFrom<RecordedSex>('female', 'male', 'other', 'unknown');
/** Any policy, not only the built-in ones: the invariants hold whatever the choices. */
const policyArb: fc.Arbitrary<CountingPolicy> = fc.oneof(
  fc.constantFrom(...countingPolicies),
  fc.record({
    id: fc.constant('random'),
    name: fc.constant('Random'),
    description: fc.constant('Random policy'),
    detectedStatuses: fc.shuffledSubarray([...traffickingStatuses], { minLength: 1 }),
    decidingOrganisations: fc.oneof(
      fc.constant('any' as const),
      fc.shuffledSubarray([...statusDecisionMakers]),
    ),
    yearBasis: fc.constantFrom('identification', 'registration', 'exploitation_start'),
    sexRule: fc.record({
      Feminine: recordedSexArb,
      Masculine: recordedSexArb,
      TransgenderFeminine: recordedSexArb,
      TransgenderMasculine: recordedSexArb,
      NonConforming: recordedSexArb,
      NonSpecifiedUnknown: recordedSexArb,
    }),
    ageBasis: fc.constantFrom('at_identification', 'when_trafficked'),
    nationalsRule: fc.constantFrom('nationals', 'country_code'),
  }),
);

const scenarioArb = fc.record({
  facts: fc.array(factsArb, { maxLength: 40 }),
  policy: policyArb,
  year: yearArb,
  reportingCountry: nullable(countryArb),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function derive({ facts, policy, year, reportingCountry }: Scenario): DerivedCell[] {
  return deriveReturnCells(facts, policy, { year, reportingCountry });
}

/** Case ids of a cell, or none when the derivation left it out (no one counted). */
function idsAt(cells: readonly DerivedCell[]) {
  const byKey = new Map(cells.map((cell) => [cellKeyString(cell.key), cell.caseIds]));
  return (key: Omit<GlotipCellKey, 'indicator'>): readonly string[] =>
    byKey.get(cellKeyString({ indicator: 'detected_victims', ...key })) ?? [];
}

const sorted = (ids: Iterable<string>) => [...ids].sort();
const parts = <T extends string>(values: readonly T[]) => values.filter((v) => v !== 'total');

describe('derivation invariants (any facts, any policy)', () => {
  it('no case is counted twice in one cell, and each value is its number of cases', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const cell of derive(scenario)) {
          expect(new Set(cell.caseIds).size).toBe(cell.caseIds.length);
          expect(cell.value).toBe(cell.caseIds.length);
        }
      }),
    );
  });

  it('every total is the disjoint sum of its sex parts and of its age parts', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const cells = derive(scenario);
        const at = idsAt(cells);
        for (const { key } of cells) {
          const { dimension, category, age, sex } = key;
          if (key.sex === 'total') {
            const sexParts = parts(glotipSexes).flatMap((s) =>
              at({ dimension, category, sex: s, age }),
            );
            expect(sorted(sexParts)).toEqual(sorted(at({ dimension, category, sex, age })));
          }
          if (key.age === 'total') {
            const ageParts = parts(glotipAges).flatMap((a) =>
              at({ dimension, category, sex, age: a }),
            );
            expect(sorted(ageParts)).toEqual(sorted(at({ dimension, category, sex, age })));
          }
        }
      }),
    );
  });

  it("a group row's cases are the union of its details' cases", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const at = idsAt(derive(scenario));
        for (const group of exploitationGroups) {
          const details = Object.entries(exploitationDetails)
            .filter(([, owner]) => owner === group)
            .map(([detail]) => detail);
          for (const sex of glotipSexes) {
            for (const age of glotipAges) {
              const union = new Set(
                details.flatMap((category) =>
                  at({ dimension: 'exploitation', category, sex, age }),
                ),
              );
              const row = at({ dimension: 'exploitation', category: group, sex, age });
              expect(sorted(row)).toEqual(sorted(union));
            }
          }
        }
      }),
    );
  });

  it('citizenship and conflict categories each partition the total', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const cells = derive(scenario);
        const at = idsAt(cells);
        for (const dimension of ['citizenship', 'conflict'] as const) {
          for (const sex of glotipSexes) {
            for (const age of glotipAges) {
              const inDimension = cells
                .filter((c) => c.key.dimension === dimension && c.key.sex === sex)
                .filter((c) => c.key.age === age)
                .flatMap((c) => c.caseIds);
              const total = at({ dimension: 'total', category: 'total', sex, age });
              expect(sorted(inDimension)).toEqual(sorted(total));
            }
          }
        }
      }),
    );
  });

  it('every counted case is in the total, and the total grid is always complete', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const cells = derive(scenario);
        const all = new Set(
          idsAt(cells)({ dimension: 'total', category: 'total', sex: 'total', age: 'total' }),
        );
        expect(cells.filter((c) => c.key.dimension === 'total')).toHaveLength(20);
        for (const cell of cells) {
          for (const id of cell.caseIds) expect(all.has(id)).toBe(true);
          if (cell.key.dimension !== 'total') expect(cell.value).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('the order of the facts does not change the return', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const shuffled = [...scenario.facts].sort(
          (a, b) => ((a.caseId.charCodeAt(0) * seed) % 7) - ((b.caseId.charCodeAt(0) * seed) % 7),
        );
        expect(derive({ ...scenario, facts: shuffled })).toEqual(derive(scenario));
      }),
    );
  });
});

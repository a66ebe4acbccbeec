import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exploitationTypes,
  genders,
  majorityStatuses,
  ageBands,
  traffickingStatuses,
  displacementStatuses,
  conflictRelations,
} from '../../shared/case-vocabulary.js';
import { crosstabDimensions, type CrosstabDimension } from '../../shared/crosstab-schemas.js';
import { exploitationDetails } from '../../shared/glotip-vocabulary.js';
import { aggregateCuboid, createFactsEncoder, type PackedCuboid } from './cube-cells.js';
import { cubeCodesOf, exploitationCrosswalk, type CaseCubeFacts } from './cube-dimensions.js';
import { chooseCuboid, cuboids } from './cuboids.js';
import { crosstab, neededDimensions, type CrosstabCell } from './crosstab.js';

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const orgs = ['org-a', 'org-b', 'org-c', 'org-d'];

const factsArb: fc.Arbitrary<CaseCubeFacts> = fc.record({
  organisationId: fc.constantFrom(...orgs),
  registrationYear: fc.integer({ min: 2018, max: 2025 }),
  countryOfExploitation: nullable(fc.constantFrom('UKR', 'COD', 'SYR', 'MLI')),
  primaryCitizenship: nullable(fc.constantFrom('UKR', 'COD', 'SDN', 'ERI', 'AFG')),
  gender: fc.constantFrom(...genders),
  majorityStatus: nullable(fc.constantFrom(...majorityStatuses)),
  ageBand: nullable(fc.constantFrom(...ageBands)),
  exploitationTypes: nullable(fc.subarray([...exploitationTypes], { maxLength: 3 })),
  conflictRelated: fc.constantFrom(...conflictRelations),
  crisisId: nullable(fc.constantFrom('crisis-1', 'crisis-2')),
  displacementStatus: nullable(fc.constantFrom(...displacementStatuses)),
  traffickingStatus: nullable(fc.constantFrom(...traffickingStatuses)),
});

/** The category of a case on a dimension, computed from the facts directly (the reference). */
function categoryOf(f: CaseCubeFacts, dim: CrosstabDimension): string | null {
  switch (dim) {
    case 'organisation':
      return f.organisationId;
    case 'year':
      return String(f.registrationYear);
    case 'country':
      return f.countryOfExploitation;
    case 'citizenship':
      return f.primaryCitizenship;
    case 'sex':
      return f.gender;
    case 'majority':
      return f.majorityStatus;
    case 'ageBand':
      return f.ageBand;
    case 'exploitation': {
      const groups = new Set(
        (f.exploitationTypes ?? []).map(
          (t) =>
            exploitationDetails[exploitationCrosswalk[t as keyof typeof exploitationCrosswalk]],
        ),
      );
      if (groups.size === 0) return null;
      return groups.size > 1 ? 'other' : ([...groups][0] ?? null);
    }
    case 'conflict':
      return f.conflictRelated;
    case 'crisis':
      return f.crisisId;
    case 'displacement':
      return f.displacementStatus;
    case 'status':
      return f.traffickingStatus;
  }
}

/** GROUP BY over the facts, as a map from JSON keys to counts. */
function groupBy(
  facts: readonly CaseCubeFacts[],
  dims: readonly CrosstabDimension[],
  filters: readonly { dimension: CrosstabDimension; value: string }[],
  allowed: ReadonlySet<string>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of facts) {
    if (!allowed.has(f.organisationId)) continue;
    if (filters.some((filter) => categoryOf(f, filter.dimension) !== filter.value)) continue;
    const key = JSON.stringify(dims.map((dim) => categoryOf(f, dim)));
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const asMap = (cells: readonly CrosstabCell[]) =>
  new Map(cells.map((cell) => [JSON.stringify(cell.keys), cell.count]));

function build(facts: readonly CaseCubeFacts[], cuboidId: string): PackedCuboid {
  const encoder = createFactsEncoder();
  for (const f of facts) encoder.add(f.organisationId, cubeCodesOf(f), 1);
  const cuboid = cuboids.find((c) => c.id === cuboidId);
  if (cuboid === undefined) throw new Error('no cuboid');
  return aggregateCuboid(cuboid, encoder.finish(), null);
}

const queryArb = fc
  .record({
    dims: fc.uniqueArray(fc.constantFrom(...crosstabDimensions), { minLength: 1, maxLength: 3 }),
    filterDim: nullable(fc.constantFrom(...crosstabDimensions)),
    allowed: fc.subarray(orgs, { minLength: 1 }),
  })
  .filter((q) => {
    const filters = q.filterDim === null ? [] : [{ dimension: q.filterDim, value: 'x' }];
    return neededDimensions({ dims: q.dims, filters }).length <= 3;
  });

describe('crosstab over the cube', () => {
  it('equals a GROUP BY over the cases for any query of up to three dimensions', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 120 }), queryArb, (facts, q) => {
        // Filter on a value that occurs, when there is one.
        const first = facts[0];
        const filters =
          q.filterDim === null || first === undefined
            ? []
            : [{ dimension: q.filterDim, value: categoryOf(first, q.filterDim) ?? 'none' }];
        const cuboid = chooseCuboid(neededDimensions({ dims: q.dims, filters }));
        if (cuboid === null) throw new Error('no cuboid for a valid query');
        const allowed = new Set(q.allowed);
        const result = crosstab(build(facts, cuboid.id), {
          dims: q.dims,
          filters,
          includesOrganisation: (id) => allowed.has(id),
        });
        const expected = groupBy(facts, q.dims, filters, allowed);
        expect(asMap(result.cells)).toEqual(expected);
        expect(result.total).toBe([...expected.values()].reduce((s, n) => s + n, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('folding signed changes into a cuboid equals building it from the final cases', () => {
    fc.assert(
      fc.property(
        fc.array(factsArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), nullable(factsArb)), { maxLength: 40 }),
        fc.array(factsArb, { maxLength: 20 }),
        fc.constantFrom(...cuboids.map((c) => c.id)),
        (initial, edits, added, cuboidId) => {
          const cuboid = cuboids.find((c) => c.id === cuboidId);
          if (cuboid === undefined) throw new Error('no cuboid');
          const current = [...initial];
          const changes = createFactsEncoder();
          for (const [at, replacement] of edits) {
            if (current.length === 0) break;
            const index = at % current.length;
            const before = current[index];
            if (before === undefined) break;
            changes.add(before.organisationId, cubeCodesOf(before), -1);
            if (replacement === null) {
              current.splice(index, 1);
            } else {
              // An update keeps the case in its organisation.
              const after = { ...replacement, organisationId: before.organisationId };
              current[index] = after;
              changes.add(after.organisationId, cubeCodesOf(after), 1);
            }
          }
          for (const f of added) {
            current.push(f);
            changes.add(f.organisationId, cubeCodesOf(f), 1);
          }
          const folded = aggregateCuboid(cuboid, changes.finish(), build(initial, cuboidId));
          const rebuilt = build(current, cuboidId);
          expect(folded).toEqual(rebuilt);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses changes that take a cell below zero', () => {
    const cuboid = cuboids[0];
    if (cuboid === undefined) throw new Error('no cuboid');
    const [sample] = fc.sample(factsArb, { numRuns: 1, seed: 1 });
    if (sample === undefined) throw new Error('no sample');
    const encoder = createFactsEncoder();
    encoder.add('org-a', cubeCodesOf(sample), -1);
    expect(() => aggregateCuboid(cuboid, encoder.finish(), null)).toThrow(/below zero/);
  });
});

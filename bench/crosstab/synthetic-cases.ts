// Deterministic synthetic case facts for the crosstab benchmark: skewed (Zipf-like) and
// correlated the way field data is (citizenship mostly matches the country of exploitation,
// crises only on conflict-related cases, bands agree with majority status), so the cube sees
// realistic cell counts rather than a uniform worst case or a trivially small one.
import type { Insertable } from 'kysely';
import { exploitationGroupOf, exploitationGroupsCode } from '../../src/core/stats/index.js';
import type { CasesTable } from '../../src/server/platform/db/schema.js';

/** mulberry32: a small seeded generator (benchmarks must be repeatable). */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices. */
function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  const last = choices.at(-1);
  if (last === undefined) throw new Error('no choices');
  return last[0];
}

/** Zipf weights over a list (rank r weighs 1/r). */
const zipf = <T>(values: readonly T[]): [T, number][] => values.map((v, i) => [v, 1 / (i + 1)]);

const countries = [
  'UKR',
  'COD',
  'SYR',
  'SDN',
  'MLI',
  'NGA',
  'MMR',
  'AFG',
  'IRQ',
  'YEM',
  'LBY',
  'SSD',
  'SOM',
  'ETH',
  'CAF',
  'BFA',
  'NER',
  'TCD',
  'HTI',
  'COL',
  'VEN',
  'LBN',
  'JOR',
  'TUR',
  'POL',
  'DEU',
  'ITA',
  'GRC',
  'KEN',
  'UGA',
];
const citizenships = [
  ...countries,
  'ERI',
  'BGD',
  'PAK',
  'NPL',
  'PHL',
  'VNM',
  'ALB',
  'MDA',
  'ROU',
  'GHA',
  'CMR',
  'SEN',
  'GIN',
  'CIV',
  'RWA',
  'BDI',
  'TZA',
  'ZWE',
  'MOZ',
  'AGO',
];
const forms = [
  'SexualExploitation',
  'ForcedLabour',
  'vigil:ForcedCriminality',
  'ForcedMarriage',
  'ForcedBegging',
  'vigil:ArmedCombat',
  'vigil:SexualSlavery',
  'Servitude',
  'ChildLabour',
  'OrganRemoval',
  'ForcedAdoption',
  'Other',
];
const bands = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'];

/** The analytic facts of generated cases, one array per column. */
export interface SyntheticCases {
  length: number;
  organisationId: string[];
  year: number[];
  country: (string | null)[];
  citizenship: (string | null)[];
  gender: string[];
  majority: (string | null)[];
  ageBand: (string | null)[];
  exploitationTypes: (string[] | null)[];
  conflict: string[];
  crisis: (string | null)[];
  displacement: (string | null)[];
  status: (string | null)[];
}

/** Generates `n` cases held by `organisations` (weighted towards the first ones). */
export function generateCases(
  n: number,
  organisations: readonly string[],
  crises: readonly string[],
  seed = 20261128,
): SyntheticCases {
  const random = createRandom(seed);
  const orgWeights = zipf(organisations);
  const countryWeights = zipf(countries);
  const citizenshipWeights = zipf(citizenships);
  const formWeights = zipf(forms);
  const out: SyntheticCases = {
    length: n,
    organisationId: [],
    year: [],
    country: [],
    citizenship: [],
    gender: [],
    majority: [],
    ageBand: [],
    exploitationTypes: [],
    conflict: [],
    crisis: [],
    displacement: [],
    status: [],
  };
  for (let i = 0; i < n; i += 1) {
    out.organisationId.push(weighted(random, orgWeights));
    // More cases in later years, as reporting grows.
    out.year.push(2015 + Math.floor(Math.sqrt(random()) * 11));
    const country = random() < 0.05 ? null : weighted(random, countryWeights);
    out.country.push(country);
    out.citizenship.push(
      random() < 0.03
        ? null
        : country !== null && random() < 0.7
          ? country
          : weighted(random, citizenshipWeights),
    );
    out.gender.push(
      weighted(random, [
        ['Feminine', 55],
        ['Masculine', 38],
        ['TransgenderFeminine', 1],
        ['TransgenderMasculine', 1],
        ['NonConforming', 1],
        ['NonSpecifiedUnknown', 4],
      ]),
    );
    const ageKind = random();
    if (ageKind < 0.05) {
      out.majority.push(null);
      out.ageBand.push(null);
    } else if (ageKind < 0.15) {
      out.majority.push(random() < 0.35 ? 'Minor' : 'Adult');
      out.ageBand.push(null);
    } else {
      const band = weighted(
        random,
        bands.map((b, k) => [b, k < 2 ? 2 : 3 - k / 4] as const),
      );
      out.ageBand.push(band);
      out.majority.push(band === '0-8' || band === '9-17' ? 'Minor' : 'Adult');
    }
    const formCount = weighted(random, [
      [0, 5],
      [1, 80],
      [2, 15],
    ]);
    out.exploitationTypes.push(
      formCount === 0
        ? null
        : [...new Set(Array.from({ length: formCount }, () => weighted(random, formWeights)))],
    );
    const conflict = weighted(random, [
      ['Yes', 40],
      ['No', 45],
      ['Unknown', 15],
    ]);
    out.conflict.push(conflict);
    out.crisis.push(conflict === 'Yes' && random() < 0.7 ? weighted(random, zipf(crises)) : null);
    out.displacement.push(
      random() < 0.5
        ? null
        : weighted(
            random,
            zipf([
              'InternallyDisplaced',
              'Refugee',
              'Migrant',
              'AsylumSeeker',
              'Returnee',
              'HostCommunity',
              'Stateless',
            ]),
          ),
    );
    out.status.push(
      weighted(random, [
        ['PossibleVictimOfTrafficking', 50],
        ['ActualVictimOfTrafficking', 40],
        ['NotAVictimOfTrafficking', 5],
        [null, 5],
      ]),
    );
  }
  return out;
}

/**
 * Case `i` as a `cases` row: analytic columns plus what NOT NULL demands. Identity is absent
 * (no sealed blob) and every row shares one data key: the benchmark counts, it never opens.
 */
export function caseRow(
  cases: SyntheticCases,
  i: number,
  dataKeyId: string,
  at: string,
): Insertable<CasesTable> {
  const citizenship = cases.citizenship[i] ?? null;
  const forms = cases.exploitationTypes[i] ?? null;
  return {
    id: `bench-${String(i).padStart(8, '0')}`,
    organisation_id: cases.organisationId[i] ?? '',
    case_number: `B-${String(i)}`,
    status: 'Active',
    registration_year: cases.year[i] ?? 2020,
    synthetic: 1,
    data_key_id: dataKeyId,
    gender: cases.gender[i] ?? 'NonSpecifiedUnknown',
    age_band: cases.ageBand[i] ?? null,
    majority_status: cases.majority[i] ?? null,
    citizenship: JSON.stringify(citizenship === null ? [] : [citizenship]),
    primary_citizenship: citizenship,
    trafficking_status: cases.status[i] ?? null,
    exploitation_types: forms === null ? null : JSON.stringify(forms),
    country_of_exploitation: cases.country[i] ?? null,
    displacement_status: cases.displacement[i] ?? null,
    conflict_related: cases.conflict[i] ?? 'Unknown',
    conflict_bases: '[]',
    crisis_id: cases.crisis[i] ?? null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

/** The exploitation group of case `i` (what DuckDB gets precomputed, see README). */
export function exploitationGroupAt(cases: SyntheticCases, i: number): string | null {
  return exploitationGroupOf(exploitationGroupsCode(cases.exploitationTypes[i] ?? null));
}

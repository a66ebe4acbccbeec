import { cubeDimensions } from './cube-dimensions.js';
import type { Cuboid } from './cuboids.js';

/**
 * Case facts (or signed changes to them) as dictionary codes in typed columns: the organisation
 * plus one column per stored dimension, and a weight per row (+1 a case counted, −1 a case no
 * longer counted as it was). Columns keep a million cases in a few tens of megabytes and let
 * the cuboids be counted with plain array arithmetic.
 */
export interface EncodedFacts {
  organisations: readonly string[];
  /** One dictionary per stored dimension, in `cubeDimensions` order. */
  values: readonly (readonly string[])[];
  org: Uint32Array;
  columns: readonly Uint32Array[];
  weights: Int32Array;
  length: number;
}

/** The cells of one cuboid: organisation and three codes, with the number of cases. */
export interface PackedCuboid {
  cuboidId: string;
  organisations: readonly string[];
  values: readonly [readonly string[], readonly string[], readonly string[]];
  org: Uint32Array;
  a: Uint32Array;
  b: Uint32Array;
  c: Uint32Array;
  count: Int32Array;
  size: number;
}

class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

const grow = <A extends Uint32Array | Int32Array>(array: A, size: number): A => {
  const next = new (array.constructor as new (n: number) => A)(size);
  next.set(array);
  return next;
};

/** Collects facts row by row into {@link EncodedFacts}. */
export function createFactsEncoder(): {
  add: (organisationId: string, codes: readonly string[], weight: number) => void;
  finish: () => EncodedFacts;
} {
  const orgs = new Dictionary();
  const dicts = cubeDimensions.map(() => new Dictionary());
  let capacity = 1024;
  let length = 0;
  let org = new Uint32Array(capacity);
  let columns = cubeDimensions.map(() => new Uint32Array(capacity));
  let weights = new Int32Array(capacity);
  return {
    add(organisationId, codes, weight) {
      if (codes.length !== cubeDimensions.length) throw new Error('one code per cube dimension');
      if (length === capacity) {
        capacity *= 2;
        org = grow(org, capacity);
        columns = columns.map((column) => grow(column, capacity));
        weights = grow(weights, capacity);
      }
      org[length] = orgs.code(organisationId);
      columns.forEach((column, d) => {
        column[length] = dicts[d]?.code(codes[d] ?? '') ?? 0;
      });
      weights[length] = weight;
      length += 1;
    },
    finish: () => ({
      organisations: orgs.values,
      values: dicts.map((dict) => dict.values),
      org,
      columns,
      weights,
      length,
    }),
  };
}

// Dense counting arrays up to 4M cells (16 MB); larger key spaces use a Map.
const denseLimit = 1 << 22;

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * One sorted dictionary over several sources, and each source's codes renumbered into it.
 * Sorting first makes numeric cell keys follow the text order, so cells come out in one
 * canonical order without sorting them afterwards.
 */
function mergeDictionaries(sources: readonly (readonly string[])[]): {
  values: string[];
  maps: Uint32Array[];
} {
  const values = [...new Set(sources.flat())].sort(byText);
  const index = new Map(values.map((value, code) => [value, code]));
  return {
    values,
    maps: sources.map((source) => Uint32Array.from(source, (value) => index.get(value) ?? 0)),
  };
}

/** Drops dictionary entries no cell uses; renumbering keeps the order. */
function dropUnused(values: readonly string[], column: Uint32Array) {
  const used = new Uint8Array(values.length);
  for (const code of column) used[code] = 1;
  const renumber = new Uint32Array(values.length);
  const kept: string[] = [];
  values.forEach((value, code) => {
    if (used[code] === 1) {
      renumber[code] = kept.length;
      kept.push(value);
    }
  });
  return { values: kept, column: column.map((code) => renumber[code] ?? 0) };
}

/**
 * Sums weights per key: a dense array plus the list of keys touched (so reading it back costs
 * the cells, not the key space), or a Map when the key space is large.
 */
class Counter {
  private readonly dense: Int32Array | null;
  private readonly touched: number[] = [];
  private readonly sparse = new Map<number, number>();
  constructor(space: number) {
    if (space > Number.MAX_SAFE_INTEGER) throw new Error('cuboid key space too large');
    this.dense = space <= denseLimit ? new Int32Array(space) : null;
  }
  /** Adds `weights[i]` at `keys[i]` for every i. */
  addAll(keys: Float64Array, weights: Int32Array): void {
    const dense = this.dense;
    if (dense === null) {
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i] ?? 0;
        this.sparse.set(key, (this.sparse.get(key) ?? 0) + (weights[i] ?? 0));
      }
      return;
    }
    const touched = this.touched;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] ?? 0;
      const before = dense[key] ?? 0;
      if (before === 0) touched.push(key);
      dense[key] = before + (weights[i] ?? 0);
    }
  }
  /** Keys with a non-zero sum, ascending, and their sums. */
  entries(): [number[], number[]] {
    const keys: number[] = [];
    const sums: number[] = [];
    if (this.dense === null) {
      for (const key of Float64Array.from(this.sparse.keys()).sort()) {
        const sum = this.sparse.get(key) ?? 0;
        if (sum !== 0) {
          keys.push(key);
          sums.push(sum);
        }
      }
      return [keys, sums];
    }
    // A key that went back to zero and was touched again is listed twice: skip repeats.
    let previous = -1;
    for (const key of Float64Array.from(this.touched).sort()) {
      const sum = this.dense[key] ?? 0;
      if (key !== previous && sum !== 0) {
        keys.push(key);
        sums.push(sum);
      }
      previous = key;
    }
    return [keys, sums];
  }
}

/**
 * Sums one cuboid's cells from encoded facts and, when given, the cells of an existing copy of
 * the cuboid (folding changes into it). Cells that sum to zero disappear; a cell below zero
 * means changes were recorded for cases the cube never counted, and throws. Cells come out
 * sorted by organisation then codes, dictionaries sorted: equal cuboids are equal.
 */
export function aggregateCuboid(
  cuboid: Cuboid,
  facts: EncodedFacts | null,
  base: PackedCuboid | null,
): PackedCuboid {
  const sourcesOf = (fromBase: readonly string[] | undefined, fromFacts: readonly string[]) => [
    fromBase ?? [],
    fromFacts,
  ];
  const orgs = mergeDictionaries(sourcesOf(base?.organisations, facts?.organisations ?? []));
  const dims = cuboid.positions.map((position, d) =>
    mergeDictionaries(sourcesOf(base?.values[d as 0 | 1 | 2], facts?.values[position] ?? [])),
  ) as [
    ReturnType<typeof mergeDictionaries>,
    ReturnType<typeof mergeDictionaries>,
    ReturnType<typeof mergeDictionaries>,
  ];
  const [nA, nB, nC] = dims.map((dim) => Math.max(1, dim.values.length)) as [
    number,
    number,
    number,
  ];
  const counter = new Counter(Math.max(1, orgs.values.length) * nA * nB * nC);
  // Cell keys of a source: organisation and codes renumbered into the merged dictionaries.
  const keysOf = (
    length: number,
    org: Uint32Array,
    columns: readonly [Uint32Array, Uint32Array, Uint32Array],
    source: 0 | 1,
  ): Float64Array => {
    const mO = orgs.maps[source] ?? new Uint32Array(0);
    const [mA, mB, mC] = dims.map((dim) => dim.maps[source] ?? new Uint32Array(0)) as [
      Uint32Array,
      Uint32Array,
      Uint32Array,
    ];
    const [cA, cB, cC] = columns;
    const keys = new Float64Array(length);
    for (let i = 0; i < length; i += 1) {
      const o = mO[org[i] ?? 0] ?? 0;
      const a = mA[cA[i] ?? 0] ?? 0;
      const b = mB[cB[i] ?? 0] ?? 0;
      const c = mC[cC[i] ?? 0] ?? 0;
      keys[i] = ((o * nA + a) * nB + b) * nC + c;
    }
    return keys;
  };
  if (base !== null) {
    counter.addAll(
      keysOf(base.size, base.org, [base.a, base.b, base.c], 0),
      base.count.subarray(0, base.size),
    );
  }
  if (facts !== null) {
    const [pA, pB, pC] = cuboid.positions;
    const column = (p: number) => facts.columns[p] ?? new Uint32Array(0);
    counter.addAll(
      keysOf(facts.length, facts.org, [column(pA), column(pB), column(pC)], 1),
      facts.weights.subarray(0, facts.length),
    );
  }
  const [keys, sums] = counter.entries();
  const size = keys.length;
  const count = Int32Array.from(sums);
  const co = new Uint32Array(size);
  const ca = new Uint32Array(size);
  const cb = new Uint32Array(size);
  const cc = new Uint32Array(size);
  for (let i = 0; i < size; i += 1) {
    if ((count[i] ?? 0) < 0) throw new Error(`cuboid ${cuboid.id} has a cell below zero`);
    let key = keys[i] ?? 0;
    cc[i] = key % nC;
    key = Math.floor(key / nC);
    cb[i] = key % nB;
    key = Math.floor(key / nB);
    ca[i] = key % nA;
    co[i] = Math.floor(key / nA);
  }
  const o = dropUnused(orgs.values, co);
  const a = dropUnused(dims[0].values, ca);
  const b = dropUnused(dims[1].values, cb);
  const c = dropUnused(dims[2].values, cc);
  return {
    cuboidId: cuboid.id,
    organisations: o.values,
    values: [a.values, b.values, c.values],
    org: o.column,
    a: a.column,
    b: b.column,
    c: c.column,
    count,
    size,
  };
}

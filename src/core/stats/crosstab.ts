import type { CrosstabDimension } from '../../shared/crosstab-schemas.js';
import type { PackedCuboid } from './cube-cells.js';
import { dimensionReadings, type CubeDimension } from './cube-dimensions.js';
import { cuboidById } from './cuboids.js';

/** What to count: up to three dimensions, optional value filters, and whose cases. */
export interface CrosstabRequest {
  dims: readonly CrosstabDimension[];
  filters: readonly { dimension: CrosstabDimension; value: string }[];
  /** Whether cases held by this organisation may be counted (the reader's scope). */
  includesOrganisation: (organisationId: string) => boolean;
}

/** One combination of categories and how many cases fall in it; `null` = not recorded. */
export interface CrosstabCell {
  keys: (string | null)[];
  count: number;
}

export interface CrosstabResult {
  dims: CrosstabDimension[];
  cells: CrosstabCell[];
  total: number;
}

/** The stored dimensions a request reads (the organisation is in every cuboid). */
export function neededDimensions(
  request: Pick<CrosstabRequest, 'dims' | 'filters'>,
): CubeDimension[] {
  const out = new Set<CubeDimension>();
  for (const dim of [...request.dims, ...request.filters.map((f) => f.dimension)]) {
    const stored = dimensionReadings[dim].stored;
    if (stored !== 'organisation') out.add(stored);
  }
  return [...out];
}

interface Column {
  codes: Uint32Array;
  values: readonly string[];
}

function columnOf(cuboid: PackedCuboid, stored: CubeDimension | 'organisation'): Column {
  if (stored === 'organisation') return { codes: cuboid.org, values: cuboid.organisations };
  const index = cuboidById(cuboid.cuboidId)?.dimensions.indexOf(stored) ?? -1;
  const column = [cuboid.a, cuboid.b, cuboid.c][index];
  const values = cuboid.values[index as 0 | 1 | 2] as readonly string[] | undefined;
  if (column === undefined || values === undefined) {
    throw new Error(`cuboid ${cuboid.cuboidId} does not hold ${stored}`);
  }
  return { codes: column, values };
}

const compareKeys = (x: string | null, y: string | null): number =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;

/**
 * Cross-tabulates a cuboid: each cell's stored codes are read as the requested categories (a
 * roll-up when several codes share a category, e.g. age bands to majority status), cells
 * outside the reader's organisations or the filters are skipped, and equal keys are summed.
 * Cells come out sorted by their keys, not recorded last.
 */
export function crosstab(cuboid: PackedCuboid, request: CrosstabRequest): CrosstabResult {
  const orgAllowed = Uint8Array.from(cuboid.organisations, (id) =>
    request.includesOrganisation(id) ? 1 : 0,
  );
  const filters = request.filters.map((filter) => {
    const reading = dimensionReadings[filter.dimension];
    const column = columnOf(cuboid, reading.stored);
    const pass = Uint8Array.from(column.values, (code) =>
      reading.category(code) === filter.value ? 1 : 0,
    );
    return { codes: column.codes, pass };
  });
  const axes = request.dims.map((dim) => {
    const reading = dimensionReadings[dim];
    const column = columnOf(cuboid, reading.stored);
    const categories: (string | null)[] = [];
    const seen = new Map<string | null, number>();
    const toCategory = Uint32Array.from(column.values, (code) => {
      const category = reading.category(code);
      let index = seen.get(category);
      if (index === undefined) {
        index = categories.length;
        categories.push(category);
        seen.set(category, index);
      }
      return index;
    });
    return { codes: column.codes, toCategory, categories, radix: Math.max(1, categories.length) };
  });
  const space = axes.reduce((product, axis) => product * axis.radix, 1);
  const dense = space <= 1 << 20 ? new Float64Array(space) : null;
  const sparse = new Map<number, number>();
  let total = 0;
  cells: for (let i = 0; i < cuboid.size; i += 1) {
    if (orgAllowed[cuboid.org[i] ?? 0] === 0) continue;
    for (const filter of filters) if (filter.pass[filter.codes[i] ?? 0] === 0) continue cells;
    let key = 0;
    for (const axis of axes) {
      key = key * axis.radix + (axis.toCategory[axis.codes[i] ?? 0] ?? 0);
    }
    const n = cuboid.count[i] ?? 0;
    if (dense !== null) dense[key] = (dense[key] ?? 0) + n;
    else sparse.set(key, (sparse.get(key) ?? 0) + n);
    total += n;
  }
  const entries: [number, number][] = [...sparse.entries()];
  if (dense !== null) {
    for (let key = 0; key < space; key += 1) {
      const n = dense[key] ?? 0;
      if (n !== 0) entries.push([key, n]);
    }
  }
  const cellsOut = entries.map(([key, count]): CrosstabCell => {
    const keys: (string | null)[] = new Array<string | null>(axes.length);
    let rest = key;
    for (let d = axes.length - 1; d >= 0; d -= 1) {
      const axis = axes[d];
      if (axis === undefined) continue;
      keys[d] = axis.categories[rest % axis.radix] ?? null;
      rest = Math.floor(rest / axis.radix);
    }
    return { keys, count };
  });
  cellsOut.sort((x, y) => {
    for (let d = 0; d < x.keys.length; d += 1) {
      const order = compareKeys(x.keys[d] ?? null, y.keys[d] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
  return { dims: [...request.dims], cells: cellsOut, total };
}

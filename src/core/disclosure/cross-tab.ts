import {
  count,
  type CellValue,
  type Dimension,
  type DimensionNode,
  type DimensionShape,
  type Relation,
  type StatTable,
  type TableCell,
} from './table-model.js';

/** The separator of codes in a cross-tab cell key, e.g. `female|minor|sexual`. */
export const keySeparator = '|';

/** A one-level dimension: a total over flat categories (sex, age group, form of exploitation). */
export function flatDimension(
  name: string,
  categories: readonly string[],
  total = 'total',
): Dimension {
  return { name, root: { code: total, children: categories.map((code) => ({ code })) } };
}

/** Flattens a dimension depth-first; throws a RangeError on a repeated or ill-formed code. */
export function shapeOf(dimension: Dimension): DimensionShape {
  const codes: string[] = [];
  const parent: number[] = [];
  const children: number[][] = [];
  const visit = (node: DimensionNode, parentIndex: number): void => {
    if (node.code.length === 0 || node.code.includes(keySeparator)) {
      throw new RangeError(`Bad code "${node.code}" in dimension ${dimension.name}`);
    }
    const index = codes.length;
    codes.push(node.code);
    parent.push(parentIndex);
    children.push([]);
    if (parentIndex >= 0) children[parentIndex]?.push(index);
    for (const child of node.children ?? []) visit(child, index);
  };
  visit(dimension.root, -1);
  if (new Set(codes).size !== codes.length) {
    throw new RangeError(`Repeated code in dimension ${dimension.name}`);
  }
  return { name: dimension.name, codes, parent, children };
}

/** Row-major strides of a cross-tab (the last dimension varies fastest). */
export function stridesOf(shapes: readonly DimensionShape[]): number[] {
  const strides = shapes.map(() => 1);
  for (let d = shapes.length - 2; d >= 0; d--) {
    strides[d] = (strides[d + 1] ?? 1) * (shapes[d + 1]?.codes.length ?? 1);
  }
  return strides;
}

/** The level index of every dimension for cell `index`. */
export function coordinatesOf(index: number, shapes: readonly DimensionShape[]): number[] {
  const strides = stridesOf(shapes);
  return shapes.map((shape, d) => Math.floor(index / (strides[d] ?? 1)) % shape.codes.length);
}

function cellCount(shapes: readonly DimensionShape[]): number {
  return shapes.reduce((product, shape) => product * shape.codes.length, 1);
}

/**
 * Every additive relation of a full cross-tab: for each dimension, each subtotal node and each
 * combination of the other dimensions' levels, the subtotal cell equals the sum of its children.
 */
function crossTabRelations(shapes: readonly DimensionShape[]): Relation[] {
  const strides = stridesOf(shapes);
  const total = cellCount(shapes);
  const relations: Relation[] = [];
  shapes.forEach((shape, d) => {
    const stride = strides[d] ?? 1;
    for (let cell = 0; cell < total; cell++) {
      const level = Math.floor(cell / stride) % shape.codes.length;
      const children = shape.children[level] ?? [];
      if (children.length === 0) continue;
      const base = cell - level * stride;
      relations.push({ total: cell, parts: children.map((child) => base + child * stride) });
    }
  });
  return relations;
}

/**
 * A full cross-tab with all margins over (possibly hierarchical) dimensions; `valueOf` gives
 * each cell's value from its codes (root codes stand for totals). Values are taken as given, so
 * imported tables whose parts do not add up keep their published figures.
 */
export function crossTab(
  dimensions: readonly Dimension[],
  valueOf: (codes: readonly string[]) => CellValue,
): StatTable {
  const shapes = dimensions.map(shapeOf);
  const cells: TableCell[] = [];
  for (let index = 0; index < cellCount(shapes); index++) {
    const codes = coordinatesOf(index, shapes).map((level, d) => shapes[d]?.codes[level] ?? '');
    cells.push({ key: codes.join(keySeparator), value: valueOf(codes) });
  }
  return { cells, relations: crossTabRelations(shapes), shape: { dimensions: shapes } };
}

/**
 * A cross-tab computed from counts of the innermost categories: every subtotal and total is the
 * sum of the categories below it, so the table adds up exactly (Vigil's own aggregates).
 */
export function crossTabFromLeaves(
  dimensions: readonly Dimension[],
  leafCount: (codes: readonly string[]) => number,
): StatTable {
  const shapes = dimensions.map(shapeOf);
  const strides = stridesOf(shapes);
  const size = cellCount(shapes);
  const values = new Array<number>(size).fill(0);
  for (let index = 0; index < size; index++) {
    const levels = coordinatesOf(index, shapes);
    const isLeaf = levels.every((level, d) => (shapes[d]?.children[level] ?? []).length === 0);
    if (isLeaf) {
      values[index] = leafCount(levels.map((level, d) => shapes[d]?.codes[level] ?? ''));
    }
  }
  // Sum one dimension at a time, children before parents (reverse depth-first order).
  shapes.forEach((shape, d) => {
    const stride = strides[d] ?? 1;
    for (let level = shape.codes.length - 1; level >= 0; level--) {
      const children = shape.children[level] ?? [];
      if (children.length === 0) continue;
      for (let index = 0; index < size; index++) {
        if (Math.floor(index / stride) % shape.codes.length !== level) continue;
        const base = index - level * stride;
        values[index] = children.reduce(
          (sum, child) => sum + (values[base + child * stride] ?? 0),
          0,
        );
      }
    }
  });
  const table = crossTab(dimensions, () => count(0));
  return {
    ...table,
    cells: table.cells.map((cell, index) => ({ key: cell.key, value: count(values[index] ?? 0) })),
  };
}

/** Labels of a grid's rows and columns; totals are named `total` unless told otherwise. */
export interface GridLabels {
  readonly rows?: readonly string[];
  readonly columns?: readonly string[];
  readonly total?: string;
}

/**
 * A two-way table as it is printed: `grid` has one more row and one more column than there are
 * categories, the last row holding column totals, the last column row totals, and the corner
 * the grand total. Cell keys are `<row>|<column>` (default labels `r1…`, `c1…`, `total`).
 */
export function tableFromGrid(
  grid: readonly (readonly (number | CellValue)[])[],
  labels: GridLabels = {},
): StatTable {
  const rowCount = grid.length - 1;
  const columnCount = (grid[0]?.length ?? 0) - 1;
  if (rowCount < 1 || columnCount < 1 || grid.some((row) => row.length !== columnCount + 1)) {
    throw new RangeError('A grid needs at least one category row and column plus totals');
  }
  const total = labels.total ?? 'total';
  const rows = labels.rows ?? Array.from({ length: rowCount }, (_, i) => `r${i + 1}`);
  const columns = labels.columns ?? Array.from({ length: columnCount }, (_, i) => `c${i + 1}`);
  const rowAt = new Map([...rows.map((code, i) => [code, i] as const), [total, rowCount]]);
  const columnAt = new Map([...columns.map((code, i) => [code, i] as const), [total, columnCount]]);
  return crossTab(
    [flatDimension('row', rows, total), flatDimension('column', columns, total)],
    ([row = '', column = '']) => {
      const cell = grid[rowAt.get(row) ?? -1]?.[columnAt.get(column) ?? -1];
      if (cell === undefined) throw new RangeError(`No grid cell for ${row}|${column}`);
      return typeof cell === 'number' ? count(cell) : cell;
    },
  );
}

/** A category of a dimension as the API gives it; `null` = not recorded. */
export type Key = string | null;

/** One cell of a cross-tab answer. */
export interface CrosstabCellLike {
  keys: readonly Key[];
  count: number;
}

/** How the answer's axes become a two-way table. */
export interface TableShape {
  /** Index (in the answer's dimensions) of the rows and of the columns (`null`: one column). */
  row: number;
  column: number | null;
  /** Keep only the cells with this key on that axis (a value of the third dimension). */
  slice: { axis: number; key: Key } | null;
  /** Rewrites a key before counting, e.g. a country into its region; keys that meet are summed. */
  mapKey?: (axis: number, key: Key) => Key;
  /** Orders two recorded keys of an axis; "not recorded" always comes last. */
  compare?: (axis: number, left: string, right: string) => number;
}

/** A two-way table with its margins. Without columns, `counts` rows are empty. */
export interface CrosstabTable {
  rows: Key[];
  columns: Key[];
  /** `counts[r][c]`: zero where no case falls. */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

const byCode = (_axis: number, left: string, right: string) =>
  left < right ? -1 : left > right ? 1 : 0;
const sameKey = (_axis: number, key: Key) => key;

function sortKeys(keys: Iterable<Key>, axis: number, compare: TableShape['compare']): Key[] {
  const order = compare ?? byCode;
  return [...keys].sort((left, right) =>
    left === right ? 0 : left === null ? 1 : right === null ? -1 : order(axis, left, right),
  );
}

/** The distinct (mapped) keys of one axis of the answer, in display order. */
export function axisKeys(
  cells: readonly CrosstabCellLike[],
  axis: number,
  shape: Pick<TableShape, 'mapKey' | 'compare'> = {},
): Key[] {
  const mapKey = shape.mapKey ?? sameKey;
  const keys = new Set<Key>();
  for (const cell of cells) keys.add(mapKey(axis, cell.keys[axis] ?? null));
  return sortKeys(keys, axis, shape.compare);
}

/**
 * Lays a cross-tab answer out as a table: one row per key of the row axis, one column per key
 * of the column axis, every other axis summed (or cut to one key by `slice`), with row and
 * column totals. The grand total is the sum of the cells shown.
 */
export function buildCrosstabTable(
  cells: readonly CrosstabCellLike[],
  shape: TableShape,
): CrosstabTable {
  const mapKey = shape.mapKey ?? sameKey;
  const kept = cells.filter(
    (cell) =>
      cell.count !== 0 &&
      (shape.slice === null ||
        mapKey(shape.slice.axis, cell.keys[shape.slice.axis] ?? null) === shape.slice.key),
  );
  const rowOf = (cell: CrosstabCellLike) => mapKey(shape.row, cell.keys[shape.row] ?? null);
  const columnOf = (cell: CrosstabCellLike) =>
    shape.column === null ? null : mapKey(shape.column, cell.keys[shape.column] ?? null);
  const rows = sortKeys(new Set(kept.map(rowOf)), shape.row, shape.compare);
  const columns =
    shape.column === null ? [] : sortKeys(new Set(kept.map(columnOf)), shape.column, shape.compare);
  const rowIndex = new Map(rows.map((key, index) => [key, index]));
  const columnIndex = new Map(columns.map((key, index) => [key, index]));
  const counts = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const columnTotals = columns.map(() => 0);
  let total = 0;
  for (const cell of kept) {
    const r = rowIndex.get(rowOf(cell)) ?? 0;
    rowTotals[r] = (rowTotals[r] ?? 0) + cell.count;
    total += cell.count;
    if (shape.column === null) continue;
    const c = columnIndex.get(columnOf(cell)) ?? 0;
    const line = counts[r];
    if (line !== undefined) line[c] = (line[c] ?? 0) + cell.count;
    columnTotals[c] = (columnTotals[c] ?? 0) + cell.count;
  }
  return { rows, columns, counts, rowTotals, columnTotals, total };
}

/** The words a table is written with. */
export interface TableWords {
  /** The corner cell: the row dimension's name. */
  corner: string;
  /** The only count column's heading when there are no columns. */
  count: string;
  total: string;
  rowLabel: (key: Key) => string;
  columnLabel: (key: Key) => string;
}

/**
 * The table as a grid of text, as shown: a header line, one line per row with its total, and
 * the totals line. Counts are plain integers (for files, not for reading).
 */
export function tableGrid(table: CrosstabTable, words: TableWords): string[][] {
  const hasColumns = table.columns.length > 0;
  const header = hasColumns
    ? [words.corner, ...table.columns.map(words.columnLabel), words.total]
    : [words.corner, words.count];
  const body = table.rows.map((key, r) => [
    words.rowLabel(key),
    ...(hasColumns ? (table.counts[r] ?? []).map(String) : []),
    String(table.rowTotals[r] ?? 0),
  ]);
  const totals = [words.total, ...(hasColumns ? table.columnTotals.map(String) : [])];
  totals.push(String(table.total));
  return [header, ...body, totals];
}

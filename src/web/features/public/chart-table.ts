import type { PublicChart, PublicRow } from '../../../shared/public-schemas.js';

/*
 * A chart's table, as the "view as table" panel shows it and as the download holds it: the
 * chart's own columns in the chart's own order, one line per row, nothing added or dropped.
 * The chart drawings read the same rows, so table, chart and file never disagree.
 */

/** The name the API gives the figure column. */
export const valueColumn = 'value';

/** One line of a chart's table. */
export interface TableLine {
  /** Stable React key: the dimension values in column order. */
  key: string;
  /** The dimension values, in the order of {@link TableView.columns}. */
  cells: string[];
  value: number | null;
  suppressed: boolean;
}

export interface TableView {
  /** Dimension columns in the chart's order (the figure column always comes last). */
  columns: string[];
  lines: TableLine[];
}

/**
 * The dimension columns of a chart: the API's `columns` without the figure column, or, should
 * an answer carry no column list, the dimensions of its first row.
 */
export function dimensionColumns(chart: Pick<PublicChart, 'columns' | 'rows'>): string[] {
  const named = chart.columns.filter((column) => column !== valueColumn);
  if (named.length > 0) return named;
  return Object.keys(chart.rows[0]?.dimensions ?? {});
}

/** The table of a chart, line for line. */
export function tableViewOf(chart: Pick<PublicChart, 'columns' | 'rows'>): TableView {
  const columns = dimensionColumns(chart);
  const seen = new Map<string, number>();
  const lines = chart.rows.map((row: PublicRow) => {
    const cells = columns.map((column) => row.dimensions[column] ?? '');
    const base = cells.join('\u241f');
    // Two lines with the same dimensions would be a server defect; keep both visible anyway.
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      key: count === 0 ? base : `${base}#${String(count)}`,
      cells,
      value: row.suppressed ? null : row.value,
      suppressed: row.suppressed,
    };
  });
  return { columns, lines };
}

/** How a figure is shown: a number, the suppression marker, or "not available". */
export type FigureShown =
  { kind: 'number'; value: number } | { kind: 'suppressed' } | { kind: 'missing' };

/**
 * What may be shown for a figure. A suppressed figure is never a number, even if a faulty
 * answer carried one beside `suppressed: true`: the flag wins.
 */
export function figureShown(figure: { value: number | null; suppressed: boolean }): FigureShown {
  if (figure.suppressed) return { kind: 'suppressed' };
  if (figure.value === null) return { kind: 'missing' };
  return { kind: 'number', value: figure.value };
}

/** Counts of a chart's rows by how they are shown (for the protection notice). */
export function figureCounts(rows: readonly PublicRow[]): {
  shown: number;
  suppressed: number;
  missing: number;
} {
  let shown = 0;
  let suppressed = 0;
  let missing = 0;
  for (const row of rows) {
    const kind = figureShown(row).kind;
    if (kind === 'number') shown += 1;
    else if (kind === 'suppressed') suppressed += 1;
    else missing += 1;
  }
  return { shown, suppressed, missing };
}

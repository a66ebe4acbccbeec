import type { PublicChart } from '../../../shared/public-schemas.js';
import type { ChartItem, TrendSeries } from './chart-layout.js';
import { dimensionColumns, tableViewOf } from './chart-table.js';
import { profileGroupOf } from './public-labels.js';

/*
 * From a chart's table to what its drawing needs. Every drawing is built from the very rows of
 * the table (tableViewOf), so the drawing, the "view as table" panel and the download agree.
 */

/** Translates one dimension value for display (`column` tells what kind of value it is). */
export type LabelOf = (column: string, value: string) => string;

/**
 * The columns that name a row in a drawing. Codes give way to names: `country` is left out when
 * `countryName` is there, and M49 numbers are for the map, never a label.
 */
export function labelColumns(columns: readonly string[]): string[] {
  const present = new Set(columns);
  return columns.filter(
    (column) => column !== 'm49' && !column.endsWith('M49') && !present.has(`${column}Name`),
  );
}

/** One item per row, labelled by its naming columns joined with a middle dot. */
export function itemsOf(
  chart: Pick<PublicChart, 'columns' | 'rows'>,
  labelOf: LabelOf,
): ChartItem[] {
  const table = tableViewOf(chart);
  const naming = labelColumns(table.columns);
  return table.lines.map((line) => {
    const parts = naming.map((column) =>
      labelOf(column, line.cells[table.columns.indexOf(column)] ?? ''),
    );
    return {
      key: line.key,
      label: parts.filter((part) => part !== '').join(' · '),
      value: line.value,
      suppressed: line.suppressed,
    };
  });
}

/**
 * The victim profile: rows that are women, men, girls or boys are labelled as such (in that
 * order, GLOTIP's); any other row keeps its own label and follows them.
 */
export function profileItemsOf(
  chart: Pick<PublicChart, 'columns' | 'rows'>,
  labelOf: LabelOf,
): ChartItem[] {
  const items = itemsOf(chart, labelOf);
  const order = ['women', 'men', 'girls', 'boys'];
  const ranked = chart.rows.map((row, index) => {
    const group = profileGroupOf(row.dimensions);
    const item = items[index];
    if (item === undefined) throw new Error('rows and items differ');
    const rank = group === null ? order.length : Math.max(0, order.indexOf(group));
    return {
      rank,
      index,
      item: group === null ? item : { ...item, label: labelOf('profile', group) },
    };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.item);
}

/** The year column of a trend chart. */
export const yearColumn = 'year';

/**
 * One line per combination of the non-year dimensions (e.g. one per indicator), each point a
 * year. Rows whose year is not a number are left out of the drawing (the table still has them).
 */
export function trendSeriesOf(
  chart: Pick<PublicChart, 'columns' | 'rows'>,
  labelOf: LabelOf,
): TrendSeries[] {
  const columns = labelColumns(dimensionColumns(chart)).filter((column) => column !== yearColumn);
  const series = new Map<string, TrendSeries>();
  for (const row of chart.rows) {
    const year = Number(row.dimensions[yearColumn]);
    if (!Number.isInteger(year)) continue;
    const values = columns.map((column) => row.dimensions[column] ?? '');
    const key = values.join('\u241f');
    let one = series.get(key);
    if (one === undefined) {
      const label = columns
        .map((column, index) => labelOf(column, values[index] ?? ''))
        .filter((part) => part !== '')
        .join(' · ');
      one = { key, label, points: [] };
      series.set(key, one);
    }
    one.points.push({ year, value: row.suppressed ? null : row.value, suppressed: row.suppressed });
  }
  return [...series.values()];
}

/** world-atlas feature ids are zero-padded three-digit M49 codes ("004" for Afghanistan). */
export function m49Key(code: string | undefined): string | null {
  if (code === undefined || !/^\d{1,3}$/.test(code)) return null;
  return code.padStart(3, '0');
}

/** A country's figure on the map. */
export interface MapFigure {
  m49: string;
  iso3: string;
  name: string;
  value: number | null;
  suppressed: boolean;
}

/** The map's figures by M49 code (rows without a usable code stay in the table only). */
export function mapFiguresOf(chart: Pick<PublicChart, 'rows'>): Map<string, MapFigure> {
  const figures = new Map<string, MapFigure>();
  for (const row of chart.rows) {
    const m49 = m49Key(row.dimensions.m49);
    if (m49 === null) continue;
    figures.set(m49, {
      m49,
      iso3: row.dimensions.country ?? '',
      name: row.dimensions.countryName ?? row.dimensions.country ?? m49,
      value: row.suppressed ? null : row.value,
      suppressed: row.suppressed,
    });
  }
  return figures;
}

/** An origin → destination flow. */
export interface Flow {
  key: string;
  origin: string;
  destination: string;
  originName: string;
  destinationName: string;
  value: number | null;
  suppressed: boolean;
}

/** The flows with both ends on the map, largest first (drawn under the smaller ones). */
export function flowsOf(chart: Pick<PublicChart, 'rows'>): Flow[] {
  const flows: Flow[] = [];
  for (const row of chart.rows) {
    const origin = m49Key(row.dimensions.originM49);
    const destination = m49Key(row.dimensions.destinationM49);
    if (origin === null || destination === null || origin === destination) continue;
    flows.push({
      key: `${origin}>${destination}`,
      origin,
      destination,
      originName: row.dimensions.originName ?? row.dimensions.origin ?? origin,
      destinationName: row.dimensions.destinationName ?? row.dimensions.destination ?? destination,
      value: row.suppressed ? null : row.value,
      suppressed: row.suppressed,
    });
  }
  return flows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

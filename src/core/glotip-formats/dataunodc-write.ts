import { placeOfCountry } from '../regions/region-schemes.js';
import {
  glotipAgeLabels,
  glotipDimensionLabels,
  glotipIndicatorLabels,
  glotipSexLabels,
} from '../../shared/glotip-vocabulary.js';
import { dataUnodcColumns, dataUnodcUnit } from './dataunodc-columns.js';
import { categoryLabel, countryLabel, readCategory, valueText } from './dataunodc-labels.js';
import type { DataUnodcRow } from './dataunodc-read.js';
import type { GlotipReturnCells } from './glotip-return-cells.js';

export { dataUnodcColumns } from './dataunodc-columns.js';

/**
 * Writes returns as dataUNODC rows: the header, then one row per cell in the order given, with
 * the export's column names and conventions (labels as dataUNODC words them, `<5`, `Counts`).
 * Country, Region and Subregion are M49 names. A cell imported from free text keeps that text as
 * its Category when the text still reads back as the same category, so export then import is
 * lossless; otherwise the canonical label is written. No preamble rows: add them if a file must
 * look like UNODC's own (the reader accepts either).
 */
export function writeDataUnodcRows(returns: readonly GlotipReturnCells[]): string[][] {
  const lines: string[][] = [[...dataUnodcColumns]];
  for (const entry of returns) {
    const place = placeOfCountry('m49', entry.iso3);
    for (const cell of entry.cells) {
      const { key } = cell;
      const raw = cell.rawCategory ?? null;
      const readsBack =
        raw !== null && raw.trim() !== '' && sameCategory(raw, key.dimension, key.category);
      lines.push([
        entry.iso3,
        countryLabel(entry.iso3),
        place?.region.name ?? '',
        place?.subregion?.name ?? '',
        glotipIndicatorLabels[key.indicator],
        glotipDimensionLabels[key.dimension],
        readsBack ? raw : categoryLabel(key.dimension, key.category),
        glotipSexLabels[key.sex],
        glotipAgeLabels[key.age],
        String(entry.year),
        dataUnodcUnit,
        valueText(cell.value),
        entry.source,
      ]);
    }
  }
  return lines;
}

function sameCategory(
  raw: string,
  dimension: Parameters<typeof readCategory>[0],
  category: string,
): boolean {
  const read = readCategory(dimension, raw);
  return read.ok && read.category === category;
}

/**
 * Groups read rows into returns (one per country, year and source, in first-seen order), the
 * shape the writers take, so that a file can be written back or turned into SDMX or HXL.
 */
export function groupDataUnodcReturns(rows: readonly DataUnodcRow[]): GlotipReturnCells[] {
  const groups = new Map<
    string,
    { iso3: string; year: number; source: string; cells: GlotipReturnCells['cells'][number][] }
  >();
  for (const row of rows) {
    const id = `${row.iso3}|${row.year}|${row.source}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { iso3: row.iso3, year: row.year, source: row.source, cells: [] };
      groups.set(id, group);
    }
    group.cells.push({ key: row.key, value: row.value, rawCategory: row.rawCategory });
  }
  return [...groups.values()];
}

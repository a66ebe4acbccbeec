import {
  glotipAgeLabels,
  glotipDimensionLabels,
  glotipIndicatorLabels,
  glotipSexLabels,
} from '../../shared/glotip-vocabulary.js';
import type { PublicConsolidation, PublicGlotipResponse } from '../../shared/public-schemas.js';
import { publicProtection } from '../disclosure/index.js';
import { categoryLabel } from '../glotip-formats/dataunodc-labels.js';
import { isHidden, shownNumber, type ProtectedReturn } from './protect-return.js';
import { protectedRate } from './rates.js';

/** A country-year's population as loaded (public data). */
export interface PopulationFigure {
  readonly value: number;
  readonly source: string | null;
}

/**
 * The open-data view of one protected return, in dataUNODC's words (`Detected trafficking
 * victims`, `Total`, `Female`, `0 to 17 years`, …). A hidden cell is `value: null` with
 * `suppressed: true`; a cell the return reported as not available is `value: null` alone. The
 * return is the one the consolidation rule counts for its country-year; `consolidation` names
 * it and those kept aside. With a population loaded, the total of detected victims is also
 * given per 100,000 population, hidden when the total is.
 */
export function publicGlotipResponse(
  ret: ProtectedReturn,
  context: { population: PopulationFigure | null; consolidation: PublicConsolidation },
): PublicGlotipResponse {
  const total = ret.cells.find(
    (cell) =>
      cell.key.indicator === 'detected_victims' &&
      cell.key.dimension === 'total' &&
      cell.key.category === 'total' &&
      cell.key.sex === 'total' &&
      cell.key.age === 'total',
  );
  const population = context.population;
  return {
    country: ret.country,
    year: ret.year,
    source: ret.source,
    synthetic: ret.synthetic,
    protection: publicProtection(ret.protection),
    cells: ret.cells.map((cell) => ({
      indicator: glotipIndicatorLabels[cell.key.indicator],
      dimension: glotipDimensionLabels[cell.key.dimension],
      category: categoryLabel(cell.key.dimension, cell.key.category),
      sex: glotipSexLabels[cell.key.sex],
      age: glotipAgeLabels[cell.key.age],
      value: shownNumber(cell.value),
      suppressed: isHidden(cell.value),
      protection: ret.protection.policy,
    })),
    population: population === null ? null : { value: population.value, source: population.source },
    victimsPer100k:
      total === undefined || population === null
        ? null
        : protectedRate([{ value: total.value, population: population.value }]),
    consolidation: context.consolidation,
  };
}

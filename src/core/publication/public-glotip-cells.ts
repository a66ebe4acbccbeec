import {
  glotipAgeLabels,
  glotipDimensionLabels,
  glotipIndicatorLabels,
  glotipSexLabels,
} from '../../shared/glotip-vocabulary.js';
import type { PublicGlotipResponse } from '../../shared/public-schemas.js';
import { categoryLabel } from '../glotip-formats/dataunodc-labels.js';
import { isHidden, shownNumber, type ProtectedReturn } from './protect-return.js';

/**
 * The open-data view of one protected return, in dataUNODC's words (`Detected trafficking
 * victims`, `Total`, `Female`, `0 to 17 years`, …). A hidden cell is `value: null` with
 * `suppressed: true`; a cell the return reported as not available is `value: null` alone.
 */
export function publicGlotipResponse(ret: ProtectedReturn): PublicGlotipResponse {
  return {
    country: ret.country,
    year: ret.year,
    source: ret.source,
    synthetic: ret.synthetic,
    protection: ret.protection,
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
  };
}

import type { GlotipCellKey, GlotipCellValue } from '../../shared/glotip-vocabulary.js';

/** One figure of a return, with the raw category text it was imported from, when there is one. */
export interface GlotipReturnCell {
  readonly key: GlotipCellKey;
  readonly value: GlotipCellValue;
  readonly rawCategory?: string | null;
}

/** A return's figures as the writers take them: whose (ISO3), which year, from where. */
export interface GlotipReturnCells {
  readonly iso3: string;
  readonly year: number;
  readonly source: string;
  readonly cells: readonly GlotipReturnCell[];
}

/**
 * GLOTIP formats: dataUNODC GLOTIP export rows in (CSV or XLSX, read to rows of text by
 * `server/platform/tabular`), typed figures out; and returns out as dataUNODC rows, SDMX-CSV
 * (SDG 16.2.2) and HXL-tagged CSV rows of text for the tabular writers. No I/O here.
 */
export {
  findBreakdownInconsistencies,
  type BreakdownInconsistency,
  type BreakdownKind,
  type CheckedCell,
  type CountInterval,
} from './breakdown-consistency.js';
export {
  countryAliasTableSize,
  countryNameIndexSize,
  normaliseCountryText,
  type CountryTextMeaning,
} from './country-aliases.js';
export { dataUnodcColumns, dataUnodcUnit, requiredDataUnodcColumns } from './dataunodc-columns.js';
export {
  categoryLabel,
  countryLabel,
  defaultMaxCount,
  readValue,
  valueText,
} from './dataunodc-labels.js';
export {
  dataUnodcRejectionReasons,
  readDataUnodcRows,
  type DataUnodcReadOptions,
  type DataUnodcReadResult,
  type DataUnodcRejection,
  type DataUnodcRejectionReason,
  type DataUnodcRow,
  type TextRow,
} from './dataunodc-read.js';
export { groupDataUnodcReturns, writeDataUnodcRows } from './dataunodc-write.js';
export type { GlotipReturnCell, GlotipReturnCells } from './glotip-return-cells.js';
export { hxlHeaderRows, writeHxlCsv } from './hxl-csv.js';
export {
  sdmxCsvColumns,
  sdmxObservations,
  sdmxSeries,
  writeSdmxCsv,
  type SdmxCsvOptions,
  type SdmxObservation,
  type SdmxSeries,
} from './sdmx-csv.js';
export { textKey } from './text-key.js';

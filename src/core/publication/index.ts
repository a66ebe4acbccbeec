// The pure half of publication: protecting returns, consolidating them (one counted per
// country-year) and shaping the open-data views of them. The server's publication service is the
// only caller that turns these into public output.
export {
  chartCsvRows,
  chartHxlRows,
  chartSdmxRows,
  hasRates,
  protectionNotice,
  type ChartContext,
} from './chart-files.js';
export {
  comparePrecedence,
  consolidate,
  consolidationRuleText,
  precedenceClass,
  publicConsolidation,
  type Consolidation,
  type ConsolidationCandidate,
  type CountryYearConsolidation,
} from './consolidation.js';
export { combinedProtection, dashboardCharts, type DashboardScope } from './dashboard-charts.js';
export {
  defaultPublicationPolicy,
  isHidden,
  protectReturn,
  shownNumber,
  type EarlierPublication,
  type PublicationPolicy,
  type PublishableReturn,
  type ProtectedCell,
  type ProtectedReturn,
  type ReturnReporter,
} from './protect-return.js';
export { publicGlotipResponse, type PopulationFigure } from './public-glotip-cells.js';
export { protectedRate, rateDigits, ratePer100k, type RatePart } from './rates.js';
export { returnStatTable, type ReturnCell } from './return-stat-table.js';

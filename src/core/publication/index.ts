// The pure half of publication: protecting returns and shaping the open-data views of them.
// The server's publication service is the only caller that turns these into public output.
export {
  chartCsvRows,
  chartHxlRows,
  chartSdmxRows,
  protectionNotice,
  type ChartContext,
} from './chart-files.js';
export { combinedProtection, dashboardCharts, type DashboardScope } from './dashboard-charts.js';
export {
  defaultPublicationPolicy,
  isHidden,
  protectReturn,
  shownNumber,
  type PublicationPolicy,
  type PublishableReturn,
  type ProtectedCell,
  type ProtectedReturn,
} from './protect-return.js';
export { publicGlotipResponse } from './public-glotip-cells.js';
export { returnStatTable, type ReturnCell } from './return-stat-table.js';

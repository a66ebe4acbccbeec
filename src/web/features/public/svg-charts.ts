// The bar and trend drawings, one lazy chunk: small, and wanted together on every dashboard.
export { BarChart } from './bar-chart.js';
export { TrendChart } from './trend-chart.js';

export {
  importStaleAfterMs,
  type ImportJobView,
  type ImportProgress,
  type ImportRequest,
  type ImportTuning,
} from './import-model.js';
export { createImportService, type ImportService } from './import-service.js';
export { registerImportRoutes } from './import-routes.js';
export { withholdOlderReports, type ReportRewrite } from './report-upgrade.js';
export { recordInterruptedImports } from './import-interrupted.js';
export { createExportService, type CaseExport, type ExportService } from './export-service.js';

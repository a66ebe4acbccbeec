export type { ImportJobView } from './import-model.js';
export {
  createImportService,
  importStaleAfterMs,
  type ImportProgress,
  type ImportRequest,
  type ImportService,
  type ImportTuning,
} from './import-service.js';
export { registerImportRoutes } from './import-routes.js';
export { withholdOlderReports, type ReportRewrite } from './report-upgrade.js';
export { recordInterruptedImports } from './import-interrupted.js';
export { createExportService, type CaseExport, type ExportService } from './export-service.js';

// dataUNODC GLOTIP files: import into published returns, export as dataUNODC, SDMX-CSV, HXL.
export {
  createGlotipExportService,
  glotipExportFormats,
  type GlotipExportFormat,
  type GlotipExportInput,
  type GlotipExportService,
} from './glotip-export-service.js';
export {
  createGlotipImportService,
  memberStateSlug,
  type GlotipImportReport,
  type GlotipImportService,
} from './glotip-import-service.js';
export { registerGlotipImportRoutes } from './glotip-import-routes.js';

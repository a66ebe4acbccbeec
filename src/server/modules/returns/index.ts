// GLOTIP returns (decision 0005): the public surface other modules, the composition root, the
// demo content and the CLI use.
export type { SealedVersion, StoredCell, StoredEvent, StoredReturn } from './return-model.js';
export { approvalLevelsOf, isLocked, lockedStatuses } from './return-model.js';
export { createReturnService, type ReturnService } from './return-service.js';
export type {
  ReturnExportFilter,
  SystemCellInput,
  SystemCellsInput,
  SystemCellsResult,
} from './return-system-service.js';
export type { CompletenessEntry, CompletenessReport } from './return-insight-service.js';
export type { ReturnDetailView } from './return-read-service.js';
export { registerReturnRoutes } from './return-routes.js';
export { registerGlotipRoutes } from './glotip-routes.js';

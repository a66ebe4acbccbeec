export type { OpenedCase, StoredCase, CaseView } from './case-model.js';
export { createCaseService, type CaseService, type LoadedCase } from './case-service.js';
export { createConsentService, type ConsentService } from './consent-service.js';
export { createSafeguardService, type SafeguardService } from './safeguard-service.js';
export { createCrisisService, type Crisis, type CrisisService } from './crisis-service.js';
export { openIdentity } from './case-codec.js';
export {
  importWorkerEntry,
  prepareBatch,
  type BatchOutcome,
  type BatchRequest,
  type BatchRow,
} from './case-import-batch.js';
export {
  prepareCase,
  type NewCaseItem,
  type PreparationContext,
  type PreparedCase,
} from './case-preparation.js';
export { registerCaseRoutes } from './case-routes.js';
export { registerCrisisRoutes } from './crisis-routes.js';
export { createScreeningService, type ScreeningService } from './screening-service.js';
export { registerScreeningRoutes } from './screening-routes.js';
export {
  createDerivationFactsService,
  type DerivationFacts,
  type DerivationFactsService,
  type DrillDownResult,
} from './derivation-facts-service.js';

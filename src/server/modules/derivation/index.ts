// Derivation of draft GLOTIP returns from case records (docs/counting-policies.md).
export { createDerivationService, type DerivationService } from './derivation-service.js';
export { registerDerivationRoutes } from './derivation-routes.js';

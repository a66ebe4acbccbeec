// Population tables (reference data): CSV import, listing, and the reader the publication path
// uses for rates per 100,000.
export type { PopulationImportReport, StoredPopulation } from './population-model.js';
export { createPopulationService, type PopulationService } from './population-service.js';
export { registerPopulationRoutes } from './population-routes.js';

export type { Organisation } from './organisation-model.js';
export { countOrganisations } from './organisation-repo.js';
export {
  createOrganisationService,
  type CreateOrganisationInput,
  type OrganisationService,
} from './organisation-service.js';
export { registerOrganisationRoutes } from './organisation-routes.js';

// Publication (decision 0007): the only path from stored figures to public output.
export {
  createPublicationService,
  type PublicationService,
  type PublicFile,
} from './publication-service.js';
export { publicRoutePaths, registerPublicRoutes } from './public-routes.js';

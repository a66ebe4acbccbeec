export type { ApiToken } from './token-model.js';
export {
  createTokenService,
  type CreateTokenInput,
  type ResolvedToken,
  type TokenService,
} from './token-service.js';
export { registerTokenRoutes } from './token-routes.js';

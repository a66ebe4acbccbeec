export type { Referral, ServiceProvider } from './referral-model.js';
export { createReferralService, type ReferralService } from './referral-service.js';
export { registerReferralRoutes } from './referral-routes.js';

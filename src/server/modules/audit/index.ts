export type { AuditActor, AuditEntry, AuditEvent, AuditFilter } from './audit-model.js';
export { createAuditService, type AuditService } from './audit-service.js';
export { registerAuditRoutes, type AuditReader } from './audit-routes.js';

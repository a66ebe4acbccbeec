export { createRoleService, roleVerbs, type Role, type RoleService } from './role-service.js';
export { registerRoleRoutes } from './role-routes.js';

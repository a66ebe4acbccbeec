export type { Membership, User } from './user-model.js';
export { countUsers, type UserChanges } from './user-repo.js';
export { presentUser } from './user-presenter.js';
export {
  createUserService,
  grantsFromRoles,
  type CreateUserInput,
  type UserService,
} from './user-service.js';
export { registerUserRoutes } from './user-routes.js';

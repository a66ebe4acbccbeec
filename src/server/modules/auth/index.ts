export { createAccountService, type AccountService } from './account-service.js';
export { registerAuthHook, sessionCookie } from './auth-hook.js';
export { registerAuthRoutes } from './auth-routes.js';
export { createLoginService, type LoginService } from './login-service.js';
export { createSessionService, type SessionService } from './session-service.js';

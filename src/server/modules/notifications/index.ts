export type { Notification, NotificationKind } from './notification-model.js';
export { createNotificationService, type NotificationService } from './notification-service.js';
export { registerNotificationRoutes } from './notification-routes.js';

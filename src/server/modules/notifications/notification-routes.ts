import { z } from 'zod';
import { idSchema, timestampSchema } from '../../../shared/common-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { notificationKinds } from './notification-model.js';
import type { NotificationService } from './notification-service.js';

const notificationSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  kind: z.enum(notificationKinds),
  targetType: z.string(),
  targetId: z.string(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
const tags = ['notifications'];

/** `/api/notifications`: the signed-in user's notices (break-glass on their cases, referrals). */
export function registerNotificationRoutes(app: HttpApp, notifications: NotificationService): void {
  app.get(
    '/api/notifications',
    { schema: { tags, response: { 200: z.object({ items: z.array(notificationSchema) }) } } },
    async (request) => {
      const items = await notifications.listMine(contextOf(request));
      // Allow-list: the user id is the reader's own and is not repeated back.
      return {
        items: items.map((n) => ({
          id: n.id,
          organisationId: n.organisationId,
          kind: n.kind,
          targetType: n.targetType,
          targetId: n.targetId,
          createdAt: n.createdAt,
          readAt: n.readAt,
        })),
      };
    },
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: z.strictObject({ id: idSchema }) } },
    async (request, reply) => {
      await notifications.markRead(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}

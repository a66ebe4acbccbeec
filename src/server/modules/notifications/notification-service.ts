import { AppError } from '../../../shared/app-error.js';
import { newId } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../access/index.js';
import type { Notification, NotificationKind } from './notification-model.js';
import { insertNotifications, listNotifications, markRead } from './notification-repo.js';

export interface NotificationService {
  /** Notifies users inside a caller's transaction, so the notice exists iff the event does. */
  notify: (
    trx: Executor,
    userIds: readonly string[],
    note: { organisationId: string; kind: NotificationKind; targetType: string; targetId: string },
  ) => Promise<void>;
  /** The signed-in user's own notifications, newest first. */
  listMine: (ctx: RequestContext) => Promise<Notification[]>;
  markRead: (ctx: RequestContext, id: string) => Promise<void>;
}

function userOf(ctx: RequestContext): string {
  if (ctx.actor.kind === 'system') throw new AppError('access.denied', { reason: 'system' });
  return ctx.actor.userId;
}

export function createNotificationService(deps: {
  database: Database;
  now: () => Date;
}): NotificationService {
  const { database, now } = deps;
  return {
    async notify(trx, userIds, note) {
      const at = now().toISOString();
      await insertNotifications(
        trx,
        userIds.map((userId) => ({ id: newId(), userId, ...note, createdAt: at, readAt: null })),
      );
    },
    // Own notifications need no verb: they are addressed to this user and hold only ids.
    listMine: (ctx) => listNotifications(database.db, userOf(ctx), 100),
    async markRead(ctx, id) {
      const done = await markRead(database.db, userOf(ctx), id, now().toISOString());
      if (!done) throw new AppError('notification.not_found', { id });
    },
  };
}

import type { Executor } from '../../platform/db/database.js';
import type { Notification } from './notification-model.js';

export async function insertNotifications(
  trx: Executor,
  notes: readonly Notification[],
): Promise<void> {
  if (notes.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      notes.map((n) => ({
        id: n.id,
        user_id: n.userId,
        organisation_id: n.organisationId,
        kind: n.kind,
        target_type: n.targetType,
        target_id: n.targetId,
        created_at: n.createdAt,
        read_at: n.readAt,
      })),
    )
    .execute();
}

export async function listNotifications(
  db: Executor,
  userId: string,
  limit: number,
): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    kind: row.kind as Notification['kind'],
    targetType: row.target_type,
    targetId: row.target_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
}

export async function markRead(
  trx: Executor,
  userId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

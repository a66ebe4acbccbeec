import type { ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { ReturnEventKind } from '../../../shared/return-schemas.js';
import type { Executor } from '../../platform/db/database.js';
import type { StoredEvent } from './return-model.js';

// A return's history: workflow events (append-only in the database) and the comments given
// for warnings at submission.

/** Appends a workflow event (the table refuses updates and deletes). */
export async function insertEvent(
  trx: Executor,
  event: {
    id: string;
    returnId: string;
    action: ReturnEventKind;
    fromStatus: ReturnStatus | null;
    toStatus: ReturnStatus;
    version: number;
    actorType: string;
    actorId: string | null;
    levelOrganisationId: string | null;
    comment: string | null;
    at: string;
  },
): Promise<void> {
  const last = await trx
    .selectFrom('glotip_return_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('return_id', '=', event.returnId)
    .executeTakeFirst();
  await trx
    .insertInto('glotip_return_events')
    .values({
      id: event.id,
      return_id: event.returnId,
      seq: (last?.seq ?? 0) + 1,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      version: event.version,
      actor_type: event.actorType,
      actor_id: event.actorId,
      level_organisation_id: event.levelOrganisationId,
      comment: event.comment,
      at: event.at,
    })
    .execute();
}

/** A return's history, oldest first, with actor and level names. */
export async function listEvents(db: Executor, returnId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('glotip_return_events as e')
    .leftJoin('users', 'users.id', 'e.actor_id')
    .leftJoin('organisations', 'organisations.id', 'e.level_organisation_id')
    .selectAll('e')
    .select(['users.display_name as actor_name', 'organisations.name as level_name'])
    .where('e.return_id', '=', returnId)
    .orderBy('e.seq')
    .execute();
  return rows.map((row) => ({
    action: row.action as ReturnEventKind,
    fromStatus: row.from_status as ReturnStatus | null,
    toStatus: row.to_status as ReturnStatus,
    version: row.version,
    actorId: row.actor_id,
    actorName: row.actor_name,
    levelOrganisationId: row.level_organisation_id,
    levelOrganisationName: row.level_name,
    comment: row.comment,
    at: row.at,
  }));
}

/** Replaces the warning comments of one version with those given at a submission. */
export async function replaceWarningComments(
  trx: Executor,
  returnId: string,
  version: number,
  comments: readonly { subject: string; ruleId: string; comment: string }[],
  createdBy: string | null,
  at: string,
): Promise<void> {
  await trx
    .deleteFrom('glotip_warning_comments')
    .where('return_id', '=', returnId)
    .where('version', '=', version)
    .execute();
  if (comments.length === 0) return;
  await trx
    .insertInto('glotip_warning_comments')
    .values(
      comments.map((c) => ({
        return_id: returnId,
        version,
        subject: c.subject,
        rule_id: c.ruleId,
        comment: c.comment,
        created_by: createdBy,
        created_at: at,
      })),
    )
    .execute();
}

/** Warning comments of one version, by violation subject. */
export async function warningComments(
  db: Executor,
  returnId: string,
  version: number,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('glotip_warning_comments')
    .select(['subject', 'comment'])
    .where('return_id', '=', returnId)
    .where('version', '=', version)
    .execute();
  return new Map(rows.map((row) => [row.subject, row.comment]));
}

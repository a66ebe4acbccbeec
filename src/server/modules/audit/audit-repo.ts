import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { AuditEntriesTable } from '../../platform/db/schema.js';
import type { AuditEntry, AuditFilter } from './audit-model.js';

function toEntry(row: Selectable<AuditEntriesTable>): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorType: row.actor_type as AuditEntry['actorType'],
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    organisationId: row.organisation_id,
    requestId: row.request_id,
    outcome: row.outcome as AuditEntry['outcome'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reads the chain head, locking it on databases with concurrent writers. */
export async function lockHead(
  trx: Executor,
  dialect: Dialect,
): Promise<{ seq: number; hash: string }> {
  const query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const row = await (
    dialect.supportsForUpdate ? query.forUpdate() : query
  ).executeTakeFirstOrThrow();
  return { seq: row.seq, hash: row.hash };
}

/** Reads the head without locking. */
export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: row.seq, hash: row.hash };
}

/** Appends one entry and moves the head to it. */
export async function insertEntry(trx: Executor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_entries')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      organisation_id: entry.organisationId,
      request_id: entry.requestId,
      outcome: entry.outcome,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  await trx
    .updateTable('audit_head')
    .set({ seq: entry.seq, hash: entry.hash })
    .where('id', '=', 1)
    .execute();
}

/** Entries matching a filter, newest first. */
export async function queryEntries(db: Executor, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_entries').selectAll();
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
  if (filter.organisationId !== undefined) {
    query = query.where('organisation_id', '=', filter.organisationId);
  }
  if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map(toEntry);
}

/** Streams the whole log in chain order, in pages, to `visit`; stops when it returns false. */
export async function walkEntries(
  db: Executor,
  visit: (entry: AuditEntry) => boolean,
  pageSize = 5000,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (!visit(toEntry(row))) return;
      after = row.seq;
    }
    if (rows.length < pageSize) return;
  }
}

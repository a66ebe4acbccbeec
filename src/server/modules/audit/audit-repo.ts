import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import { createQueryTemplate } from '../../platform/db/query-template.js';
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

// The append runs in the transaction of every write: its statements are compiled once.
const headQuery = createQueryTemplate((db) =>
  db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1),
);
const lockedHeadQuery = createQueryTemplate((db) =>
  db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
);
const insertEntryQuery = createQueryTemplate((db, e: AuditEntry) =>
  db.insertInto('audit_entries').values({
    seq: e.seq,
    at: e.at,
    actor_type: e.actorType,
    actor_id: e.actorId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    organisation_id: e.organisationId,
    request_id: e.requestId,
    outcome: e.outcome,
    prev_hash: e.prevHash,
    hash: e.hash,
  }),
);
const moveHeadQuery = createQueryTemplate((db, head: { seq: number; hash: string }) =>
  db.updateTable('audit_head').set({ seq: head.seq, hash: head.hash }).where('id', '=', 1),
);

async function headOf(
  query: typeof headQuery,
  db: Executor,
): Promise<{ seq: number; hash: string }> {
  const [row] = (await query(db, {})).rows;
  if (row === undefined) throw new Error('audit_head has no row');
  return { seq: row.seq, hash: row.hash };
}

/** Reads the chain head, locking it on databases with concurrent writers. */
export function lockHead(trx: Executor, dialect: Dialect): Promise<{ seq: number; hash: string }> {
  return headOf(dialect.supportsForUpdate ? lockedHeadQuery : headQuery, trx);
}

/** Reads the head without locking. */
export function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return headOf(headQuery, db);
}

/** Appends one entry and moves the head to it. */
export async function insertEntry(trx: Executor, entry: AuditEntry): Promise<void> {
  await insertEntryQuery(trx, entry);
  await moveHeadQuery(trx, entry);
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

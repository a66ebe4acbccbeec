import type { Executor, InsertRows } from '../../platform/db/database.js';

/** Stores a new wrapped data key. */
export async function insertDataKey(
  trx: Executor,
  row: { id: string; wrapped: string; masterKeyId: string; createdAt: string },
): Promise<void> {
  await trx
    .insertInto('data_keys')
    .values({
      id: row.id,
      wrapped: row.wrapped,
      master_key_id: row.masterKeyId,
      created_at: row.createdAt,
      shredded_at: null,
    })
    .execute();
}

/** Stores many new wrapped data keys at once (imports). */
export async function insertDataKeys(
  insertRows: InsertRows,
  trx: Executor,
  rows: readonly { id: string; wrapped: string; masterKeyId: string; createdAt: string }[],
): Promise<void> {
  await insertRows(
    trx,
    'data_keys',
    rows.map((row) => ({
      id: row.id,
      wrapped: row.wrapped,
      master_key_id: row.masterKeyId,
      created_at: row.createdAt,
      shredded_at: null,
    })),
  );
}

/** The wrapped key, or null when shredded; undefined when no such key exists. */
export async function findWrapped(
  db: Executor,
  id: string,
): Promise<{ wrapped: string | null } | undefined> {
  return db.selectFrom('data_keys').select('wrapped').where('id', '=', id).executeTakeFirst();
}

/** Destroys a data key: the wrapped bytes are overwritten with NULL. */
export async function shredDataKey(trx: Executor, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('data_keys')
    .set({ wrapped: null, master_key_id: null, shredded_at: at })
    .where('id', '=', id)
    .where('wrapped', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of live keys, in id order, for re-wrapping. */
/** Live keys wrapped under `masterKeyId` (or recorded without one), in id order. */
export async function listLiveKeys(
  db: Executor,
  masterKeyId: string,
  afterId: string,
  limit: number,
): Promise<{ id: string; wrapped: string }[]> {
  const rows = await db
    .selectFrom('data_keys')
    .select(['id', 'wrapped'])
    .where('wrapped', 'is not', null)
    .where((eb) => eb.or([eb('master_key_id', '=', masterKeyId), eb('master_key_id', 'is', null)]))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((row) =>
    row.wrapped === null ? [] : [{ id: row.id, wrapped: row.wrapped }],
  );
}

/** Replaces a key's wrapping. */
export async function updateWrapped(
  trx: Executor,
  id: string,
  wrapped: string,
  masterKeyId: string,
): Promise<void> {
  await trx
    .updateTable('data_keys')
    .set({ wrapped, master_key_id: masterKeyId })
    .where('id', '=', id)
    .execute();
}

/** Counts live keys by the master key that wraps them. */
export async function countByMasterKey(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('data_keys')
    .select(['master_key_id', (eb) => eb.fn.countAll().as('n')])
    .where('wrapped', 'is not', null)
    .groupBy('master_key_id')
    .execute();
  return new Map(rows.map((row) => [row.master_key_id ?? '', Number(row.n)]));
}

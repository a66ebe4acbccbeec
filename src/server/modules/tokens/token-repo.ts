import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ApiTokensTable } from '../../platform/db/schema.js';
import type { ApiToken } from './token-model.js';

function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    organisationId: row.organisation_id,
    verbs: JSON.parse(row.verbs) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function insertToken(
  trx: Executor,
  token: ApiToken,
  tokenHash: string,
): Promise<void> {
  await trx
    .insertInto('api_tokens')
    .values({
      id: token.id,
      name: token.name,
      user_id: token.userId,
      organisation_id: token.organisationId,
      verbs: JSON.stringify(token.verbs),
      token_hash: tokenHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

export async function findTokenByHash(db: Executor, hash: string): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function findToken(db: Executor, id: string): Promise<ApiToken | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toToken(row);
}

export async function listTokens(
  db: Executor,
  filter: { userId?: string; organisationIds?: readonly string[] },
): Promise<ApiToken[]> {
  let query = db.selectFrom('api_tokens').selectAll();
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.organisationIds !== undefined) {
    if (filter.organisationIds.length === 0) return [];
    query = query.where('organisation_id', 'in', filter.organisationIds);
  }
  const rows = await query.orderBy('created_at', 'desc').execute();
  return rows.map(toToken);
}

export async function revokeToken(trx: Executor, id: string, at: string): Promise<void> {
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function markTokenUsed(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

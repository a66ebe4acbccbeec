import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { createQueryTemplate } from '../../platform/db/query-template.js';
import type { OrganisationsTable } from '../../platform/db/schema.js';
import { pathToIds } from '../access/index.js';
import type { Organisation } from './organisation-model.js';

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    type: row.type as Organisation['type'],
    country: row.country,
    parentId: row.parent_id,
    path: pathToIds(row.path),
    requireTwoFactor: row.require_two_factor === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stored form of a path: `/root/…/self/`. */
export function encodePath(ids: readonly string[]): string {
  return `/${ids.join('/')}/`;
}

// Compiled once: creating organisations is the write the `write` benchmark measures.
const insertQuery = createQueryTemplate((db, row: Insertable<OrganisationsTable>) =>
  db.insertInto('organisations').values({
    id: row.id,
    name: row.name,
    slug: row.slug,
    type: row.type,
    country: row.country,
    parent_id: row.parent_id,
    path: row.path,
    require_two_factor: row.require_two_factor,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }),
);

export async function insertOrganisation(trx: Executor, org: Organisation): Promise<void> {
  await insertQuery(trx, {
    id: org.id,
    name: org.name,
    slug: org.slug,
    type: org.type,
    country: org.country,
    parent_id: org.parentId,
    path: encodePath(org.path),
    require_two_factor: org.requireTwoFactor ? 1 : 0,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  });
}

export async function findOrganisation(
  db: Executor,
  id: string,
): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findOrganisationBySlug(
  db: Executor,
  slug: string,
): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/** Organisations in the subtrees of `rootIds` (all when null), ordered by path. */
export async function listOrganisations(
  db: Executor,
  rootIds: readonly string[] | null,
): Promise<Organisation[]> {
  let query = db.selectFrom('organisations').selectAll();
  if (rootIds !== null) {
    if (rootIds.length === 0) return [];
    // Ids are UUIDs (no LIKE wildcards), so the pattern matches exactly the subtree.
    query = query.where((eb) => eb.or(rootIds.map((id) => eb('path', 'like', `%/${id}/%`))));
  }
  const rows = await query.orderBy('path').execute();
  return rows.map(toOrganisation);
}

export async function updateOrganisation(
  trx: Executor,
  id: string,
  changes: Partial<
    Pick<Organisation, 'name' | 'type' | 'country' | 'parentId' | 'requireTwoFactor'>
  >,
  updatedAt: string,
): Promise<void> {
  await trx
    .updateTable('organisations')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.type === undefined ? {} : { type: changes.type }),
      ...(changes.country === undefined ? {} : { country: changes.country }),
      ...(changes.parentId === undefined ? {} : { parent_id: changes.parentId }),
      ...(changes.requireTwoFactor === undefined
        ? {}
        : { require_two_factor: changes.requireTwoFactor ? 1 : 0 }),
      updated_at: updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Rewrites the paths of a subtree after a move: every path starting `oldPrefix`. */
export async function movePaths(
  trx: Executor,
  oldPrefix: string,
  newPrefix: string,
): Promise<void> {
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'path'])
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
  for (const row of rows) {
    await trx
      .updateTable('organisations')
      .set({ path: newPrefix + row.path.slice(oldPrefix.length) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Number of organisations; used to detect a first start. */
export async function countOrganisations(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

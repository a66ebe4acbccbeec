import type { ReturnSource, ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { GlotipStatsQuery } from '../../../shared/return-schemas.js';
import type { OrganisationType } from '../../../shared/vocabulary.js';
import type { Executor } from '../../platform/db/database.js';
import { cellFromRow } from './return-cell-repo.js';
import type { StoredCell } from './return-model.js';
import type { ReturnScope } from './return-repo.js';

/** An organisation under a viewer, and whether any organisation sits below it. */
export interface ScopedEntity {
  id: string;
  name: string;
  type: OrganisationType;
  isLeaf: boolean;
}

/** Organisations in the subtrees of `scope` (all when null), ordered by name. */
export async function listScopedEntities(
  db: Executor,
  scope: ReturnScope,
): Promise<ScopedEntity[]> {
  if (scope !== null && scope.length === 0) return [];
  let query = db.selectFrom('organisations').select(['id', 'name', 'type', 'parent_id', 'path']);
  if (scope !== null) {
    query = query.where((eb) => eb.or(scope.map((id) => eb('path', 'like', `%/${id}/%`))));
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  const parents = new Set(rows.map((row) => row.parent_id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type as OrganisationType,
    isLeaf: !parents.has(row.id),
  }));
}

/** Organisations that have filed a return of the data set in any year. */
export async function entitiesWithReturns(db: Executor, dataSetCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('glotip_returns')
    .select('organisation_id')
    .distinct()
    .where('data_set_code', '=', dataSetCode)
    .execute();
  return new Set(rows.map((row) => row.organisation_id));
}

/** The cells stored per return. */
export async function cellsByReturn(
  db: Executor,
  returnIds: readonly string[],
): Promise<Map<string, StoredCell[]>> {
  const out = new Map<string, StoredCell[]>();
  for (let start = 0; start < returnIds.length; start += 500) {
    const rows = await db
      .selectFrom('glotip_return_cells')
      .selectAll()
      .where('return_id', 'in', returnIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const list = out.get(row.return_id) ?? [];
      list.push(cellFromRow(row));
      out.set(row.return_id, list);
    }
  }
  return out;
}

/** One cell of the statistics query with its return and reporting entity. */
export interface StatsCellRow {
  returnId: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  country: string | null;
  year: number;
  status: ReturnStatus;
  source: ReturnSource;
  synthetic: boolean;
  cell: StoredCell;
}

/** Cells of returns in `statuses` within `scope`, filtered; paged. */
export async function queryStatsCells(
  db: Executor,
  scope: ReturnScope,
  statuses: readonly ReturnStatus[],
  query: GlotipStatsQuery,
): Promise<{ items: StatsCellRow[]; total: number }> {
  if (scope !== null && scope.length === 0) return { items: [], total: 0 };
  let base = db
    .selectFrom('glotip_return_cells as c')
    .innerJoin('glotip_returns as r', 'r.id', 'c.return_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.status', 'in', statuses);
  if (scope !== null) {
    base = base.where((eb) => eb.or(scope.map((id) => eb('o.path', 'like', `%/${id}/%`))));
  }
  if (query.indicator !== undefined) base = base.where('c.indicator', '=', query.indicator);
  if (query.dimension !== undefined) base = base.where('c.dimension', '=', query.dimension);
  if (query.category !== undefined) base = base.where('c.category', '=', query.category);
  if (query.sex !== undefined) base = base.where('c.sex', '=', query.sex);
  if (query.age !== undefined) base = base.where('c.age', '=', query.age);
  if (query.year !== undefined) base = base.where('r.year', '=', query.year);
  if (query.country !== undefined) base = base.where('o.country', '=', query.country);
  if (query.organisationId !== undefined) {
    base = base.where('r.organisation_id', '=', query.organisationId);
  }
  const counted = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const rows = await base
    .selectAll('c')
    .select([
      'r.organisation_id',
      'r.year',
      'r.status',
      'r.source',
      'r.synthetic',
      'o.name as organisation_name',
      'o.type as organisation_type',
      'o.country as organisation_country',
    ])
    .orderBy('r.year', 'desc')
    .orderBy('o.name')
    .orderBy('c.return_id')
    .orderBy('c.cell_key')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total: Number(counted?.n ?? 0),
    items: rows.map((row) => ({
      returnId: row.return_id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      organisationType: row.organisation_type as OrganisationType,
      country: row.organisation_country,
      year: row.year,
      status: row.status as ReturnStatus,
      source: row.source as ReturnSource,
      synthetic: row.synthetic === 1,
      cell: cellFromRow(row),
    })),
  };
}

import type { Selectable } from 'kysely';
import type { ReturnSource, ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { ReturnListQuery } from '../../../shared/return-schemas.js';
import type { OrganisationType } from '../../../shared/vocabulary.js';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { GlotipReturnsTable } from '../../platform/db/schema.js';
import type { StoredReturn } from './return-model.js';

/** Where a reader may look: the subtrees of these organisations; null = everywhere. */
export type ReturnScope = readonly string[] | null;

type ReturnRow = Selectable<GlotipReturnsTable> & {
  organisation_name: string;
  organisation_type: string;
  organisation_country: string | null;
  organisation_path: string;
  cell_count: number | string;
};

function toReturn(row: ReturnRow): StoredReturn {
  return {
    id: row.id,
    dataSetCode: row.data_set_code,
    dataSetVersion: row.data_set_version,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type as OrganisationType,
    country: row.organisation_country,
    organisationPath: row.organisation_path.split('/').filter((id) => id !== ''),
    year: row.year,
    status: row.status as ReturnStatus,
    version: row.version,
    source: row.source as ReturnSource,
    sourceNote: row.source_note,
    synthetic: row.synthetic === 1,
    dueDate: row.due_date,
    firstSubmittedAt: row.first_submitted_at,
    acceptedBy: row.accepted_by,
    cellCount: Number(row.cell_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromReturns(db: Executor) {
  return db
    .selectFrom('glotip_returns')
    .innerJoin('organisations', 'organisations.id', 'glotip_returns.organisation_id');
}

function withColumns(query: ReturnType<typeof fromReturns>) {
  return query.selectAll('glotip_returns').select((eb) => [
    'organisations.name as organisation_name',
    'organisations.type as organisation_type',
    'organisations.country as organisation_country',
    'organisations.path as organisation_path',
    eb
      .selectFrom('glotip_return_cells')
      .whereRef('glotip_return_cells.return_id', '=', 'glotip_returns.id')
      .select((inner) => inner.fn.countAll<number>().as('n'))
      .as('cell_count'),
  ]);
}

const selectReturns = (db: Executor) => withColumns(fromReturns(db));

/** A return by id. */
export async function findReturn(db: Executor, id: string): Promise<StoredReturn | undefined> {
  const row = await selectReturns(db).where('glotip_returns.id', '=', id).executeTakeFirst();
  return row && toReturn(row as ReturnRow);
}

/** The return of a data set, entity and year. */
export async function findReturnFor(
  db: Executor,
  dataSetCode: string,
  organisationId: string,
  year: number,
): Promise<StoredReturn | undefined> {
  const row = await selectReturns(db)
    .where('glotip_returns.data_set_code', '=', dataSetCode)
    .where('glotip_returns.organisation_id', '=', organisationId)
    .where('glotip_returns.year', '=', year)
    .executeTakeFirst();
  return row && toReturn(row as ReturnRow);
}

/** Returns in scope, filtered; newest year first, then by entity name. */
export async function listReturns(
  db: Executor,
  scope: ReturnScope,
  filter: Partial<Pick<ReturnListQuery, 'year' | 'organisationId' | 'status'>> & {
    statuses?: readonly ReturnStatus[];
    organisationIds?: readonly string[];
    limit?: number;
    offset?: number;
  },
): Promise<{ items: StoredReturn[]; total: number }> {
  if (scope !== null && scope.length === 0) return { items: [], total: 0 };
  let query = fromReturns(db);
  if (scope !== null) {
    // Ids are UUIDs (no LIKE wildcards), so each pattern matches exactly one subtree.
    query = query.where((eb) =>
      eb.or(scope.map((id) => eb('organisations.path', 'like', `%/${id}/%`))),
    );
  }
  if (filter.year !== undefined) query = query.where('glotip_returns.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('glotip_returns.status', '=', filter.status);
  if (filter.statuses !== undefined) {
    if (filter.statuses.length === 0) return { items: [], total: 0 };
    query = query.where('glotip_returns.status', 'in', filter.statuses);
  }
  if (filter.organisationId !== undefined) {
    query = query.where('glotip_returns.organisation_id', '=', filter.organisationId);
  }
  if (filter.organisationIds !== undefined) {
    if (filter.organisationIds.length === 0) return { items: [], total: 0 };
    query = query.where('glotip_returns.organisation_id', 'in', filter.organisationIds);
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  let page = withColumns(query)
    .orderBy('glotip_returns.year', 'desc')
    .orderBy('organisations.name')
    .orderBy('glotip_returns.id');
  // SQLite accepts OFFSET only after a LIMIT; unpaged callers (exports) pass neither.
  if (filter.limit !== undefined) page = page.limit(filter.limit).offset(filter.offset ?? 0);
  const rows = await page.execute();
  return { items: rows.map((row) => toReturn(row as ReturnRow)), total: Number(counted?.n ?? 0) };
}

/** Inserts a new return row. */
export async function insertReturn(
  trx: Executor,
  row: Omit<GlotipReturnsTable, 'first_submitted_at' | 'accepted_by'>,
): Promise<void> {
  await trx
    .insertInto('glotip_returns')
    .values({ ...row, first_submitted_at: null, accepted_by: null })
    .execute();
}

/** Changes the workflow columns of a return. */
export async function updateReturn(
  trx: Executor,
  id: string,
  changes: Partial<
    Pick<
      GlotipReturnsTable,
      | 'status'
      | 'version'
      | 'source'
      | 'source_note'
      | 'synthetic'
      | 'first_submitted_at'
      | 'accepted_by'
      | 'updated_at'
    >
  >,
): Promise<void> {
  await trx.updateTable('glotip_returns').set(changes).where('id', '=', id).execute();
}

/** A user's interface language (rule messages are written in it), when known. */
export async function userLanguage(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('language')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.language;
}

/** Stores a data set definition unless that code and version already exist. */
export async function ensureDataSet(
  trx: Executor,
  dataSet: { code: string; version: number; name: string; definition: string },
  at: string,
): Promise<void> {
  await trx
    .insertInto('glotip_data_sets')
    .values({ ...dataSet, created_at: at })
    .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
    .execute();
}

/** A reporting entity as returns need it. */
export interface EntityRow {
  id: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  path: string[];
}

/** Organisations by id (unknown ids are left out). */
export async function findEntities(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, EntityRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'country', 'path'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        type: row.type as OrganisationType,
        country: row.country,
        path: row.path.split('/').filter((id) => id !== ''),
      },
    ]),
  );
}

/** Serialises writers of one return (PostgreSQL; SQLite has a single writer anyway). */
export async function lockReturn(trx: Executor, dialect: Dialect, id: string): Promise<void> {
  if (!dialect.supportsForUpdate) return;
  await trx.selectFrom('glotip_returns').select('id').where('id', '=', id).forUpdate().execute();
}

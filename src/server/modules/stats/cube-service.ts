import type { Insertable } from 'kysely';
import {
  aggregateCuboid,
  createFactsEncoder,
  cubeCodesOf,
  cubeDimensions,
  cuboids,
  type CaseCubeFacts,
  type Cuboid,
  type PackedCuboid,
} from '../../../core/stats/index.js';
import { newId } from '../../platform/crypto/index.js';
import {
  isSerializationFailure,
  type Database,
  type Executor,
} from '../../platform/db/database.js';
import type { CaseCubeChangesTable, CasesTable } from '../../platform/db/schema.js';
import { decodeCuboid, encodeCuboid } from './cube-codec.js';
import {
  appendChanges,
  bumpVersions,
  countChanges,
  countCuboids,
  lockCubeMaintenance,
  readCaseFactsPage,
  readChangesOn,
  readCuboidCells,
  readStamp,
  takeChanges,
  writeCuboid,
  type CaseFactRow,
} from './cube-repo.js';

type FactColumns = Pick<Insertable<CasesTable>, keyof CaseFactRow>;

/** A case row as it was before a write and as it is after (null: did not / does not exist). */
export interface CaseRowChange {
  before: FactColumns | null;
  after: FactColumns | null;
}

/** What a rebuild did. */
export interface CubeBuildReport {
  cases: number;
  cuboids: number;
  cells: number;
}

/** The case cube: maintained by case writes, read by cross-tabs. */
export interface CaseCube {
  /**
   * Records what case writes changed, in the writer's transaction (cases call this from each
   * write path): one signed change row per case whose counted facts moved, and a bump of the
   * organisation's write counter. Costs one small insert per case; the cuboids fold it later.
   */
  recordCaseChanges: (trx: Executor, changes: readonly CaseRowChange[]) => Promise<void>;
  /** Recounts every cuboid from the cases table (first start, repair, bulk loads). */
  rebuild: () => Promise<CubeBuildReport>;
  /** Folds every pending change into the stored cuboids and deletes it; returns how many. */
  compact: () => Promise<number>;
  /** A cuboid as it is now: from memory while the stamp is unchanged, else from the database. */
  cuboid: (cuboid: Cuboid) => Promise<{ packed: PackedCuboid; fromMemory: boolean }>;
  /** Forgets every cuboid held in memory (the next read of each is cold). */
  dropCache: () => void;
}

/** The cube's reading of a case row. */
export function factsOfRow(row: FactColumns): CaseCubeFacts {
  return {
    organisationId: row.organisation_id,
    registrationYear: row.registration_year,
    countryOfExploitation: row.country_of_exploitation ?? null,
    primaryCitizenship: row.primary_citizenship ?? null,
    gender: row.gender,
    majorityStatus: row.majority_status ?? null,
    ageBand: row.age_band ?? null,
    exploitationTypes:
      row.exploitation_types === null || row.exploitation_types === undefined
        ? null
        : (JSON.parse(row.exploitation_types) as string[]),
    conflictRelated: row.conflict_related,
    crisisId: row.crisis_id ?? null,
    displacementStatus: row.displacement_status ?? null,
    traffickingStatus: row.trafficking_status ?? null,
  };
}

function changeRow(
  organisationId: string,
  codes: readonly string[],
  weight: number,
): Insertable<CaseCubeChangesTable> {
  const out: Record<string, string | number> = {
    id: newId(),
    organisation_id: organisationId,
    weight,
  };
  cubeDimensions.forEach((dim, i) => {
    out[dim] = codes[i] ?? '';
  });
  return out as unknown as Insertable<CaseCubeChangesTable>;
}

const sameCodes = (x: FactColumns, y: FactColumns): boolean =>
  x.organisation_id === y.organisation_id &&
  cubeCodesOf(factsOfRow(x)).join('\u0000') === cubeCodesOf(factsOfRow(y)).join('\u0000');

/**
 * Above this many pending changes a read compacts first, so folding changes on every cold read
 * stays cheap (a few milliseconds) however many writes came since the last compaction.
 */
const compactAbove = 10_000;
/** Cuboids kept in memory (least recently used dropped first); 120 exist. */
const cacheLimit = 40;
const pageSize = 20_000;
/** Rebuilds waiting behind each other: each that waited starts once more, so a few suffice. */
const maxRebuildAttempts = 20;

export function createCaseCube(deps: { database: Database; now: () => Date }): CaseCube {
  const { database, now } = deps;
  const cache = new Map<string, { stamp: number; packed: PackedCuboid }>();

  const remember = (id: string, stamp: number, packed: PackedCuboid) => {
    cache.delete(id);
    cache.set(id, { stamp, packed });
    while (cache.size > cacheLimit) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };

  // A rebuild reads one snapshot (REPEATABLE READ), taken before it gets the maintenance
  // lock: when a rebuild or fold committed while it waited, PostgreSQL refuses it, and it
  // starts again on a snapshot that includes that work.
  const rebuild: CaseCube['rebuild'] = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await rebuildOnce();
      } catch (error) {
        if (!isSerializationFailure(error) || attempt >= maxRebuildAttempts) throw error;
      }
    }
  };

  const rebuildOnce = (): Promise<CubeBuildReport> =>
    database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await lockCubeMaintenance(trx);
        // The recount covers every change committed before it; later ones stay pending.
        await takeChanges(trx);
        const encoder = createFactsEncoder();
        let afterId: string | null = null;
        let cases = 0;
        for (;;) {
          const page = await readCaseFactsPage(trx, afterId, pageSize);
          for (const row of page) encoder.add(row.organisation_id, cubeCodesOf(factsOfRow(row)), 1);
          cases += page.length;
          const last = page.at(-1);
          if (last === undefined || page.length < pageSize) break;
          afterId = last.id;
        }
        const facts = encoder.finish();
        const at = now().toISOString();
        let cells = 0;
        for (const cuboid of cuboids) {
          const packed = aggregateCuboid(cuboid, facts, null);
          cells += packed.size;
          await writeCuboid(trx, cuboid.id, encodeCuboid(packed), packed.size, at);
        }
        await bumpVersions(trx, ['*']);
        return { cases, cuboids: cuboids.length, cells };
      });

  // Changes only make sense on top of built cuboids: cases written before the cube existed
  // (an upgraded installation) are in no change row, so an unbuilt cube is built instead.
  const compact: CaseCube['compact'] = async () => {
    const folded = await foldPending();
    if (folded !== null) return folded;
    await rebuild();
    return 0;
  };

  const foldPending = (): Promise<number | null> =>
    database.db.transaction().execute(async (trx) => {
      await lockCubeMaintenance(trx);
      if ((await countCuboids(trx)) < cuboids.length) return null;
      const taken = await takeChanges(trx);
      if (taken.length === 0) return 0;
      const encoder = createFactsEncoder();
      for (const change of taken) {
        encoder.add(
          change.organisation_id,
          cubeDimensions.map((dim) => change[dim]),
          change.weight,
        );
      }
      const changes = encoder.finish();
      const at = now().toISOString();
      for (const cuboid of cuboids) {
        const stored = await readCuboidCells(trx, cuboid.id);
        const base = stored === undefined ? null : decodeCuboid(stored);
        const folded = aggregateCuboid(cuboid, changes, base);
        await writeCuboid(trx, cuboid.id, encodeCuboid(folded), folded.size, at);
      }
      return taken.length;
    });

  const loadCuboid: CaseCube['cuboid'] = async (cuboid) => {
    const stamp = await readStamp(database.db);
    const held = cache.get(cuboid.id);
    if (held !== undefined && held.stamp === stamp) {
      remember(cuboid.id, stamp, held.packed);
      return { packed: held.packed, fromMemory: true };
    }
    if ((await countChanges(database.db)) > compactAbove) await compact();
    // One snapshot for the stamp, the stored cells and the pending changes.
    const loaded = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => ({
        stamp: await readStamp(trx),
        cells: await readCuboidCells(trx, cuboid.id),
        changes: await readChangesOn(trx, cuboid.dimensions),
      }));
    if (loaded.cells === undefined) {
      await compact();
      return loadCuboid(cuboid);
    }
    const base = decodeCuboid(loaded.cells);
    let packed = base;
    if (loaded.changes.length > 0) {
      const encoder = createFactsEncoder();
      const codes = cubeDimensions.map(() => '');
      for (const change of loaded.changes) {
        cuboid.positions.forEach((position, i) => {
          codes[position] = change.codes[i] ?? '';
        });
        encoder.add(change.organisation_id, codes, change.weight);
      }
      packed = aggregateCuboid(cuboid, encoder.finish(), base);
    }
    remember(cuboid.id, loaded.stamp, packed);
    return { packed, fromMemory: false };
  };

  return {
    async recordCaseChanges(trx, changes) {
      // One row per distinct set of facts, weighted by how many cases share it: a bulk write
      // (an import batch of thousands) appends hundreds of rows, not thousands.
      const rows = new Map<string, Insertable<CaseCubeChangesTable>>();
      // Rows (and their ids) are made only for new sets of facts; the rest add their weight.
      const add = (row: FactColumns, weight: 1 | -1) => {
        const codes = cubeCodesOf(factsOfRow(row));
        const key = [row.organisation_id, ...cubeDimensions.map((_, i) => codes[i] ?? '')].join(
          '\u0000',
        );
        const same = rows.get(key);
        if (same === undefined) rows.set(key, changeRow(row.organisation_id, codes, weight));
        else same.weight += weight;
      };
      for (const { before, after } of changes) {
        if (before !== null && after !== null && sameCodes(before, after)) continue;
        if (before !== null) add(before, -1);
        if (after !== null) add(after, 1);
      }
      const weighted = [...rows.values()].filter((row) => row.weight !== 0);
      if (weighted.length === 0) return;
      await appendChanges(database.insertRows, trx, weighted);
      await bumpVersions(
        trx,
        weighted.map((row) => row.organisation_id),
      );
    },

    rebuild,

    compact,

    cuboid: loadCuboid,

    dropCache: () => {
      cache.clear();
    },
  };
}

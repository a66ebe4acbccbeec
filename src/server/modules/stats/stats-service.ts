import { organisationsWithVerb } from '../../../core/permission-check.js';
import {
  chooseCuboid,
  crosstab,
  neededDimensions,
  type CrosstabResult,
} from '../../../core/stats/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { CrosstabQuery } from '../../../shared/crosstab-schemas.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, pathToIds, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { CaseCube } from './cube-service.js';
import { organisationIdsUnder, organisationPathOf } from './cube-repo.js';

/** A cross-tab and where it came from. */
export interface CrosstabAnswer extends CrosstabResult {
  /** The cuboid that answered, and whether it was already in memory (warm). */
  cuboid: string;
  fromMemory: boolean;
}

export interface StatsService {
  /**
   * Counts case records by up to three dimensions over the organisations whose statistics the
   * actor may read (`stats.read`, extending down the hierarchy), optionally one subtree.
   */
  crosstab: (ctx: RequestContext, query: CrosstabQuery) => Promise<CrosstabAnswer>;
}

/** `null` = every organisation (system actors and system administrators). */
async function readableOrganisations(
  trx: Executor,
  ctx: RequestContext,
  organisationId: string | undefined,
): Promise<ReadonlySet<string> | null> {
  const actor = ctx.actor;
  if (organisationId !== undefined) {
    const path = await organisationPathOf(trx, organisationId);
    if (path === undefined) throw new AppError('org.not_found', { id: organisationId });
    authorize(actor, 'stats.read', { organisationPath: pathToIds(path) });
    return new Set(await organisationIdsUnder(trx, [organisationId]));
  }
  if (actor.kind === 'system' || actor.isSystemAdmin) return null;
  const roots = actor.enrolmentOnly ? [] : organisationsWithVerb(actor.grants, 'stats.read');
  if (roots.length === 0) throw new AppError('access.denied', { verb: 'stats.read' });
  return new Set(await organisationIdsUnder(trx, roots));
}

export function createStatsService(deps: {
  database: Database;
  audit: AuditService;
  cube: CaseCube;
}): StatsService {
  const { database, audit, cube } = deps;
  return {
    async crosstab(ctx, query) {
      const filters = query.where ?? [];
      const cuboid = chooseCuboid(neededDimensions({ dims: query.dims, filters }));
      if (cuboid === null) {
        throw new AppError('validation.failed', [
          {
            path: ['querystring', 'dims'],
            issue: 'too_many_dimensions',
            message: 'At most three dimensions besides the organisation, filters included',
          },
        ]);
      }
      // Scope and audit first, in one transaction; the cube is read after it (a cold read
      // opens its own snapshot, and SQLite has one connection).
      const readable = await database.db.transaction().execute(async (trx) => {
        const scope = await readableOrganisations(trx, ctx, query.organisationId);
        // Counts can point at a person when a cell is small, and these are not disclosure
        // controlled: who asked for which breakdown is kept.
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'stats.crosstab',
          targetType: 'organisation',
          targetId: query.organisationId ?? null,
          organisationId: query.organisationId ?? null,
          requestId: ctx.requestId,
        });
        return scope;
      });
      const { packed, fromMemory } = await cube.cuboid(cuboid);
      const result = crosstab(packed, {
        dims: query.dims,
        filters,
        includesOrganisation: readable === null ? () => true : (id) => readable.has(id),
      });
      return { ...result, cuboid: cuboid.id, fromMemory };
    },
  };
}

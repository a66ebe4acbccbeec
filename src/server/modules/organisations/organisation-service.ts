import { AppError } from '../../../shared/app-error.js';
import type { OrganisationType } from '../../../shared/vocabulary.js';
import { organisationsWithVerb } from '../../../core/permission-check.js';
import { newId } from '../../platform/crypto/index.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import { takeNamedLock } from '../../platform/db/named-lock.js';
import { auditActorOf, authorize, type RequestContext, type Scope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { Organisation } from './organisation-model.js';
import {
  encodePath,
  findOrganisation,
  findOrganisationBySlug,
  insertOrganisation,
  listOrganisations,
  movePaths,
  updateOrganisation,
} from './organisation-repo.js';

export interface CreateOrganisationInput {
  name: string;
  slug: string;
  type: OrganisationType;
  country: string | null;
  parentId: string | null;
  requireTwoFactor: boolean;
}

export type UpdateOrganisationInput = Partial<
  Pick<Organisation, 'name' | 'type' | 'country' | 'parentId' | 'requireTwoFactor'>
>;

export interface OrganisationService {
  create: (ctx: RequestContext, input: CreateOrganisationInput) => Promise<Organisation>;
  /** As create, inside a caller's transaction (first start, CLI). */
  createIn: (
    trx: Executor,
    ctx: RequestContext,
    input: CreateOrganisationInput,
  ) => Promise<Organisation>;
  get: (ctx: RequestContext, id: string) => Promise<Organisation>;
  list: (ctx: RequestContext) => Promise<Organisation[]>;
  update: (
    ctx: RequestContext,
    id: string,
    input: UpdateOrganisationInput,
  ) => Promise<Organisation>;
  /** Loads an organisation for other services' authorization checks. */
  load: (db: Executor, id: string) => Promise<Organisation>;
  findBySlug: (db: Executor, slug: string) => Promise<Organisation | undefined>;
}

/** Where an organisation's children are created: under a parent, or at the top. */
function scopeOf(parent: Organisation | null): Scope {
  return parent === null ? 'installation' : { organisationPath: parent.path };
}

export function createOrganisationService(deps: {
  database: Database;
  audit: AuditService;
  now: () => Date;
}): OrganisationService {
  const { database, audit, now } = deps;
  const load = async (db: Executor, id: string): Promise<Organisation> => {
    const org = await findOrganisation(db, id);
    if (org === undefined) throw new AppError('org.not_found', { id });
    return org;
  };

  const createIn: OrganisationService['createIn'] = async (trx, ctx, input) => {
    // The parent's path is read, then copied into the child's: a move of the parent committed
    // in between would leave the child under the old path.
    if (input.parentId !== null) await takeNamedLock(trx, database.dialect, 'organisationTree');
    const parent = input.parentId === null ? null : await load(trx, input.parentId);
    authorize(ctx.actor, 'org.create', scopeOf(parent));
    const id = newId();
    const at = now().toISOString();
    const org: Organisation = {
      id,
      ...input,
      path: [...(parent?.path ?? []), id],
      createdAt: at,
      updatedAt: at,
    };
    try {
      await insertOrganisation(trx, org);
    } catch (error) {
      // The unique index is the check: no read before the insert, and no race between them.
      if (isUniqueViolation(error)) {
        throw new AppError('org.slug_taken', [
          { path: ['body', 'slug'], issue: 'taken', message: 'Slug already in use' },
        ]);
      }
      throw error;
    }
    await audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action: 'org.create',
      targetType: 'organisation',
      targetId: id,
      organisationId: id,
      requestId: ctx.requestId,
    });
    return org;
  };

  return {
    load,
    createIn,
    findBySlug: findOrganisationBySlug,
    create: (ctx, input) => database.db.transaction().execute((trx) => createIn(trx, ctx, input)),
    async get(ctx, id) {
      const org = await load(database.db, id);
      authorize(ctx.actor, 'org.read', { organisationPath: org.path });
      return org;
    },
    async list(ctx) {
      const actor = ctx.actor;
      if (actor.kind === 'system' || actor.isSystemAdmin) {
        return listOrganisations(database.db, null);
      }
      return listOrganisations(database.db, organisationsWithVerb(actor.grants, 'org.read'));
    },
    update: (ctx, id, input) =>
      database.db.transaction().execute(async (trx) => {
        // A move reads the tree (the cycle check, the subtree) before it rewrites paths: two
        // moves at once could each pass the check against the other's old paths.
        if (input.parentId !== undefined) {
          await takeNamedLock(trx, database.dialect, 'organisationTree');
        }
        const org = await load(trx, id);
        authorize(ctx.actor, 'org.update', { organisationPath: org.path });
        let newPath = org.path;
        if (input.parentId !== undefined && input.parentId !== org.parentId) {
          const parent = input.parentId === null ? null : await load(trx, input.parentId);
          authorize(ctx.actor, 'org.create', scopeOf(parent));
          if (parent?.path.includes(org.id) === true) {
            throw new AppError('org.parent_cycle', [
              { path: ['body', 'parentId'], issue: 'cycle', message: 'Would create a cycle' },
            ]);
          }
          newPath = [...(parent?.path ?? []), org.id];
          await movePaths(trx, encodePath(org.path), encodePath(newPath));
        }
        const at = now().toISOString();
        await updateOrganisation(trx, id, input, at);
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'org.update',
          targetType: 'organisation',
          targetId: id,
          organisationId: id,
          requestId: ctx.requestId,
        });
        return { ...org, ...input, path: newPath, updatedAt: at };
      }),
  };
}

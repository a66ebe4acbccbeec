import { AppError } from '../../../shared/app-error.js';
import {
  builtInRoleNames,
  builtInRoles,
  isPermissionVerb,
  type PermissionVerb,
} from '../../../shared/permissions.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  countMembershipsWithRole,
  deleteRoleRow,
  findRoleRow,
  findRoleRowLocked,
  insertRoleRow,
  listRoleRows,
  updateRoleVerbs,
  upsertBuiltInRole,
} from './role-repo.js';

/** A role and the verbs it grants. */
export interface Role {
  name: string;
  verbs: PermissionVerb[];
  builtIn: boolean;
}

export interface RoleService {
  list: (ctx: RequestContext) => Promise<Role[]>;
  create: (ctx: RequestContext, name: string, verbs: PermissionVerb[]) => Promise<Role>;
  update: (ctx: RequestContext, name: string, verbs: PermissionVerb[]) => Promise<Role>;
  remove: (ctx: RequestContext, name: string) => Promise<void>;
  /** Verbs of each role, for resolving grants (no authorization: internal use). */
  verbsByRole: (db: Executor) => Promise<Map<string, PermissionVerb[]>>;
  /** Writes the built-in roles' rows (their verbs always come from code). */
  syncBuiltIns: (db: Executor) => Promise<void>;
  exists: (db: Executor, name: string) => Promise<boolean>;
}

const isBuiltIn = (name: string): boolean => (builtInRoleNames as readonly string[]).includes(name);

/**
 * The verbs a role grants, from its stored row. Built-in verbs come from code so that upgrades
 * extend them; unknown stored verbs (from a newer version, say) are dropped, not trusted.
 */
export function roleVerbs(name: string, storedVerbs: readonly string[]): PermissionVerb[] {
  return isBuiltIn(name)
    ? [...builtInRoles[name as keyof typeof builtInRoles]]
    : storedVerbs.filter(isPermissionVerb);
}

function toRole(row: { name: string; verbs: string[]; builtIn: boolean }): Role {
  return { name: row.name, verbs: roleVerbs(row.name, row.verbs), builtIn: isBuiltIn(row.name) };
}

export function createRoleService(deps: {
  database: Database;
  audit: AuditService;
  now: () => Date;
}): RoleService {
  const { database, audit, now } = deps;

  const write = (ctx: RequestContext, action: string, name: string, trx: Executor) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'role',
      targetId: name,
      requestId: ctx.requestId,
    });

  return {
    async list(ctx) {
      // Role definitions are visible to anyone holding role.read in some organisation (the
      // web navigation gates the roles page on the same verb); managing them is installation-wide.
      authorizeAnyRoleRead(ctx);
      return (await listRoleRows(database.db)).map(toRole);
    },
    create: (ctx, name, verbs) =>
      database.db.transaction().execute(async (trx) => {
        authorize(ctx.actor, 'role.manage', 'installation');
        const unique = [...new Set(verbs)];
        try {
          // The primary key is the check: no read before the insert, and no race between them.
          await insertRoleRow(trx, { name, verbs: unique, builtIn: false }, now().toISOString());
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new AppError('role.name_taken', [
              { path: ['body', 'name'], issue: 'taken', message: 'Role name in use' },
            ]);
          }
          throw error;
        }
        await write(ctx, 'role.create', name, trx);
        return { name, verbs: unique, builtIn: false };
      }),
    update: (ctx, name, verbs) =>
      database.db.transaction().execute(async (trx) => {
        authorize(ctx.actor, 'role.manage', 'installation');
        if (isBuiltIn(name)) throw new AppError('role.built_in', { name });
        const unique = [...new Set(verbs)];
        // Only a role that exists now: an update never brings back one deleted meanwhile.
        if (!(await updateRoleVerbs(trx, name, unique))) {
          throw new AppError('role.not_found', { name });
        }
        await write(ctx, 'role.update', name, trx);
        return { name, verbs: unique, builtIn: false };
      }),
    remove: (ctx, name) =>
      database.db.transaction().execute(async (trx) => {
        authorize(ctx.actor, 'role.manage', 'installation');
        // Locked before counting its members: a membership being added with it waits, then
        // finds it gone (role.not_found), instead of either failing on the foreign key.
        const row = await findRoleRowLocked(trx, database.dialect, name);
        if (row === undefined) throw new AppError('role.not_found', { name });
        if (isBuiltIn(name)) throw new AppError('role.built_in', { name });
        if ((await countMembershipsWithRole(trx, name)) > 0) {
          throw new AppError('role.in_use', { name });
        }
        await deleteRoleRow(trx, name);
        await write(ctx, 'role.delete', name, trx);
      }),
    async verbsByRole(db) {
      const roles = (await listRoleRows(db)).map(toRole);
      return new Map(roles.map((role) => [role.name, role.verbs]));
    },
    async syncBuiltIns(db) {
      const at = now().toISOString();
      for (const name of builtInRoleNames) {
        await upsertBuiltInRole(db, name, builtInRoles[name], at);
      }
    },
    exists: async (db, name) => (await findRoleRow(db, name)) !== undefined,
  };
}

function authorizeAnyRoleRead(ctx: RequestContext): void {
  const actor = ctx.actor;
  if (actor.kind === 'system' || actor.isSystemAdmin) return;
  if (!actor.grants.some((grant) => grant.verbs.includes('role.read'))) {
    throw new AppError('access.denied', { verb: 'role.read' });
  }
}

import { AppError } from '../../../shared/app-error.js';
import type { PermissionVerb } from '../../../shared/permissions.js';
import type { Language } from '../../../shared/vocabulary.js';
import { checkPassword } from '../../../core/password-policy.js';
import { organisationsWithVerb, type Grant } from '../../../core/permission-check.js';
import { hashPassword, newId } from '../../platform/crypto/index.js';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  type Database,
  type Executor,
} from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { roleVerbs, type RoleService } from '../roles/index.js';
import {
  deleteMembership,
  findMembership,
  insertMembership,
  listMembershipsOfUser,
  listMembershipsUnder,
  listRoleGrantsOfUser,
  membershipExists,
} from './membership-repo.js';
import type { Membership, User } from './user-model.js';
import { authorizeRoleGrant, authorizeUserAction, authorizeUserRead } from './user-policy.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  updateUser,
  findUserByIdLocked,
  advanceTotpStep,
  type UserChanges,
} from './user-repo.js';

export interface CreateUserInput {
  email: string;
  displayName: string;
  language: Language;
  password: string;
  organisationId: string;
  role: string;
}

export interface UserService {
  create: (ctx: RequestContext, input: CreateUserInput) => Promise<User>;
  get: (ctx: RequestContext, id: string) => Promise<User>;
  list: (ctx: RequestContext) => Promise<User[]>;
  update: (
    ctx: RequestContext,
    id: string,
    input: {
      displayName?: string | undefined;
      language?: Language | undefined;
      disabled?: boolean | undefined;
    },
  ) => Promise<User>;
  listMemberships: (
    ctx: RequestContext,
    filter: { userId?: string | undefined; organisationId?: string | undefined },
  ) => Promise<Membership[]>;
  addMembership: (
    ctx: RequestContext,
    input: { userId: string; organisationId: string; role: string },
  ) => Promise<Membership>;
  removeMembership: (ctx: RequestContext, id: string) => Promise<void>;
  /** Internal: the verbs a user holds per organisation. */
  grantsOf: (db: Executor, userId: string) => Promise<Grant[]>;
  memberships: (db: Executor, userId: string) => Promise<Membership[]>;
  findById: (db: Executor, id: string) => Promise<User | undefined>;
  /** Internal: as findById, the row locked until `trx` ends (a write decided on the read). */
  findByIdLocked: (trx: Executor, id: string) => Promise<User | undefined>;
  /** Throws unless the actor may act on the target's account with `verb` (see user-policy). */
  authorizeAccountAction: (
    db: Executor,
    actor: RequestContext['actor'],
    verb: PermissionVerb,
    target: User,
  ) => Promise<void>;
  /** Internal: writes account changes decided by another module (passwords, two-factor). */
  applyChanges: (trx: Executor, id: string, changes: UserChanges) => Promise<void>;
  /**
   * Internal: accepts a two-factor time step once. True when `step` is later than the last
   * accepted one (now recorded); false for a replay, whoever raced to use it.
   */
  acceptTotpStep: (trx: Executor, id: string, step: number) => Promise<boolean>;
  findByEmail: (db: Executor, email: string) => Promise<User | undefined>;
  /** Internal: creates a user without an acting user (first start, CLI). */
  createUnchecked: (
    trx: Executor,
    ctx: RequestContext,
    input: CreateUserInput & { isSystemAdmin: boolean },
  ) => Promise<User>;
}

/** The role asked for does not exist (or no longer does). */
const roleGone = () =>
  new AppError('role.not_found', [
    { path: ['body', 'role'], issue: 'unknown', message: 'No such role' },
  ]);

function passwordError(problem: string): AppError {
  return new AppError(problem as 'password.too_short', [
    { path: ['body', 'password'], issue: problem, message: 'Password refused' },
  ]);
}

/**
 * A user's grants from their memberships' roles: the verbs of every role held in an
 * organisation, merged per organisation (built-in roles' verbs come from code).
 */
export function grantsFromRoles(
  memberships: readonly { organisationId: string; role: string; storedVerbs: readonly string[] }[],
): Grant[] {
  const byOrg = new Map<string, Set<Grant['verbs'][number]>>();
  for (const row of memberships) {
    const verbs = byOrg.get(row.organisationId) ?? new Set();
    for (const verb of roleVerbs(row.role, row.storedVerbs)) verbs.add(verb);
    byOrg.set(row.organisationId, verbs);
  }
  return [...byOrg].map(([organisationId, verbs]) => ({ organisationId, verbs: [...verbs] }));
}

export function createUserService(deps: {
  database: Database;
  audit: AuditService;
  organisations: OrganisationService;
  roles: RoleService;
  now: () => Date;
}): UserService {
  const { database, audit, organisations, roles, now } = deps;

  const load = async (db: Executor, id: string): Promise<User> => {
    const user = await findUserById(db, id);
    if (user === undefined) throw new AppError('user.not_found', { id });
    return user;
  };

  const record = (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    type: string,
    id: string,
    org: string | null,
  ) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: type,
      targetId: id,
      organisationId: org,
      requestId: ctx.requestId,
    });

  const emailTaken = () =>
    new AppError('user.email_taken', [
      { path: ['body', 'email'], issue: 'taken', message: 'Email already registered' },
    ]);

  const createUnchecked: UserService['createUnchecked'] = async (trx, ctx, input) => {
    const problem = checkPassword(input.password, input.email);
    if (problem !== null) throw passwordError(problem);
    if ((await findUserByEmail(trx, input.email)) !== undefined) throw emailTaken();
    if (!(await roles.exists(trx, input.role))) {
      throw roleGone();
    }
    const at = now().toISOString();
    const user: User = {
      id: newId(),
      email: input.email,
      displayName: input.displayName,
      language: input.language,
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: at,
      isSystemAdmin: input.isSystemAdmin,
      disabled: false,
      dataKeyId: null,
      totpSecretSealed: null,
      totpPendingSealed: null,
      totpEnabledAt: null,
      totpLastStep: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await insertUser(trx, user);
    } catch (error) {
      // Another request registered the same email meanwhile: the same answer as the check's.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    const membershipId = newId();
    try {
      await insertMembership(trx, {
        id: membershipId,
        userId: user.id,
        organisationId: input.organisationId,
        role: input.role,
        createdAt: at,
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw roleGone();
      throw error;
    }
    await record(trx, ctx, 'user.create', 'user', user.id, input.organisationId);
    await record(trx, ctx, 'membership.create', 'membership', membershipId, input.organisationId);
    return user;
  };

  const grantsOf = async (db: Executor, userId: string): Promise<Grant[]> =>
    grantsFromRoles(await listRoleGrantsOfUser(db, userId));

  const authorizeAccountAction: UserService['authorizeAccountAction'] = async (
    db,
    actor,
    verb,
    target,
  ) => {
    const [memberships, verbsByRole] = await Promise.all([
      listMembershipsOfUser(db, target.id),
      roles.verbsByRole(db),
    ]);
    authorizeUserAction(actor, verb, target, memberships, verbsByRole);
  };

  return {
    grantsOf,
    authorizeAccountAction,
    memberships: listMembershipsOfUser,
    findById: findUserById,
    findByIdLocked: (trx, id) => findUserByIdLocked(trx, database.dialect, id),
    applyChanges: (trx, id, changes) => updateUser(trx, id, changes, now().toISOString()),
    acceptTotpStep: (trx, id, step) => advanceTotpStep(trx, id, step, now().toISOString()),
    findByEmail: findUserByEmail,
    createUnchecked,
    create: (ctx, input) =>
      database.db.transaction().execute(async (trx) => {
        const org = await organisations.load(trx, input.organisationId);
        authorize(ctx.actor, 'user.create', { organisationPath: org.path });
        const verbs = (await roles.verbsByRole(trx)).get(input.role);
        if (verbs === undefined) throw roleGone();
        authorizeRoleGrant(ctx.actor, org.path, verbs);
        return createUnchecked(trx, ctx, { ...input, isSystemAdmin: false });
      }),
    get: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const user = await load(trx, id);
        authorizeUserRead(ctx.actor, user, await listMembershipsOfUser(trx, id));
        // A user's record holds personal data (their email): reading it leaves a trace.
        await record(trx, ctx, 'user.read', 'user', id, null);
        return user;
      }),
    async list(ctx) {
      const actor = ctx.actor;
      if (actor.kind === 'system' || actor.isSystemAdmin) return listUsers(database.db, null);
      return listUsers(database.db, organisationsWithVerb(actor.grants, 'user.read'));
    },
    update: (ctx, id, input) =>
      database.db.transaction().execute(async (trx) => {
        const user = await load(trx, id);
        await authorizeAccountAction(trx, ctx.actor, 'user.update', user);
        const at = now().toISOString();
        await updateUser(trx, id, input, at);
        await record(trx, ctx, 'user.update', 'user', id, null);
        return {
          ...user,
          ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
          ...(input.language === undefined ? {} : { language: input.language }),
          ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
          updatedAt: at,
        };
      }),
    async listMemberships(ctx, filter) {
      const actor = ctx.actor;
      if (actor.kind === 'system' || actor.isSystemAdmin) {
        return listMembershipsUnder(database.db, null, filter);
      }
      return listMembershipsUnder(
        database.db,
        organisationsWithVerb(actor.grants, 'membership.read'),
        filter,
      );
    },
    addMembership: (ctx, input) =>
      database.db.transaction().execute(async (trx) => {
        const org = await organisations.load(trx, input.organisationId);
        const target = await load(trx, input.userId);
        // Only users the actor can already see may be brought into an organisation; otherwise
        // attaching an arbitrary id would reveal that user's name and email.
        authorizeUserRead(ctx.actor, target, await listMembershipsOfUser(trx, target.id));
        const verbs = (await roles.verbsByRole(trx)).get(input.role);
        if (verbs === undefined) {
          throw roleGone();
        }
        authorizeRoleGrant(ctx.actor, org.path, verbs);
        if (await membershipExists(trx, input.userId, input.organisationId, input.role)) {
          throw new AppError('membership.exists');
        }
        const id = newId();
        const at = now().toISOString();
        try {
          await insertMembership(trx, { id, ...input, createdAt: at });
        } catch (error) {
          // A concurrent request added the same membership between the check and the insert.
          if (isUniqueViolation(error)) throw new AppError('membership.exists');
          // Or deleted the role (its deletion locks the role, so this insert waited for it).
          if (isForeignKeyViolation(error)) throw roleGone();
          throw error;
        }
        await record(trx, ctx, 'membership.create', 'membership', id, org.id);
        const created = await findMembership(trx, id);
        if (created === undefined) throw new AppError('membership.not_found', { id });
        return created;
      }),
    removeMembership: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const membership = await findMembership(trx, id);
        if (membership === undefined) throw new AppError('membership.not_found', { id });
        // Taking a role away needs what giving it needs: every verb it carries. Otherwise an
        // organisation's administrator could strip a membership stronger than their own (a
        // data manager's), and lock out the person who oversees them.
        const verbs = (await roles.verbsByRole(trx)).get(membership.role) ?? [];
        authorizeRoleGrant(ctx.actor, membership.organisationPath, verbs);
        await deleteMembership(trx, id);
        await record(trx, ctx, 'membership.delete', 'membership', id, membership.organisationId);
      }),
  };
}

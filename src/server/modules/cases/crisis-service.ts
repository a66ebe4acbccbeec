import { AppError } from '../../../shared/app-error.js';
import type { crisisBodySchema } from '../../../shared/case-schemas.js';
import type { z } from 'zod';
import { newId } from '../../platform/crypto/index.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { insertCrisis, listCrises, type Crisis } from './crisis-repo.js';

export type { Crisis } from './crisis-repo.js';

export interface CrisisService {
  list: (ctx: RequestContext) => Promise<Crisis[]>;
  create: (ctx: RequestContext, body: z.output<typeof crisisBodySchema>) => Promise<Crisis>;
  /** As create, in a caller's transaction (demo content). */
  createIn: (
    trx: Executor,
    ctx: RequestContext,
    body: z.output<typeof crisisBodySchema>,
  ) => Promise<Crisis>;
}

export function createCrisisService(deps: {
  database: Database;
  audit: AuditService;
  now: () => Date;
}): CrisisService {
  const { database, audit, now } = deps;
  const createIn: CrisisService['createIn'] = async (trx, ctx, body) => {
    // The crisis list is shared by every organisation: an installation-wide object.
    authorize(ctx.actor, 'crisis.manage', 'installation');
    if (body.endDate !== null && body.endDate < body.startDate) {
      throw new AppError('validation.failed', [
        { path: ['body', 'endDate'], issue: 'before_start', message: 'Ends before it starts' },
      ]);
    }
    const crisis: Crisis = { id: newId(), ...body };
    try {
      await insertCrisis(trx, crisis, now().toISOString());
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('crisis.name_taken', [
          { path: ['body', 'name'], issue: 'taken', message: 'A crisis has this name' },
        ]);
      }
      throw error;
    }
    await audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action: 'crisis.create',
      targetType: 'crisis',
      targetId: crisis.id,
      requestId: ctx.requestId,
    });
    return crisis;
  };
  return {
    createIn,
    create: (ctx, body) => database.db.transaction().execute((trx) => createIn(trx, ctx, body)),
    // The list names public events, not people: any signed-in user may read it.
    list: () => listCrises(database.db),
  };
}

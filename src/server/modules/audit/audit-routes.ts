import { z } from 'zod';
import {
  auditEntrySchema,
  auditQuerySchema,
  auditVerificationSchema,
} from '../../../shared/audit-schemas.js';
import { AppError } from '../../../shared/app-error.js';
import { organisationsWithVerb } from '../../../core/permission-check.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { authorize, contextOf, type RequestContext } from '../access/index.js';
import type { AuditEntry, AuditFilter } from './audit-model.js';
import type { ChainReport } from '../../../core/audit-chain.js';

/** What the routes need of the audit log, bound to the database by the composition root. */
export interface AuditReader {
  query: (filter: AuditFilter) => Promise<AuditEntry[]>;
  verify: () => Promise<ChainReport>;
  organisationPath: (id: string) => Promise<string[]>;
}

/** Allow-list of audit fields (the previous-hash link is internal to verification). */
function present(entry: AuditEntry): z.infer<typeof auditEntrySchema> {
  return {
    seq: entry.seq,
    at: entry.at,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    organisationId: entry.organisationId,
    requestId: entry.requestId,
    outcome: entry.outcome,
    hash: entry.hash,
  };
}

/**
 * Audit entries name organisations; an organisation-level auditor sees the entries of the
 * organisations under them. The whole log, entries without an organisation included, is for
 * system administrators.
 */
function scopeFilter(ctx: RequestContext, organisationId: string | undefined): string | undefined {
  const actor = ctx.actor;
  if (actor.kind === 'system' || actor.isSystemAdmin) return organisationId;
  // Refuse those who may read no audit entries at all before asking them to narrow the query.
  if (organisationsWithVerb(actor.grants, 'audit.read').length === 0) {
    throw new AppError('access.denied', { verb: 'audit.read' });
  }
  if (organisationId === undefined) {
    throw new AppError('validation.failed', [
      {
        path: ['querystring', 'organisationId'],
        issue: 'required',
        message: 'Choose an organisation',
      },
    ]);
  }
  return organisationId;
}

/** `/api/audit`: query the log and check its chain. */
export function registerAuditRoutes(app: HttpApp, reader: AuditReader): void {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        querystring: auditQuerySchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const organisationId = scopeFilter(ctx, request.query.organisationId);
      if (organisationId !== undefined) {
        authorize(ctx.actor, 'audit.read', {
          organisationPath: await reader.organisationPath(organisationId),
        });
      } else {
        authorize(ctx.actor, 'audit.read', 'installation');
      }
      const items = await reader.query({ ...request.query, organisationId });
      return { items: items.map(present) };
    },
  );
  app.get(
    '/api/audit/verification',
    { schema: { tags, response: { 200: auditVerificationSchema } } },
    async (request) => {
      authorize(contextOf(request).actor, 'audit.read', 'installation');
      const report = await reader.verify();
      return {
        intact: report.intact,
        entries: report.entries,
        firstBadSeq: report.firstBadSeq,
        problem: report.problem,
      };
    },
  );
}

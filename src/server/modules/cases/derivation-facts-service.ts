import type { DerivationCaseFacts } from '../../../core/glotip/derivation/case-facts.js';
import { countingPolicyById } from '../../../core/glotip/derivation/counting-policy.js';
import { deriveReturnCells } from '../../../core/glotip/derivation/derive-return.js';
import { AppError } from '../../../shared/app-error.js';
import { cellKeyString, type GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, type Actor, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { caseViewOf } from './case-policy.js';
import {
  findDerivationOrganisation,
  listDerivationFacts,
  listSubtree,
  type DerivationOrganisation,
} from './derivation-facts-repo.js';

/** The case facts of an organisation's subtree for one year, ready for `deriveReturnCells`. */
export interface DerivationFacts {
  organisationId: string;
  year: number;
  /** The organisation's country (ISO3), the `reportingCountry` of the derivation. */
  reportingCountry: string | null;
  /** The organisation and its descendants: whose cases were read. */
  organisationIds: string[];
  facts: DerivationCaseFacts[];
}

/** Which cases a derived cell counted, as far as the reader may see them. */
export interface DrillDownResult {
  key: GlotipCellKey;
  /** The cell's derived value (all counted cases, seen or not). */
  value: number;
  /** The counted cases the reader may see: ids and case numbers only, by case number. */
  cases: { caseId: string; caseNumber: string }[];
  /** Counted cases held where the reader may not see cases. */
  hidden: number;
}

export interface DerivationFactsService {
  /**
   * Reads the analytic facts of the cases held by an organisation and its descendants that may
   * fall in `year`. Needs `return.edit` on the organisation and sight of every case read:
   * `case.read_subtree` over it when it has descendants; when it has none, `case.read` held in
   * it suffices (case.read covers the holding organisation only). Audited as `case.derive`.
   */
  loadDerivationFacts: (
    ctx: RequestContext,
    input: { organisationId: string; year: number },
  ) => Promise<DerivationFacts>;
  /**
   * The cases a derived cell counted. Needs `return.read` on the organisation; the cell is
   * derived over the whole subtree (so its value is the draft's), and only cases the reader
   * could open in the case list are named. Audited as `case.drill_down`.
   */
  drillDown: (
    ctx: RequestContext,
    input: {
      organisationId: string;
      year: number;
      policyId: string;
      cellKey: GlotipCellKey;
      includeSynthetic?: boolean;
    },
  ) => Promise<DrillDownResult>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const seesCasesOf = (actor: Actor, path: readonly string[]) =>
  caseViewOf(actor, path, false) !== null;

/** Creates the derivation-facts reader over a database and the audit log. */
export function createDerivationFactsService(deps: {
  database: Database;
  audit: AuditService;
}): DerivationFactsService {
  const { database, audit } = deps;

  const loadOrganisation = async (db: Executor, id: string): Promise<DerivationOrganisation> => {
    const organisation = await findDerivationOrganisation(db, id);
    if (organisation === undefined) throw new AppError('org.not_found', { id });
    return organisation;
  };

  const record = (trx: Executor, ctx: RequestContext, action: string, organisationId: string) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'organisation',
      targetId: organisationId,
      organisationId,
      requestId: ctx.requestId,
    });

  return {
    loadDerivationFacts: (ctx, { organisationId, year }) =>
      database.db.transaction().execute(async (trx) => {
        const organisation = await loadOrganisation(trx, organisationId);
        const scope = { organisationPath: organisation.path };
        authorize(ctx.actor, 'return.edit', scope);
        const subtree = await listSubtree(trx, organisationId);
        if (subtree.length > 1) {
          // The return covers the children's cases: reading them needs the subtree verb.
          authorize(ctx.actor, 'case.read_subtree', scope);
        } else if (!seesCasesOf(ctx.actor, organisation.path)) {
          throw new AppError('access.denied', { verb: 'case.read' });
        }
        const organisationIds = subtree.map((item) => item.id);
        const facts = await listDerivationFacts(trx, organisationIds, year);
        await record(trx, ctx, 'case.derive', organisationId);
        return {
          organisationId,
          year,
          reportingCountry: organisation.country,
          organisationIds,
          facts,
        };
      }),

    drillDown: (ctx, { organisationId, year, policyId, cellKey, includeSynthetic }) =>
      database.db.transaction().execute(async (trx) => {
        const policy = countingPolicyById(policyId);
        if (policy === undefined) {
          throw new AppError('validation.failed', [
            {
              path: ['policyId'],
              issue: 'unknown_policy',
              message: 'No counting policy has this id',
            },
          ]);
        }
        const organisation = await loadOrganisation(trx, organisationId);
        authorize(ctx.actor, 'return.read', { organisationPath: organisation.path });
        const subtree = await listSubtree(trx, organisationId);
        const paths = new Map(subtree.map((item) => [item.id, item.path]));
        const facts = await listDerivationFacts(trx, [...paths.keys()], year);
        const wanted = cellKeyString(cellKey);
        const cell = deriveReturnCells(facts, policy, {
          year,
          reportingCountry: organisation.country,
          includeSynthetic: includeSynthetic ?? false,
        }).find((item) => cellKeyString(item.key) === wanted);
        const counted = new Set(cell?.caseIds ?? []);
        // The same rule as the case list: own organisation with case.read, subtrees with
        // case.read_subtree; everything for system administrators.
        const cases = facts
          .filter((item) => counted.has(item.caseId))
          .filter((item) => seesCasesOf(ctx.actor, paths.get(item.organisationId) ?? []))
          .map((item) => ({ caseId: item.caseId, caseNumber: item.caseNumber }))
          .sort((a, b) => byText(a.caseNumber, b.caseNumber) || byText(a.caseId, b.caseId));
        await record(trx, ctx, 'case.drill_down', organisationId);
        return { key: cellKey, value: counted.size, cases, hidden: counted.size - cases.length };
      }),
  };
}

import {
  countingPolicies,
  countingPolicyById,
  deriveReturnCells,
  type CountingPolicy,
} from '../../../core/glotip/derivation/index.js';
import { AppError } from '../../../shared/app-error.js';
import { derivationSourceNote } from '../../../shared/derivation-note.js';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import type { RequestContext } from '../access/index.js';
import type { DerivationFactsService, DrillDownResult } from '../cases/index.js';
import type { ReturnService } from '../returns/index.js';

export interface DeriveInput {
  organisationId: string;
  year: number;
  policyId: string;
  includeSynthetic: boolean;
}

export interface DerivationService {
  policies: () => readonly CountingPolicy[];
  /**
   * Derives the organisation's return for a year from its subtree's case records under a
   * counting policy and stores it as a draft (source `derived`): each cell keeps the derived
   * value and how many records it counted; figures a person already overrode keep their value
   * and reason, only the derived value beside them moves.
   */
  derive: (
    ctx: RequestContext,
    input: DeriveInput,
  ) => Promise<{ returnId: string; created: boolean; cells: number; records: number }>;
  drillDown: (
    ctx: RequestContext,
    input: DeriveInput & { cellKey: GlotipCellKey },
  ) => Promise<DrillDownResult>;
}

function policyOf(id: string): CountingPolicy {
  const policy = countingPolicyById(id);
  if (policy === undefined) throw new AppError('validation.failed', { policyId: id });
  return policy;
}

export function createDerivationService(deps: {
  facts: DerivationFactsService;
  returns: ReturnService;
}): DerivationService {
  return {
    policies: () => countingPolicies,
    async derive(ctx, input) {
      const policy = policyOf(input.policyId);
      // Authorization (return.edit and sight of the cases) and the audit entry are the facts
      // reader's; the draft write is authorized and audited again by the returns module.
      const loaded = await deps.facts.loadDerivationFacts(ctx, {
        organisationId: input.organisationId,
        year: input.year,
      });
      const derived = deriveReturnCells(loaded.facts, policy, {
        year: input.year,
        reportingCountry: loaded.reportingCountry,
        includeSynthetic: input.includeSynthetic,
      });
      const saved = await deps.returns.saveSystemCells(ctx, {
        organisationId: input.organisationId,
        year: input.year,
        source: 'derived',
        sourceNote: derivationSourceNote(policy),
        mode: 'draft',
        // Figures that may count demo records are marked synthetic, as demo data is.
        synthetic: input.includeSynthetic,
        cells: derived.map((cell) => ({
          key: cell.key,
          value: { kind: 'count', value: cell.value },
          derivedValue: cell.value,
          recordCount: cell.caseIds.length,
        })),
      });
      const total = derived.find(
        (cell) =>
          cell.key.indicator === 'detected_victims' &&
          cell.key.dimension === 'total' &&
          cell.key.sex === 'total' &&
          cell.key.age === 'total',
      );
      return {
        returnId: saved.ret.id,
        created: saved.created,
        cells: derived.length,
        records: total?.caseIds.length ?? 0,
      };
    },
    drillDown: (ctx, input) => {
      policyOf(input.policyId);
      return deps.facts.drillDown(ctx, {
        organisationId: input.organisationId,
        year: input.year,
        policyId: input.policyId,
        cellKey: input.cellKey,
        includeSynthetic: input.includeSynthetic,
      });
    },
  };
}

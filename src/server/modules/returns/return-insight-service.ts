import {
  expectedReturnCells,
  glotipValidationRules,
  questionnaireSections,
  returnCompleteness,
  sectionCellKeys,
  type DataSetDefinition,
  type ReturnTimeliness,
} from '../../../core/glotip/index.js';
import { AppError } from '../../../shared/app-error.js';
import {
  ruleMessageLanguages,
  type GlotipCellKey,
  type ReturnStatus,
  type RuleImportance,
} from '../../../shared/glotip-vocabulary.js';
import type { GlotipStatsQuery } from '../../../shared/return-schemas.js';
import type { OrganisationType } from '../../../shared/vocabulary.js';
import type { RequestContext } from '../access/index.js';
import {
  cellsByReturn,
  entitiesWithReturns,
  listScopedEntities,
  queryStatsCells,
  type StatsCellRow,
} from './return-insight-repo.js';
import { currentDataSet, type ReturnKit } from './return-kit.js';
import { defaultDueDate, statisticStatuses } from './return-model.js';
import { listReturns } from './return-repo.js';

/** One reporting entity's completeness and timeliness for a year. */
export interface CompletenessEntry {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  returnId: string | null;
  status: ReturnStatus | null;
  expectedCells: number;
  reportedCells: number;
  notAvailableCells: number;
  share: number;
  dueDate: string;
  submittedAt: string | null;
  timeliness: ReturnTimeliness | null;
  daysLate: number | null;
  onTime: boolean | null;
}

/** Completeness of a year under the viewer. */
export interface CompletenessReport {
  year: number;
  expectedEntities: number;
  entitiesWithReturn: number;
  entitiesSubmitted: number;
  entitiesOnTime: number;
  entries: CompletenessEntry[];
}

/** Data sets, rules, completeness and the statistics query. */
export interface ReturnInsightService {
  dataSets: () => { definition: DataSetDefinition; cells: GlotipCellKey[] }[];
  rules: (
    ctx: RequestContext,
    language?: string,
  ) => Promise<{ id: string; importance: RuleImportance; description: string }[]>;
  completeness: (ctx: RequestContext, year: number) => Promise<CompletenessReport>;
  stats: (
    ctx: RequestContext,
    query: GlotipStatsQuery,
  ) => Promise<{ items: StatsCellRow[]; total: number }>;
}

/** Every fixed cell of a definition's questionnaire (countries are open-ended, left out). */
export function questionnaireCellKeys(definition: DataSetDefinition): GlotipCellKey[] {
  return questionnaireSections(definition).flatMap(sectionCellKeys);
}

const submittedStatuses: readonly ReturnStatus[] = [
  'submitted',
  'accepted',
  'approved',
  'published',
];

/** Builds the insight half over the shared helpers. */
export function createReturnInsightService(kit: ReturnKit): ReturnInsightService {
  const { database, now } = kit;
  const fixedKeys = questionnaireCellKeys(currentDataSet);
  // What completeness expects: the fixed tables without the detailed forms (an extension).
  const expected = expectedReturnCells(currentDataSet);
  const languages: readonly string[] = ruleMessageLanguages;

  return {
    dataSets: () => [{ definition: currentDataSet, cells: fixedKeys }],
    async rules(ctx, language) {
      const wanted = language ?? (await kit.languageOf(database.db, ctx.actor));
      const lang = (languages.includes(wanted) ? wanted : 'en') as 'en';
      return glotipValidationRules.map((rule) => ({
        id: rule.id,
        importance: rule.importance,
        description: rule.messages[lang],
      }));
    },
    completeness: (ctx, year) =>
      database.db.transaction().execute(async (trx) => {
        const scope = kit.scopeOf(ctx.actor, 'return.read');
        if (scope !== null && scope.length === 0) {
          throw new AppError('access.denied', { verb: 'return.read' });
        }
        const entities = await listScopedEntities(trx, scope);
        const reporters = await entitiesWithReturns(trx, currentDataSet.code);
        const { items } = await listReturns(trx, scope, { year });
        const byEntity = new Map(items.map((ret) => [ret.organisationId, ret]));
        const cells = await cellsByReturn(
          trx,
          items.map((ret) => ret.id),
        );
        // Leaves report (NGOs, field offices); levels above report too once they file a return.
        const reporting = entities.filter((e) => e.isLeaf || reporters.has(e.id));
        const asOf = now().toISOString();
        const entries = reporting.map((entity): CompletenessEntry => {
          const ret = byEntity.get(entity.id);
          const dueDate = ret?.dueDate ?? defaultDueDate(year);
          const submittedAt = ret?.firstSubmittedAt ?? null;
          const measured = returnCompleteness({
            entityId: entity.id,
            year,
            status: ret?.status ?? null,
            cells: cells.get(ret?.id ?? '') ?? [],
            expected,
            dueDate,
            submittedAt,
            asOf,
          });
          // Figures imported as published never went through submission: no timeliness.
          const imported =
            ret !== undefined && submittedAt === null && submittedStatuses.includes(ret.status);
          const timeliness = imported ? null : measured.timeliness;
          return {
            organisationId: entity.id,
            organisationName: entity.name,
            organisationType: entity.type,
            returnId: ret?.id ?? null,
            status: ret?.status ?? null,
            expectedCells: measured.expected,
            reportedCells: measured.reported,
            notAvailableCells: measured.notAvailable,
            share: measured.share,
            dueDate,
            submittedAt,
            timeliness,
            daysLate: imported ? null : measured.daysLate,
            onTime:
              timeliness === null || timeliness === 'not_yet_due' ? null : timeliness === 'on_time',
          };
        });
        await kit.recordAudit(trx, ctx, 'return.completeness_read', null);
        return {
          year,
          expectedEntities: entries.length,
          entitiesWithReturn: entries.filter((e) => e.returnId !== null).length,
          entitiesSubmitted: entries.filter(
            (e) => e.status !== null && submittedStatuses.includes(e.status),
          ).length,
          entitiesOnTime: entries.filter((e) => e.onTime === true).length,
          entries,
        };
      }),
    stats: (ctx, query) =>
      database.db.transaction().execute(async (trx) => {
        const scope = kit.scopeOf(ctx.actor, 'stats.read');
        if (scope !== null && scope.length === 0) {
          throw new AppError('access.denied', { verb: 'stats.read' });
        }
        const result = await queryStatsCells(trx, scope, statisticStatuses, query);
        await kit.recordAudit(trx, ctx, 'return.stats_read', null);
        return result;
      }),
  };
}

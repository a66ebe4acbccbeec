import type {
  PopulationImportReportView,
  populationSchema,
} from '../../../shared/population-schemas.js';
import type { z } from 'zod';
import type { PopulationImportReport, StoredPopulation } from './population-model.js';

/** A population figure as the API shows it (every field is public data). */
export function presentPopulation(row: StoredPopulation): z.infer<typeof populationSchema> {
  return {
    country: row.country,
    year: row.year,
    population: row.population,
    source: row.source,
    updatedAt: row.updatedAt,
  };
}

/** An import report: counts and each rejected row's line, column, value and reason. */
export function presentImportReport(report: PopulationImportReport): PopulationImportReportView {
  return {
    dryRun: report.dryRun,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    rejections: report.rejections.map(({ line, column, value, reason }) => ({
      line,
      column,
      value,
      reason,
    })),
  };
}

import type { Completeness } from './returns-api.js';

/** One entity's standing in one year. */
export type MatrixCell = Completeness['entries'][number];

/** One reporting entity across the years shown. */
export interface MatrixRow {
  organisationId: string;
  organisationName: string;
  years: Map<number, MatrixCell>;
}

/**
 * Turns per-year completeness reports into entities × years: every entity expected in any of
 * the years is a row (named as in its latest year), sorted by name in the reader's collation.
 */
export function completenessMatrix(
  reports: readonly Completeness[],
  collator: Intl.Collator = new Intl.Collator(),
): { rows: MatrixRow[] } {
  const rows = new Map<string, MatrixRow>();
  const ordered = [...reports].sort((a, b) => a.year - b.year);
  for (const report of ordered) {
    for (const entry of report.entries) {
      const row = rows.get(entry.organisationId) ?? {
        organisationId: entry.organisationId,
        organisationName: entry.organisationName,
        years: new Map<number, MatrixCell>(),
      };
      row.organisationName = entry.organisationName;
      row.years.set(report.year, entry);
      rows.set(entry.organisationId, row);
    }
  }
  return {
    rows: [...rows.values()].sort((a, b) =>
      collator.compare(a.organisationName, b.organisationName),
    ),
  };
}

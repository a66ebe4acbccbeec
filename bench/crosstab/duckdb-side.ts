// The baseline: the same case facts in DuckDB (in memory, loaded through the appender), and
// the same cross-tabs as GROUP BY queries.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CrosstabDimension } from '../../src/shared/crosstab-schemas.js';
import { exploitationGroupAt, type SyntheticCases } from './synthetic-cases.js';

const columnOf: Record<CrosstabDimension, string> = {
  organisation: 'organisation_id',
  year: 'year',
  country: 'country',
  citizenship: 'citizenship',
  sex: 'sex',
  majority: 'majority',
  ageBand: 'age_band',
  exploitation: 'exploitation',
  conflict: 'conflict',
  crisis: 'crisis',
  displacement: 'displacement',
  status: 'status',
};

export interface DuckSide {
  /** Runs a cross-tab; returns cells keyed like Vigil's (JSON of the keys). */
  crosstab: (dims: readonly CrosstabDimension[]) => Promise<Map<string, number>>;
  close: () => void;
}

/** Loads the cases into an in-memory DuckDB; returns the query runner and the load time. */
export async function startDuckDb(
  cases: SyntheticCases,
): Promise<{ side: DuckSide; loadMs: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run(`create table cases (
    organisation_id varchar not null, year varchar not null, country varchar, citizenship varchar,
    sex varchar not null, majority varchar, age_band varchar, exploitation varchar,
    conflict varchar not null, crisis varchar, displacement varchar, status varchar)`);
  const started = performance.now();
  const appender = await connection.createAppender('cases');
  const text = (value: string | null) => {
    if (value === null) appender.appendNull();
    else appender.appendVarchar(value);
  };
  for (let i = 0; i < cases.length; i += 1) {
    text(cases.organisationId[i] ?? '');
    text(String(cases.year[i]));
    text(cases.country[i] ?? null);
    text(cases.citizenship[i] ?? null);
    text(cases.gender[i] ?? '');
    text(cases.majority[i] ?? null);
    text(cases.ageBand[i] ?? null);
    text(exploitationGroupAt(cases, i));
    text(cases.conflict[i] ?? '');
    text(cases.crisis[i] ?? null);
    text(cases.displacement[i] ?? null);
    text(cases.status[i] ?? null);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const loadMs = performance.now() - started;
  return {
    loadMs,
    side: {
      async crosstab(dims) {
        const columns = dims.map((dim) => columnOf[dim]).join(', ');
        const reader = await connection.runAndReadAll(
          `select ${columns}, count(*)::integer as n from cases group by ${columns}`,
        );
        const out = new Map<string, number>();
        for (const row of reader.getRows()) {
          const keys = row.slice(0, dims.length).map((v) => (v === null ? null : String(v)));
          out.set(JSON.stringify(keys), Number(row[dims.length]));
        }
        return out;
      },
      close: () => {
        connection.closeSync();
        instance.closeSync();
      },
    },
  };
}

/**
 * What differs between the databases, as capability flags. Code outside platform/db asks these
 * questions instead of testing which database it is on.
 */
export interface Dialect {
  kind: 'sqlite' | 'postgres';
  /** `SELECT … FOR UPDATE` is needed to serialise writers (SQLite has one writer anyway). */
  supportsForUpdate: boolean;
}

export const sqliteDialect: Dialect = { kind: 'sqlite', supportsForUpdate: false };
export const postgresDialect: Dialect = { kind: 'postgres', supportsForUpdate: true };

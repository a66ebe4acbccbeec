/** One row of a table file: its cells as text and its 1-based line (CSV) or row (XLSX) number. */
export interface TabularRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Why a table file could not be read at all (row-level problems are the caller's). */
export type TabularProblem =
  | 'tabular.too_large'
  | 'tabular.too_wide'
  | 'tabular.empty'
  | 'tabular.malformed_csv'
  | 'tabular.malformed_xlsx'
  | 'tabular.no_such_sheet';

/**
 * A file that cannot be read as a table. The message never quotes the file's content (case
 * files hold personal data, and errors reach logs); `line` says where, when known.
 */
export class TabularReadError extends Error {
  constructor(
    readonly problem: TabularProblem,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'TabularReadError';
  }
}

/** Default cap on the size of a file read into memory: 64 MiB. */
export const defaultMaxBytes = 64 * 1024 * 1024;

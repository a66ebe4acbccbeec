import { useMemo } from 'react';
import { DataTable, type ColumnDef } from './data-table.js';
import { useFormatters } from '../i18n/format.js';

/** One refused row or cell of an uploaded file: where it is, what it held, why it was refused. */
export interface FileRejection {
  /** The file's line (CSV) or row (sheet) number. */
  position: number;
  /** The column as the file names it; null when the whole row was refused. */
  column: string | null;
  /** The cell as written; null or '' when empty. */
  value: string | null;
  /** True when the server withheld the cell (it may identify someone this reader may not see). */
  withheld?: boolean;
  /** A stable reason code, worded by `reasonText`. */
  reason: string;
}

/** The words of one upload page's table, in the reader's language. */
export interface RejectionWords {
  label: string;
  position: string;
  column: string;
  value: string;
  empty: string;
  /** Shown instead of a withheld cell; uploads that never withhold leave it out. */
  withheld?: string;
  reason: string;
  none: string;
}

/**
 * The refused rows of an upload's report (case files, GLOTIP files, population files): the
 * position in the file, the column, the value as written and the reason in words. Codes and
 * values keep their own direction in a right-to-left page.
 */
export function RejectionsTable({
  rejections,
  words,
  reasonText,
  testId,
  captionHidden = false,
}: {
  rejections: readonly FileRejection[];
  words: RejectionWords;
  reasonText: (reason: string) => string;
  testId: string;
  captionHidden?: boolean;
}) {
  const format = useFormatters();
  const columns = useMemo<ColumnDef<FileRejection>[]>(
    () => [
      {
        id: 'position',
        header: words.position,
        accessorFn: (r) => r.position,
        cell: ({ row }) => format.number(row.original.position),
      },
      {
        id: 'column',
        header: words.column,
        accessorFn: (r) => r.column ?? '',
        cell: ({ row }) =>
          row.original.column === null ? '—' : <code dir="ltr">{row.original.column}</code>,
      },
      {
        id: 'value',
        header: words.value,
        accessorFn: (r) => r.value ?? '',
        cell: ({ row }) =>
          row.original.withheld === true ? (
            <span className="muted">{words.withheld ?? words.empty}</span>
          ) : row.original.value === null || row.original.value === '' ? (
            <span className="muted">{words.empty}</span>
          ) : (
            <code dir="auto">{row.original.value}</code>
          ),
      },
      {
        id: 'reason',
        header: words.reason,
        accessorFn: (r) => reasonText(r.reason),
        cell: ({ row, getValue }) => (
          <span data-reason={row.original.reason}>{String(getValue())}</span>
        ),
      },
    ],
    [words, reasonText, format],
  );
  return (
    <DataTable
      label={words.label}
      data={rejections}
      columns={columns}
      isLoading={false}
      error={null}
      emptyText={words.none}
      pageSize={25}
      testId={testId}
      captionHidden={captionHidden}
    />
  );
}

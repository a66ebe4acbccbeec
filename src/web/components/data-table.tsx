import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text.js';
import { useFormatters } from '../i18n/format.js';
import { SkeletonBar } from './skeleton.js';

export type { ColumnDef } from '@tanstack/react-table';

interface DataTableProps<T> {
  /** The table's accessible name (shown as its caption). */
  label: string;
  data: readonly T[] | undefined;
  columns: ColumnDef<T>[];
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  emptyText: string;
  getRowId?: (row: T) => string;
  /** A text filter over all columns (client-side). */
  filterable?: boolean;
  /** Client-side pages; false when the caller pages on the server. */
  paginate?: boolean;
  pageSize?: number;
  testId?: string;
  /** Extra controls beside the filter (e.g. a "new" button). */
  toolbar?: ReactNode;
  /** Under the table (e.g. server-side paging controls). */
  footer?: ReactNode;
  captionHidden?: boolean;
}

const pageSizes = [10, 25, 50, 100];
const skeletonRows = 5;

/**
 * The table of every list page (TanStack Table): sortable headers with `aria-sort`, a text
 * filter, pages, and a loading skeleton, an error with a retry, and an empty state.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  isLoading,
  error,
  onRetry,
  emptyText,
  getRowId,
  filterable = true,
  paginate = true,
  pageSize = 25,
  testId,
  toolbar,
  footer,
  captionHidden = false,
}: DataTableProps<T>) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const filterId = useId();
  const pageSizeId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize });
  // A new array when the language changes: TanStack Table caches cell values per row, and the
  // cached values (translated labels) must be recomputed in the new language.
  const language = i18n.language;
  const rows = useMemo(() => ({ language, items: [...(data ?? [])] }), [data, language]).items;

  // eslint-disable-next-line react-hooks/incompatible-library -- Vigil does not use the React Compiler; TanStack Table's mutable API is fine with plain React.
  const table = useReactTable<T>({
    data: rows,
    columns,
    state: { sorting, globalFilter, pagination },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    ...(paginate ? { getPaginationRowModel: getPaginationRowModel() } : {}),
    globalFilterFn: 'includesString',
    autoResetPageIndex: true,
    ...(getRowId === undefined ? {} : { getRowId: (row: T) => getRowId(row) }),
  });

  const columnCount = table.getVisibleLeafColumns().length;
  const visibleRows = table.getRowModel().rows;
  const filteredCount = table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());

  let body: ReactNode;
  if (isLoading) {
    body = Array.from({ length: skeletonRows }, (_, index) => (
      <tr key={index} className="skeleton-row">
        {Array.from({ length: columnCount }, (_unused, cell) => (
          <td key={cell}>
            <SkeletonBar width={cell === 0 ? 'medium' : 'full'} />
          </td>
        ))}
      </tr>
    ));
  } else if (error !== null && error !== undefined) {
    body = (
      <tr>
        <td colSpan={columnCount}>
          <div className="table-state table-error" role="alert">
            <p>{errorText(error)}</p>
            {onRetry !== undefined && (
              <button type="button" className="button" onClick={onRetry}>
                {t('common.retry')}
              </button>
            )}
          </div>
        </td>
      </tr>
    );
  } else if (visibleRows.length === 0) {
    body = (
      <tr>
        <td colSpan={columnCount}>
          <p className="table-state">
            {rows.length > 0 && globalFilter !== '' ? t('table.noMatches') : emptyText}
          </p>
        </td>
      </tr>
    );
  } else {
    body = visibleRows.map((row) => (
      <tr key={row.id}>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ))}
      </tr>
    ));
  }

  return (
    <div className="data-table">
      {(filterable || toolbar !== undefined) && (
        <div className="table-toolbar">
          {filterable && (
            <div className="table-filter">
              <label htmlFor={filterId}>{t('table.filter')}</label>
              <input
                id={filterId}
                type="search"
                className="input"
                value={globalFilter}
                onChange={(event) => {
                  setGlobalFilter(event.target.value);
                }}
              />
            </div>
          )}
          {toolbar}
        </div>
      )}
      <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        <table className="table" data-testid={testId} aria-busy={isLoading}>
          <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{label}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {content}
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {paginate && !isLoading && filteredCount > 0 && (
        <div className="table-pager">
          <p className="table-count">
            {t('table.rows', { count: filteredCount, formatted: format.number(filteredCount) })}
          </p>
          <div className="table-page-size">
            <label htmlFor={pageSizeId}>{t('table.pageSize')}</label>
            <select
              id={pageSizeId}
              className="input"
              value={table.getState().pagination.pageSize}
              onChange={(event) => {
                table.setPageSize(Number(event.target.value));
              }}
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {format.number(size)}
                </option>
              ))}
            </select>
          </div>
          <div className="pager-buttons">
            <button
              type="button"
              className="button"
              onClick={() => {
                table.previousPage();
              }}
              disabled={!table.getCanPreviousPage()}
            >
              {t('table.previous')}
            </button>
            <span className="pager-position">
              {t('table.page', {
                page: format.number(table.getState().pagination.pageIndex + 1),
                pages: format.number(pageCount),
              })}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => {
                table.nextPage();
              }}
              disabled={!table.getCanNextPage()}
            >
              {t('table.next')}
            </button>
          </div>
        </div>
      )}
      {footer}
    </div>
  );
}

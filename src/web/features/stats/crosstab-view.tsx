import { useFormatters } from '../../i18n/format.js';
import type { CrosstabTable, TableWords } from './crosstab-table.js';

/**
 * The cross-tab as an accessible table: a caption, column headers with `scope="col"`, each row's
 * label as a row header, totals in the last column and the last row (`<tfoot>`). Counts line up
 * by the end edge in both reading directions.
 */
export function CrosstabView({
  table,
  words,
  caption,
}: {
  table: CrosstabTable;
  words: TableWords;
  caption: string;
}) {
  const format = useFormatters();
  const hasColumns = table.columns.length > 0;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table stats-table" data-testid="stats-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.corner}</th>
            {table.columns.map((key, c) => (
              <th key={key ?? `~${String(c)}`} scope="col" className="stats-number">
                {words.columnLabel(key)}
              </th>
            ))}
            <th scope="col" className="stats-number">
              {hasColumns ? words.total : words.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((key, r) => (
            <tr key={key ?? '~'} data-testid="stats-row">
              <th scope="row">{words.rowLabel(key)}</th>
              {(table.counts[r] ?? []).map((count, c) => (
                <td key={c} className="stats-number" data-testid="stats-cell" data-value={count}>
                  {format.number(count)}
                </td>
              ))}
              <td
                className="stats-number stats-total"
                data-testid={hasColumns ? 'stats-row-total' : 'stats-cell'}
                data-value={table.rowTotals[r] ?? 0}
              >
                {format.number(table.rowTotals[r] ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{words.total}</th>
            {table.columnTotals.map((count, c) => (
              <td
                key={c}
                className="stats-number stats-total"
                data-testid="stats-column-total"
                data-value={count}
              >
                {format.number(count)}
              </td>
            ))}
            <td
              className="stats-number stats-total"
              data-testid="stats-grand-total"
              data-value={table.total}
            >
              {format.number(table.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

import { hasRates } from '../../../core/publication/chart-files.js';
import type { PublicChart } from '../../../shared/public-schemas.js';
import { tableViewOf } from './chart-table.js';
import { FigureText, RateText } from './figure-text.js';
import { usePublicTranslation } from './public-i18n.js';
import { useLabels } from './use-labels.js';

/**
 * A chart's rows as a table: the text alternative of the drawing and exactly what the
 * download holds (same columns, same order, same rows; the map's rate per 100,000 where
 * populations are loaded).
 */
export function ChartTablePanel({ chart, caption }: { chart: PublicChart; caption: string }) {
  const { t } = usePublicTranslation();
  const { labelOf, columnLabel } = useLabels();
  const table = tableViewOf(chart);
  const rated = hasRates(chart);
  return (
    <div className="table-scroll public-table-scroll">
      <table className="table public-table" data-testid={`chart-table-${chart.id}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col" data-column={column}>
                {columnLabel(column)}
              </th>
            ))}
            <th scope="col" data-column="value" className="public-table-value">
              {t('publicColumns.value')}
            </th>
            {rated && (
              <th scope="col" data-column="ratePer100k" className="public-table-value">
                {t('publicColumns.ratePer100k')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.lines.length === 0 && (
            <tr>
              <td colSpan={table.columns.length + (rated ? 2 : 1)} className="table-state">
                {t('publicCharts.noRows')}
              </td>
            </tr>
          )}
          {table.lines.map((line, lineIndex) => (
            <tr key={line.key} data-suppressed={line.suppressed ? 'true' : undefined}>
              {line.cells.map((cell, index) => (
                <td key={table.columns[index] ?? index} data-raw={cell}>
                  {labelOf(table.columns[index] ?? '', cell)}
                </td>
              ))}
              <td
                className="public-table-value"
                data-raw={line.suppressed || line.value === null ? '' : String(line.value)}
              >
                <FigureText value={line.value} suppressed={line.suppressed} />
              </td>
              {rated && (
                <td className="public-table-value" data-column="ratePer100k">
                  <RateText rate={chart.rows[lineIndex]?.ratePer100k} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

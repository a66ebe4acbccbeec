import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrosstabDimension } from '../../../shared/crosstab-schemas.js';
import { useFormatters } from '../../i18n/format.js';
import type { StateUpdate } from '../../shell/search-state.js';
import {
  axisKeys,
  buildCrosstabTable,
  type CrosstabTable,
  type Key,
  type TableWords,
} from './crosstab-table.js';
import { CrosstabView } from './crosstab-view.js';
import type { Crosstab } from './stats-api.js';
import { StatsBarChart, type Bar } from './stats-bar-chart.js';
import {
  dimensionLabel,
  shownKey,
  valueLabel,
  valueOrder,
  type LabelContext,
} from './stats-labels.js';
import type { StatsView } from './stats-view.js';

// The bar chart draws at most this many rows (the largest); the table lists every row.
const maxBars = 30;
// Slice select: every value summed, and "not recorded".
const allValues = '';
const notRecordedValue = '~';

/** A cross-tab answer ready to show. */
export interface LaidOut {
  /** The answer's dimensions, comma-joined: which breakdown is on screen (it may be the last). */
  dims: string;
  row: CrosstabDimension;
  layer: CrosstabDimension | null;
  /** The values of the third dimension, for its select. */
  layerKeys: Key[];
  table: CrosstabTable;
  words: TableWords;
  caption: string;
}

/** The answer laid out for the view: the table, its words, the third dimension's values. */
export function useLaidOut(
  answer: Crosstab | undefined,
  view: StatsView,
  context: LabelContext,
): LaidOut | null {
  const { t } = useTranslation();
  return useMemo(() => {
    if (answer === undefined) return null;
    // While a new answer loads the previous one stays on screen: lay it out by its own
    // dimensions, not by the view's.
    const [row = view.row, column = null, layer = null] = answer.dims;
    const dims = answer.dims;
    const orders = dims.map((dimension) => valueOrder(dimension, context));
    const shape = {
      mapKey: (axis: number, key: Key) => {
        const dimension = dims[axis];
        return dimension === undefined ? key : shownKey(dimension, key, context);
      },
      compare: (axis: number, left: string, right: string) =>
        orders[axis]?.(left, right) ?? left.localeCompare(right),
    };
    const layerKeys = layer === null ? [] : axisKeys(answer.cells, 2, shape);
    const slice =
      layer !== null && layer === view.layer && view.slice !== null
        ? { axis: 2, key: view.slice.key }
        : null;
    const table = buildCrosstabTable(answer.cells, {
      ...shape,
      row: 0,
      column: column === null ? null : 1,
      slice,
    });
    const words: TableWords = {
      corner: dimensionLabel(row),
      count: t('stats.cases'),
      total: t('stats.total'),
      rowLabel: (key) => valueLabel(row, key, context),
      columnLabel: (key) => (column === null ? '' : valueLabel(column, key, context)),
    };
    const sliceText =
      layer === null
        ? null
        : `${dimensionLabel(layer)}: ${
            slice === null ? t('stats.allValues') : valueLabel(layer, slice.key, context)
          }`;
    const base =
      column === null
        ? t('stats.captionOne', { rows: dimensionLabel(row) })
        : t('stats.captionTwo', { rows: dimensionLabel(row), columns: dimensionLabel(column) });
    const caption = sliceText === null ? base : `${base} (${sliceText})`;
    return { dims: dims.join(','), row, layer, layerKeys, table, words, caption };
  }, [answer, view.row, view.layer, view.slice, context, t]);
}

/** The rows' totals as bars, the largest `maxBars` only, in the table's order. */
function barsOf(laidOut: LaidOut): Bar[] {
  const all = laidOut.table.rows.map((key, index) => ({
    id: key ?? notRecordedValue,
    label: laidOut.words.rowLabel(key),
    value: laidOut.table.rowTotals[index] ?? 0,
    index,
  }));
  const largest = [...all].sort((x, y) => y.value - x.value).slice(0, maxBars);
  return largest.sort((x, y) => x.index - y.index);
}

/** The select of the third dimension's value shown (or all of them summed). */
function SliceSelect({
  laidOut,
  layer,
  view,
  onChange,
  context,
}: {
  laidOut: LaidOut;
  layer: CrosstabDimension;
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
  context: LabelContext;
}) {
  const { t } = useTranslation();
  const id = useId();
  const value = view.slice === null ? allValues : (view.slice.key ?? notRecordedValue);
  return (
    <div className="field stats-slice">
      <label htmlFor={id} className="field-label">
        {t('stats.slice', { dimension: dimensionLabel(layer) })}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        data-testid="stats-slice"
        onChange={(event) => {
          const chosen = event.target.value;
          onChange((current) => ({
            ...current,
            slice:
              chosen === allValues ? null : { key: chosen === notRecordedValue ? null : chosen },
          }));
        }}
      >
        <option value={allValues}>{t('stats.allValues')}</option>
        {laidOut.layerKeys.map((key) => (
          <option key={key ?? notRecordedValue} value={key ?? notRecordedValue}>
            {valueLabel(layer, key, context)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The answer: the third dimension's value shown, the total with its "no disclosure control"
 * badge and the download, the table, and the bars of the rows' totals. Dimmed (`aria-busy`)
 * while the next answer loads.
 */
export function StatsResult({
  laidOut,
  view,
  onChange,
  context,
  busy,
  onDownload,
}: {
  laidOut: LaidOut;
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
  context: LabelContext;
  busy: boolean;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const bars = useMemo(() => barsOf(laidOut), [laidOut]);
  const chartTitle = t('stats.chartTitle', { rows: dimensionLabel(laidOut.row) });
  return (
    <div className="stats-result" aria-busy={busy} data-dims={laidOut.dims}>
      {laidOut.layer !== null && laidOut.layer === view.layer && (
        <SliceSelect
          laidOut={laidOut}
          layer={laidOut.layer}
          view={view}
          onChange={onChange}
          context={context}
        />
      )}
      <div className="stats-summary">
        <p data-testid="stats-total">
          {t('stats.totalLine', { total: format.number(laidOut.table.total) })}{' '}
          <span className="badge stats-badge">{t('stats.noDisclosureControl')}</span>
        </p>
        <button
          type="button"
          className="button"
          disabled={laidOut.table.total === 0}
          data-testid="stats-download"
          onClick={onDownload}
        >
          {t('stats.download')}
        </button>
      </div>
      {laidOut.table.total === 0 ? (
        <p className="empty" data-testid="stats-empty">
          {t('stats.empty')}
        </p>
      ) : (
        <>
          <CrosstabView table={laidOut.table} words={laidOut.words} caption={laidOut.caption} />
          <h2 className="section-title">{chartTitle}</h2>
          {bars.length < laidOut.table.rows.length && (
            <p className="field-hint">{t('stats.chartLargest', { shown: String(bars.length) })}</p>
          )}
          <StatsBarChart bars={bars} label={chartTitle} />
        </>
      )}
    </div>
  );
}

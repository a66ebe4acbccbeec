import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { crosstabDimensions, type CrosstabDimension } from '../../../shared/crosstab-schemas.js';
import type { Organisation } from '../../api/endpoints.js';
import type { StateUpdate } from '../../shell/search-state.js';
import { dimensionLabel, filterChoices, type LabelContext } from './stats-labels.js';
import {
  countryGroupings,
  filterDimensions,
  maxFilters,
  maxStoredDimensions,
  showsCountries,
  storedDimensionCount,
  withAxis,
  withFilters,
  type Axis,
  type CountryGrouping,
  type StatsFilter,
  type StatsView,
} from './stats-view.js';

interface ControlsProps {
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
  /** The organisations whose statistics the user may read (for the scope). */
  organisations: readonly Organisation[];
  context: LabelContext;
  currentYear: number;
}

const none = '';

function isDimension(value: string): value is CrosstabDimension {
  return (crosstabDimensions as readonly string[]).includes(value);
}

function isGrouping(value: string): value is CountryGrouping {
  return (countryGroupings as readonly string[]).includes(value);
}

/**
 * Where `filter` (rendered at `index`) is in `filters` now: at its index when still there,
 * else its first occurrence, else null (removed meanwhile).
 */
function sameFilterAt(
  filters: readonly StatsFilter[],
  filter: StatsFilter,
  index: number,
): number | null {
  const same = (one: StatsFilter | undefined) =>
    one !== undefined && one.dimension === filter.dimension && one.value === filter.value;
  if (same(filters[index])) return index;
  const at = filters.findIndex(same);
  return at === -1 ? null : at;
}

/** One select of a dimension for rows, columns or the third dimension. */
function AxisSelect({
  axis,
  label,
  view,
  onChange,
}: {
  axis: Axis;
  label: string;
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const disabled = axis === 'layer' && view.column === null;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={view[axis] ?? none}
        disabled={disabled}
        data-testid={`stats-axis-${axis}`}
        onChange={(event) => {
          const value = event.target.value;
          onChange(
            (current) => withAxis(current, axis, isDimension(value) ? value : null) ?? current,
          );
        }}
      >
        {axis !== 'row' && <option value={none}>{t('stats.controls.none')}</option>}
        {crosstabDimensions.map((dimension) => (
          <option
            key={dimension}
            value={dimension}
            disabled={dimension !== view[axis] && withAxis(view, axis, dimension) === null}
          >
            {dimensionLabel(dimension)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One filter: a dimension, one of its values, and a button to remove it. */
function FilterRow({
  filter,
  index,
  view,
  onChange,
  context,
  currentYear,
}: {
  filter: StatsFilter;
  index: number;
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
  context: LabelContext;
  currentYear: number;
}) {
  const { t } = useTranslation();
  const dimensionId = useId();
  const valueId = useId();
  // The filter is found again by what it was when rendered: an earlier change may have moved it.
  const replace = (next: StatsFilter | null) => {
    onChange((current) => {
      const at = sameFilterAt(current.filters, filter, index);
      if (at === null) return current;
      const filters = current.filters.flatMap((one, position) =>
        position !== at ? [one] : next === null ? [] : [next],
      );
      return withFilters(current, filters) ?? current;
    });
  };
  const choices = filterChoices(filter.dimension, context, currentYear);
  const firstValue = (dimension: CrosstabDimension) =>
    filterChoices(dimension, context, currentYear)[0]?.value;
  return (
    <div className="stats-filter" data-testid="stats-filter">
      <div className="field">
        <label htmlFor={dimensionId} className="field-label">
          {t('stats.controls.filterDimension')}
        </label>
        <select
          id={dimensionId}
          className="input"
          value={filter.dimension}
          data-testid="stats-filter-dimension"
          onChange={(event) => {
            const dimension = event.target.value;
            const value = isDimension(dimension) ? firstValue(dimension) : undefined;
            if (isDimension(dimension) && value !== undefined) replace({ dimension, value });
          }}
        >
          {filterDimensions.map((dimension) => {
            const value = firstValue(dimension);
            const fits =
              dimension === filter.dimension ||
              (value !== undefined &&
                withFilters(
                  view,
                  view.filters.map((one, at) => (at === index ? { dimension, value } : one)),
                ) !== null);
            return (
              <option key={dimension} value={dimension} disabled={!fits}>
                {dimensionLabel(dimension)}
              </option>
            );
          })}
        </select>
      </div>
      <div className="field">
        <label htmlFor={valueId} className="field-label">
          {t('stats.controls.filterValue')}
        </label>
        <select
          id={valueId}
          className="input"
          value={filter.value}
          data-testid="stats-filter-value"
          onChange={(event) => {
            replace({ dimension: filter.dimension, value: event.target.value });
          }}
        >
          {!choices.some((choice) => choice.value === filter.value) && (
            <option value={filter.value}>{filter.value}</option>
          )}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button-quiet stats-filter-remove"
        data-testid="stats-filter-remove"
        onClick={() => {
          replace(null);
        }}
      >
        {t('stats.controls.removeFilter')}
        <span className="visually-hidden">{`: ${dimensionLabel(filter.dimension)}`}</span>
      </button>
    </div>
  );
}

/**
 * The breakdown: whose cases, rows, columns, a third dimension, how countries are grouped, and
 * value filters. Choices the cube cannot answer (more than three dimensions, filters included)
 * are offered disabled, so every view on screen is one the server answers.
 */
export function StatsControls({
  view,
  onChange,
  organisations,
  context,
  currentYear,
}: ControlsProps) {
  const { t } = useTranslation();
  const scopeId = useId();
  const groupingId = useId();
  const limitId = useId();
  const addable = filterDimensions.find((dimension) => {
    const value = filterChoices(dimension, context, currentYear)[0]?.value;
    return (
      value !== undefined && withFilters(view, [...view.filters, { dimension, value }]) !== null
    );
  });
  const add = () => {
    if (addable === undefined) return;
    const value = filterChoices(addable, context, currentYear)[0]?.value;
    if (value === undefined) return;
    onChange(
      (current) =>
        withFilters(current, [...current.filters, { dimension: addable, value }]) ?? current,
    );
  };
  return (
    <form
      className="stats-controls"
      aria-label={t('stats.controls.title')}
      data-testid="stats-controls"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="filters">
        <div className="field">
          <label htmlFor={scopeId} className="field-label">
            {t('stats.controls.scope')}
          </label>
          <select
            id={scopeId}
            className="input"
            value={view.organisationId ?? none}
            data-testid="stats-scope"
            onChange={(event) => {
              const value = event.target.value;
              onChange((current) => ({
                ...current,
                organisationId: value === none ? null : value,
              }));
            }}
          >
            <option value={none}>{t('stats.controls.allScope')}</option>
            {organisations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </div>
        <AxisSelect axis="row" label={t('stats.controls.row')} view={view} onChange={onChange} />
        <AxisSelect
          axis="column"
          label={t('stats.controls.column')}
          view={view}
          onChange={onChange}
        />
        <AxisSelect
          axis="layer"
          label={t('stats.controls.layer')}
          view={view}
          onChange={onChange}
        />
        {showsCountries(view) && (
          <div className="field">
            <label htmlFor={groupingId} className="field-label">
              {t('stats.controls.grouping')}
            </label>
            <select
              id={groupingId}
              className="input"
              value={view.grouping}
              data-testid="stats-grouping"
              onChange={(event) => {
                const grouping = event.target.value;
                if (isGrouping(grouping)) {
                  onChange((current) => ({ ...current, grouping, slice: null }));
                }
              }}
            >
              {countryGroupings.map((grouping) => (
                <option key={grouping} value={grouping}>
                  {t(`stats.grouping.${grouping}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <fieldset className="stats-filters" aria-describedby={limitId}>
        <legend className="field-label">{t('stats.controls.filters')}</legend>
        {view.filters.map((filter, index) => (
          <FilterRow
            key={`${String(index)}-${filter.dimension}`}
            filter={filter}
            index={index}
            view={view}
            onChange={onChange}
            context={context}
            currentYear={currentYear}
          />
        ))}
        <p id={limitId} className="field-hint">
          {t('stats.controls.limit', {
            used: String(storedDimensionCount(view)),
            max: String(maxStoredDimensions),
          })}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={addable === undefined || view.filters.length >= maxFilters}
          data-testid="stats-add-filter"
          onClick={add}
        >
          {t('stats.controls.addFilter')}
        </button>
      </fieldset>
    </form>
  );
}

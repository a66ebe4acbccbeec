import { neededDimensions } from '../../../core/stats/crosstab.js';
import { crosstabDimensions, type CrosstabDimension } from '../../../shared/crosstab-schemas.js';

// What the statistics page shows lives in the address (`?row=sex&col=ageBand&where=year:2024`),
// so the back button and a link a colleague opens show the same breakdown. Anything that is not
// a valid choice is dropped, never sent.

/** How countries (of exploitation and citizenship) are grouped: as such or into UN M49 regions. */
export const countryGroupings = ['country', 'subregion', 'region'] as const;
export type CountryGrouping = (typeof countryGroupings)[number];

/** A value filter, `year:2024`. */
export interface StatsFilter {
  dimension: CrosstabDimension;
  value: string;
}

/** A value of the third dimension: `null` is "not recorded". */
export interface StatsSlice {
  key: string | null;
}

/** One breakdown: rows, optional columns and third dimension, filters and whose cases. */
export interface StatsView {
  row: CrosstabDimension;
  column: CrosstabDimension | null;
  /** A third dimension; the table shows one of its values (`slice`) or all of them summed. */
  layer: CrosstabDimension | null;
  slice: StatsSlice | null;
  filters: StatsFilter[];
  /** Only cases held in this organisation's subtree; `null` = every organisation one may read. */
  organisationId: string | null;
  grouping: CountryGrouping;
}

/**
 * The cube answers any three stored dimensions besides the organisation, filters included
 * (`majority` and `ageBand` read the same stored age). The API refuses more.
 */
export const maxStoredDimensions = 3;

/** The API takes at most three filters. */
export const maxFilters = 3;

/** Filters name a value; the organisation is chosen as a scope instead. */
export const filterDimensions: readonly CrosstabDimension[] = crosstabDimensions.filter(
  (dimension) => dimension !== 'organisation',
);

/** The dimensions whose values are countries (grouped into regions on request). */
export const countryDimensions: ReadonlySet<CrosstabDimension> = new Set([
  'country',
  'citizenship',
]);

export const defaultView: StatsView = {
  row: 'year',
  column: 'exploitation',
  layer: null,
  slice: null,
  filters: [],
  organisationId: null,
  grouping: 'country',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Filter values travel as `dimension:value` pairs separated by commas.
const safeValue = /^[^,:]{1,100}$/;
// The third dimension's "not recorded" value in the address (codes never are `~`).
const notRecordedParam = '~';

function isDimension(value: string | null): value is CrosstabDimension {
  return value !== null && (crosstabDimensions as readonly string[]).includes(value);
}

function isGrouping(value: string | null): value is CountryGrouping {
  return value !== null && (countryGroupings as readonly string[]).includes(value);
}

/** The dimensions a view asks the API for, in order: rows, columns, third. */
export function dimensionsOf(view: StatsView): CrosstabDimension[] {
  return [view.row, view.column, view.layer].filter(
    (dimension): dimension is CrosstabDimension => dimension !== null,
  );
}

/** How many stored dimensions of the cube a view reads (the organisation is free). */
export function storedDimensionCount(view: StatsView): number {
  return neededDimensions({ dims: dimensionsOf(view), filters: view.filters }).length;
}

/** True when the cube can answer the view (at most three stored dimensions, three filters). */
export function isAnswerable(view: StatsView): boolean {
  return storedDimensionCount(view) <= maxStoredDimensions && view.filters.length <= maxFilters;
}

/**
 * The view made consistent: distinct dimensions, a third dimension only beside columns, a
 * slice only with a third dimension, and filters dropped from the last while the cube could
 * not answer.
 */
export function normaliseView(view: StatsView): StatsView {
  const column = view.column === view.row ? null : view.column;
  const layer =
    column === null || view.layer === view.row || view.layer === column ? null : view.layer;
  const filters = view.filters
    .filter((filter) => filterDimensions.includes(filter.dimension) && safeValue.test(filter.value))
    .slice(0, maxFilters);
  const out: StatsView = {
    ...view,
    column,
    layer,
    slice: layer === null ? null : view.slice,
    filters,
  };
  while (!isAnswerable(out) && out.filters.length > 0) out.filters = out.filters.slice(0, -1);
  if (!isAnswerable(out)) {
    out.layer = null;
    out.slice = null;
  }
  if (!isAnswerable(out)) out.column = null;
  return out;
}

/** The view a query string holds, defaults for anything missing or invalid. */
export function viewOfSearch(params: URLSearchParams): StatsView {
  const row = params.get('row');
  const column = params.get('col');
  const layer = params.get('layer');
  const slice = params.get('slice');
  const organisationId = params.get('org') ?? '';
  const grouping = params.get('group');
  const filters: StatsFilter[] = [];
  for (const pair of (params.get('where') ?? '').split(',')) {
    const at = pair.indexOf(':');
    const dimension = pair.slice(0, at);
    if (at > 0 && isDimension(dimension)) filters.push({ dimension, value: pair.slice(at + 1) });
  }
  const hasDims = isDimension(row);
  return normaliseView({
    row: hasDims ? row : defaultView.row,
    column: hasDims ? (isDimension(column) ? column : null) : defaultView.column,
    layer: isDimension(layer) ? layer : null,
    slice:
      slice === null || slice === ''
        ? null
        : { key: slice === notRecordedParam ? null : slice.slice(0, 100) },
    filters,
    organisationId: uuid.test(organisationId) ? organisationId : null,
    grouping: isGrouping(grouping) ? grouping : 'country',
  });
}

/** The query string of a view. */
export function searchOfView(view: StatsView): URLSearchParams {
  const params = new URLSearchParams();
  params.set('row', view.row);
  if (view.column !== null) params.set('col', view.column);
  if (view.layer !== null) params.set('layer', view.layer);
  if (view.slice !== null) params.set('slice', view.slice.key ?? notRecordedParam);
  if (view.filters.length > 0) params.set('where', whereOf(view.filters));
  if (view.organisationId !== null) params.set('org', view.organisationId);
  if (view.grouping !== 'country') params.set('group', view.grouping);
  return params;
}

function whereOf(filters: readonly StatsFilter[]): string {
  return filters.map((filter) => `${filter.dimension}:${filter.value}`).join(',');
}

/** The query string of `GET /api/stats/crosstab`, as sent. */
export interface CrosstabRequest {
  dims: string;
  where?: string;
  organisationId?: string;
}

/** The `GET /api/stats/crosstab` query of a view (the slice is cut in the browser). */
export function crosstabQueryOf(view: StatsView): CrosstabRequest {
  return {
    dims: dimensionsOf(view).join(','),
    ...(view.filters.length === 0 ? {} : { where: whereOf(view.filters) }),
    ...(view.organisationId === null ? {} : { organisationId: view.organisationId }),
  };
}

/** True when the view shows countries (so the grouping choice matters). */
export function showsCountries(view: StatsView): boolean {
  return dimensionsOf(view).some((dimension) => countryDimensions.has(dimension));
}

/** The three places a dimension can take in a view. */
export type Axis = 'row' | 'column' | 'layer';
const axes: readonly Axis[] = ['row', 'column', 'layer'];

/**
 * The view with `dimension` on `axis`; a dimension already on another axis swaps places with
 * the one it replaces. `null` when the result has no rows or the cube could not answer it (the
 * choice is then offered disabled).
 */
export function withAxis(
  view: StatsView,
  axis: Axis,
  dimension: CrosstabDimension | null,
): StatsView | null {
  const previous = view[axis];
  const next: StatsView = { ...view };
  if (axis === 'row') {
    if (dimension === null) return null;
    next.row = dimension;
  } else {
    next[axis] = dimension;
  }
  for (const other of axes) {
    if (dimension === null || other === axis || view[other] !== dimension) continue;
    if (other === 'row') {
      if (previous === null) return null;
      next.row = previous;
    } else {
      next[other] = previous;
    }
  }
  if (next.layer !== view.layer) next.slice = null;
  if (next.column === null) {
    next.layer = null;
    next.slice = null;
  }
  return isAnswerable(next) ? normaliseView(next) : null;
}

/** The view with its filters replaced; `null` when the cube could not answer it. */
export function withFilters(view: StatsView, filters: StatsFilter[]): StatsView | null {
  const next = { ...view, filters };
  return isAnswerable(next) ? next : null;
}

import {
  exploitationDetails,
  exploitationGroupLabels,
  exploitationGroups,
  glotipAgeLabels,
  glotipSexLabels,
  type ExploitationGroup,
  type GlotipCellKey,
} from '../../shared/glotip-vocabulary.js';
import {
  consolidationRuleId,
  type PublicChart,
  type PublicChartId,
  type PublicRow,
  type Protection,
} from '../../shared/public-schemas.js';
import {
  isHidden,
  shownNumber,
  type ProtectedCell,
  type ProtectedReturn,
} from './protect-return.js';
import { protectedRate, type RatePart } from './rates.js';

/** What the dashboard shows: the returns in scope after the region and year filters. */
export interface DashboardScope {
  /** The counted returns (consolidation.ts): at most one per country and year. */
  readonly returns: readonly ProtectedReturn[];
  /** How many published returns in scope were kept aside by the consolidation rule. */
  readonly keptAside?: number;
  /** The population of a country-year where one is loaded (public data), for rates. */
  readonly population?: (iso3: string, year: number) => number | null;
  /** Conflict-link filter: figures from the returns' conflict breakdown instead of totals. */
  readonly conflict: 'yes' | 'no' | 'unknown' | null;
  /** Set when a crisis was asked for: returns are not broken down by crisis. */
  readonly crisis: string | null;
  readonly countryName: (iso3: string) => string;
  readonly m49Code: (iso3: string) => string;
}

/**
 * A running sum of published figures. Only shown numbers are added: a hidden cell contributes
 * nothing, so a sum reveals nothing the protected returns do not already show. A sum with no
 * shown part but some hidden one is itself hidden.
 */
class Tally {
  private readonly sums = new Map<
    string,
    { dims: Record<string, string>; value: number; shown: boolean }
  >();

  add(id: string, dims: Record<string, string>, value: ProtectedCell['value']): void {
    const entry = this.sums.get(id) ?? { dims, value: 0, shown: false };
    const shown = shownNumber(value);
    if (shown !== null) {
      entry.value += shown;
      entry.shown = true;
    }
    if (shown !== null || isHidden(value)) this.sums.set(id, entry);
  }

  rows(order: (a: PublicRow, b: PublicRow) => number = () => 0): PublicRow[] {
    return [...this.sums.values()]
      .map((entry) => ({
        dimensions: entry.dims,
        value: entry.shown ? entry.value : null,
        suppressed: !entry.shown,
      }))
      .sort(order);
  }
}

type Base = Pick<GlotipCellKey, 'dimension' | 'category'>;

function baseOf(scope: DashboardScope): Base {
  return scope.conflict === null
    ? { dimension: 'total', category: 'total' }
    : { dimension: 'conflict', category: scope.conflict };
}

function cellsOf(
  ret: ProtectedReturn,
  match: (key: GlotipCellKey) => boolean,
): readonly ProtectedCell[] {
  return ret.cells.filter((cell) => match(cell.key));
}

const isCorner = (key: GlotipCellKey): boolean => key.sex === 'total' && key.age === 'total';
const detected = (base: Base) => (key: GlotipCellKey) =>
  key.indicator === 'detected_victims' &&
  key.dimension === base.dimension &&
  key.category === base.category;

/**
 * The protection of a chart built from several protected returns (the counted ones, one per
 * country-year; `keptAside` more were published and not added).
 */
export function combinedProtection(returns: readonly ProtectedReturn[], keptAside = 0): Protection {
  const suppressing = returns.filter((ret) => ret.protection.policy !== 'as_published');
  const thresholds = suppressing
    .map((ret) => ret.protection.threshold)
    .filter((value): value is number => value !== null);
  return {
    policy: suppressing.length === 0 && returns.length > 0 ? 'as_published' : 'suppression',
    method: `sum of published figures of ${returns.length} protected returns, one per country and year (${consolidationRuleId}, ${keptAside} kept aside) (${[
      ...new Set(returns.map((ret) => ret.protection.method)),
    ].join('; ')})`,
    threshold: thresholds.length === 0 ? null : Math.min(...thresholds),
    base: null,
    k: null,
    suppressed: returns.reduce(
      (sum, ret) => sum + ret.protection.primarySuppressed + ret.protection.secondarySuppressed,
      0,
    ),
  };
}

function chart(
  id: PublicChartId,
  columns: string[],
  rows: PublicRow[],
  protection: Protection,
  unavailable: string | null = null,
): PublicChart {
  return { id, columns, rows: unavailable === null ? rows : [], protection, unavailable };
}

const byNumber = (column: string) => (a: PublicRow, b: PublicRow) =>
  Number(a.dimensions[column]) - Number(b.dimensions[column]);
const byText = (column: string) => (a: PublicRow, b: PublicRow) =>
  (a.dimensions[column] ?? '').localeCompare(b.dimensions[column] ?? '');

function kpis(scope: DashboardScope, base: Base): PublicRow[] {
  const tally = new Tally();
  const countries = new Set<string>();
  const years = new Set<number>();
  for (const ret of scope.returns) {
    for (const cell of cellsOf(ret, (key) => detected(base)(key) && isCorner(key))) {
      tally.add('victims', { kpi: 'Detected trafficking victims' }, cell.value);
      if (shownNumber(cell.value) !== null || isHidden(cell.value)) {
        countries.add(ret.country);
        years.add(ret.year);
      }
    }
    if (scope.conflict !== null) continue;
    for (const cell of cellsOf(
      ret,
      (key) => key.indicator === 'convicted' && key.dimension === 'total' && isCorner(key),
    )) {
      tally.add('convicted', { kpi: 'Persons convicted' }, cell.value);
    }
  }
  const counted = (kpi: string, value: number): PublicRow => ({
    dimensions: { kpi },
    value,
    suppressed: false,
  });
  return [
    ...tally.rows(),
    counted('Countries reporting', countries.size),
    counted('Years reported', years.size),
  ];
}

const profiles = [
  ['Women', 'female', 'adult'],
  ['Men', 'male', 'adult'],
  ['Girls', 'female', 'minor'],
  ['Boys', 'male', 'minor'],
] as const;

function profile(scope: DashboardScope, base: Base): PublicRow[] {
  const tally = new Tally();
  for (const ret of scope.returns) {
    for (const [name, sex, age] of profiles) {
      for (const cell of cellsOf(
        ret,
        (key) => detected(base)(key) && key.sex === sex && key.age === age,
      )) {
        tally.add(
          name,
          { profile: name, sex: glotipSexLabels[sex], age: glotipAgeLabels[age] },
          cell.value,
        );
      }
    }
  }
  const order = profiles.map(([name]) => name as string);
  return tally.rows(
    (a, b) => order.indexOf(a.dimensions.profile ?? '') - order.indexOf(b.dimensions.profile ?? ''),
  );
}

function trend(scope: DashboardScope, base: Base): PublicRow[] {
  const tally = new Tally();
  for (const ret of scope.returns) {
    for (const cell of cellsOf(ret, (key) => detected(base)(key) && isCorner(key))) {
      tally.add(String(ret.year), { year: String(ret.year) }, cell.value);
    }
  }
  return tally.rows(byNumber('year'));
}

function groupOf(category: string): ExploitationGroup | null {
  if ((exploitationGroups as readonly string[]).includes(category)) {
    return category as ExploitationGroup;
  }
  return (exploitationDetails as Record<string, ExploitationGroup | undefined>)[category] ?? null;
}

function forms(scope: DashboardScope): PublicRow[] {
  const tally = new Tally();
  for (const ret of scope.returns) {
    const formCells = cellsOf(
      ret,
      (key) =>
        key.indicator === 'detected_victims' && key.dimension === 'exploitation' && isCorner(key),
    );
    const reportedGroups = new Set(formCells.map((cell) => cell.key.category));
    for (const cell of formCells) {
      const group = groupOf(cell.key.category);
      // A detailed form counts towards its group only where the return has no group figure.
      if (group === null || (group !== cell.key.category && reportedGroups.has(group))) continue;
      tally.add(group, { form: exploitationGroupLabels[group] }, cell.value);
    }
  }
  const order = exploitationGroups.map((group) => exploitationGroupLabels[group]);
  return tally.rows(
    (a, b) => order.indexOf(a.dimensions.form ?? '') - order.indexOf(b.dimensions.form ?? ''),
  );
}

/**
 * Detected victims by country, summed over the years in scope. Where a population is loaded
 * for every year a country's figure sums, the row carries its rate per 100,000 population a
 * year (over the summed populations), hidden when any year's figure is hidden (rates.ts).
 */
function map(scope: DashboardScope, base: Base): PublicRow[] {
  const tally = new Tally();
  const parts = new Map<string, RatePart[]>();
  const population = scope.population ?? (() => null);
  for (const ret of scope.returns) {
    for (const cell of cellsOf(ret, (key) => detected(base)(key) && isCorner(key))) {
      const dims = {
        country: ret.country,
        m49: scope.m49Code(ret.country),
        countryName: scope.countryName(ret.country),
      };
      tally.add(ret.country, dims, cell.value);
      const part = { value: cell.value, population: population(ret.country, ret.year) };
      parts.set(ret.country, [...(parts.get(ret.country) ?? []), part]);
    }
  }
  return tally.rows(byText('country')).map((row) => {
    const rate = protectedRate(parts.get(row.dimensions.country ?? '') ?? []);
    return rate === null ? row : { ...row, ratePer100k: rate };
  });
}

function flows(scope: DashboardScope): PublicRow[] {
  const tally = new Tally();
  for (const ret of scope.returns) {
    const cells = cellsOf(
      ret,
      (key) =>
        key.indicator === 'detected_victims' &&
        key.dimension === 'citizenship' &&
        /^[A-Z]{3}$/.test(key.category) &&
        key.category !== ret.country &&
        isCorner(key),
    );
    for (const cell of cells) {
      const origin = cell.key.category;
      const dims = {
        origin,
        originM49: scope.m49Code(origin),
        originName: scope.countryName(origin),
        destination: ret.country,
        destinationM49: scope.m49Code(ret.country),
        destinationName: scope.countryName(ret.country),
      };
      tally.add(`${origin}>${ret.country}`, dims, cell.value);
    }
  }
  return tally.rows((a, b) => byText('origin')(a, b) || byText('destination')(a, b));
}

/**
 * The six charts of the public dashboard, each a table of protected figures, over the counted
 * returns (one per country and year). Breakdowns a
 * return cannot cross (forms or citizenship by conflict link; anything by crisis) say so
 * instead of showing figures that would mix filtered and unfiltered counts.
 */
export function dashboardCharts(scope: DashboardScope): PublicChart[] {
  // Two returns of one country-year would count the same victims twice: the caller must pass
  // the consolidated returns (consolidate()), and a mistake fails loudly rather than adding up.
  const countryYears = new Set(scope.returns.map((ret) => `${ret.country}|${String(ret.year)}`));
  if (countryYears.size !== scope.returns.length) {
    throw new RangeError('dashboardCharts takes at most one return per country and year');
  }
  const base = baseOf(scope);
  const protection = combinedProtection(scope.returns, scope.keptAside ?? 0);
  const byCrisis =
    scope.crisis === null ? null : 'Published returns are not broken down by crisis.';
  const byConflict =
    scope.conflict === null ? null : 'This breakdown is not reported by conflict link.';
  return [
    chart('kpis', ['kpi'], kpis(scope, base), protection, byCrisis),
    chart('profile', ['profile', 'sex', 'age'], profile(scope, base), protection, byCrisis),
    chart('trend', ['year'], trend(scope, base), protection, byCrisis),
    chart('forms', ['form'], forms(scope), protection, byCrisis ?? byConflict),
    chart('map', ['country', 'm49', 'countryName'], map(scope, base), protection, byCrisis),
    chart(
      'flows',
      ['origin', 'originM49', 'originName', 'destination', 'destinationM49', 'destinationName'],
      flows(scope),
      protection,
      byCrisis ?? byConflict,
    ),
  ];
}

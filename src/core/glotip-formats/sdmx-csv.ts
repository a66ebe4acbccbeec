import type {
  GlotipAge,
  GlotipCellKey,
  GlotipCellValue,
  GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { cellKeyString } from '../../shared/glotip-vocabulary.js';
import { iso3OfM49Code, m49CodeOf } from '../regions/m49-scheme.js';
import { ratePer100k } from '../publication/rate-per-100k.js';
import type { GlotipReturnCells } from './glotip-return-cells.js';

// SDG indicator 16.2.2 ("victims of human trafficking … by sex, age and form of exploitation"),
// custodian UNODC, in SDMX-CSV (version 1: a DATAFLOW column, then dimensions, the observation
// value and attributes). REFERENCE 3.4: dataflow IAEG-SDGs:DF_SDG_GLH, key order
// FREQ.REPORTING_TYPE.SERIES.REF_AREA.SEX.AGE…, REF_AREA as M49 numeric, SEX _T/F/M.
//
// ⚠ REFERENCE 3.4 marks the AGE codes as likely but unverified: Y0T17 (0 to 17 years), Y_GE18
// (18 years or over), _T (all ages). The dataflow version and the SDG structure's further
// dimensions (URBANISATION, INCOME_WEALTH_QUANTILE …) are not verified either, so they are left
// out rather than filled with guesses; check against the SDG DSD before submitting to UNSD.
//
// The number series (detected victims) always; with populations, each count is followed by its
// rate per 100,000 in the series' rate version (…R, UNIT_MEASURE PER_100000_POP; ⚠ the unit
// code follows the SDG unit code list as other per-100,000 series use it, to verify against the
// 16.2.2 structure before submitting to UNSD).

/** The SDG 16.2.2 series of detected victims: total and by form of exploitation. */
export const sdmxSeries = [
  'VC_HTF_DETV',
  'VC_HTF_DETVSX',
  'VC_HTF_DETVFL',
  'VC_HTF_DETVOG',
  'VC_HTF_DETVOP',
] as const;
export type SdmxSeries = (typeof sdmxSeries)[number];

/** The SDMX-CSV header. */
export const sdmxCsvColumns: readonly string[] = [
  'DATAFLOW',
  'FREQ',
  'REPORTING_TYPE',
  'SERIES',
  'REF_AREA',
  'SEX',
  'AGE',
  'TIME_PERIOD',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'OBS_STATUS',
  'CONF_STATUS',
  'COMMENT_OBS',
];

/** Options for writing. */
export interface SdmxCsvOptions {
  /** The DATAFLOW cell (default `IAEG-SDGs:DF_SDG_GLH`; add a `(version)` when known). */
  readonly dataflow?: string;
  /** `N` for figures a country reports itself (the default), `G` for the custodian's. */
  readonly reportingType?: 'N' | 'G';
  /** A country-year's population (ISO 3166-1 alpha-3), or null: rates are written where known. */
  readonly population?: (iso3: string, year: number) => number | null;
}

// SDMX has codes for total, female and male only; `Other` and `Unknown` sex and unknown age
// have none in the SDG series (REFERENCE 10): such cells are not written.
const sexCodes: Partial<Record<GlotipSex, string>> = { total: '_T', female: 'F', male: 'M' };
const ageCodes: Partial<Record<GlotipAge, string>> = {
  total: '_T',
  minor: 'Y0T17',
  adult: 'Y_GE18',
};

/** One observation before it becomes a CSV row. */
export interface SdmxObservation {
  readonly series: SdmxSeries;
  readonly refArea: string;
  readonly sex: string;
  readonly age: string;
  readonly timePeriod: string;
  readonly value: GlotipCellValue;
  readonly comment: string;
}

/**
 * The SDG 16.2.2 observations of returns, and the returns left out (a country with no M49 code,
 * such as Taiwan or Kosovo, has no REF_AREA).
 *
 * Series: DETV is the detected-victims total; SX and FL the sexual-exploitation and forced-labour
 * groups; OG the organ-removal detail. OP (other purposes) excludes organ removal, while the
 * dataUNODC "Other forms of exploitation" group includes it: when the return states organ removal
 * separately, OP is the group less organ removal (interval arithmetic, so a censored part gives a
 * censored result); when it does not, OP is the group as it stands, with a comment saying that it
 * may include organ removal. Nothing else is derived: a series whose cell is absent is not written.
 */
export function sdmxObservations(returns: readonly GlotipReturnCells[]): {
  observations: SdmxObservation[];
  skipped: { iso3: string; year: number; reason: 'no_m49_code' }[];
} {
  const observations: SdmxObservation[] = [];
  const skipped: { iso3: string; year: number; reason: 'no_m49_code' }[] = [];
  for (const entry of returns) {
    const refArea = m49CodeOf(entry.iso3);
    if (refArea === null) {
      skipped.push({ iso3: entry.iso3, year: entry.year, reason: 'no_m49_code' });
      continue;
    }
    const values = new Map(entry.cells.map((cell) => [cellKeyString(cell.key), cell.value]));
    for (const [sex, sexCode] of Object.entries(sexCodes) as [GlotipSex, string][]) {
      for (const [age, ageCode] of Object.entries(ageCodes) as [GlotipAge, string][]) {
        const valueOf = (dimension: GlotipCellKey['dimension'], category: string) =>
          values.get(
            cellKeyString({ indicator: 'detected_victims', dimension, category, sex, age }),
          );
        const add = (series: SdmxSeries, value: GlotipCellValue | undefined, comment = '') => {
          if (
            value === undefined ||
            value.kind === 'not_available' ||
            value.kind === 'not_applicable'
          )
            return;
          observations.push({
            series,
            refArea,
            sex: sexCode,
            age: ageCode,
            timePeriod: String(entry.year),
            value,
            comment,
          });
        };
        add('VC_HTF_DETV', valueOf('total', 'total'));
        add('VC_HTF_DETVSX', valueOf('exploitation', 'sexual'));
        add('VC_HTF_DETVFL', valueOf('exploitation', 'labour'));
        const organs = valueOf('exploitation', 'organ_removal');
        add('VC_HTF_DETVOG', organs);
        const other = valueOf('exploitation', 'other');
        if (organs === undefined) add('VC_HTF_DETVOP', other, 'may include organ removal');
        else
          add(
            'VC_HTF_DETVOP',
            other === undefined ? undefined : (difference(other, organs) ?? undefined),
          );
      }
    }
  }
  const order = (observation: SdmxObservation) =>
    [
      observation.refArea,
      observation.timePeriod,
      sdmxSeries.indexOf(observation.series),
      Object.values(sexCodes).indexOf(observation.sex),
      Object.values(ageCodes).indexOf(observation.age),
    ].join('|');
  observations.sort((left, right) =>
    order(left) < order(right) ? -1 : order(left) > order(right) ? 1 : 0,
  );
  return { observations, skipped };
}

// The group less its organ-removal part, as an interval; null when not a count or censored, or
// when the part exceeds the group (the breakdown check flags that; no figure is invented).
function difference(whole: GlotipCellValue, part: GlotipCellValue): GlotipCellValue | null {
  const interval = (value: GlotipCellValue) =>
    value.kind === 'count'
      ? [value.value, value.value]
      : value.kind === 'censored'
        ? [value.lower, value.upper]
        : null;
  const [wholeLow, wholeHigh] = interval(whole) ?? [];
  const [partLow, partHigh] = interval(part) ?? [];
  if (
    wholeLow === undefined ||
    wholeHigh === undefined ||
    partLow === undefined ||
    partHigh === undefined
  )
    return null;
  const lower = Math.max(0, wholeLow - partHigh);
  const upper = wholeHigh - partLow;
  if (upper < 0) return null;
  return lower === upper ? { kind: 'count', value: lower } : { kind: 'censored', lower, upper };
}

/**
 * Writes returns as SDMX-CSV rows (header first), sorted by area, year, series, sex and age.
 *
 * A censored cell (dataUNODC's `<5`) is never a point guess: OBS_VALUE is empty, CONF_STATUS is
 * `C` (confidential, SDMX cross-domain code list CL_CONF_STATUS) and COMMENT_OBS states the
 * interval, e.g. `censored: 0 to 4`. Published counts carry OBS_STATUS `A` (normal) and
 * CONF_STATUS `F` (free). Missing and not-applicable cells are left out, as SDMX expects.
 */
export function writeSdmxCsv(
  returns: readonly GlotipReturnCells[],
  options: SdmxCsvOptions = {},
): string[][] {
  const dataflow = options.dataflow ?? 'IAEG-SDGs:DF_SDG_GLH';
  const reportingType = options.reportingType ?? 'N';
  const rows = sdmxObservations(returns).observations.flatMap((observation) => {
    const { value } = observation;
    const count = value.kind === 'count';
    const comments = [
      value.kind === 'censored' ? `censored: ${value.lower} to ${value.upper}` : '',
      observation.comment,
    ].filter((comment) => comment !== '');
    const row = (series: string, obsValue: string, unit: string, comment: string) => [
      dataflow,
      'A',
      reportingType,
      series,
      observation.refArea,
      observation.sex,
      observation.age,
      observation.timePeriod,
      obsValue,
      unit,
      '0',
      count ? 'A' : '',
      count ? 'F' : 'C',
      comment,
    ];
    const numberRow = row(
      observation.series,
      count ? String(value.value) : '',
      'NUMBER',
      comments.join('; '),
    );
    const iso3 = iso3OfM49Code(observation.refArea);
    const population =
      iso3 === null ? null : (options.population?.(iso3, Number(observation.timePeriod)) ?? null);
    if (population === null || population <= 0) return [numberRow];
    // A censored count gives a censored rate: empty and confidential, as the count is.
    const rate = count ? String(ratePer100k(value.value, population)) : '';
    return [
      numberRow,
      row(`${observation.series}R`, rate, 'PER_100000_POP', count ? '' : comments.join('; ')),
    ];
  });
  return [[...sdmxCsvColumns], ...rows];
}

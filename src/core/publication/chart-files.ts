import type { PublicChart, Protection } from '../../shared/public-schemas.js';

/** Where the chart's figures sit when the chart itself has no country or year column. */
export interface ChartContext {
  /** M49 code (or scheme region code) of the area the filters select; `001` is the world. */
  readonly area: string;
  /** `YYYY` or `YYYY/YYYY`: the years the filters select. */
  readonly period: string;
}

/** The one-line protection notice every download carries. */
export function protectionNotice(protection: Protection): string {
  const parts = [`protected by ${protection.policy}`];
  if (protection.threshold !== null) parts.push(`threshold ${protection.threshold}`);
  if (protection.base !== null) parts.push(`rounded to base ${protection.base}`);
  if (protection.k !== null) parts.push(`k = ${protection.k}`);
  parts.push(
    `${protection.suppressed} suppressed figures`,
    protection.method,
    'suppressed figures are empty, never estimated',
  );
  return parts.join('; ');
}

const valueText = (value: number | null): string => (value === null ? '' : String(value));

/** True when some row of the chart carries a rate per 100,000 (the map, with populations). */
export function hasRates(chart: Pick<PublicChart, 'rows'>): boolean {
  return chart.rows.some((row) => row.ratePer100k !== undefined);
}

/**
 * The chart's table as shown: its columns, `value`, `suppressed`, the rate per 100,000 and
 * whether it is suppressed (only when some row has a rate; empty in rows without one), and the
 * protection notice on every row (so a row copied out of the file keeps its notice).
 */
export function chartCsvRows(chart: PublicChart): string[][] {
  const notice = protectionNotice(chart.protection);
  const rated = hasRates(chart);
  return [
    [
      ...chart.columns,
      'value',
      'suppressed',
      ...(rated ? ['ratePer100k', 'rateSuppressed'] : []),
      'protection',
    ],
    ...chart.rows.map((row) => [
      ...chart.columns.map((column) => row.dimensions[column] ?? ''),
      valueText(row.value),
      row.suppressed ? 'true' : 'false',
      ...(rated
        ? row.ratePer100k === undefined
          ? ['', '']
          : [
              row.ratePer100k.suppressed ? '' : valueText(row.ratePer100k.value),
              row.ratePer100k.suppressed ? 'true' : 'false',
            ]
        : []),
      notice,
    ]),
  ];
}

// HXL hashtags per chart column (REFERENCE 6); values are people, hence `#affected`.
const hxlTags: Readonly<Record<string, string>> = {
  kpi: '#indicator+name',
  profile: '#meta+profile',
  sex: '#meta+sex',
  age: '#meta+age',
  year: '#date+year',
  form: '#indicator+type',
  country: '#country+code',
  m49: '#country+code+m49',
  countryName: '#country+name',
  origin: '#country+origin+code',
  originM49: '#country+origin+code+m49',
  originName: '#country+origin+name',
  destination: '#country+dest+code',
  destinationM49: '#country+dest+code+m49',
  destinationName: '#country+dest+name',
};

/** HXL-tagged CSV: the CSV table with a hashtag row under the header. Aggregates only. */
export function chartHxlRows(chart: PublicChart): string[][] {
  const [header, ...rows] = chartCsvRows(chart);
  const tags = [
    ...chart.columns.map((column) => hxlTags[column] ?? `#meta+${column.toLowerCase()}`),
    '#affected+ind',
    '#meta+suppressed',
    ...(hasRates(chart) ? ['#affected+ind+per100k', '#meta+suppressed+per100k'] : []),
    '#meta+protection',
  ];
  return [header ?? [], tags, ...rows];
}

const sdmxSex: Readonly<Record<string, string>> = { Total: '_T', Female: 'F', Male: 'M' };
const sdmxAge: Readonly<Record<string, string>> = {
  Total: '_T',
  '0 to 17 years': 'Y0T17',
  '18 years or over': 'Y_GE18',
};
const sdmxSeries: Readonly<Record<string, string>> = {
  'Detected trafficking victims': 'VC_HTF_DETV',
  'Sexual exploitation': 'VC_HTF_DETVSX',
  'Forced labour': 'VC_HTF_DETVFL',
  // dataUNODC folds organ removal into "other forms"; SDG's OG series cannot be separated here.
  'Other forms of exploitation': 'VC_HTF_DETVOP',
};

/**
 * SDMX-CSV of the chart's rows against the SDG 16.2.2 dataflow: the chart's codes become SDMX
 * dimensions (M49 `REF_AREA`, `COUNTERPART_AREA` for flows' origin, `SEX`, `AGE`, `SERIES`,
 * `TIME_PERIOD`); rows without an SDMX series (counts of countries or years) keep Vigil's own
 * `INDICATOR` text. A suppressed figure has an empty `OBS_VALUE` and `CONF_STATUS` `C`.
 * A row with a rate per 100,000 (the map, where populations are loaded) gives a second
 * observation in the series' rate version (`…R`, `UNIT_MEASURE` `PER_100000_POP`; ⚠ the unit
 * code follows the SDG unit code list as used for other per-100,000 series, to verify against
 * the 16.2.2 structure before submitting to UNSD).
 */
export function chartSdmxRows(chart: PublicChart, context: ChartContext): string[][] {
  const notice = protectionNotice(chart.protection);
  const header = [
    'DATAFLOW',
    'FREQ',
    'SERIES',
    'INDICATOR',
    'REF_AREA',
    'COUNTERPART_AREA',
    'SEX',
    'AGE',
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MEASURE',
    'CONF_STATUS',
    'COMMENT_OBS',
  ];
  const rows = chart.rows.flatMap((row) => {
    const d = row.dimensions;
    const label = d.kpi ?? d.form ?? 'Detected trafficking victims';
    const series = sdmxSeries[label];
    const observation = (
      seriesCode: string,
      value: number | null,
      suppressed: boolean,
      unit: string,
    ) => [
      'IAEG-SDGs:DF_SDG_GLH(1.0)',
      'A',
      seriesCode,
      series === undefined ? label : '',
      d.destinationM49 ?? d.m49 ?? context.area,
      d.originM49 ?? '',
      sdmxSex[d.sex ?? 'Total'] ?? '_T',
      sdmxAge[d.age ?? 'Total'] ?? '_T',
      d.year ?? context.period,
      valueText(value),
      unit,
      suppressed ? 'C' : 'F',
      notice,
    ];
    const count = observation(series ?? '', row.value, row.suppressed, 'NUMBER');
    const rate = row.ratePer100k;
    if (rate === undefined || series === undefined) return [count];
    return [count, observation(`${series}R`, rate.value, rate.suppressed, 'PER_100000_POP')];
  });
  return [header, ...rows];
}

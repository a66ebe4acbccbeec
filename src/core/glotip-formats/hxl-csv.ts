import {
  cellKeyString,
  glotipDimensionLabels,
  glotipIndicatorLabels,
  type GlotipAge,
  type GlotipCellValue,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { placeOfCountry } from '../regions/region-schemes.js';
import { categoryLabel, countryLabel } from './dataunodc-labels.js';
import type { GlotipReturnCells } from './glotip-return-cells.js';

// HXL-tagged CSV of aggregate figures (REFERENCE 6): a header row, the HXL hashtag row, then one
// row per country, year, breakdown and category, with the sex × age figures side by side. Only
// detected victims are written: HXL's people hashtags (#affected and its sex and age attributes)
// describe victims, and tagging prosecuted or convicted persons as #affected would let HXL tools
// add offenders to victims. Aggregates only: never HXL-tag case-level data.

// [header, hashtag, sex, age] of each figure column.
const figureColumns: readonly (readonly [string, string, GlotipSex, GlotipAge])[] = [
  ['Total', '#affected+total', 'total', 'total'],
  ['Female', '#affected+f', 'female', 'total'],
  ['Male', '#affected+m', 'male', 'total'],
  ['Other sex', '#affected+i', 'other', 'total'],
  ['Children', '#affected+children', 'total', 'minor'],
  ['Adults', '#affected+adults', 'total', 'adult'],
  ['Women', '#affected+f+adults', 'female', 'adult'],
  ['Men', '#affected+m+adults', 'male', 'adult'],
  ['Girls', '#affected+f+children', 'female', 'minor'],
  ['Boys', '#affected+m+children', 'male', 'minor'],
];

const leadingColumns: readonly (readonly [string, string])[] = [
  ['Country code', '#country+code'],
  ['Country', '#country+name'],
  ['M49 region code', '#region+code+m49'],
  ['M49 region', '#region+name'],
  ['M49 subregion code', '#region+sub+code+m49'],
  ['M49 subregion', '#region+sub+name'],
  ['Year', '#date+year'],
  ['Indicator code', '#indicator+code'],
  ['Indicator', '#indicator+name'],
  ['Breakdown', '#indicator+breakdown'],
  ['Form of exploitation', '#indicator+type'],
  ['Citizenship', '#country+origin+code'],
  ['Country of repatriation', '#country+dest+code'],
  ['Category', '#meta+category'],
  ['Sector', '#sector+cluster'],
];

const trailingColumns: readonly (readonly [string, string])[] = [
  ['Suppressed', '#meta+suppressed'],
  ['Source', '#meta+source'],
];

/** The two header rows: column names, then HXL hashtags. */
export const hxlHeaderRows: readonly (readonly string[])[] = [
  [...leadingColumns, ...figureColumns, ...trailingColumns].map(([header]) => header),
  [...leadingColumns, ...figureColumns, ...trailingColumns].map(([, tag]) => tag),
];

/**
 * Writes the detected-victims figures of returns as HXL-tagged CSV rows (both header rows first).
 * Figures are numbers, as HXL requires of #affected: a censored cell (`<5`) is left empty and its
 * column named in `#meta+suppressed` (`;`-separated); a missing one is left empty. Citizenship and
 * repatriation categories that are countries go in the origin/destination code columns; every
 * category is also written as dataUNODC words it (`#meta+category`). Sex and age combinations
 * other than the ten columns (e.g. unknown age) are not written.
 */
export function writeHxlCsv(returns: readonly GlotipReturnCells[]): string[][] {
  const rows: string[][] = hxlHeaderRows.map((row) => [...row]);
  for (const entry of returns) {
    const place = placeOfCountry('m49', entry.iso3);
    const values = new Map(entry.cells.map((cell) => [cellKeyString(cell.key), cell.value]));
    const addresses = new Map<
      string,
      { dimension: GlotipReturnCells['cells'][number]['key']['dimension']; category: string }
    >();
    for (const { key } of entry.cells) {
      if (key.indicator === 'detected_victims') {
        addresses.set(`${key.dimension}|${key.category}`, {
          dimension: key.dimension,
          category: key.category,
        });
      }
    }
    for (const { dimension, category } of addresses.values()) {
      const suppressed: string[] = [];
      const figures = figureColumns.map(([header, , sex, age]) => {
        const value = values.get(
          cellKeyString({ indicator: 'detected_victims', dimension, category, sex, age }),
        );
        if (value?.kind === 'censored') suppressed.push(header);
        return figureText(value);
      });
      const isCountry = /^[A-Z]{3}$/.test(category);
      rows.push([
        entry.iso3,
        countryLabel(entry.iso3),
        place?.region.code ?? '',
        place?.region.name ?? '',
        place?.subregion?.code ?? '',
        place?.subregion?.name ?? '',
        String(entry.year),
        'detected_victims',
        glotipIndicatorLabels.detected_victims,
        glotipDimensionLabels[dimension],
        dimension === 'exploitation' ? categoryLabel(dimension, category) : '',
        dimension === 'citizenship' && isCountry ? category : '',
        dimension === 'repatriation' && isCountry ? category : '',
        categoryLabel(dimension, category),
        'Protection',
        ...figures,
        suppressed.join(';'),
        entry.source,
      ]);
    }
  }
  return rows;
}

function figureText(value: GlotipCellValue | undefined): string {
  return value?.kind === 'count' ? String(value.value) : '';
}

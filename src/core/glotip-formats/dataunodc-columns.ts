/**
 * The 13 columns of the dataUNODC GLOTIP export (`data_glotip.xlsx`, REFERENCE 3.2), in file
 * order and spelt exactly as the file spells them.
 */
export const dataUnodcColumns: readonly string[] = [
  'Iso3_code',
  'Country',
  'Region',
  'Subregion',
  'Indicator',
  'Dimension',
  'Category',
  'Sex',
  'Age',
  'Year',
  'Unit of measurement',
  'txtVALUE',
  'Source',
];

/** The columns a row cannot be read without (the others are derived or informative). */
export const requiredDataUnodcColumns: readonly string[] = [
  'Iso3_code',
  'Indicator',
  'Dimension',
  'Category',
  'Sex',
  'Age',
  'Year',
  'txtVALUE',
];

/** The only unit dataUNODC publishes GLOTIP figures in. */
export const dataUnodcUnit = 'Counts';

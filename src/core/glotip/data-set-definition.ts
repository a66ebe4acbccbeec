import { isGlotipCategoryOf } from '../../shared/glotip-schemas.js';
import {
  citizenshipSpecials,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  type ExploitationGroup,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipDimension,
  type GlotipIndicator,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';

// The GLOTIP data set as data: which breakdowns each indicator has. Code that reads, validates or
// lays out a return walks this structure instead of knowing the questionnaire by heart, so a new
// version of the data set is a new value, not new code.

/** One indicator and the breakdowns it is reported by (`total` is listed in each axis). */
export interface IndicatorDefinition {
  readonly indicator: GlotipIndicator;
  readonly dimensions: readonly GlotipDimension[];
  readonly sexes: readonly GlotipSex[];
  readonly ages: readonly GlotipAge[];
}

/** A versioned data set. A published version is never edited: a change is a new version. */
export interface DataSetDefinition {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  /** The first reporting year the data set accepts (UNODC's collection began with 2003). */
  readonly firstYear: number;
  readonly indicators: readonly IndicatorDefinition[];
}

const allSexes: readonly GlotipSex[] = ['total', 'female', 'male', 'other', 'unknown'];
const allAges: readonly GlotipAge[] = ['total', 'minor', 'adult', 'unknown'];

/**
 * GLOTIP version 1, after the dataUNODC export (REFERENCE 3.1): victims by form of exploitation,
 * citizenship and country of repatriation, convicted persons by citizenship and form, each by sex
 * and age; formal contact and prosecutions by sex only; offences as a single figure. Detected
 * victims also carry Vigil's conflict-link breakdown.
 */
export const glotipDataSet: DataSetDefinition = {
  code: 'GLOTIP',
  version: 1,
  name: 'UNODC Global Report on Trafficking in Persons questionnaire',
  firstYear: 2003,
  indicators: [
    {
      indicator: 'detected_victims',
      dimensions: ['total', 'exploitation', 'citizenship', 'repatriation', 'conflict'],
      sexes: allSexes,
      ages: allAges,
    },
    { indicator: 'formal_contact', dimensions: ['total'], sexes: allSexes, ages: ['total'] },
    { indicator: 'prosecuted', dimensions: ['total'], sexes: allSexes, ages: ['total'] },
    {
      indicator: 'convicted',
      dimensions: ['total', 'citizenship', 'exploitation'],
      sexes: allSexes,
      ages: allAges,
    },
    { indicator: 'offences', dimensions: ['total'], sexes: ['total'], ages: ['total'] },
  ],
};

/** The definition of `indicator` in `definition`, or `undefined` when it is not collected. */
export function indicatorDefinition(
  definition: DataSetDefinition,
  indicator: GlotipIndicator,
): IndicatorDefinition | undefined {
  return definition.indicators.find((item) => item.indicator === indicator);
}

/** Which field of a key puts it outside a data set, and why. */
export interface CellKeyFieldProblem {
  readonly field: keyof GlotipCellKey;
  readonly reason: string;
}

/** Like {@link cellKeyProblem}, naming the offending field (first in key order). */
export function cellKeyFieldProblem(
  definition: DataSetDefinition,
  key: GlotipCellKey,
): CellKeyFieldProblem | null {
  const indicator = indicatorDefinition(definition, key.indicator);
  if (indicator === undefined) {
    return { field: 'indicator', reason: `${definition.code} does not collect ${key.indicator}` };
  }
  if (!indicator.dimensions.includes(key.dimension)) {
    const reason = `${key.indicator} has no breakdown by ${key.dimension}`;
    return { field: 'dimension', reason };
  }
  if (!isGlotipCategoryOf(key.dimension, key.category)) {
    return { field: 'category', reason: `${key.category} is not a ${key.dimension} category` };
  }
  if (!indicator.sexes.includes(key.sex)) {
    return { field: 'sex', reason: `${key.indicator} has no sex category ${key.sex}` };
  }
  if (!indicator.ages.includes(key.age)) {
    return { field: 'age', reason: `${key.indicator} has no age category ${key.age}` };
  }
  return null;
}

/** Why `key` does not belong to `definition` (one readable sentence), or `null` when it does. */
export function cellKeyProblem(definition: DataSetDefinition, key: GlotipCellKey): string | null {
  return cellKeyFieldProblem(definition, key)?.reason ?? null;
}

/** One column of a questionnaire table: a sex × age combination. */
export interface QuestionnaireColumn {
  readonly sex: GlotipSex;
  readonly age: GlotipAge;
}

/** One row of a questionnaire table. */
export interface QuestionnaireRow {
  readonly category: string;
  /** For a detailed form of exploitation, the group it rolls up to (and is indented under). */
  readonly rollsUpTo: ExploitationGroup | null;
}

/** One table of the questionnaire: an indicator broken down by one dimension. */
export interface QuestionnaireSection {
  /** Stable id, `<indicator>.<dimension>`. */
  readonly id: string;
  readonly indicator: GlotipIndicator;
  readonly dimension: GlotipDimension;
  readonly rows: readonly QuestionnaireRow[];
  readonly columns: readonly QuestionnaireColumn[];
  /**
   * True for citizenship and repatriation: the rows listed are only the specials, and the form
   * offers "add a country" (a row per ISO alpha-3 code the reporting entity needs).
   */
  readonly addCountryRows: boolean;
}

// Adults before minors, as the reports speak of women, men, girls and boys; the margins (unknown,
// then total) last in each direction, so the grand total is the bottom-right-most figure.
const columnAgeOrder: readonly GlotipAge[] = ['adult', 'minor', 'unknown', 'total'];
const columnSexOrder: readonly GlotipSex[] = ['female', 'male', 'other', 'unknown', 'total'];

function columnsOf(indicator: IndicatorDefinition): QuestionnaireColumn[] {
  return columnAgeOrder
    .filter((age) => indicator.ages.includes(age))
    .flatMap((age) =>
      columnSexOrder.filter((sex) => indicator.sexes.includes(sex)).map((sex) => ({ sex, age })),
    );
}

function rowsOf(dimension: GlotipDimension): QuestionnaireRow[] {
  const plain = (category: string): QuestionnaireRow => ({ category, rollsUpTo: null });
  switch (dimension) {
    case 'total':
      return [plain('total')];
    case 'exploitation':
      return exploitationGroups.flatMap((group) => [
        plain(group),
        ...Object.entries(exploitationDetails)
          .filter(([, parent]) => parent === group)
          .map(([detail]) => ({ category: detail, rollsUpTo: group })),
      ]);
    case 'citizenship':
    case 'repatriation':
      return citizenshipSpecials.map(plain);
    case 'conflict':
      return conflictLinkCategories.map(plain);
  }
}

/**
 * The form layout of a data set: per indicator and dimension (in definition order), the rows
 * (categories, each exploitation group followed by its detailed forms) × the columns (sex × age
 * combinations, grouped by age). Every cell of a section is a key the data set accepts.
 */
export function questionnaireSections(definition: DataSetDefinition): QuestionnaireSection[] {
  return definition.indicators.flatMap((indicator) => {
    const columns = columnsOf(indicator);
    return indicator.dimensions.map((dimension) => ({
      id: `${indicator.indicator}.${dimension}`,
      indicator: indicator.indicator,
      dimension,
      rows: rowsOf(dimension),
      columns,
      addCountryRows: dimension === 'citizenship' || dimension === 'repatriation',
    }));
  });
}

/** The cell keys of one questionnaire section, row by row. */
export function sectionCellKeys(section: QuestionnaireSection): GlotipCellKey[] {
  return section.rows.flatMap((row) =>
    section.columns.map((column) => ({
      indicator: section.indicator,
      dimension: section.dimension,
      category: row.category,
      sex: column.sex,
      age: column.age,
    })),
  );
}

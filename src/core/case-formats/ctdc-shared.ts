import type { DataSource, ExploitationType, LabourSector } from '../../shared/case-vocabulary.js';
import type { CaseRecord } from '../../shared/case-schemas.js';
import {
  isMissing,
  labelKey,
  sameMembers,
  splitList,
  type FlagColumn,
  type RowReader,
} from './cell-values.js';
import { labourExploitation, labourFlags, type CtdcFlag } from './ctdc-vocabulary.js';

// Reading and writing steps both CTDC layouts share.

/** The flag columns of a group: `prefix + suffix` → code. */
export function flagColumns<C extends string>(
  prefix: string,
  flags: readonly CtdcFlag<C>[],
): FlagColumn<C>[] {
  return flags.map((flag) => [`${prefix}${flag.suffix}`, flag.code] as const);
}

/**
 * Checks a concatenated-label cell against the flags it summarises. When the flags were not
 * recorded the labels stand in for them (an unknown label is then an error, since the value
 * would be lost); otherwise a disagreement is only a warning and the flags win.
 */
export function reconcileConcatenated<C extends string>(
  reader: RowReader,
  column: string,
  codes: C[] | null,
  index: ReadonlyMap<string, C>,
  extra: Readonly<Record<string, readonly C[]>> = {},
): C[] | null {
  const value = reader.cell(column);
  if (isMissing(value)) return codes;
  const labelled: C[] = [];
  const unknown: string[] = [];
  for (const label of splitList(value)) {
    const key = labelKey(label);
    const found = index.get(key);
    const more = extra[key];
    if (found !== undefined) labelled.push(found);
    else if (more !== undefined) labelled.push(...more);
    else unknown.push(label);
  }
  const distinct = [...new Set(labelled)];
  if (codes === null) {
    if (unknown.length > 0) {
      reader.error(column, value, 'unknown_value', `Unknown label(s): ${unknown.join(', ')}`);
    }
    return distinct;
  }
  if (unknown.length > 0 || !sameMembers(distinct, codes)) {
    reader.warn(
      column,
      value,
      'concatenated_mismatch',
      'The labels disagree with the flags of their group; the flags are kept',
    );
  }
  return codes;
}

/** Adds the forms of exploitation that a labour sector implies (begging, illicit activities). */
export function addLabourExploitation(
  types: ExploitationType[] | null,
  sectors: readonly LabourSector[] | null,
): ExploitationType[] | null {
  // Only when purposes were recorded: an unrecorded purpose group stays unrecorded, so that
  // writing the record back gives the same missing cells.
  if (types === null || sectors === null) return types;
  const result = [...types];
  for (const [sector, type] of labourExploitation) {
    if (sectors.includes(sector) && !result.includes(type)) result.push(type);
  }
  return result;
}

const ctdcSectors: ReadonlySet<string> = new Set(labourFlags.map((flag) => flag.code));

/**
 * The CTDC labour types of a record: its sectors (ISIC sections CTDC has no column for count as
 * "other"), plus begging and illicit activities when they are recorded as forms of exploitation.
 */
export function ctdcSectorsOf(record: CaseRecord): LabourSector[] | null {
  const { labourSectors, exploitationTypes } = record.victim;
  const implied = labourExploitation
    .filter(([, type]) => exploitationTypes?.includes(type) === true)
    .map(([sector]) => sector);
  if (labourSectors === null && implied.length === 0) return null;
  const sectors: LabourSector[] = [];
  for (const sector of [...(labourSectors ?? []), ...implied]) {
    const mapped: LabourSector = ctdcSectors.has(sector) ? sector : 'vigil:OtherSector';
    if (!sectors.includes(mapped)) sectors.push(mapped);
  }
  return sectors;
}

/**
 * The CTDC global purposes (`is*` flags) of a record. Vigil's extensions fold into the nearest
 * flag: armed combat into forced military, sexual slavery into sexual exploitation and slavery,
 * and HTCDS forms CTDC lacks into "other". Begging and criminality travel as labour types.
 */
export function ctdcPurposesOf(types: readonly ExploitationType[]): ExploitationType[] {
  const purposes = new Set<ExploitationType>();
  for (const type of types) {
    switch (type) {
      case 'ForcedLabour':
      case 'SexualExploitation':
      case 'ForcedMarriage':
      case 'ForcedMilitaryByNonStateActors':
      case 'OrganRemoval':
      case 'Servitude':
      case 'Other':
        purposes.add(type);
        break;
      case 'vigil:ArmedCombat':
        purposes.add('ForcedMilitaryByNonStateActors');
        break;
      case 'vigil:SexualSlavery':
        purposes.add('SexualExploitation');
        purposes.add('Servitude');
        break;
      case 'ChildLabour':
      case 'ForcedAdoption':
      case 'Surrogacy':
        purposes.add('Other');
        break;
      case 'ForcedBegging':
      case 'vigil:ForcedCriminality':
        break;
    }
  }
  return [...purposes];
}

const dataSourceLabels: Readonly<Record<DataSource, string>> = {
  CaseManagement: 'Case Management',
  Hotline: 'Hotline',
  Other: 'Other',
};

/** Reads `Datasource` (`Case Management` in files, `Case management` in the codebook). */
export function readDataSource(reader: RowReader, column: string): DataSource | null {
  const value = reader.cell(column);
  if (isMissing(value)) return null;
  const key = labelKey(value).replace(/\s/g, '');
  if (key === 'casemanagement') return 'CaseManagement';
  if (key === 'hotline') return 'Hotline';
  if (key === 'other') return 'Other';
  reader.error(column, value, 'unknown_value', 'Use Case Management, Hotline or Other');
  return null;
}

/** Writes `Datasource`. */
export function formatDataSource(source: DataSource): string {
  return dataSourceLabels[source];
}

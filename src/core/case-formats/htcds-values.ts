import {
  caseStatuses,
  conflictBases,
  conflictRelations,
  controlMethods,
  dataSources,
  displacementStatuses,
  eventTypes,
  exploitationDurations,
  exploitationTypes,
  genders,
  isExtensionCode,
  labourSectors,
  majorityStatuses,
  perpetratorRoles,
  recruiterRelations,
  recruitmentMethods,
  sexExploitationTypes,
  statusDecisionMakers,
  supportPlanTypes,
  traffickerRelationships,
  traffickingStatuses,
  type ControlMethod,
  type ExploitationType,
  type LabourSector,
} from '../../shared/case-vocabulary.js';

/**
 * A code list as HTCDS files write it: codes or labels, any case, stray spaces (the toolkit's
 * `Debt bondage `), older versions' codes. `aliases` maps extra spellings to codes.
 */
export interface Picklist<C extends string> {
  readonly codes: readonly C[];
  readonly aliases?: Readonly<Record<string, C>>;
}

// Codes and labels compare on letters and digits only, so `DebtBondage`, `Debt bondage ` and
// `debt-bondage` are one key, as are `vigil:RestrictsMovement` and `RestrictsMovement`.
const keyOf = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const indexes = new WeakMap<Picklist<string>, ReadonlyMap<string, string>>();

function indexOf<C extends string>(list: Picklist<C>): ReadonlyMap<string, C> {
  const cached = indexes.get(list);
  if (cached !== undefined) return cached as ReadonlyMap<string, C>;
  const index = new Map<string, C>();
  const add = (key: string, code: C) => {
    if (key !== '' && !index.has(key)) index.set(key, code);
  };
  for (const code of list.codes) add(keyOf(code), code);
  for (const [alias, code] of Object.entries(list.aliases ?? {})) add(keyOf(alias), code);
  // Looser keys after the exact ones, so they never shadow a real code: extension codes without
  // their namespace, ISIC sections without their letter (`Manufacturing`).
  for (const code of list.codes) {
    if (isExtensionCode(code)) add(keyOf(code.slice(code.indexOf(':') + 1)), code);
    const section = /^[A-U]_(.+)$/.exec(code);
    if (section?.[1] !== undefined) add(keyOf(section[1]), code);
  }
  indexes.set(list, index);
  return index;
}

/** The code a cell names, or undefined. */
export function matchCode<C extends string>(list: Picklist<C>, value: string): C | undefined {
  return indexOf(list).get(keyOf(value));
}

/**
 * Splits a `;` multi-select into codes. A label may itself contain `;` (ISIC's "Water supply;
 * sewerage, …"), so the longest run of parts that names a code is taken first. A part that
 * names nothing but is a space-separated run of codes (how ODK and Kobo export an XLSForm
 * `select_multiple`) gives those codes.
 */
export function matchCodes<C extends string>(
  list: Picklist<C>,
  value: string,
): { codes: C[]; unknown: string[] } {
  const parts = value.split(';').map((part) => part.trim());
  const codes: C[] = [];
  const unknown: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let end = parts.length;
    let code: C | undefined;
    for (; end > start; end -= 1) {
      code = matchCode(list, parts.slice(start, end).join(';'));
      if (code !== undefined) break;
    }
    const part = parts[start] ?? '';
    if (code !== undefined) {
      if (!codes.includes(code)) codes.push(code);
      start = end;
      continue;
    }
    const spaced = part.split(/\s+/).map((token) => list.codes.find((c) => c === token));
    if (spaced.length > 1 && spaced.every((c) => c !== undefined)) {
      for (const c of spaced) if (!codes.includes(c)) codes.push(c);
    } else if (part !== '') {
      unknown.push(part);
    }
    start += 1;
  }
  return { codes, unknown };
}

// The picklist of each field: its codes, plus the spellings the toolkit and older versions use.

export const genderList: Picklist<(typeof genders)[number]> = {
  codes: genders,
  aliases: {
    'Not Specified/Unknown': 'NonSpecifiedUnknown',
    // HTCDS v0.2 (and the Dart `htcds` package).
    Female: 'Feminine',
    Male: 'Masculine',
    'Transgender/NonConforming': 'NonConforming',
    Unknown: 'NonSpecifiedUnknown',
  },
};
export const caseStatusList: Picklist<(typeof caseStatuses)[number]> = { codes: caseStatuses };
export const traffickingStatusList: Picklist<(typeof traffickingStatuses)[number]> = {
  codes: traffickingStatuses,
};
export const decisionMakerList: Picklist<(typeof statusDecisionMakers)[number]> = {
  codes: statusDecisionMakers,
};
export const relationshipList: Picklist<(typeof traffickerRelationships)[number]> = {
  codes: traffickerRelationships,
  aliases: { Unacquainted: 'Unaquainted' },
};
export const recruitmentList: Picklist<(typeof recruitmentMethods)[number]> = {
  codes: recruitmentMethods,
  // HTCDS v0.2 codes, as the toolkit's XLSForm still writes them (REFERENCE 1.4). v0.2 had one
  // code for every online channel; social networks are the commoner of the two v2.0 codes it
  // split into. Public areas and shelters have no v2.0 code of their own.
  aliases: {
    InternetSocialMediaOnlineAdvertisement: 'ThroughOnlineSocialNetworks',
    EducationalFacility: 'AtAnEducationalInstitution',
    Work: 'AtWork',
    PublicArea: 'Other',
    Shelter: 'Other',
  },
};
export const controlList: Picklist<ControlMethod> = {
  codes: controlMethods,
  aliases: { 'Threats of law enforcement': 'ThreatsLawEnforcement' },
};
export const exploitationList: Picklist<ExploitationType> = {
  codes: exploitationTypes,
  aliases: {
    // HTCDS v0.2 codes (REFERENCE 1.10). v0.2's forced military service was not limited to
    // non-state actors, hence armed combat rather than the narrower v1.0 code.
    IllicitActivities: 'vigil:ForcedCriminality',
    ForcedMilitaryService: 'vigil:ArmedCombat',
    IllegalAdoption: 'ForcedAdoption',
  },
};
export const labourSectorList: Picklist<LabourSector> = {
  codes: labourSectors,
  aliases: {
    Other: 'vigil:OtherSector',
    // ISIC section titles (the toolkit's labels) that differ from the shortened codes.
    'Water supply; sewerage, waste management and remediation':
      'E_WaterSupplySewerageWasteManagement',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles':
      'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
    'Public administration and defence; compulsory social security':
      'O_PublicAdministrationAndDefence',
    'Activities of households as employers; undifferentiated goods- and services- producing activities of households for own use':
      'T_ActivitiesOfHouseholdsAsEmployers',
    'Activities of extraterritorial organizations and bodies':
      'U_ActivitiesOfExtraterritorialOrganizations',
  },
};
export const sexExploitationList: Picklist<(typeof sexExploitationTypes)[number]> = {
  codes: sexExploitationTypes,
};
export const recruiterRelationList: Picklist<(typeof recruiterRelations)[number]> = {
  codes: recruiterRelations,
};
export const majorityList: Picklist<(typeof majorityStatuses)[number]> = {
  codes: majorityStatuses,
};
export const durationList: Picklist<(typeof exploitationDurations)[number]> = {
  codes: exploitationDurations,
};
export const dataSourceList: Picklist<(typeof dataSources)[number]> = { codes: dataSources };
export const displacementList: Picklist<(typeof displacementStatuses)[number]> = {
  codes: displacementStatuses,
};
export const conflictRelationList: Picklist<(typeof conflictRelations)[number]> = {
  codes: conflictRelations,
};
export const conflictBasisList: Picklist<(typeof conflictBases)[number]> = {
  codes: conflictBases,
};
export const eventTypeList: Picklist<(typeof eventTypes)[number]> = { codes: eventTypes };
export const perpetratorRoleList: Picklist<(typeof perpetratorRoles)[number]> = {
  codes: perpetratorRoles,
};
export const supportPlanTypeList: Picklist<(typeof supportPlanTypes)[number]> = {
  codes: supportPlanTypes,
};

/**
 * What a plain HTCDS column receives for a list that may hold Vigil extension codes: the
 * extension as `Other` (the full list travels in the `vigil_` column), except where HTCDS has an
 * exact equivalent (aquafarming is ISIC section A) or the code says nothing was specified.
 */
export function toPlainHtcds<C extends string>(
  codes: readonly C[],
  equivalents?: Readonly<Partial<Record<C, C | null>>>,
): string[] {
  const plain: string[] = [];
  for (const code of codes) {
    const mapped: C | null | undefined = isExtensionCode(code) ? equivalents?.[code] : code;
    const value = mapped === undefined ? 'Other' : mapped;
    if (value !== null && !plain.includes(value)) plain.push(value);
  }
  return plain;
}

/** Plain-column equivalents of control-method extensions. */
export const controlEquivalents: Readonly<Partial<Record<ControlMethod, ControlMethod | null>>> = {
  'vigil:NotSpecified': null,
};

/** Plain-column equivalents of labour-sector extensions. */
export const sectorEquivalents: Readonly<Partial<Record<LabourSector, LabourSector | null>>> = {
  'vigil:Aquafarming': 'A_AgricultureForestryAndFishing',
  'vigil:SectorNotSpecified': null,
};

/** Reads TRUE/FALSE (XLSForm), Yes/No, 1/0; undefined when it is none of these. */
export function parseBoolean(value: string): boolean | null | undefined {
  const key = value.trim().toLowerCase();
  if (key === '') return null;
  if (['true', 'yes', '1', 'y'].includes(key)) return true;
  if (['false', 'no', '0', 'n'].includes(key)) return false;
  return undefined;
}

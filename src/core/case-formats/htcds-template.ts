import { z } from 'zod';
import {
  perpetratorSchema,
  supportPlanSchema,
  tipEventSchema,
  type CaseRecordInput,
} from '../../shared/case-schemas.js';
import {
  createRowReader,
  finishRow,
  readInteger,
  readYear,
  type RawRow,
  type RowParseResult,
  type RowReader,
} from './cell-values.js';
import { parseAgeBand } from './ctdc-vocabulary.js';
import { htcdsCells, type HtcdsCells } from './htcds-cells.js';
import { resolveHtcdsColumn } from './htcds-columns.js';
import {
  caseStatusList,
  conflictBasisList,
  conflictRelationList,
  controlEquivalents,
  controlList,
  dataSourceList,
  decisionMakerList,
  displacementList,
  durationList,
  eventTypeList,
  exploitationList,
  genderList,
  labourSectorList,
  majorityList,
  perpetratorRoleList,
  recruiterRelationList,
  recruitmentList,
  relationshipList,
  sectorEquivalents,
  sexExploitationList,
  supportPlanTypeList,
  traffickingStatusList,
} from './htcds-values.js';

export { htcdsHeader, writeHtcdsRow, type HtcdsWriteOptions } from './htcds-export.js';

/** Options for reading HTCDS rows. */
export interface HtcdsReadOptions {
  /**
   * Registration year for a row that gives none: no `vigil_RegistrationYear`, no
   * `vigil_RegisteredOn`, no `cas_IncomingReferralDate` (typically the year of the import).
   */
  readonly fallbackRegistrationYear?: number;
}

/** A parsed HTCDS row, with the `con_Consent` answer (consent is a ledger entry, not a field). */
export type HtcdsParseResult = RowParseResult & { readonly consent: boolean | null };

/**
 * Parses one HTCDS template row (cells keyed by row-1 field identifiers) into a case record.
 * Tolerates the toolkit's quirks: misspelt or XLSForm field names, labels instead of codes in
 * any case with stray spaces, `;` multi-selects, HTCDS v0.2 codes, alpha-2 or alpha-3
 * citizenship. `vigil_` columns, when filled, carry the exact values behind the plain ones.
 */
export function parseHtcdsRow(row: RawRow, options: HtcdsReadOptions = {}): HtcdsParseResult {
  const reader = createRowReader(row, resolveHtcdsColumn);
  const cells = htcdsCells(reader);
  const consent = cells.boolean('con_Consent');
  const registeredOn = cells.date('vigil_RegisteredOn');
  const input: CaseRecordInput = {
    caseNumber: cells.text('vigil_CaseNumber'),
    status: cells.pick('cas_Status', caseStatusList) ?? 'Active',
    registrationYear: registrationYearOf(reader, cells, registeredOn, options) ?? 0,
    registeredOn,
    dataSource: cells.pick('vigil_DataSource', dataSourceList),
    victim: readVictim(reader, cells),
    perpetrators: readPerpetrators(cells),
    events: readEvents(reader, cells),
    supportPlans: readSupportPlans(reader, cells),
  };
  if (!reader.has('vigil_CountryOfExploitation') && input.victim !== undefined) {
    // A plain HTCDS file: the country of exploitation is that of its exploitation event.
    const event = input.events?.find((item) => item.type === 'Exploitation');
    input.victim.countryOfExploitation = event?.country ?? null;
  }
  return { ...finishRow(reader, input, columnOfPath), consent };
}

function registrationYearOf(
  reader: RowReader,
  cells: HtcdsCells,
  registeredOn: string | null,
  options: HtcdsReadOptions,
): number | null {
  if (reader.cell('vigil_RegistrationYear') !== '') {
    return readYear(reader, 'vigil_RegistrationYear');
  }
  const date = registeredOn ?? cells.date('cas_IncomingReferralDate');
  if (date !== null) return Number.parseInt(date.slice(0, 4), 10);
  if (options.fallbackRegistrationYear !== undefined) return options.fallbackRegistrationYear;
  return readYear(reader, 'vigil_RegistrationYear');
}

function readVictim(reader: RowReader, cells: HtcdsCells): NonNullable<CaseRecordInput['victim']> {
  const { text, pick, list } = cells;
  const bandValue = reader.cell('vigil_AgeBand');
  const ageBand = parseAgeBand(bandValue);
  if (ageBand === undefined) {
    reader.error('vigil_AgeBand', bandValue, 'invalid_age_band', 'Use a band such as 9-17 or 48+');
  }
  const language = reader.cell('prs_PrimaryLanguage');
  if (language !== '' && !/^[a-z]{3}$/i.test(language)) {
    reader.error('prs_PrimaryLanguage', language, 'unknown_value', 'Use an ISO 639-2 code');
  }
  return {
    identity: {
      firstName: text('prs_FirstName'),
      secondName: text('prs_SecondName'),
      middleName: text('prs_MiddleName'),
      birthDate: cells.date('prs_Birthdate'),
      identityNumber: text('prs_IdentityNumber'),
      email: text('prs_Email'),
      phone: text('prs_MobilePhone') ?? text('prs_HomePhone'),
      street: text('prs_MailingStreet'),
      city: text('prs_MailingCity'),
      state: text('prs_MailingState'),
      postalCode: text('prs_MailingPostalCode'),
      notes: text('cco_CaseComment'),
    },
    gender: pick('prs_Gender', genderList) ?? 'NonSpecifiedUnknown',
    citizenship: cells.countries('prs_Citizenship'),
    ageAtIdentification: readInteger(reader, 'vigil_AgeAtIdentification', 0, 120),
    ageWhenTrafficked: readInteger(reader, 'vic_AgeWhenTrafficked', 0, 120),
    ageBand: ageBand ?? null,
    majorityStatus: pick('vigil_MajorityStatus', majorityList),
    majorityStatusAtExploitation: pick('vigil_MajorityStatusAtExploitation', majorityList),
    majorityStatusAtEntry: pick('vigil_MajorityStatusAtEntry', majorityList),
    primaryLanguage: language === '' ? null : language.toLowerCase(),
    traffickingStatus: pick('vic_TraffickingStatus', traffickingStatusList),
    statusDecidedBy: pick('vic_TraffickingStatusDecisionMakingOrg', decisionMakerList),
    relationshipToTrafficker: pick('vic_RelationshipToTrafficker', relationshipList),
    recruiterRelations: list(null, 'vigil_RecruiterRelations', recruiterRelationList),
    recruitmentMethods: list(
      'vic_MethodOfRecruitment',
      'vigil_RecruitmentMethods',
      recruitmentList,
    ),
    controlMethods: list(
      'vic_MethodsOfControl',
      'vigil_ControlMethods',
      controlList,
      controlEquivalents,
    ),
    exploitationTypes: list('vic_TypeOfExploitation', 'vigil_ExploitationTypes', exploitationList),
    labourSectors: list(
      'vic_ForcedLabourIndustry',
      'vigil_LabourSectors',
      labourSectorList,
      sectorEquivalents,
    ),
    sexExploitationTypes: list(
      'vic_TypeOfSexExploitation',
      'vigil_SexExploitationTypes',
      sexExploitationList,
    ),
    abducted: cells.boolean('vigil_Abducted'),
    exploitationDuration: pick('vigil_ExploitationDuration', durationList),
    countryOfExploitation: cells.country('vigil_CountryOfExploitation'),
    displacementStatus: pick('vigil_DisplacementStatus', displacementList),
    conflict: {
      related: pick('vigil_ConflictRelated', conflictRelationList) ?? 'Unknown',
      bases: list(null, 'vigil_ConflictBases', conflictBasisList) ?? [],
      crisisId: text('vigil_CrisisId'),
    },
  };
}

// Nested lists: the `vigil_` JSON column when filled, else one item from the plain columns.

function readPerpetrators(cells: HtcdsCells): CaseRecordInput['perpetrators'] {
  if (cells.text('vigil_Perpetrators') !== null) {
    return cells.json('vigil_Perpetrators', z.array(perpetratorSchema));
  }
  const roles = cells.list('per_RoleInProcess', null, perpetratorRoleList);
  const details = cells.text('per_RoleDetails');
  if (roles === null && details === null) return [];
  return [{ roles: roles ?? [], details }];
}

function readEvents(reader: RowReader, cells: HtcdsCells): CaseRecordInput['events'] {
  if (cells.text('vigil_Events') !== null)
    return cells.json('vigil_Events', z.array(tipEventSchema));
  const columns = ['hte_Type', 'hte_Country', 'hte_Date', 'hte_City', 'hte_Description'];
  if (columns.every((column) => reader.cell(column) === '')) return [];
  const type = cells.pick('hte_Type', eventTypeList);
  const date = cells.date('hte_Date');
  if (type === null) {
    if (reader.cell('hte_Type') === '') {
      reader.error('hte_Type', '', 'missing_required', 'An event needs its type');
    }
    return [];
  }
  return [
    {
      type,
      country: cells.country('hte_Country'),
      year: date === null ? null : Number.parseInt(date.slice(0, 4), 10),
      date,
      place: cells.text('hte_City'),
      description: cells.text('hte_Description'),
    },
  ];
}

function readSupportPlans(reader: RowReader, cells: HtcdsCells): CaseRecordInput['supportPlans'] {
  if (cells.text('vigil_SupportPlans') !== null) {
    return cells.json('vigil_SupportPlans', z.array(supportPlanSchema));
  }
  const columns = [
    'spl_Type',
    'spl_Objectives',
    'spl_ActionPlan',
    'spl_PlannedEndDate',
    'spl_ActualEndDate',
  ];
  if (columns.every((column) => reader.cell(column) === '')) return [];
  const type = cells.pick('spl_Type', supportPlanTypeList);
  if (type === null) {
    if (reader.cell('spl_Type') === '') {
      reader.error('spl_Type', '', 'missing_required', 'A support plan needs its type');
    }
    return [];
  }
  return [
    {
      type,
      objectives: cells.text('spl_Objectives'),
      actionPlan: cells.text('spl_ActionPlan'),
      plannedEndDate: cells.date('spl_PlannedEndDate'),
      actualEndDate: cells.date('spl_ActualEndDate'),
    },
  ];
}

// Where a schema issue points: the record's field path → the column that fed it.
const columnsByPath: Readonly<Record<string, string>> = {
  caseNumber: 'vigil_CaseNumber',
  registrationYear: 'vigil_RegistrationYear',
  'victim.identity.firstName': 'prs_FirstName',
  'victim.identity.secondName': 'prs_SecondName',
  'victim.identity.middleName': 'prs_MiddleName',
  'victim.identity.identityNumber': 'prs_IdentityNumber',
  'victim.identity.email': 'prs_Email',
  'victim.identity.phone': 'prs_MobilePhone',
  'victim.identity.street': 'prs_MailingStreet',
  'victim.identity.city': 'prs_MailingCity',
  'victim.identity.state': 'prs_MailingState',
  'victim.identity.postalCode': 'prs_MailingPostalCode',
  'victim.identity.notes': 'cco_CaseComment',
  'victim.citizenship': 'prs_Citizenship',
  'victim.conflict.crisisId': 'vigil_CrisisId',
  perpetrators: 'per_RoleDetails',
  events: 'hte_Description',
  supportPlans: 'spl_Objectives',
};

function columnOfPath(path: readonly PropertyKey[]): string {
  const named = path.filter((part): part is string => typeof part === 'string');
  for (let length = named.length; length > 0; length -= 1) {
    const column = columnsByPath[named.slice(0, length).join('.')];
    if (column !== undefined) return column;
  }
  return 'vigil_RegistrationYear';
}

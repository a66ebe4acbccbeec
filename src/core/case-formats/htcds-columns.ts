import { labelKey } from './cell-values.js';

/** A template column: the field identifier (row 1) and its label (row 2). */
export interface HtcdsColumn {
  readonly field: string;
  readonly label: string;
}

/**
 * The HTCDS 2.0 fields Vigil reads and writes, in template order; labels as the toolkit's
 * XLSForm gives them. Perpetrator, event and support-plan columns describe one item each (see
 * `writeHtcdsRow`); the full lists travel in `vigil_` columns.
 */
export const htcdsColumns: readonly HtcdsColumn[] = [
  { field: 'prs_FirstName', label: 'First Name' },
  { field: 'prs_MiddleName', label: 'Middle Name' },
  { field: 'prs_SecondName', label: 'Second Name' },
  { field: 'prs_Birthdate', label: 'Birthdate' },
  { field: 'prs_Gender', label: 'Gender' },
  { field: 'prs_Citizenship', label: 'Citizenship' },
  { field: 'prs_IdentityNumber', label: 'Identity Number' },
  { field: 'prs_PrimaryLanguage', label: 'Primary Language' },
  { field: 'prs_Email', label: 'Email' },
  { field: 'prs_MobilePhone', label: 'Mobile Phone' },
  { field: 'prs_MailingStreet', label: 'Mailing Street' },
  { field: 'prs_MailingCity', label: 'Mailing City' },
  { field: 'prs_MailingState', label: 'Mailing State/Province' },
  { field: 'prs_MailingPostalCode', label: 'Mailing Zip/Postal Code' },
  { field: 'vic_TraffickingStatus', label: 'Trafficking Status' },
  {
    field: 'vic_TraffickingStatusDecisionMakingOrg',
    label: 'Trafficking Status Decision Making Organization',
  },
  { field: 'vic_RelationshipToTrafficker', label: 'Relationship to Trafficker' },
  { field: 'vic_AgeWhenTrafficked', label: 'Age when Trafficked' },
  { field: 'vic_MethodOfRecruitment', label: 'Method of Recruitment' },
  { field: 'vic_MethodsOfControl', label: 'Methods of Control' },
  { field: 'vic_TypeOfExploitation', label: 'Type of Exploitation' },
  { field: 'vic_ForcedLabourIndustry', label: 'Forced Labour Industry' },
  { field: 'vic_TypeOfSexExploitation', label: 'Type of Sex Exploitation' },
  { field: 'per_RoleInProcess', label: 'Role in Process' },
  { field: 'per_RoleDetails', label: 'Role Details' },
  { field: 'cas_Status', label: 'Status' },
  { field: 'cco_CaseComment', label: 'Case Comment' },
  { field: 'hte_Type', label: 'Event Type' },
  { field: 'hte_Country', label: 'Event Country' },
  { field: 'hte_Date', label: 'Event Date' },
  { field: 'hte_City', label: 'Event City' },
  { field: 'hte_Description', label: 'Event Description' },
  { field: 'spl_Type', label: 'Support Plan Type' },
  { field: 'spl_Objectives', label: 'Objectives' },
  { field: 'spl_ActionPlan', label: 'Action Plan' },
  { field: 'spl_PlannedEndDate', label: 'Planned End Date' },
  { field: 'spl_ActualEndDate', label: 'Actual End Date' },
  { field: 'con_Consent', label: 'Consent' },
];

/**
 * Vigil's extension columns: what HTCDS has no field for, and the exact lists behind the plain
 * columns (extension codes as-is; `None` for a list recorded as empty; JSON for nested lists).
 */
export const vigilColumns: readonly HtcdsColumn[] = [
  { field: 'vigil_CaseNumber', label: 'Vigil: Case Number' },
  { field: 'vigil_RegistrationYear', label: 'Vigil: Registration Year' },
  { field: 'vigil_RegisteredOn', label: 'Vigil: Registered On' },
  { field: 'vigil_DataSource', label: 'Vigil: Data Source' },
  { field: 'vigil_AgeAtIdentification', label: 'Vigil: Age at Identification' },
  { field: 'vigil_AgeBand', label: 'Vigil: Age Band' },
  { field: 'vigil_MajorityStatus', label: 'Vigil: Majority Status' },
  {
    field: 'vigil_MajorityStatusAtExploitation',
    label: 'Vigil: Majority Status at Exploitation',
  },
  { field: 'vigil_MajorityStatusAtEntry', label: 'Vigil: Majority Status at Entry' },
  { field: 'vigil_RecruiterRelations', label: 'Vigil: Recruiter Relations' },
  { field: 'vigil_RecruitmentMethods', label: 'Vigil: Recruitment Methods' },
  { field: 'vigil_ControlMethods', label: 'Vigil: Control Methods' },
  { field: 'vigil_ExploitationTypes', label: 'Vigil: Exploitation Types' },
  { field: 'vigil_LabourSectors', label: 'Vigil: Labour Sectors' },
  { field: 'vigil_SexExploitationTypes', label: 'Vigil: Sex Exploitation Types' },
  { field: 'vigil_Abducted', label: 'Vigil: Abducted' },
  { field: 'vigil_ExploitationDuration', label: 'Vigil: Exploitation Duration' },
  { field: 'vigil_CountryOfExploitation', label: 'Vigil: Country of Exploitation' },
  { field: 'vigil_DisplacementStatus', label: 'Vigil: Displacement Status' },
  { field: 'vigil_ConflictRelated', label: 'Vigil: Conflict Related' },
  { field: 'vigil_ConflictBases', label: 'Vigil: Conflict Bases' },
  { field: 'vigil_CrisisId', label: 'Vigil: Crisis' },
  { field: 'vigil_Perpetrators', label: 'Vigil: Perpetrators' },
  { field: 'vigil_Events', label: 'Vigil: Trafficking Events' },
  { field: 'vigil_SupportPlans', label: 'Vigil: Support Plans' },
];

/** Other spellings of fields seen in the toolkit and older versions (REFERENCE 1.9, 1.10). */
export const htcdsAliases: Readonly<Record<string, string>> = {
  prs_First_Name: 'prs_FirstName',
  prs_Second_Name: 'prs_SecondName',
  vic_Methods_of_Control: 'vic_MethodsOfControl',
  vic_TraffickinStatusDecisionMakingOrg: 'vic_TraffickingStatusDecisionMakingOrg',
  prs_Nationality: 'prs_Citizenship',
};

/**
 * HTCDS fields Vigil reads without writing them: the home phone stands in for a missing mobile
 * phone, the incoming referral date for a missing registration year.
 */
export const htcdsFallbackColumns: readonly string[] = [
  'prs_HomePhone',
  'cas_IncomingReferralDate',
];

/** Field identifiers of HTCDS tables (`org_`, `prs_`, …) and Vigil's extension columns. */
export const htcdsFieldPattern = /^(?:org|prs|vic|per|cas|cco|hte|spl|con|vigil)_[A-Za-z0-9_]+$/;

const canonicalByKey = new Map<string, string>(
  [...htcdsColumns, ...vigilColumns]
    .map(({ field }): [string, string] => [field.toLowerCase(), field])
    .concat(htcdsFallbackColumns.map((field) => [field.toLowerCase(), field]))
    .concat(
      Object.entries(htcdsAliases).map(([alias, field]): [string, string] => [
        alias.toLowerCase(),
        field,
      ]),
    ),
);

/** The canonical field a header cell names, or null for a column Vigil does not read. */
export function resolveHtcdsColumn(name: string): string | null {
  return canonicalByKey.get(name.trim().toLowerCase()) ?? null;
}

/**
 * Which header cells Vigil reads and which it ignores (HTCDS fields it has no place for, a
 * label without a field name, anything else), for the import report.
 */
export function classifyHtcdsHeader(header: readonly string[]): {
  readonly read: readonly string[];
  readonly ignored: readonly string[];
} {
  const read: string[] = [];
  const ignored: string[] = [];
  for (const name of header) (resolveHtcdsColumn(name) === null ? ignored : read).push(name);
  return { read, ignored };
}

// Labels of the template's other columns (fields Vigil ignores), so that a full toolkit
// template's label row is recognised too.
const otherHtcdsLabels = [
  'Salutation',
  'Deceased',
  'Nationality',
  'Marital Status',
  'Number of Children',
  'Secondary Language',
  'Highest Level of Education',
  'Title',
  'Home Phone',
  'Mailing Country',
  'Longitude',
  'Latitude',
  'Agreement to Manage Personal Data',
  'Location of Recruitment',
  'Location of Exploitation',
  'Recruitment Websites and Apps',
  'Exploitation Websites and Apps',
  'Case Owner',
  'Reason for Case Closure',
  'Referring Organisation',
  'Referred Organisation',
  'Incoming Referral Date',
  'Outgoing Referral Date',
  'Referring Primary Case Worker',
  'Referred Primary Case Worker',
  'Reason for Incoming Referral',
  'Reason for Outgoing Referral',
  'Incoming Referral Details',
  'Outgoing Referral Details',
];

const knownLabels: ReadonlySet<string> = new Set(
  [...htcdsColumns, ...vigilColumns, ...otherHtcdsLabels.map((label) => ({ label }))].map(
    ({ label }) => labelKey(label),
  ),
);

/**
 * True when a row under the field identifiers is the templates' label row. Its labels may sit
 * over other columns than their own (the toolkit's mailing-address columns), so any known
 * label counts; at least half of the filled cells must be labels.
 */
export function isHtcdsLabelRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  const labels = filled.filter((cell) => knownLabels.has(labelKey(cell)));
  return labels.length > 0 && labels.length * 2 >= filled.length;
}

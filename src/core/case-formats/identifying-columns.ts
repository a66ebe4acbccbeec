import { htcdsColumns, htcdsFallbackColumns, vigilColumns } from './htcds-columns.js';

// Which rejected cells of a case file an import report may show to any reader who follows the
// import. The report keeps a rejected cell as it was written, so a mistyped phone number, a
// whole JSON list of perpetrators, or a name pushed into the wrong column by a stray comma
// would otherwise reach readers who may not see the victim's identity.

/** HTCDS template columns (canonical names) whose values are sealed once imported. */
const htcdsIdentifying: ReadonlySet<string> = new Set([
  'prs_FirstName',
  'prs_MiddleName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_IdentityNumber',
  'prs_Email',
  'prs_MobilePhone',
  'prs_HomePhone',
  'prs_MailingStreet',
  'prs_MailingCity',
  'prs_MailingState',
  'prs_MailingPostalCode',
  'cco_CaseComment',
  'per_RoleDetails',
  'hte_City',
  'hte_Description',
  'spl_Objectives',
  'spl_ActionPlan',
  // JSON lists of whole items, names and free text included.
  'vigil_Perpetrators',
  'vigil_Events',
  'vigil_SupportPlans',
  // Not sealed, but what forgetting a person removes as linking the facts back to them: the
  // case number (on paper files and in systems that hold the name) and the days of their life.
  'vigil_CaseNumber',
  'hte_Date',
  'spl_PlannedEndDate',
  'spl_ActualEndDate',
]);

// An allow-list: the HTCDS columns holding codes, numbers and years. Anything else (an
// identifying column, a case number a clash names, an overflow cell) is withheld.
const htcdsShown: ReadonlySet<string> = new Set(
  [...htcdsColumns, ...vigilColumns]
    .map(({ field }) => field)
    .concat(htcdsFallbackColumns)
    .filter((field) => !htcdsIdentifying.has(field)),
);

/**
 * The version of the allow-list below, stored with every import report it withheld. Raised
 * whenever the list shows less, so reports withheld under an older version are rewritten at
 * start (1: the first list; 2: case numbers and the dates of events and support plans too;
 * 3: a withheld cell's message no longer quotes from it).
 */
export const reportAllowListVersion = 3;

// The CTDC releases are anonymised public datasets: no column of theirs identifies anyone.
const anonymisedFormats: ReadonlySet<string> = new Set(['ctdc-global', 'ctdc-synthetic']);

/**
 * Whether a rejected cell's value may be shown without the right to see identities: any cell of
 * an anonymised CTDC release, and the HTCDS cells the allow-list names. A format it does not
 * know shows nothing.
 */
export function isShownWithoutIdentity(format: string, column: string | null): boolean {
  if (anonymisedFormats.has(format)) return true;
  return format === 'htcds' && column !== null && htcdsShown.has(column);
}

import type { CaseRecord, TipEvent } from '../../shared/case-schemas.js';
import { joinList, toAlpha2 } from './cell-values.js';
import { emptyListToken } from './htcds-cells.js';
import { htcdsColumns, vigilColumns } from './htcds-columns.js';
import { controlEquivalents, sectorEquivalents, toPlainHtcds } from './htcds-values.js';

/** Options for writing HTCDS rows. */
export interface HtcdsWriteOptions {
  /** The person's `con_Consent` answer, from the consent ledger (empty when not given). */
  readonly consent?: boolean | null;
}

/** The two header rows of an HTCDS export: field identifiers, then labels. */
export function htcdsHeader(): { readonly fields: string[]; readonly labels: string[] } {
  const columns = [...htcdsColumns, ...vigilColumns];
  return {
    fields: columns.map((column) => column.field),
    labels: columns.map((column) => column.label),
  };
}

const exactList = (codes: readonly string[] | null) =>
  codes === null ? '' : codes.length === 0 ? emptyListToken : joinList(codes);
const plainList = (codes: readonly string[] | null) => (codes === null ? '' : joinList(codes));
const orEmpty = (value: string | number | null) => (value === null ? '' : String(value));
const json = (items: readonly unknown[]) => JSON.stringify(items);

/**
 * Writes a case record as one HTCDS template row (cells keyed by field identifier). Plain HTCDS
 * columns get HTCDS codes, with Vigil's extension codes as `Other`; the `vigil_` columns keep
 * everything else, so reading the row back gives the same record. The perpetrator and support-
 * plan columns show the first of each; the event columns show the first exploitation event (or
 * one made from the country of exploitation, else the first event). The full lists are in
 * `vigil_Perpetrators`, `vigil_Events` and `vigil_SupportPlans` as JSON.
 */
export function writeHtcdsRow(
  record: CaseRecord,
  options: HtcdsWriteOptions = {},
): Record<string, string> {
  const { victim } = record;
  const { identity } = victim;
  const [perpetrator] = record.perpetrators;
  const [plan] = record.supportPlans;
  const event = flattenedEvent(record);
  const eventCountry = event?.country ?? null;
  const consent = options.consent ?? null;
  return {
    prs_FirstName: orEmpty(identity.firstName),
    prs_MiddleName: orEmpty(identity.middleName),
    prs_SecondName: orEmpty(identity.secondName),
    prs_Birthdate: orEmpty(identity.birthDate),
    prs_Gender: victim.gender,
    prs_Citizenship: joinList(victim.citizenship.map(toAlpha2)),
    prs_IdentityNumber: orEmpty(identity.identityNumber),
    prs_PrimaryLanguage: orEmpty(victim.primaryLanguage),
    prs_Email: orEmpty(identity.email),
    prs_MobilePhone: orEmpty(identity.phone),
    prs_MailingStreet: orEmpty(identity.street),
    prs_MailingCity: orEmpty(identity.city),
    prs_MailingState: orEmpty(identity.state),
    prs_MailingPostalCode: orEmpty(identity.postalCode),
    vic_TraffickingStatus: orEmpty(victim.traffickingStatus),
    vic_TraffickingStatusDecisionMakingOrg: orEmpty(victim.statusDecidedBy),
    vic_RelationshipToTrafficker: orEmpty(victim.relationshipToTrafficker),
    vic_AgeWhenTrafficked: orEmpty(victim.ageWhenTrafficked),
    vic_MethodOfRecruitment: plainList(victim.recruitmentMethods),
    vic_MethodsOfControl: plainList(
      victim.controlMethods && toPlainHtcds(victim.controlMethods, controlEquivalents),
    ),
    vic_TypeOfExploitation: plainList(
      victim.exploitationTypes && toPlainHtcds(victim.exploitationTypes),
    ),
    vic_ForcedLabourIndustry: plainList(
      victim.labourSectors && toPlainHtcds(victim.labourSectors, sectorEquivalents),
    ),
    vic_TypeOfSexExploitation: plainList(victim.sexExploitationTypes),
    per_RoleInProcess: joinList(perpetrator?.roles ?? []),
    per_RoleDetails: orEmpty(perpetrator?.details ?? null),
    cas_Status: record.status,
    cco_CaseComment: orEmpty(identity.notes),
    hte_Type: orEmpty(event?.type ?? null),
    hte_Country: orEmpty(eventCountry === null ? null : toAlpha2(eventCountry)),
    hte_Date: orEmpty(event?.date ?? null),
    hte_City: orEmpty(event?.place ?? null),
    hte_Description: orEmpty(event?.description ?? null),
    spl_Type: orEmpty(plan?.type ?? null),
    spl_Objectives: orEmpty(plan?.objectives ?? null),
    spl_ActionPlan: orEmpty(plan?.actionPlan ?? null),
    spl_PlannedEndDate: orEmpty(plan?.plannedEndDate ?? null),
    spl_ActualEndDate: orEmpty(plan?.actualEndDate ?? null),
    con_Consent: consent === null ? '' : consent ? 'TRUE' : 'FALSE',
    vigil_CaseNumber: orEmpty(record.caseNumber),
    vigil_RegistrationYear: String(record.registrationYear),
    vigil_RegisteredOn: orEmpty(record.registeredOn),
    vigil_DataSource: orEmpty(record.dataSource),
    vigil_AgeAtIdentification: orEmpty(victim.ageAtIdentification),
    vigil_AgeBand: orEmpty(victim.ageBand),
    vigil_MajorityStatus: orEmpty(victim.majorityStatus),
    vigil_MajorityStatusAtExploitation: orEmpty(victim.majorityStatusAtExploitation),
    vigil_MajorityStatusAtEntry: orEmpty(victim.majorityStatusAtEntry),
    vigil_RecruiterRelations: exactList(victim.recruiterRelations),
    vigil_RecruitmentMethods: exactList(victim.recruitmentMethods),
    vigil_ControlMethods: exactList(victim.controlMethods),
    vigil_ExploitationTypes: exactList(victim.exploitationTypes),
    vigil_LabourSectors: exactList(victim.labourSectors),
    vigil_SexExploitationTypes: exactList(victim.sexExploitationTypes),
    vigil_Abducted: victim.abducted === null ? '' : victim.abducted ? 'TRUE' : 'FALSE',
    vigil_ExploitationDuration: orEmpty(victim.exploitationDuration),
    vigil_CountryOfExploitation: orEmpty(victim.countryOfExploitation),
    vigil_DisplacementStatus: orEmpty(victim.displacementStatus),
    vigil_ConflictRelated: victim.conflict.related,
    vigil_ConflictBases: joinList(victim.conflict.bases),
    vigil_CrisisId: orEmpty(victim.conflict.crisisId),
    vigil_Perpetrators: json(record.perpetrators),
    vigil_Events: json(record.events),
    vigil_SupportPlans: json(record.supportPlans),
  };
}

function flattenedEvent(record: CaseRecord): TipEvent | undefined {
  const exploitation = record.events.find((event) => event.type === 'Exploitation');
  const country = record.victim.countryOfExploitation;
  if (exploitation !== undefined)
    return { ...exploitation, country: exploitation.country ?? country };
  if (country !== null) {
    return {
      type: 'Exploitation',
      country,
      year: null,
      date: null,
      place: null,
      description: null,
    };
  }
  return record.events[0];
}

/**
 * Code lists of victim case records. Stored values are HTCDS 2.0 codes exactly as the standard
 * writes them (`UNMigration/HTCDS`, `HTCDS Field Standards 2.0.ods`). Where HTCDS has no code
 * for what conflict settings need, Vigil adds codes in its own namespace (`vigil:…`) rather than
 * changing HTCDS ones, so that an export to a plain HTCDS consumer can write them as `Other`
 * plus a detail, and an export to another Vigil keeps them.
 */

/** The namespace prefix of Vigil's extension codes. */
export const extensionPrefix = 'vigil:';

/** True when a code belongs to Vigil's extension namespace rather than to HTCDS. */
export function isExtensionCode(code: string): boolean {
  return code.startsWith(extensionPrefix);
}

/** `cas_Status`. */
export const caseStatuses = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** `prs_Gender` (IOM's six-value set, HTCDS 1.0 onwards). */
export const genders = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof genders)[number];

/** `vic_TraffickingStatus`. */
export const traffickingStatuses = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
export type TraffickingStatus = (typeof traffickingStatuses)[number];

/** `vic_TraffickingStatusDecisionMakingOrg`: who made the determination. */
export const statusDecisionMakers = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;
export type StatusDecisionMaker = (typeof statusDecisionMakers)[number];

/** `vic_RelationshipToTrafficker` (the misspelling `Unaquainted` is the standard's own code). */
export const traffickerRelationships = ['Familial', 'Acquainted', 'Unaquainted'] as const;
export type TraffickerRelationship = (typeof traffickerRelationships)[number];

/** `vic_MethodOfRecruitment`. */
export const recruitmentMethods = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;
export type RecruitmentMethod = (typeof recruitmentMethods)[number];

/**
 * `vic_MethodsOfControl`. HTCDS defines "restricts movement" in its field definitions but left
 * it out of the picklist, and CTDC records "not specified" as its own flag; both are extensions.
 */
export const controlMethods = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
  'vigil:RestrictsMovement',
  'vigil:NotSpecified',
] as const;
export type ControlMethod = (typeof controlMethods)[number];

/**
 * `vic_TypeOfExploitation` plus the forms conflict settings need and HTCDS lacks (HTCDS issue
 * #28: forced criminality has had no code since v1.0; `ForcedMilitaryByNonStateActors` does not
 * cover state forces' use of children or armed combat generally; sexual slavery is distinct
 * from commercial sexual exploitation).
 */
export const exploitationTypes = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
  'vigil:ForcedCriminality',
  'vigil:ArmedCombat',
  'vigil:SexualSlavery',
] as const;
export type ExploitationType = (typeof exploitationTypes)[number];

/**
 * Sectors of forced labour: HTCDS's ISIC Rev.4 sections, plus the CTDC labour types that have
 * no section of their own (aquafarming sits in section A beside agriculture; begging, peddling
 * and illicit activities are not industries), so CTDC data keeps its detail.
 */
export const labourSectors = [
  'A_AgricultureForestryAndFishing',
  'B_MiningAndQuarrying',
  'C_Manufacturing',
  'D_ElectricityGasSteamAndAirConditioningSupply',
  'E_WaterSupplySewerageWasteManagement',
  'F_Construction',
  'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  'H_TransportationAndStorage',
  'I_AccommodationAndFoodServiceActivities',
  'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities',
  'L_RealEstateActivities',
  'M_ProfessionalScientificAndTechnicalActivities',
  'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence',
  'P_Education',
  'Q_HumanHealthAndSocialWorkActivities',
  'R_ArtsEntertainmentAndRecreation',
  'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'U_ActivitiesOfExtraterritorialOrganizations',
  'vigil:Aquafarming',
  'vigil:Begging',
  'vigil:Peddling',
  'vigil:IllicitActivities',
  'vigil:OtherSector',
  'vigil:SectorNotSpecified',
] as const;
export type LabourSector = (typeof labourSectors)[number];

/** `vic_TypeOfSexExploitation`. */
export const sexExploitationTypes = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;
export type SexExploitationType = (typeof sexExploitationTypes)[number];

/** Who recruited the person, as CTDC records it (several may apply). */
export const recruiterRelations = [
  'IntimatePartner',
  'Friend',
  'Family',
  'Other',
  'Unknown',
] as const;
export type RecruiterRelation = (typeof recruiterRelations)[number];

/** CTDC's broad age bands (`ageBroad`), kept when no exact age is known. */
export const ageBands = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
] as const;
export type AgeBand = (typeof ageBands)[number];

/** Majority status at a reference moment (CTDC's `majorityStatus*`). */
export const majorityStatuses = ['Adult', 'Minor', 'Unknown'] as const;
export type MajorityStatus = (typeof majorityStatuses)[number];

/** How long the exploitation lasted, in CTDC synthetic's bands (`traffickMonths`). */
export const exploitationDurations = ['0-12', '13-24', '25+'] as const;
export type ExploitationDuration = (typeof exploitationDurations)[number];

/** Where a record came from (CTDC's `Datasource`). */
export const dataSources = ['CaseManagement', 'Hotline', 'Other'] as const;
export type DataSource = (typeof dataSources)[number];

/** Extension: on what basis a case is linked to a conflict. */
export const conflictBases = [
  'OriginInConflictArea',
  'ExploitationInConflictArea',
  'TraffickedByArmedGroup',
  'DisplacementSetting',
] as const;
export type ConflictBasis = (typeof conflictBases)[number];

/** Extension: whether a case is conflict-related. */
export const conflictRelations = ['Yes', 'No', 'Unknown'] as const;
export type ConflictRelation = (typeof conflictRelations)[number];

/** Extension: the person's displacement status. */
export const displacementStatuses = [
  'Refugee',
  'AsylumSeeker',
  'InternallyDisplaced',
  'Returnee',
  'Stateless',
  'Migrant',
  'HostCommunity',
] as const;
export type DisplacementStatus = (typeof displacementStatuses)[number];

/** `per_RoleInProcess`. */
export const perpetratorRoles = [
  'TravellingPartner',
  'Transporter',
  'RecruiterOrIntermediary',
  'BrokerTravelAgent',
  'TransferredIndividual',
  'HarbouredIndividual',
  'SoldIndividual',
  'BoughtIndividual',
  'ReceivedIndividual',
  'ControlledIndividual',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Exploiter',
  'Other',
] as const;
export type PerpetratorRole = (typeof perpetratorRoles)[number];

/** Extension: whom a perpetrator acted for or belonged to. */
export const perpetratorAffiliations = [
  'NonStateArmedGroup',
  'StateArmedOrSecurityForces',
  'UnOrPeacekeepingPersonnel',
  'OrganisedCriminalGroup',
  'FamilyMember',
  'IntimatePartner',
  'EmployerOrRecruiter',
  'Other',
] as const;
export type PerpetratorAffiliation = (typeof perpetratorAffiliations)[number];

/** `hte_Type`. */
export const eventTypes = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type EventType = (typeof eventTypes)[number];

/** `spl_Type`. */
export const supportPlanTypes = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type SupportPlanType = (typeof supportPlanTypes)[number];

/**
 * The seven consent prompts HTCDS 2.0's guidance lists for `con_Consent` (drawn from IOM's
 * screening form). A consent entry records the answer to each.
 */
export const consentPrompts = [
  'interview',
  'purposeExplained',
  'dataUseExplained',
  'researchUseExplained',
  'rightToAccessExplained',
  'retentionExplained',
  'withdrawalExplained',
] as const;
export type ConsentPrompt = (typeof consentPrompts)[number];

/** Every prompt answered yes: what informed consent for any purpose records. */
export const everyPromptExplained = Object.fromEntries(
  consentPrompts.map((prompt) => [prompt, true]),
) as Readonly<Record<ConsentPrompt, boolean>>;

/**
 * What consent is given for. Each is enforced where it matters: referrals need `referral`,
 * record-level exports and sharing need `sharing`; anonymous aggregate counts need none.
 */
export const consentPurposes = ['case_management', 'referral', 'sharing', 'research'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Kinds of service a provider in the referral directory offers. */
export const serviceKinds = [
  'shelter',
  'medical',
  'psychosocial',
  'legal',
  'livelihood',
  'repatriation',
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** A referral's life cycle. */
export const referralStatuses = [
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'completed',
  'revoked',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Status moves a referral may make; anything else is refused. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['acknowledged', 'accepted', 'declined', 'revoked'],
  acknowledged: ['accepted', 'declined', 'revoked'],
  accepted: ['completed', 'revoked'],
  declined: [],
  completed: [],
  revoked: [],
};

/**
 * The identifying fields a referral of each kind carries to the recipient: only what the
 * service needs to find and help the person (data minimisation). Analytic facts needed for the
 * service travel as well; everything else stays with the referring organisation.
 */
export const referralPacketFields: Record<ServiceKind, readonly ReferralPacketField[]> = {
  shelter: ['name', 'gender', 'ageYears', 'languages', 'phone', 'notes'],
  medical: ['name', 'gender', 'ageYears', 'birthDate', 'languages', 'phone', 'notes'],
  psychosocial: ['name', 'gender', 'ageYears', 'languages', 'phone', 'notes'],
  legal: [
    'name',
    'gender',
    'ageYears',
    'birthDate',
    'citizenship',
    'identityNumber',
    'languages',
    'phone',
    'exploitationTypes',
    'notes',
  ],
  livelihood: ['name', 'gender', 'ageYears', 'languages', 'phone', 'notes'],
  repatriation: [
    'name',
    'gender',
    'ageYears',
    'birthDate',
    'citizenship',
    'identityNumber',
    'languages',
    'phone',
    'address',
    'notes',
  ],
};

/** Every field a referral packet may contain. */
export const referralPacketFieldNames = [
  'name',
  'gender',
  'ageYears',
  'birthDate',
  'citizenship',
  'identityNumber',
  'languages',
  'phone',
  'address',
  'exploitationTypes',
  'notes',
] as const;
export type ReferralPacketField = (typeof referralPacketFieldNames)[number];

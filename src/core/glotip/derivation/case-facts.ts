import type {
  AgeBand,
  ConflictRelation,
  ExploitationType,
  Gender,
  LabourSector,
  MajorityStatus,
  SexExploitationType,
  StatusDecisionMaker,
  TraffickingStatus,
} from '../../../shared/case-vocabulary.js';

/**
 * What a derivation knows of one case: the analytic facts a counting policy reads and nothing
 * that identifies the person (decision 0004: statistics never touch a sealed field). The case id
 * and number are there only so that a cell can say which records it counted (drill-down); a
 * case number is a register entry, not personal data.
 */
export interface DerivationCaseFacts {
  readonly caseId: string;
  readonly caseNumber: string;
  /** The organisation holding the case (drill-down checks case visibility against it). */
  readonly organisationId: string;
  /** Demo content; counted only when a derivation asks for synthetic records. */
  readonly synthetic: boolean;

  /** `vic_TraffickingStatus`; null when unrecorded. */
  readonly traffickingStatus: TraffickingStatus | null;
  /** `vic_TraffickingStatusDecisionMakingOrg`; null when unrecorded. */
  readonly statusDecidedBy: StatusDecisionMaker | null;

  /** The year the case was registered (CTDC `yearOfRegistration`); always recorded. */
  readonly registrationYear: number;
  /** The day the case was registered (`YYYY-MM-DD`), the reference day of age at identification. */
  readonly registeredOn: string | null;
  /** The year of the earliest exploitation event (by its date, else its year); null when none. */
  readonly exploitationStartYear: number | null;

  /** `prs_Gender` as recorded. */
  readonly gender: Gender;
  readonly ageAtIdentification: number | null;
  readonly ageWhenTrafficked: number | null;
  /** CTDC's broad band of the age at identification, kept when no exact age is known. */
  readonly ageBand: AgeBand | null;
  /** Majority at identification (CTDC `majorityStatus`). */
  readonly majorityStatus: MajorityStatus | null;
  /** Majority when exploited (CTDC `majorityStatusAtExploit`). */
  readonly majorityStatusAtExploitation: MajorityStatus | null;

  /** ISO 3166-1 alpha-3 (or former) codes, the primary citizenship first; empty when unknown. */
  readonly citizenship: readonly string[];
  /** Forms of exploitation; null when unrecorded (not asked), empty when none applied. */
  readonly exploitationTypes: readonly ExploitationType[] | null;
  readonly labourSectors: readonly LabourSector[] | null;
  readonly sexExploitationTypes: readonly SexExploitationType[] | null;
  readonly countryOfExploitation: string | null;
  /** The case's conflict relation (extension). */
  readonly conflictRelated: ConflictRelation;
}

import { cellIssueReasons } from '../../../core/case-formats/cell-values.js';
import { latestIndicatorSet } from '../../../core/screening/index.js';
import { caseImportFormats } from '../../../shared/case-schemas.js';
import { consentPurposes } from '../../../shared/case-vocabulary.js';
import {
  dimensionBranches,
  indicatorStrengths,
  screeningClasses,
  screeningDimensions,
  screeningProfiles,
} from '../../../shared/screening-vocabulary.js';
import { codeKey, codeLists, type CodeListName } from '../../i18n/case-labels.js';
import { identityFields } from './case-form/case-draft.js';
import { caseSteps } from './case-form/case-steps.js';
import { branchKeys } from './screening/screening-explanation.js';

/**
 * Every message key the case, screening, referral and import pages build at run time (from a
 * code rather than a literal), so that a test can check that each exists in every language: a
 * code added to a vocabulary then fails the locale test instead of showing a raw key.
 */
export function caseMessageKeys(): string[] {
  const lists = Object.keys(codeLists) as CodeListName[];
  return [
    ...lists.flatMap((list) =>
      (codeLists[list] as readonly string[]).map((code) => `codes.${list}.${codeKey(code)}`),
    ),
    ...identityFields.map((field) => `cases.fields.identity.${field}`),
    ...caseSteps.map((step) => `cases.steps.${step}`),
    ...[
      'recruiterRelations',
      'recruitmentMethods',
      'controlMethods',
      'exploitationTypes',
      'labourSectors',
      'sexExploitationTypes',
    ].map((field) => `cases.fields.${field}`),
    ...consentPurposes.map((purpose) => `cases.consent.purposeHints.${purpose}`),
    ...latestIndicatorSet.indicators.map((indicator) => `screening.indicators.${indicator.code}`),
    ...screeningDimensions.map((dimension) => `screening.dimensions.${dimension}`),
    ...screeningProfiles.map((profile) => `screening.profiles.${profile}`),
    ...screeningClasses.flatMap((value) => [
      `screening.classes.${value}`,
      `screening.classExplain.${value}`,
    ]),
    ...indicatorStrengths.map((strength) => `screening.strengths.${strength}`),
    ...dimensionBranches.map((branch) => `screening.branches.${branchKeys[branch]}`),
    ...Object.values(latestIndicatorSet.provenance).map(
      (provenance) => `screening.provenance.${provenance.status}`,
    ),
    ...['recruitment', 'exploitation', 'coercion', 'deception'].map(
      (term) => `screening.terms.${term}`,
    ),
    ...['acknowledged', 'accepted', 'declined', 'completed'].flatMap((move) => [
      `referrals.moves.${move}`,
      `referrals.moveTitles.${move}`,
    ]),
    ...caseImportFormats.map((format) => `imports.formats.${format}`),
    ...cellIssueReasons.map((reason) => `imports.reasons.${reason}`),
  ];
}

import { describe, expect, it } from 'vitest';
import { isShownWithoutIdentity } from './identifying-columns.js';

describe('which rejected cells an import report may keep', () => {
  it.each([
    // Codes, numbers and years: shown.
    ['htcds', 'prs_Gender', true],
    ['htcds', 'vic_TypeOfExploitation', true],
    ['htcds', 'hte_Country', true],
    ['htcds', 'vigil_RegistrationYear', true],
    ['htcds', 'cas_IncomingReferralDate', true],
    // Sealed once imported: withheld.
    ['htcds', 'prs_FirstName', false],
    ['htcds', 'prs_MobilePhone', false],
    ['htcds', 'prs_Birthdate', false],
    ['htcds', 'hte_Description', false],
    ['htcds', 'vigil_Perpetrators', false],
    // What forgetting the person removes: the case number and the days of their life.
    ['htcds', 'vigil_CaseNumber', false],
    ['htcds', 'caseNumber', false],
    ['htcds', 'hte_Date', false],
    ['htcds', 'spl_PlannedEndDate', false],
    ['htcds', 'spl_ActualEndDate', false],
    // A cell outside every known column (a stray separator shifted the row), or none at all.
    ['htcds', 'column_15', false],
    ['htcds', null, false],
    // Anonymised public releases: every cell; a format not known: none.
    ['ctdc-global', 'ageBroad', true],
    ['ctdc-synthetic', null, true],
    ['unknown', 'prs_Gender', false],
  ] as const)('%s %s → %s', (format, column, shown) => {
    expect(isShownWithoutIdentity(format, column)).toBe(shown);
  });
});

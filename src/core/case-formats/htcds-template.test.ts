import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseRecordSchema,
  type CaseRecord,
  type CaseRecordInput,
} from '../../shared/case-schemas.js';
import { caseRecordArb } from '../../test-support/case-record-arbitraries.js';
import { classifyHtcdsHeader, isHtcdsLabelRow } from './htcds-columns.js';
import { htcdsHeader, parseHtcdsRow, writeHtcdsRow } from './htcds-template.js';

const record = (input: Omit<CaseRecordInput, 'registrationYear'> = {}): CaseRecord =>
  caseRecordSchema.parse({ registrationYear: 2021, ...input });

function parsed(row: Record<string, string>, fallbackRegistrationYear?: number) {
  const result = parseHtcdsRow(
    row,
    fallbackRegistrationYear === undefined ? {} : { fallbackRegistrationYear },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
const victimOf = (row: Record<string, string>) =>
  parsed({ vigil_RegistrationYear: '2021', ...row }).record.victim;

describe('HTCDS toolkit quirks', () => {
  it.each<[string, Record<string, string>, Partial<CaseRecord['victim']>]>([
    [
      'a label with a trailing space',
      { vic_MethodsOfControl: 'Debt bondage ' },
      { controlMethods: ['DebtBondage'] },
    ],
    [
      'labels and codes mixed, any case, `;` separated',
      { vic_MethodsOfControl: 'physical threats; DebtBondage ;Threats of law enforcement' },
      { controlMethods: ['PhysicalThreats', 'DebtBondage', 'ThreatsLawEnforcement'] },
    ],
    [
      'the XLSForm name of methods of control',
      { vic_Methods_of_Control: 'FalsePromises' },
      { controlMethods: ['FalsePromises'] },
    ],
    [
      'the template typo in the decision-maker field',
      { vic_TraffickinStatusDecisionMakingOrg: 'Court or prosecution' },
      { statusDecidedBy: 'CourtOrProsecution' },
    ],
    ['a v0.2 gender code', { prs_Gender: 'Female' }, { gender: 'Feminine' }],
    [
      'the v0.2 transgender code',
      { prs_Gender: 'Transgender/NonConforming' },
      { gender: 'NonConforming' },
    ],
    ['a gender label', { prs_Gender: 'Not Specified/Unknown' }, { gender: 'NonSpecifiedUnknown' }],
    [
      'an ODK or Kobo export of the XLSForm: multi-select codes separated by spaces',
      {
        vic_MethodsOfControl: 'DebtBondage PhysicalThreats',
        vic_TypeOfExploitation: 'ForcedLabour',
      },
      { controlMethods: ['DebtBondage', 'PhysicalThreats'], exploitationTypes: ['ForcedLabour'] },
    ],
    [
      'v0.2 recruitment codes, as the toolkit XLSForm writes them',
      {
        vic_MethodOfRecruitment:
          'InternetSocialMediaOnlineAdvertisement;EducationalFacility;Work;PublicArea;Shelter',
      },
      {
        recruitmentMethods: [
          'ThroughOnlineSocialNetworks',
          'AtAnEducationalInstitution',
          'AtWork',
          'Other',
        ],
      },
    ],
    [
      'v0.2 exploitation codes',
      { vic_TypeOfExploitation: 'IllicitActivities;ForcedMilitaryService;IllegalAdoption' },
      { exploitationTypes: ['vigil:ForcedCriminality', 'vigil:ArmedCombat', 'ForcedAdoption'] },
    ],
    [
      'an ISIC label that itself holds a `;`',
      {
        vic_ForcedLabourIndustry:
          'Water supply; sewerage, waste management and remediation;Construction',
      },
      { labourSectors: ['E_WaterSupplySewerageWasteManagement', 'F_Construction'] },
    ],
    [
      'an ISIC section by its title',
      { vic_ForcedLabourIndustry: 'Mining and quarrying' },
      { labourSectors: ['B_MiningAndQuarrying'] },
    ],
    [
      'several alpha-2 citizenships',
      { prs_Citizenship: 'CD; UA' },
      { citizenship: ['COD', 'UKR'] },
    ],
    ['v0.2 nationality, a former code', { prs_Nationality: 'YU' }, { citizenship: ['YUG'] }],
    [
      'the correctly spelt relationship',
      { vic_RelationshipToTrafficker: 'Unacquainted' },
      { relationshipToTrafficker: 'Unaquainted' },
    ],
    [
      'an extension code without its namespace',
      { vic_MethodsOfControl: 'RestrictsMovement' },
      { controlMethods: ['vigil:RestrictsMovement'] },
    ],
    [
      'XLSForm first and second names',
      { prs_First_Name: 'Amina', prs_Second_Name: 'Diallo' },
      {
        identity: expect.objectContaining({
          firstName: 'Amina',
          secondName: 'Diallo',
        }) as CaseRecord['victim']['identity'],
      },
    ],
    [
      'the home phone when there is no mobile',
      { prs_HomePhone: '+243812345678' },
      {
        identity: expect.objectContaining({
          phone: '+243812345678',
        }) as CaseRecord['victim']['identity'],
      },
    ],
  ])('reads %s', (_name, row, expected) => {
    expect(victimOf(row)).toMatchObject(expected);
  });

  it.each([
    ['TRUE', true],
    ['FALSE', false],
    ['yes', true],
    ['', null],
  ])('reads con_Consent %j', (value, consent) => {
    expect(parsed({ vigil_RegistrationYear: '2021', con_Consent: value }).consent).toBe(consent);
  });

  it('ignores a column that has a label but no field name, and fields Vigil does not hold', () => {
    const { read, ignored } = classifyHtcdsHeader([
      'prs_FirstName',
      '',
      'prs_Salutation',
      'vic_TraffickinStatusDecisionMakingOrg',
    ]);
    expect(read).toEqual(['prs_FirstName', 'vic_TraffickinStatusDecisionMakingOrg']);
    expect(ignored).toEqual(['', 'prs_Salutation']);
    expect(victimOf({ '': 'Other', prs_Salutation: 'Ms' }).identity.firstName).toBeNull();
  });

  it('recognises the label row, even with labels over the wrong columns', () => {
    expect(
      isHtcdsLabelRow([
        'First Name',
        'Mailing City',
        'Mailing Street',
        'Reason for Outgoing Referral',
      ]),
    ).toBe(true);
    expect(isHtcdsLabelRow(['Amina', 'Feminine', 'CD', 'Debt bondage '])).toBe(false);
  });
});

describe('registration year', () => {
  it.each([
    [{ vigil_RegistrationYear: '2019' }, undefined, 2019],
    [{ vigil_RegisteredOn: '2018-03-04' }, undefined, 2018],
    [{ cas_IncomingReferralDate: '2017-05-06' }, undefined, 2017],
    [{}, 2024, 2024],
  ])('comes from %j (fallback %s)', (row, fallback, year) => {
    expect(parsed(row, fallback).record.registrationYear).toBe(year);
  });

  it('is required when nothing gives it', () => {
    const result = parseHtcdsRow({ prs_FirstName: 'Amina' });
    expect(result.ok ? [] : result.errors).toEqual([
      {
        column: 'vigil_RegistrationYear',
        value: '',
        reason: 'missing_required',
        message: expect.any(String) as string,
      },
    ]);
  });
});

describe('errors name the column as the file spells it', () => {
  it.each<[Record<string, string>, string, string, string]>([
    [
      { vic_TraffickinStatusDecisionMakingOrg: 'Judge' },
      'vic_TraffickinStatusDecisionMakingOrg',
      'Judge',
      'unknown_value',
    ],
    [
      { vic_Methods_of_Control: 'Debt bondage;Magic' },
      'vic_Methods_of_Control',
      'Debt bondage;Magic',
      'unknown_value',
    ],
    [{ prs_Citizenship: 'CD;QQ' }, 'prs_Citizenship', 'CD;QQ', 'unknown_country'],
    [{ prs_Birthdate: '03/04/2001' }, 'prs_Birthdate', '03/04/2001', 'invalid_date'],
    [{ con_Consent: 'maybe' }, 'con_Consent', 'maybe', 'invalid_boolean'],
    [{ vic_AgeWhenTrafficked: 'twelve' }, 'vic_AgeWhenTrafficked', 'twelve', 'invalid_number'],
    [{ prs_MobilePhone: '0812 345' }, 'prs_MobilePhone', '0812 345', 'invalid_field'],
    [{ hte_Country: 'CD' }, 'hte_Type', '', 'missing_required'],
    [
      { vigil_Events: '[{"type":"Arrival"}]' },
      'vigil_Events',
      '[{"type":"Arrival"}]',
      'invalid_field',
    ],
    [{ vigil_Events: '[{' }, 'vigil_Events', '[{', 'invalid_json'],
  ])('%j', (row, column, value, reason) => {
    const result = parseHtcdsRow({ vigil_RegistrationYear: '2021', ...row });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => ({ ...error, message: '' }))).toEqual([
        { column, value, reason, message: '' },
      ]);
  });
});

describe('export', () => {
  it('writes extension codes as Other in the plain column and as-is in the vigil_ column', () => {
    const row = writeHtcdsRow(
      record({
        victim: {
          controlMethods: ['DebtBondage', 'vigil:RestrictsMovement', 'vigil:NotSpecified'],
          exploitationTypes: ['vigil:ForcedCriminality', 'SexualExploitation', 'vigil:ArmedCombat'],
          labourSectors: ['vigil:Aquafarming', 'vigil:Begging', 'vigil:SectorNotSpecified'],
          recruitmentMethods: [],
        },
      }),
    );
    expect(row).toMatchObject({
      vic_MethodsOfControl: 'DebtBondage;Other',
      vigil_ControlMethods: 'DebtBondage;vigil:RestrictsMovement;vigil:NotSpecified',
      vic_TypeOfExploitation: 'Other;SexualExploitation',
      vigil_ExploitationTypes: 'vigil:ForcedCriminality;SexualExploitation;vigil:ArmedCombat',
      vic_ForcedLabourIndustry: 'A_AgricultureForestryAndFishing;Other',
      vigil_LabourSectors: 'vigil:Aquafarming;vigil:Begging;vigil:SectorNotSpecified',
      vic_MethodOfRecruitment: '',
      vigil_RecruitmentMethods: 'None',
      vigil_SexExploitationTypes: '',
    });
  });

  it('flattens the first exploitation event, perpetrator and support plan into the plain columns', () => {
    const row = writeHtcdsRow(
      record({
        victim: { countryOfExploitation: 'UKR' },
        perpetrators: [
          { roles: ['Exploiter', 'Kidnapper'], details: 'commander' },
          { roles: ['Transporter'] },
        ],
        events: [
          { type: 'Recruitment', country: 'COD' },
          { type: 'Exploitation', date: '2020-02-01', place: 'Goma' },
        ],
        supportPlans: [{ type: 'Health', objectives: 'treatment' }],
      }),
      { consent: true },
    );
    expect(row).toMatchObject({
      per_RoleInProcess: 'Exploiter;Kidnapper',
      per_RoleDetails: 'commander',
      hte_Type: 'Exploitation',
      hte_Country: 'UA',
      hte_Date: '2020-02-01',
      hte_City: 'Goma',
      spl_Type: 'Health',
      spl_Objectives: 'treatment',
      con_Consent: 'TRUE',
    });
  });

  it('makes the plain event from the country of exploitation when there is no exploitation event', () => {
    expect(writeHtcdsRow(record({ victim: { countryOfExploitation: 'ANT' } }))).toMatchObject({
      hte_Type: 'Exploitation',
      hte_Country: 'AN',
      vigil_CountryOfExploitation: 'ANT',
      vigil_Events: '[]',
    });
  });

  it('has a header of field names and labels of the same length', () => {
    const { fields, labels } = htcdsHeader();
    expect(fields).toHaveLength(labels.length);
    expect(Object.keys(writeHtcdsRow(record()))).toEqual(fields);
  });
});

describe('plain HTCDS rows', () => {
  it('take one event, perpetrator and plan from the plain columns, and the country of exploitation from the event', () => {
    const { record: read } = parsed({
      vigil_RegistrationYear: '2021',
      hte_Type: 'exploitation',
      hte_Country: 'SY',
      hte_Date: '2019-07-01',
      per_RoleInProcess: 'Recruiter or intermediary',
      spl_Type: 'Legal',
    });
    expect(read.events).toEqual([
      {
        type: 'Exploitation',
        country: 'SYR',
        year: 2019,
        date: '2019-07-01',
        place: null,
        description: null,
      },
    ]);
    expect(read.victim.countryOfExploitation).toBe('SYR');
    expect(read.perpetrators).toMatchObject([
      { roles: ['RecruiterOrIntermediary'], details: null },
    ]);
    expect(read.supportPlans).toMatchObject([{ type: 'Legal' }]);
  });

  it('warn when a plain column disagrees with its vigil_ column, and keep the vigil_ one', () => {
    const result = parsed({
      vigil_RegistrationYear: '2021',
      vic_MethodsOfControl: 'DebtBondage',
      vigil_ControlMethods: 'DebtBondage;vigil:RestrictsMovement',
    });
    expect(result.record.victim.controlMethods).toEqual(['DebtBondage', 'vigil:RestrictsMovement']);
    expect(result.warnings.map((warning) => [warning.column, warning.reason])).toEqual([
      ['vic_MethodsOfControl', 'conflicting_columns'],
    ]);
  });
});

describe('round trip', () => {
  it('export then import gives back the whole record, identifying fields included', () => {
    fc.assert(
      fc.property(caseRecordArb, fc.option(fc.boolean(), { nil: null }), (original, consent) => {
        const result = parseHtcdsRow(writeHtcdsRow(original, { consent }));
        expect(result).toEqual({ ok: true, record: original, warnings: [], consent });
      }),
      { numRuns: 300 },
    );
  });
});

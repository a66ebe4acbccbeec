import { describe, expect, it } from 'vitest';
import { caseRecordSchema, type CaseRecordInput } from '../../shared/case-schemas.js';
import { writeCtdcGlobalRow } from './ctdc-global.js';

// Writing native records in the CTDC global layout (reading it: ctdc-global.test.ts).
describe('writing', () => {
  const write = (input: Omit<CaseRecordInput, 'registrationYear'>) =>
    writeCtdcGlobalRow(caseRecordSchema.parse({ registrationYear: 2020, ...input }));

  it('derives age band, majority and country of exploitation from what a native record knows', () => {
    expect(
      write({
        victim: { ageAtIdentification: 16, ageWhenTrafficked: 15 },
        events: [{ type: 'Exploitation', country: 'ZAR' }],
      }),
    ).toMatchObject({
      ageBroad: '9--17',
      majorityStatus: 'Minor',
      majorityStatusAtExploit: 'Minor',
      CountryOfExploitation: 'ZR',
    });
  });

  it('folds Vigil forms of exploitation into the nearest CTDC purpose', () => {
    expect(
      write({
        victim: {
          exploitationTypes: [
            'vigil:ArmedCombat',
            'vigil:SexualSlavery',
            'ChildLabour',
            'ForcedBegging',
          ],
        },
      }),
    ).toMatchObject({
      isForcedMilitary: '1',
      isSexualExploit: '1',
      isSlaveryAndPractices: '1',
      isOtherExploit: '1',
      isForcedLabour: '0',
      isSexAndLabour: '0',
      typeOfLabourBegging: '1',
      typeOfLabourConcatenated: 'Begging',
      typeOfExploitConcatenated:
        'Sexual exploitation;Other;Forced military;Slavery and similar practices',
    });
  });

  it('writes missing values as -99 when asked, and the derived cells', () => {
    const record = caseRecordSchema.parse({
      registrationYear: 2020,
      victim: {
        exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
        recruiterRelations: ['Friend', 'Family'],
      },
    });
    expect(writeCtdcGlobalRow(record, { missing: '-99' })).toMatchObject({
      Datasource: '-99',
      gender: 'Unknown',
      meansOfControlDebtBondage: '-99',
      isSexAndLabour: '1',
      RecruiterRelationship: 'Friend/Acquaintance; Family/Relative',
      citizenship: '-99',
    });
  });
});

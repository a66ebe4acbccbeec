import { describe, expect, it } from 'vitest';
import { ctdcGlobalColumns } from './ctdc-global.js';
import { ctdcSyntheticColumns } from './ctdc-synthetic.js';
import { detectCaseFormat, toRawRow } from './format-detect.js';

const termsOfUse =
  'By using this data, you agree to the CTDC terms of use, including non-commercial use only';

describe('detectCaseFormat', () => {
  it.each([
    [
      'the 63 CTDC global columns',
      [...ctdcGlobalColumns],
      { ok: true, format: 'ctdc-global', termsOfUseColumn: false },
    ],
    [
      'a terms-of-use cell before them, with a byte-order mark',
      [`\uFEFF${termsOfUse}`, ...ctdcGlobalColumns],
      { ok: true, format: 'ctdc-global', termsOfUseColumn: true },
    ],
    [
      'the codebook spellings',
      ctdcGlobalColumns.map((column) =>
        column === 'Datasource'
          ? 'datasource'
          : column === 'majorityEntry'
            ? 'MajorityEntry'
            : column,
      ),
      { ok: true, format: 'ctdc-global', termsOfUseColumn: false },
    ],
    [
      'the 62 columns of releases before isSlaveryAndPractices',
      ctdcGlobalColumns.filter((column) => column !== 'isSlaveryAndPractices'),
      { ok: true, format: 'ctdc-global', termsOfUseColumn: false },
    ],
    [
      'the synthetic v2024 columns',
      [...ctdcSyntheticColumns('2024')],
      { ok: true, format: 'ctdc-synthetic', version: '2024' },
    ],
    [
      'the synthetic v2025 columns',
      [...ctdcSyntheticColumns('2025')],
      { ok: true, format: 'ctdc-synthetic', version: '2025' },
    ],
    [
      'the codebook spelling meansWithholdDocuments',
      ctdcSyntheticColumns('2024').map((column) =>
        column === 'meansWithholdDocs' ? 'meansWithholdDocuments' : column,
      ),
      { ok: true, format: 'ctdc-synthetic', version: '2024' },
    ],
    [
      'an HTCDS template with its quirks',
      [
        'prs_First_Name',
        'prs_Gender',
        '',
        'vic_TraffickinStatusDecisionMakingOrg',
        'prs_Salutation',
        'vigil_CaseNumber',
      ],
      {
        ok: true,
        format: 'htcds',
        readColumns: [
          'prs_First_Name',
          'prs_Gender',
          'vic_TraffickinStatusDecisionMakingOrg',
          'vigil_CaseNumber',
        ],
        ignoredColumns: ['', 'prs_Salutation'],
      },
    ],
  ])('recognises %s', (_name, header, expected) => {
    expect(detectCaseFormat(header)).toEqual(expected);
  });

  it.each([
    ['an empty header', ['', ' '], { problem: 'empty_header', format: null, columns: [] }],
    [
      'a repeated column',
      ['prs_Gender', 'PRS_GENDER'],
      { problem: 'duplicate_columns', format: null, columns: ['PRS_GENDER'] },
    ],
    [
      'CTDC global columns missing',
      ctdcGlobalColumns.filter((column) => column !== 'isAbduction' && column !== 'gender'),
      { problem: 'missing_columns', format: 'ctdc-global', columns: ['gender', 'isAbduction'] },
    ],
    [
      'synthetic columns missing',
      ctdcSyntheticColumns('2024').filter((column) => column !== 'traffickMonths'),
      { problem: 'missing_columns', format: 'ctdc-synthetic', columns: ['traffickMonths'] },
    ],
    [
      'only HTCDS fields Vigil ignores',
      ['org_Name', 'org_Phone'],
      { problem: 'missing_columns', format: 'htcds', columns: [] },
    ],
    [
      'anything else',
      ['name', 'age', 'country'],
      { problem: 'unknown_format', format: null, columns: [] },
    ],
  ])('refuses %s', (_name, header, expected) => {
    expect(detectCaseFormat(header)).toMatchObject({ ok: false, ...expected });
  });
});

describe('toRawRow', () => {
  const header = [termsOfUse, 'yearOfRegistration', 'gender'];
  const detection = detectCaseFormat([termsOfUse, ...ctdcGlobalColumns]);

  it('pairs cells with the header names', () => {
    expect(toRawRow(header, ['', '2016', 'Female'])).toEqual({
      row: { [termsOfUse]: '', yearOfRegistration: '2016', gender: 'Female' },
      issue: null,
    });
  });

  it('keeps the first of a repeated column, and reads columns named like Object properties', () => {
    const odd = ['gender', ' gender ', '__proto__', 'constructor', ''];
    const { row } = toRawRow(odd, ['Female', 'Male', 'x', 'y', 'z']);
    expect(Object.entries(row)).toEqual([
      ['gender', 'Female'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    // The header is worked out once; a second row under it reads its own cells.
    expect(toRawRow(odd, ['Male', '', '', '', '']).row.gender).toBe('Male');
  });

  it('realigns a CTDC row that lacks the empty cell under the terms-of-use cell', () => {
    const wide = [termsOfUse, ...ctdcGlobalColumns];
    const { row } = toRawRow(
      wide,
      ['2016', 'Hotline', ...ctdcGlobalColumns.slice(2).map(() => '')],
      detection,
    );
    expect(row).toMatchObject({ yearOfRegistration: '2016', Datasource: 'Hotline' });
  });

  it('reports filled cells beyond the header, and ignores empty ones', () => {
    expect(toRawRow(header, ['', '2016', 'Female', '', 'stray']).issue).toEqual({
      column: 'column 5',
      value: 'stray',
      reason: 'unexpected_cells',
      message: 'The row has 5 cells but the header only 3',
    });
    expect(toRawRow(header, ['', '2016', 'Female', '', ' ']).issue).toBeNull();
  });

  it('reads a short row as empty cells', () => {
    expect(toRawRow(header, ['']).row).toEqual({
      [termsOfUse]: '',
      yearOfRegistration: '',
      gender: '',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../../core/case-formats/index.js';
import { rejectionsOf, withholdingCells } from './import-rows.js';

// A withheld cell is withheld from its message too: some messages quote the cell (the unknown
// values of a list, the keys of a JSON cell).
describe('withheld cells in import reports', () => {
  const quoting = 'Unknown value(s): KOVALENKO';
  const refused: ParsedRow = {
    ok: false,
    row: 4,
    errors: [
      {
        column: 'vigil_Perpetrators',
        value: 'KOVALENKO',
        reason: 'unknown_value',
        message: quoting,
      },
      { column: 'prs_Gender', value: 'Martian', reason: 'unknown_value', message: 'Not a code' },
    ],
  };
  const shown = (column: string | null) => column === 'prs_Gender';

  it('stores neither the value nor a message quoting it', () => {
    const report = rejectionsOf([refused], shown);
    expect(report).toEqual([
      expect.objectContaining({ column: 'vigil_Perpetrators', value: null, withheld: true }),
      expect.objectContaining({ column: 'prs_Gender', value: 'Martian', message: 'Not a code' }),
    ]);
    expect(JSON.stringify(report)).not.toContain('KOVALENKO');
    expect(report[0]?.message).toContain('unknown_value');
  });

  it('takes the message out of a report stored before', () => {
    const older = [
      {
        row: 4,
        column: 'vigil_Perpetrators',
        value: 'KOVALENKO',
        withheld: false,
        reason: 'unknown_value',
        message: quoting,
      },
    ];
    const report = withholdingCells(older, shown);
    expect(JSON.stringify(report)).not.toContain('KOVALENKO');
    expect(report).toEqual([
      expect.objectContaining({ value: null, withheld: true, reason: 'unknown_value' }),
    ]);
  });
});

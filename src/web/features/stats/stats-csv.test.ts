import { describe, expect, it } from 'vitest';
import { csvField, internalTableCsv, toCsv } from './stats-csv.js';

describe('internal CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['12', '12'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1 shelter', "'+1 shelter"],
    ['-', "'-"],
    ['@org', "'@org"],
    ['الجنس', 'الجنس'],
  ])('writes %j as %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('ends every line with CRLF', () => {
    expect(toCsv([['a', 'b'], [], ['c']])).toBe('a,b\r\n\r\nc\r\n');
  });

  it('puts the unprotected notice first, then what was counted, a blank line, the table', () => {
    const text = internalTableCsv(
      'UNPROTECTED FIGURES - internal analysis only.',
      ['Table: Cases: Sex', 'Filters: none'],
      [
        ['Sex', 'Cases'],
        ['Feminine', '3'],
        ['Total', '3'],
      ],
    );
    expect(text.split('\r\n')).toEqual([
      'UNPROTECTED FIGURES - internal analysis only.',
      'Table: Cases: Sex',
      'Filters: none',
      '',
      'Sex,Cases',
      'Feminine,3',
      'Total,3',
      '',
    ]);
  });
});

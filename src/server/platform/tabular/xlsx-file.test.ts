import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TabularReadError } from './tabular-types.js';
import { readXlsx, writeXlsx } from './xlsx-file.js';

async function workbookOf(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Cases'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('turns every kind of cell into text', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.addRow([
        'text',
        'number',
        'boolean',
        'date',
        'datetime',
        'formula',
        'rich',
        'link',
        'error',
      ]);
      sheet.addRow([
        ' Debt bondage ',
        2016,
        true,
        new Date(Date.UTC(2001, 3, 12)),
        new Date(Date.UTC(2001, 3, 12, 8, 30)),
        { formula: '1+1', result: 2 },
        { richText: [{ text: 'Forced ' }, { text: 'labour', font: { bold: true } }] },
        { text: 'site', hyperlink: 'https://example.org' },
        { error: '#N/A' },
      ]);
    });
    const sheet = await readXlsx(buffer);
    expect(sheet.name).toBe('Cases');
    expect(sheet.rows[1]).toEqual({
      line: 2,
      cells: [
        ' Debt bondage ',
        '2016',
        'TRUE',
        '2001-04-12',
        '2001-04-12T08:30:00.000Z',
        '2',
        'Forced labour',
        'site',
        '#N/A',
      ],
    });
  });

  it('keeps row numbers, skips empty rows, pads short rows and keeps gaps', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.getRow(1).values = ['a', 'b', 'c', 'd'];
      sheet.getRow(1).hidden = true;
      sheet.getRow(3).values = ['x'];
      sheet.getCell('C4').value = 'z';
    });
    expect((await readXlsx(buffer)).rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c', 'd'] },
      { line: 3, cells: ['x', '', '', ''] },
      { line: 4, cells: ['', '', 'z', ''] },
    ]);
  });

  it('reads a named sheet', async () => {
    const buffer = await workbookOf((sheet, workbook) => {
      sheet.addRow(['first']);
      workbook.addWorksheet('Other').addRow(['second']);
    });
    expect((await readXlsx(buffer, { sheet: 'Other' })).rows[0]?.cells).toEqual(['second']);
  });

  it.each([
    [
      'a missing sheet',
      async () => readXlsx(await workbookOf((sheet) => sheet.addRow(['x'])), { sheet: 'Nope' }),
      'tabular.no_such_sheet',
    ],
    [
      'bytes that are not a workbook',
      () => readXlsx(Buffer.from('not a zip')),
      'tabular.malformed_xlsx',
    ],
    [
      'a file over the limit',
      () => readXlsx(Buffer.alloc(10), { maxBytes: 5 }),
      'tabular.too_large',
    ],
    [
      // One cell in the sheet's last column, which padding would copy into every row.
      'a value in column XFD',
      async () =>
        readXlsx(
          await workbookOf((sheet) => {
            sheet.getCell('XFD1').value = 'far';
            for (let row = 2; row <= 50; row += 1) sheet.getCell(`A${String(row)}`).value = 'x';
          }),
        ),
      'tabular.too_wide',
    ],
    [
      'more cells than allowed, rows by columns',
      async () =>
        readXlsx(
          await workbookOf((sheet) => {
            sheet.addRow(['a', 'b', 'c', 'd']);
            for (let row = 0; row < 10; row += 1) sheet.addRow(['x']);
          }),
          { maxCells: 40 },
        ),
      'tabular.too_large',
    ],
  ])('refuses %s', async (_name, read, problem) => {
    const error: unknown = await read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TabularReadError);
    expect(error).toMatchObject({ problem });
  });

  it('names the row of a value past the last column read', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.addRow(['a', 'b']);
      sheet.getCell('F3').value = 'far';
    });
    const error: unknown = await readXlsx(buffer, { maxColumns: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'tabular.too_wide', line: 3 });
  });

  it('leaves out blank cells past the last column read, as formatting leaves them', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.addRow(['a', 'b']);
      sheet.getCell('XFD2').value = '   ';
      sheet.getCell('A2').value = 'x';
    });
    expect((await readXlsx(buffer)).rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x', ''] },
    ]);
  });

  it('reads more rows than one call can take as arguments', async () => {
    // 130,000 rows: the widest row was once found by spreading every row into Math.max.
    const buffer = await workbookOf((sheet) => {
      for (let row = 1; row <= 130_000; row += 1) sheet.getCell(`A${String(row)}`).value = row;
    });
    const sheet = await readXlsx(buffer);
    expect(sheet.rows).toHaveLength(130_000);
    expect(sheet.rows.at(-1)).toEqual({ line: 130_000, cells: ['130000'] });
  }, 60_000);
});

describe('writeXlsx', () => {
  it('writes text cells that read back unchanged, codes and formula-like text included', async () => {
    const headerRows = [
      ['prs_FirstName', 'vigil_AgeBand', 'prs_Citizenship'],
      ['First Name', 'Age Band', 'Citizenship'],
    ];
    const rows = [
      ['=HYPERLINK("x")', '09--17', '00'],
      ['Nguyễn; "Mimi"', '', 'CD;RW'],
    ];
    const buffer = await writeXlsx({ sheetName: 'HTCDS', headerRows, rows });
    const sheet = await readXlsx(buffer);
    expect(sheet.name).toBe('HTCDS');
    expect(sheet.rows.map((row) => row.cells)).toEqual([...headerRows, ...rows]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]?.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });
});

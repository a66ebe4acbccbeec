import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TabularReadError } from './tabular-types.js';
import { readXlsx } from './xlsx-file.js';
import { readXlsxInWorker } from './xlsx-in-worker.js';

async function workbookOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Cases'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsxInWorker', () => {
  it('reads what readXlsx reads', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.addRow(['prs_Gender', 'prs_Birthdate']);
      sheet.addRow(['Feminine', new Date(Date.UTC(2001, 3, 12))]);
      sheet.getCell('C4').value = 'z';
    });
    expect(await readXlsxInWorker(buffer)).toEqual(await readXlsx(buffer));
  });

  it('brings back why a file cannot be read, with its row', async () => {
    const buffer = await workbookOf((sheet) => {
      sheet.addRow(['a']);
      sheet.getCell('F3').value = 'far';
    });
    const error: unknown = await readXlsxInWorker(buffer, { maxColumns: 5 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TabularReadError);
    expect(error).toMatchObject({ problem: 'tabular.too_wide', line: 3 });
  });

  it('refuses a workbook that needs more memory than allowed, and the process goes on', async () => {
    // 30,000 rows of 10 cells: exceljs holds each cell as an object, far beyond 48 MB.
    const big = await workbookOf((sheet) => {
      for (let row = 0; row < 30_000; row += 1) {
        sheet.addRow(
          Array.from({ length: 10 }, (_, column) => `r${String(row)}c${String(column)}`),
        );
      }
    });
    const error: unknown = await readXlsxInWorker(big, {}, { heapMb: 48 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TabularReadError);
    expect(error).toMatchObject({ problem: 'tabular.too_large' });
    // The same file reads where it may take what it needs.
    expect((await readXlsxInWorker(big)).rows).toHaveLength(30_000);
  }, 60_000);
});

import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv, writeCsv, type CsvDelimiter } from './csv-file.js';
import { TabularReadError } from './tabular-types.js';

describe('detectDelimiter', () => {
  it.each<[string, CsvDelimiter]>([
    ['a;b;c', ';'],
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['"Terms, of use, apply";yearOfRegistration;Datasource', ';'],
    ['Terms, of use, apply;yearOfRegistration;Datasource;gender', ';'],
    ['"a;b",c', ','],
    ['single', ','],
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('readCsv', () => {
  it('reads the CTDC shape: terms-of-use cell, `;`, empty first cells, quoted lists, BOM', async () => {
    const text = '\uFEFF"Terms; of use";year;list\n;2016;"Debt bondage;Threats"\r\n;2017;\n';
    expect(await readCsv(Buffer.from(text, 'utf8'))).toEqual({
      delimiter: ';',
      header: ['Terms; of use', 'year', 'list'],
      headerLine: 1,
      rows: [
        { line: 2, cells: ['', '2016', 'Debt bondage;Threats'] },
        { line: 3, cells: ['', '2017', ''] },
      ],
    });
  });

  it('numbers rows by the line they start on, across quoted line breaks and blank lines', async () => {
    const text = 'a,b\n1,"two\nlines"\n\n3,x\n,\n4,"y\r\nz"\n5,end';
    const table = await readCsv(text);
    expect(table.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, '1'],
      [5, '3'],
      [7, '4'],
      [9, '5'],
    ]);
  });

  it('numbers rows right whatever line breaks their cells hold', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\nb', 'c\r\nd', 'e\n\nf'));
    const row = fc
      .array(cell, { minLength: 1, maxLength: 3 })
      .filter((cells) => cells.some((c) => c.trim() !== ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.boolean(), async (rows, crlf) => {
        const text = writeCsv([['h1', 'h2'], ...rows]);
        const table = await readCsv(
          crlf ? text.replace(/"[^"]*"|\n/g, (match) => (match === '\n' ? '\r\n' : match)) : text,
        );
        let expected = 2;
        const lines = rows.map((cells) => {
          const start = expected;
          expected += 1 + cells.reduce((count, c) => count + (c.match(/\r\n|\n/g)?.length ?? 0), 0);
          return start;
        });
        expect(table.rows.map((read) => read.line)).toEqual(lines);
      }),
      { numRuns: 200 },
    );
  });

  it('reads TSV and rows of uneven length', async () => {
    const table = await readCsv('a\tb\tc\n1\t2\n1\t2\t3\t4\n');
    expect(table.delimiter).toBe('\t');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('reads a stream, multi-byte characters split across chunks included', async () => {
    const bytes = Buffer.from('name;city\nNguyễn;Kyiv – Київ\n', 'utf8');
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]));
    const table = await readCsv(Readable.from(chunks));
    expect(table.rows[0]?.cells).toEqual(['Nguyễn', 'Kyiv – Київ']);
  });

  it('accepts a forced delimiter', async () => {
    expect((await readCsv('a,b;c\n', { delimiter: ';' })).header).toEqual(['a,b', 'c']);
  });

  it.each([
    ['an empty file', '', 'tabular.empty'],
    ['a file of blank lines', '\n\n', 'tabular.empty'],
    ['an unterminated quote', 'a,b\n1,"open\n', 'tabular.malformed_csv'],
    ['a quote closed mid-cell', 'a,b\n1,"open"ed\n', 'tabular.malformed_csv'],
  ])('refuses %s without quoting its content', async (_name, text, problem) => {
    const error: unknown = await readCsv(text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TabularReadError);
    expect(error).toMatchObject({ problem });
    expect((error as Error).message).not.toContain('open');
  });

  it('names the line a malformed quote starts on, after cells that span lines', async () => {
    const text = 'a,b\n1,"two\r\nlines"\n\n2,x\n3,"bad"quote\n4,y\n';
    await expect(readCsv(text)).rejects.toMatchObject({
      problem: 'tabular.malformed_csv',
      line: 6,
      message: 'Malformed CSV near line 6 (InvalidQuotes)',
    });
  });

  it('keeps a quote inside an unquoted cell, and drops spaces after a closing quote', async () => {
    const table = await readCsv('a,b\n5"6,"x" \n"y"  ,7\n');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['5"6', 'x'],
      ['y', '7'],
    ]);
  });

  it('reads every CRLF as LF, inside quoted cells too', async () => {
    const table = await readCsv('a,b\r\n"x\r\ny",2\r\n3,4\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['x\ny', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('refuses more bytes than allowed, from a buffer or a stream', async () => {
    await expect(readCsv('a,b\n1,2\n', { maxBytes: 4 })).rejects.toMatchObject({
      problem: 'tabular.too_large',
    });
    await expect(readCsv(Readable.from(['a,b\n', '1,2\n']), { maxBytes: 5 })).rejects.toMatchObject(
      {
        problem: 'tabular.too_large',
      },
    );
  });
});

describe('writeCsv', () => {
  it('quotes cells holding the delimiter, quotes or line breaks', () => {
    expect(writeCsv([['a', 'b;c', 'say "hi"', 'x\ny']], { delimiter: ';' })).toBe(
      'a;"b;c";"say ""hi""";"x\ny"\n',
    );
  });

  it('can start with a byte-order mark and defuse formulas', () => {
    expect(writeCsv([['=1+1', '-99']], { bom: true, escapeFormulas: true })).toBe(
      "\uFEFF'=1+1,'-99\n",
    );
  });

  it('writes what readCsv reads back, for any cells and delimiter', async () => {
    const cell = fc.string({ maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
        fc.array(cell, { minLength: 2, maxLength: 5 }),
        fc.array(
          fc.array(
            cell.filter((text) => text.trim() !== ''),
            { minLength: 1, maxLength: 5 },
          ),
          { maxLength: 5 },
        ),
        async (delimiter, header, rows) => {
          const named = header.map((name, index) => `c${index}${name.replace(/[\s";,]/g, '')}`);
          const table = await readCsv(writeCsv([named, ...rows], { delimiter }));
          expect(table.header).toEqual(named);
          expect(table.rows.map((row) => row.cells)).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// CSV (RFC 4180) written in the browser from the table on screen. Internal figures never go
// through the server's file writers: those serve disclosure-controlled output.

// A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
// first) gets a leading apostrophe: organisation and crisis names are typed by people.
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One field, neutralised and quoted when it must be. Integers pass as they are. */
export function csvField(text: string): string {
  const safe = /^-?\d+$/.test(text) ? text : formulaStart.test(text) ? `'${text}` : text;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of fields as CSV text, CRLF line ends, the last line ended too. */
export function toCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The file of an internal table: the "unprotected" notice on the first line (so that it travels
 * with every copy), lines saying what was counted, an empty line, then the table.
 */
export function internalTableCsv(
  notice: string,
  context: readonly string[],
  grid: readonly (readonly string[])[],
): string {
  return toCsv([[notice], ...context.map((line) => [line]), [], ...grid]);
}

// One CSV record as RFC 4180 writes it: fields separated by commas, a field holding a comma, a
// quote or a line break wrapped in quotes with its quotes doubled, the record ended by CRLF.
// Text fields that a spreadsheet would run as a formula (starting with = + - @, or a tab or
// carriage return that some spreadsheets strip before looking) get a leading apostrophe: a
// buyer named `=HYPERLINK(...)` stays a name when the organiser opens the file in Excel
// (OWASP "CSV Injection"). Numbers are written as numbers: -5000 is an amount, not a formula.
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function encodeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function encodeCsvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(encodeCell).join(',')}\r\n`;
}

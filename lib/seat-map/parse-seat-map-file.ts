// Parses a seat-map file (CSV with a header, or a JSON array of objects) into seat rows, each
// with the line it came from, and validates every row before anything is written: the caller
// gets every bad row with its line number, or a complete list of good ones — never half.
import { z } from 'zod';
import { AppError } from '../errors/app-error';

export const SeatMapFormat = z.enum(['csv', 'json']);
export type SeatMapFormat = z.infer<typeof SeatMapFormat>;

export type SeatRow = { line: number; section: string; row: string; number: number; x: number; y: number; grade: string };
export type RowError = { line: number; message: string };

const COLUMNS = ['section', 'row', 'number', 'x', 'y', 'grade'] as const;
const MAX_ERRORS = 100;
const MAX_SEATS = 100_000;

const SeatRowShape = z.object({
  section: z.string().trim().min(1, 'section is empty').max(50, 'section is longer than 50 characters'),
  row: z.string().trim().min(1, 'row is empty').max(10, 'row is longer than 10 characters'),
  number: z.coerce.number({ error: 'number is not a number' }).int('number is not a whole number').min(1, 'number must be at least 1').max(9_999, 'number is above 9999'),
  x: z.coerce.number({ error: 'x is not a number' }).int('x is not a whole number').min(0, 'x is negative'),
  y: z.coerce.number({ error: 'y is not a number' }).int('y is not a whole number').min(0, 'y is negative'),
  grade: z.string().trim().regex(/^[A-Z0-9]{1,8}$/, 'grade must be 1–8 capital letters or digits (VIP, R, S, A…)'),
});

/** One CSV line → fields (double quotes, doubled quotes inside them). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function csvRecords(text: string): { line: number; record: Record<string, unknown> }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) throw new AppError('unprocessable', 'The file is empty', { errors: [{ line: 1, message: 'no header line' }] });
  const header = splitCsvLine(lines[headerAt]!).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError('unprocessable', `The header lacks ${missing.join(', ')}`, {
      errors: [{ line: headerAt + 1, message: `header must name the columns ${COLUMNS.join(',')}; missing ${missing.join(', ')}` }],
    });
  }
  const records: { line: number; record: Record<string, unknown> }[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const fields = splitCsvLine(lines[i]!);
    records.push({ line: i + 1, record: Object.fromEntries(header.map((h, j) => [h, fields[j]?.trim() ?? ''])) });
  }
  return records;
}

/** Line (1-based) where each top-level element of a JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/[\s,\]]/.test(c)) {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function jsonRecords(text: string): { line: number; record: Record<string, unknown> }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('unprocessable', 'The file is not valid JSON', { errors: [{ line: 1, message: String((error as Error).message) }] });
  }
  const seats = Array.isArray(parsed) ? parsed : (parsed as { seats?: unknown })?.seats;
  if (!Array.isArray(seats)) throw new AppError('unprocessable', 'Expected a JSON array of seats', { errors: [{ line: 1, message: 'expected [ {section,row,number,x,y,grade}, … ]' }] });
  const lines = Array.isArray(parsed) ? arrayElementLines(text) : [];
  return seats.map((record, i) => ({
    line: lines[i] ?? i + 1,
    record: record && typeof record === 'object' ? Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'number' ? v : String(v ?? '')])) : {},
  }));
}

export function validateSeatRows(records: { line: number; record: Record<string, unknown> }[]): SeatRow[] {
  const errors: RowError[] = [];
  const rows: SeatRow[] = [];
  const seen = new Map<string, number>();
  if (records.length === 0) errors.push({ line: 1, message: 'no seats in the file' });
  if (records.length > MAX_SEATS) errors.push({ line: 1, message: `more than ${MAX_SEATS} seats` });
  for (const { line, record } of records) {
    const parsed = SeatRowShape.safeParse(record);
    if (!parsed.success) {
      errors.push({ line, message: parsed.error.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    const key = `${parsed.data.section}\u0000${parsed.data.row}\u0000${parsed.data.number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate seat ${parsed.data.section} row ${parsed.data.row} number ${parsed.data.number} (first on line ${first})` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, ...parsed.data });
  }
  if (errors.length) {
    throw new AppError('unprocessable', `${errors.length} row(s) are invalid; nothing was imported`, { errors: errors.slice(0, MAX_ERRORS) });
  }
  return rows;
}

export function parseSeatMapFile(format: SeatMapFormat, text: string): SeatRow[] {
  return validateSeatRows(format === 'csv' ? csvRecords(text) : jsonRecords(text));
}

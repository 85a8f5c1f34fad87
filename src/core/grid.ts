/**
 * Grid snapshot: what a shell reads from a workbook, and the only thing the core sees of it.
 * Both shells (Office.js and the .xlsx reader) produce exactly this shape.
 */

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangle of cells, 0-based absolute sheet coordinates, inclusive on both ends. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** 0-based absolute row of `values[0]` (the used range may not start at A1). */
  readonly top: number;
  /** 0-based absolute column of `values[r][0]`. */
  readonly left: number;
  /**
   * Row-major values of the used range; rows may be shorter than the widest row.
   * A cell covered by a merged area (other than the area's top-left) is null, as in the file.
   */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, same shape as `values`, where the shell read them. */
  readonly numberFormats?: readonly (readonly string[])[];
  readonly merges: readonly CellRange[];
  readonly hidden: boolean;
}

export interface WorkbookSnapshot {
  /** The file as the user named it (path as given, or below the folder given); the open workbook's name in Excel. */
  readonly file: string;
  readonly sheets: readonly SheetSnapshot[];
  /** Names of sheets that carry the add-in's ownership marker. */
  readonly ownedSheets: readonly string[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

/** 0-based column index to letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based absolute row/column to an A1 address without the sheet. */
const LETTERS = Array.from({ length: 256 }, (_, col) => columnLetters(col));

export function a1(row: number, col: number): string {
  return `${LETTERS[col] ?? columnLetters(col)}${row + 1}`;
}

/** A1 address (optionally with `$` and a sheet prefix) to 0-based row/column, or null when malformed. */
export function parseA1(address: string): { row: number; col: number } | null {
  const bang = address.lastIndexOf('!');
  const cell = scanCell(address, bang + 1, address.length);
  return cell < 0 ? null : { row: Math.floor(cell / CELL_KEY) - 1, col: cell % CELL_KEY };
}

/** Columns in a packed cell (row × CELL_KEY + column): more than Excel's 16,384 and any three letters. */
const CELL_KEY = 32_768;

/**
 * The cell written in `text` from `from` to `to` (`$` ignored wherever it stands): one to three letters,
 * then one to seven digits, nothing else. Packed as (row + 1) × CELL_KEY + column, or -1. A scan, not a
 * pattern: merges and validations are read from files, thousands to a sheet.
 */
function scanCell(text: string, from: number, to: number): number {
  let col = 0;
  let letters = 0;
  let row = 0;
  let digits = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 36 /* $ */) continue;
    if (c >= 48 && c <= 57) {
      if (letters === 0 || digits === 7) return -1;
      row = row * 10 + (c - 48);
      digits += 1;
      continue;
    }
    const upper = c >= 97 && c <= 122 ? c - 32 : c;
    if (upper < 65 || upper > 90 || digits > 0 || letters === 3) return -1;
    col = col * 26 + (upper - 64);
    letters += 1;
  }
  return digits === 0 ? -1 : row * CELL_KEY + (col - 1);
}

/** A range like `A1:C3` (or a single cell) to a CellRange, or null when malformed. */
export function parseRange(address: string): CellRange | null {
  const from = address.lastIndexOf('!') + 1;
  // Text after a second colon is ignored, as it always was.
  const colon = address.indexOf(':', from);
  const firstEnd = colon < 0 ? address.length : colon;
  if (firstEnd === from) return null;
  const start = scanCell(address, from, firstEnd);
  if (start < 0) return null;
  let end = start;
  if (colon >= 0) {
    const next = address.indexOf(':', colon + 1);
    const secondEnd = next < 0 ? address.length : next;
    if (secondEnd > colon + 1) end = scanCell(address, colon + 1, secondEnd);
    if (end < 0) return null;
  }
  const startRow = Math.floor(start / CELL_KEY) - 1;
  const endRow = Math.floor(end / CELL_KEY) - 1;
  const startCol = start % CELL_KEY;
  const endCol = end % CELL_KEY;
  return {
    top: Math.min(startRow, endRow),
    left: Math.min(startCol, endCol),
    bottom: Math.max(startRow, endRow),
    right: Math.max(startCol, endCol),
  };
}

export function rangeToA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  const end = a1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Quote a sheet name for use in a reference (`'My sheet'!A1`). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Value at an absolute 0-based position, or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

export function sheetRowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function sheetColumnCount(sheet: SheetSnapshot): number {
  let max = 0;
  // By index: a for-of makes an iterator result per row until the code is optimized.
  const rows = sheet.values;
  for (let i = 0; i < rows.length; i += 1) if (rows[i]!.length > max) max = rows[i]!.length;
  return max;
}

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
  const cellPart = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
  const match = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(cellPart);
  if (!match) return null;
  const letters = match[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** A range like `A1:C3` (or a single cell) to a CellRange, or null when malformed. */
export function parseRange(address: string): CellRange | null {
  const bang = address.lastIndexOf('!');
  const part = bang >= 0 ? address.slice(bang + 1) : address;
  const [first, second] = part.split(':');
  const start = first ? parseA1(first) : null;
  const end = second ? parseA1(second) : start;
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
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
  for (const row of sheet.values) if (row.length > max) max = row.length;
  return max;
}

import type { WorkbookSnapshot } from './grid';
import type { Finding, Severity } from './model';
import { parseA1 } from './grid';

/**
 * Row and column of a plain A1 cell (`H12`), packed as (row + 1) * 2^15 + (col + 1), without a regular
 * expression or an object; anything else (`$H$12`, `S!H12`, malformed) goes through parseA1.
 */
function cellPosition(cell: string | null): number {
  if (!cell) return 0;
  let i = 0;
  let col = 0;
  for (; i < cell.length && i < 3; i += 1) {
    const c = cell.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  const digitsFrom = i;
  let row = 0;
  for (; i < cell.length && i - digitsFrom < 7; i += 1) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else break;
  }
  if (digitsFrom > 0 && i > digitsFrom && i === cell.length) return row * 2 ** 15 + col;
  const pos = parseA1(cell);
  return pos ? (pos.row + 1) * 2 ** 15 + (pos.col + 1) : 0;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings in reading order: files and sheets as the workbooks list them, then row, column, severity.
 * Sheet-level findings come before the sheet's cells; file-level findings before the file's sheets.
 */
export function sortFindings(
  findings: readonly Finding[],
  workbooks: readonly Pick<WorkbookSnapshot, 'file' | 'sheets'>[],
): Finding[] {
  const fileOrder = new Map<string, number>();
  const sheetOrder = new Map<string, Map<string, number>>();
  let mostSheets = 0;
  workbooks.forEach((w, i) => {
    if (!fileOrder.has(w.file)) fileOrder.set(w.file, i);
    let sheets = sheetOrder.get(w.file);
    if (!sheets) sheetOrder.set(w.file, (sheets = new Map()));
    w.sheets.forEach((s, j) => sheets.set(s.name, j));
    mostSheets = Math.max(mostSheets, w.sheets.length);
  });
  // The order is file, sheet, row, column, severity: packed into three small integers per finding (each
  // part shifted by one so that "none" (-1) and "unknown" (after every known one) keep their places),
  // instead of an array and a wrapper object per finding. Int32Arrays while the numbers fit: reading a
  // Float64Array makes a heap number per read until the comparator is optimized.
  const unknownFile = workbooks.length;
  const unknownSheet = mostSheets + 1;
  const sheetSpan = unknownSheet + 1;
  const n = findings.length;
  const major = (unknownFile + 1) * sheetSpan < 2 ** 30 ? new Int32Array(n) : new Float64Array(n);
  // cellPosition is row × 2^15 + column (rows < 10^7, columns < 2^15): the row, then column × 4 + severity,
  // order as cellPosition × 4 + severity does.
  const rows = new Int32Array(n);
  const columns = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const f = findings[i]!;
    const file = fileOrder.get(f.file) ?? unknownFile;
    const sheet = f.sheet === null ? -1 : (sheetOrder.get(f.file)?.get(f.sheet) ?? unknownSheet - 1);
    major[i] = file * sheetSpan + (sheet + 1);
    const position = cellPosition(f.cell);
    rows[i] = Math.floor(position / 2 ** 15);
    columns[i] = (position % 2 ** 15) * 4 + SEVERITY_ORDER[f.severity];
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    if (major[a] !== major[b]) return major[a]! - major[b]!;
    if (rows[a] !== rows[b]) return rows[a]! - rows[b]!;
    if (columns[a] !== columns[b]) return columns[a]! - columns[b]!;
    const fa = findings[a]!.file;
    const fb = findings[b]!.file;
    if (fa !== fb) return fa < fb ? -1 : 1;
    return a - b;
  });
  return order.map((i) => findings[i]!);
}

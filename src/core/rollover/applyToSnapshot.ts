/**
 * A rollover applied to a grid snapshot, the way Excel applies it to a sheet: columns inserted
 * (values, number formats and merges move right), then the listed cells written and merges grown.
 * The browser preview's in-memory workbook uses it; the Office.js shell does the same in Excel.
 */
import {
  parseA1,
  parseRange,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../grid';
import type { ColumnInsertion, RolloverPlan, SheetRollover } from './planRollover';

function insertInRows<T>(rows: T[][], sheet: SheetSnapshot, ins: ColumnInsertion, blank: T): void {
  const index = ins.at - sheet.left;
  rows.forEach((row, i) => {
    const r = sheet.top + i;
    if (ins.rows && (r < ins.rows.top || r > ins.rows.bottom)) return;
    if (index >= row.length) return;
    row.splice(Math.max(index, 0), 0, ...Array<T>(ins.count).fill(blank));
  });
}

/** A merged area after an insertion, as Excel moves it: right of the insertion it moves, across it it grows. */
export function shiftMerge(m: CellRange, ins: ColumnInsertion): CellRange {
  if (ins.rows && (m.top < ins.rows.top || m.bottom > ins.rows.bottom)) return m;
  if (m.left >= ins.at) return { ...m, left: m.left + ins.count, right: m.right + ins.count };
  if (m.right >= ins.at) return { ...m, right: m.right + ins.count };
  return m;
}

function setCell(values: CellValue[][], sheet: SheetSnapshot, cell: string, value: CellValue): SheetSnapshot {
  const p = parseA1(cell);
  if (!p) return sheet;
  let { top, left } = sheet;
  // Grow the used range when a header lands outside it.
  while (p.row < top) {
    values.unshift([]);
    top -= 1;
  }
  if (p.col < left) {
    for (const row of values) row.unshift(...Array<CellValue>(left - p.col).fill(null));
    left = p.col;
  }
  while (values.length <= p.row - top) values.push([]);
  const row = values[p.row - top]!;
  while (row.length <= p.col - left) row.push(null);
  row[p.col - left] = value;
  return { ...sheet, top, left };
}

export function applySheetRollover(sheet: SheetSnapshot, roll: SheetRollover): SheetSnapshot {
  const values = sheet.values.map((r) => [...r]);
  const formats = sheet.numberFormats?.map((r) => [...r]);
  let merges = [...sheet.merges];
  for (const ins of roll.insertions) {
    insertInRows(values, sheet, ins, null);
    if (formats) insertInRows(formats, sheet, ins, '');
    merges = merges.map((m) => shiftMerge(m, ins));
  }
  let next: SheetSnapshot = { ...sheet, values, ...(formats ? { numberFormats: formats } : {}), merges };
  if (formats) {
    for (const copy of roll.formatCopies) {
      for (let r = copy.top; r <= copy.bottom; r += 1) {
        const row = formats[r - next.top];
        if (row) row[copy.to - next.left] = row[copy.from - next.left] ?? '';
      }
    }
  }
  for (const change of roll.merges) {
    const from = change.from ? parseRange(change.from) : null;
    const to = parseRange(change.to)!;
    merges = merges.filter(
      (m) =>
        !(
          from &&
          m.top === from.top &&
          m.left === from.left &&
          m.bottom === from.bottom &&
          m.right === from.right
        ),
    );
    merges.push(to);
  }
  next = { ...next, merges };
  for (const cell of [...roll.headers, ...roll.renames])
    next = setCell(next.values as CellValue[][], next, cell.cell, cell.value);
  return next;
}

export function applyRolloverToSnapshot(workbook: WorkbookSnapshot, plan: RolloverPlan): WorkbookSnapshot {
  const bySheet = new Map(plan.sheets.map((s) => [s.sheet, s]));
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) =>
      bySheet.has(s.name) ? applySheetRollover(s, bySheet.get(s.name)!) : s,
    ),
  };
}

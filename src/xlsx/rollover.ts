/**
 * A year rollover applied to an ExcelJS worksheet, as Excel applies it: the cells (values, styles,
 * dropdowns) at and right of each insertion move right, merged areas move or grow with them, whole-
 * column insertions move the column widths too; then the new header cells and merges are written.
 * No Node imports: the browser preview uses it, and so does `reform-progress rollover`.
 */
import type ExcelJS from 'exceljs';
import {
  parseA1,
  parseRange,
  rangeToA1,
  type CellRange,
  shiftMerge,
  type ColumnInsertion,
  type SheetRollover,
} from '../core';
import { addMarkDropdowns } from './markDropdowns';

type Validation = ExcelJS.DataValidation | undefined;

function lastColumn(ws: ExcelJS.Worksheet): number {
  let last = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => (last = Math.max(last, row.cellCount)));
  return last;
}

function moveRight(ws: ExcelJS.Worksheet, ins: ColumnInsertion, last: number): void {
  const from = ins.rows ? ins.rows.top + 1 : 1;
  const to = ins.rows ? ins.rows.bottom + 1 : Math.max(ws.rowCount, 1);
  for (let r = from; r <= to; r += 1) {
    for (let c = last; c >= ins.at + 1; c -= 1) {
      const source = ws.getCell(r, c);
      const target = ws.getCell(r, c + ins.count);
      target.value = source.value;
      target.style = JSON.parse(JSON.stringify(source.style ?? {})) as Partial<ExcelJS.Style>;
      target.dataValidation = source.dataValidation as Validation as ExcelJS.DataValidation;
    }
    for (let c = ins.at + 1; c < ins.at + 1 + ins.count; c += 1) {
      const cell = ws.getCell(r, c);
      cell.value = null;
      cell.style = {};
      cell.dataValidation = undefined as unknown as ExcelJS.DataValidation;
    }
  }
  if (!ins.rows) {
    for (let c = last; c >= ins.at + 1; c -= 1)
      ws.getColumn(c + ins.count).width = ws.getColumn(c).width ?? 9;
    // The new column takes the width of the one on its left, as in Excel.
    for (let c = ins.at + 1; c < ins.at + 1 + ins.count; c += 1)
      ws.getColumn(c).width = ws.getColumn(ins.at).width ?? 9;
  }
}

function merges(ws: ExcelJS.Worksheet): CellRange[] {
  return ((ws.model as { merges?: string[] }).merges ?? [])
    .map((m) => parseRange(m))
    .filter((m): m is CellRange => m !== null);
}

export function applyRolloverToWorksheet(
  ws: ExcelJS.Worksheet,
  roll: SheetRollover,
  symbols: readonly string[],
): void {
  let areas = merges(ws);
  for (const m of areas) ws.unMergeCells(rangeToA1(m));
  const last = lastColumn(ws);
  for (const ins of roll.insertions) {
    moveRight(ws, ins, last + roll.insertions.reduce((n, i) => n + i.count, 0));
    areas = areas.map((m) => shiftMerge(m, ins));
  }
  for (const copy of roll.formatCopies) {
    for (let r = copy.top + 1; r <= copy.bottom + 1; r += 1) {
      ws.getCell(r, copy.to + 1).style = JSON.parse(
        JSON.stringify(ws.getCell(r, copy.from + 1).style ?? {}),
      ) as Partial<ExcelJS.Style>;
    }
  }
  for (const change of roll.merges) {
    const from = change.from ? parseRange(change.from) : null;
    if (from) areas = areas.filter((m) => rangeToA1(m) !== rangeToA1(from));
    areas.push(parseRange(change.to)!);
  }
  for (const cell of [...roll.headers, ...roll.renames]) {
    const p = parseA1(cell.cell)!;
    // A string given to ExcelJS is always stored as text, never as a formula.
    ws.getCell(p.row + 1, p.col + 1).value = cell.value;
  }
  for (const m of areas) ws.mergeCells(rangeToA1(m));
  addMarkDropdowns(ws, roll.markRanges, symbols);
}

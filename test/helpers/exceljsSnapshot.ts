/**
 * ExcelJS workbook → grid snapshot: an independent reader the tests compare ours with (the product
 * reads with src/xlsx/package). Only cells that exist are visited, so a sheet claiming A1:XFD1048576 costs what it holds.
 */
import type ExcelJS from 'exceljs';
import {
  honouredOwnedSheets,
  isMarkerName,
  parseRange,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../src/core';

/** Cells read in total before a workbook is refused (protects memory on hostile files). */
export const MAX_CELLS = 5_000_000;

export class TooManyCellsError extends Error {
  constructor(readonly cells: number) {
    super(`more than ${MAX_CELLS} cells`);
    this.name = 'TooManyCellsError';
  }
}

type ExcelValue = ExcelJS.CellValue;

/** ExcelJS.ValueType.Merge; a type-only import cannot name the enum. */
const MERGE_CELL_TYPE = 1;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A cell's value as the snapshot holds it: formulas give their cached result, rich text its plain text. */
export function snapshotValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ('error' in value && typeof value.error === 'string') return { error: value.error };
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? snapshotValue(value.result as ExcelValue) : null;
  }
  if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
  if ('text' in value && isObject(value.text)) return snapshotValue(value.text as unknown as ExcelValue);
  return null;
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v === '');
}

/** Sheet names that the add-in's ownership markers point at. */
export function ownedSheetNames(workbook: ExcelJS.Workbook): string[] {
  const owned: string[] = [];
  const model = workbook.definedNames.model as ReadonlyArray<{ name: string; ranges: string[] }>;
  for (const entry of model) {
    if (!isMarkerName(entry.name)) continue;
    for (const range of entry.ranges) {
      const bang = range.lastIndexOf('!');
      if (bang <= 0) continue;
      let sheet = range.slice(0, bang);
      if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      if (!owned.includes(sheet)) owned.push(sheet);
    }
  }
  return honouredOwnedSheets(owned);
}

function sheetSnapshot(worksheet: ExcelJS.Worksheet, budget: { cells: number }): SheetSnapshot {
  const merges: CellRange[] = [];
  const mergeList = (worksheet.model as { merges?: string[] }).merges ?? [];
  for (const m of mergeList) {
    const r = parseRange(m);
    if (r) merges.push(r);
  }

  const cells: { row: number; col: number; value: CellValue; format: string | undefined }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      // ExcelJS repeats a merged area's value in its covered cells (type Merge); the file does not.
      if (cell.type === MERGE_CELL_TYPE) return;
      const value = snapshotValue(cell.value);
      if (isEmpty(value)) return;
      budget.cells += 1;
      if (budget.cells > MAX_CELLS) throw new TooManyCellsError(budget.cells);
      const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
      cells.push({ row: r, col: c, value, format });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const hidden = worksheet.state !== 'visible';
  if (cells.length === 0) return { name: worksheet.name, top: 0, left: 0, values: [], merges, hidden };

  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => []);
  let formats: string[][] | undefined;
  for (const cell of cells) {
    const rowValues = values[cell.row - top]!;
    while (rowValues.length < cell.col - left) rowValues.push(null);
    rowValues[cell.col - left] = cell.value;
    if (cell.format) {
      formats ??= Array.from({ length: bottom - top + 1 }, () => []);
      formats[cell.row - top]![cell.col - left] = cell.format;
    }
  }
  for (const rowValues of values)
    for (let i = 0; i < rowValues.length; i += 1) if (rowValues[i] === undefined) rowValues[i] = null;
  if (formats)
    for (const rowFormats of formats)
      for (let i = 0; i < rowFormats.length; i += 1) if (rowFormats[i] === undefined) rowFormats[i] = '';
  return {
    name: worksheet.name,
    top,
    left,
    values,
    ...(formats ? { numberFormats: formats } : {}),
    merges,
    hidden,
  };
}

export function snapshotFromExcelJs(workbook: ExcelJS.Workbook, file: string): WorkbookSnapshot {
  const budget = { cells: 0 };
  const sheets = workbook.worksheets.map((ws) => sheetSnapshot(ws, budget));
  return { file, sheets, ownedSheets: ownedSheetNames(workbook) };
}

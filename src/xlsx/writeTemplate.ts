/**
 * Department templates → ExcelJS sheets: cells, merges, formats, mark dropdowns, print settings, and
 * protection without a password that locks only the header and heading cells. No Node imports.
 */
import ExcelJS from 'exceljs';
import { addMarkDropdowns, forEachCell } from './markDropdowns';
import type { TemplateSheet } from '../core';
import { pageSetup, writeCellsAndFormats } from './writeWorkbook';

/** Sheet protection that still lets people add rows, format and sort: only the headers are guarded. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

export async function addTemplateSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet): Promise<void> {
  const ws = workbook.addWorksheet(sheet.name);
  writeCellsAndFormats(ws, sheet);
  for (const merge of sheet.merges) ws.mergeCells(merge);
  addMarkDropdowns(ws, sheet.markRanges, sheet.markSymbols);
  // The table's columns editable (rows people add inherit it), then the header and heading cells locked.
  sheet.columnWidths.forEach((_, i) => (ws.getColumn(i + 1).protection = { locked: false }));
  for (const range of sheet.lockedRanges)
    forEachCell(range, (r, c) => (ws.getCell(r, c).protection = { locked: true }));
  await ws.protect('', PROTECTION);
  ws.pageSetup = pageSetup(sheet.print);
}

/** One department's workbook. */
export async function templateWorkbook(sheet: TemplateSheet, creator: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  await addTemplateSheet(workbook, sheet);
  return workbook;
}

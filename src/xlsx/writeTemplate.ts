/**
 * Department templates → ExcelJS sheets, written as every sheet of the model is (writeSheet): cells,
 * merges, formats, mark dropdowns, print settings, and protection without a password that locks only
 * the header and heading cells. No Node imports.
 */
import ExcelJS from 'exceljs';
import type { TemplateSheet } from '../core';
import { writeSheet } from './writeWorkbook';

export function addTemplateSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet): Promise<void> {
  writeSheet(workbook.addWorksheet(sheet.name), sheet);
  return Promise.resolve();
}

/** One department's workbook. */
export async function templateWorkbook(sheet: TemplateSheet, creator: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  await addTemplateSheet(workbook, sheet);
  return workbook;
}

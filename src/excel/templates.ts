/**
 * Department templates as new sheets of the open workbook, in three round trips: (1) read the sheet
 * names and refuse if any is taken; (2) write every template under a temporary name — values, merges,
 * formats, widths, dropdowns, which cells stay editable, print setup; (3) give them their names and
 * lock the header cells (protection without a password, so people can unprotect when they must).
 * A failure removes the temporary sheets by name (temporarySheets.ts) and reports the original error:
 * no half-written template under a department's name.
 */
import {
  columnLetters,
  HostError,
  type CreateSheetsResult,
  takenSheetNames,
  type TemplateSheet,
} from '../core';
import { applyFormat, POINTS_PER_CHAR } from './applyPlan';
import { setMarkList } from './cells';
import { asExcelValue } from './cellText';
import type { ExcelEnv } from './env';
import { withTemporarySheets } from './temporarySheets';

/** What people may still do on a template whose headers are locked. */
export const TEMPLATE_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: true,
  allowSort: true,
  allowAutoFilter: true,
};

function writeTemplate(
  ws: Excel.Worksheet,
  sheet: TemplateSheet,
  has: { validation: boolean; pageLayout: boolean },
): void {
  const width = sheet.columnWidths.length;
  const values = sheet.values.map((row) => Array.from({ length: width }, (_, c) => asExcelValue(row[c])));
  ws.getRange(`A1:${columnLetters(width - 1)}${values.length}`).values = values;
  for (const merge of sheet.merges ?? []) ws.getRange(merge).merge(false);
  for (const f of sheet.formats) applyFormat(ws, f);
  sheet.columnWidths.forEach(
    (w, i) =>
      (ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * POINTS_PER_CHAR),
  );
  if (has.validation) {
    for (const dropdown of sheet.dropdowns ?? [])
      for (const range of dropdown.ranges) setMarkList(ws.getRange(range), dropdown.list, true);
  }
  ws.getRange(`A:${columnLetters(width - 1)}`).format.protection.locked = false;
  for (const range of sheet.protection?.lockedRanges ?? [])
    ws.getRange(range).format.protection.locked = true;
  if (has.pageLayout) {
    ws.pageLayout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}

export function createSheets(env: ExcelEnv, sheets: readonly TemplateSheet[]): Promise<CreateSheetsResult> {
  const has = {
    validation: env.isSetSupported('ExcelApi', '1.8'),
    pageLayout: env.isSetSupported('ExcelApi', '1.9'),
    protection: env.isSetSupported('ExcelApi', '1.2'),
  };
  return withTemporarySheets(env, async (context, addTemporary) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const protection = has.protection ? context.workbook.protection.load('protected') : null;
    await context.sync();
    // Sheets cannot be added to a workbook whose structure is protected: say so before trying.
    if (protection?.protected) throw new HostError('protected', 'workbook structure protected');
    const conflicts = takenSheetNames(
      worksheets.items.map((w) => w.name),
      sheets.map((s) => s.name),
    );
    if (conflicts.length > 0) throw new HostError('conflict', 'sheet exists', { sheets: conflicts });

    const created = sheets.map((sheet, i) => ({ sheet, ws: addTemporary(i) }));
    for (const { sheet, ws } of created) writeTemplate(ws, sheet, has);
    await context.sync();
    for (const { sheet, ws } of created) {
      ws.name = sheet.name;
      if (has.protection) ws.protection.protect(TEMPLATE_PROTECTION);
    }
    created[0]?.ws.activate();
    await context.sync();
    return { created: sheets.map((s) => s.name), protectedHeaders: has.protection };
  });
}

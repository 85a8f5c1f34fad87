/**
 * Department templates as new sheets of the open workbook, written as every sheet of the model is
 * (writeSheetsSwapped): (1) read the sheet names and refuse if any is taken; (2) write every template
 * under a temporary name; (3) give them their names and lock the header cells (protection without
 * a password, so people can unprotect when they must). A failure removes the temporary sheets and
 * reports the original error: no half-written template under a department's name.
 */
import { HostError, type CreateSheetsResult, takenSheetNames, type TemplateSheet } from '../core';
import type { ExcelEnv } from './env';
import { writeSheetsSwapped } from './temporarySheets';

export async function createSheets(
  env: ExcelEnv,
  sheets: readonly TemplateSheet[],
): Promise<CreateSheetsResult> {
  const protectedHeaders = await writeSheetsSwapped(env, sheets, {
    async check(context, has) {
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
      return has.protection;
    },
  });
  return { created: sheets.map((s) => s.name), protectedHeaders };
}

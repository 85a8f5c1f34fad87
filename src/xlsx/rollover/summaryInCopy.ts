/**
 * The summary added to a copy of one workbook: our sheets rendered on their own, then grafted into the
 * user's package (graft.ts), which keeps every part of theirs as it was — macros, furigana, styles,
 * names, drawings, custom properties. No Node imports.
 */
import ExcelJS from 'exceljs';
import { type WorkbookSnapshot, checkPlan, type WritePlan } from '../../core';
import { workbookWithPlan } from '../saveWorkbook';
import { PlanConflictError } from '../writeWorkbook';
import { graftSummary } from './graft';

export async function summaryInCopy(
  user: Uint8Array,
  plan: WritePlan,
  snapshot: Pick<WorkbookSnapshot, 'sheets' | 'ownedSheets'>,
): Promise<Uint8Array> {
  const check = checkPlan(plan, {
    sheetNames: snapshot.sheets.map((s) => s.name),
    ownedSheets: snapshot.ownedSheets,
  });
  if (check.conflicts.length > 0 || check.invalidNames.length > 0)
    throw new PlanConflictError(check.conflicts, check.invalidNames);
  // Ours is only an intermediate: stored, so that nothing is deflated and inflated again for nothing.
  const ours = await workbookWithPlan(new ExcelJS.Workbook(), plan, [], 'STORE');
  return graftSummary({
    user,
    ours,
    sheets: plan.sheets.map((s) => s.name),
    owned: snapshot.ownedSheets,
  });
}

/**
 * The summary added to a copy of one workbook: our sheets written directly (write/workbookPackage.ts)
 * into a package of ours, then grafted into the user's package (graft.ts), which keeps every part of
 * theirs as it was — macros, furigana, styles, names, drawings, custom properties. No Node imports.
 */
import { type WorkbookSnapshot, checkPlan, TOOL_NAME, type WritePlan } from '../../core';
import { PlanConflictError } from '../write/planConflict';
import { writeWorkbookPackage } from '../write/workbookPackage';
import { graftSummary } from './graft';

export function summaryInCopy(
  user: Uint8Array,
  plan: WritePlan,
  snapshot: Pick<WorkbookSnapshot, 'sheets' | 'ownedSheets'>,
): Uint8Array {
  const check = checkPlan(plan, {
    sheetNames: snapshot.sheets.map((s) => s.name),
    ownedSheets: snapshot.ownedSheets,
  });
  if (check.conflicts.length > 0 || check.invalidNames.length > 0)
    throw new PlanConflictError(check.conflicts, check.invalidNames);
  // Ours is only an intermediate: inline text (the user's shared strings stay theirs), stored parts.
  const ours = writeWorkbookPackage(plan.sheets, { owned: false, creator: TOOL_NAME, strings: 'inline' });
  return graftSummary({
    user,
    ours,
    sheets: plan.sheets.map((s) => s.name),
    owned: snapshot.ownedSheets,
  });
}

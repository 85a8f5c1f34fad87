/**
 * The summary added to a copy of one workbook: our sheets written directly (write/) and grafted into
 * the user's package (graft.ts), which keeps every part of
 * theirs as it was — macros, furigana, styles, names, drawings, custom properties. No Node imports.
 */
import { type WorkbookSnapshot, checkPlan, type WritePlan } from '../../core';
import { PlanConflictError } from '../write/planConflict';
import { graftSummary } from './graft';
import type { Deflate } from './zipWrite';

export function summaryInCopy(
  user: Uint8Array,
  plan: WritePlan,
  snapshot: Pick<WorkbookSnapshot, 'sheets' | 'ownedSheets'>,
  deflate?: Deflate,
): Uint8Array {
  const check = checkPlan(plan, {
    sheetNames: snapshot.sheets.map((s) => s.name),
    ownedSheets: snapshot.ownedSheets,
  });
  if (check.conflicts.length > 0 || check.invalidNames.length > 0)
    throw new PlanConflictError(check.conflicts, check.invalidNames);
  return graftSummary({
    user,
    sheets: plan.sheets,
    owned: snapshot.ownedSheets,
    ...(deflate ? { deflate } : {}),
  });
}

/**
 * Workbooks the CLI and the preview write from scratch, through the direct writer: a new workbook
 * holding a summary (several inputs), and one department's template. No Node imports.
 */
import { checkPlan, TOOL_NAME, type TemplateSheet, type WritePlan } from '../../core';
import { PlanConflictError } from './planConflict';
import { writeWorkbookPackage } from './workbookPackage';
import type { Deflate } from '../rollover/zipWrite';

/** A new workbook of the summary's sheets, each marked as the add-in's own. */
export function newSummaryWorkbook(plan: WritePlan, created?: string, deflate?: Deflate): Uint8Array {
  const check = checkPlan(plan, { sheetNames: [], ownedSheets: [] });
  if (check.conflicts.length > 0 || check.invalidNames.length > 0)
    throw new PlanConflictError(check.conflicts, check.invalidNames);
  return writeWorkbookPackage(plan.sheets, {
    owned: true,
    creator: TOOL_NAME,
    ...(created ? { created } : {}),
    ...(deflate ? { deflate } : {}),
  });
}

/** One department's template workbook. */
export function templateWorkbook(sheet: TemplateSheet, created?: string, deflate?: Deflate): Uint8Array {
  return writeWorkbookPackage([sheet], {
    owned: false,
    creator: TOOL_NAME,
    ...(created ? { created } : {}),
    ...(deflate ? { deflate } : {}),
  });
}

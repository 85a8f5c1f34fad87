/** Write plan → .xlsx bytes: ExcelJS for cells and formats, then the chart parts. No Node imports. */
import type ExcelJS from 'exceljs';
import type { WritePlan } from '../core';
import { addChartsToXlsx } from './charts';
import { writePlanToWorkbook } from './writeWorkbook';
import { disjointValidations } from './rollover/validations';

export async function workbookWithPlan(
  workbook: ExcelJS.Workbook,
  plan: WritePlan,
  owned: readonly string[],
  /** 'STORE' for a package that is only an intermediate (the graft copies its parts into another). */
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Uint8Array> {
  writePlanToWorkbook(workbook, plan, owned);
  // Stored, not deflated: the chart step opens the package again and compresses it once, at the end.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  return disjointValidations(await addChartsToXlsx(bytes, plan.sheets, compression));
}

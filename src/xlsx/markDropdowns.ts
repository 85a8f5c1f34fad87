/** Cell-range helpers for the sheets people fill (templates, rollover), ExcelJS side. No Node imports. */
import type ExcelJS from 'exceljs';
import { fewestRanges, parseRange } from '../core';

/** Visit every cell of an A1 range, 1-based as ExcelJS counts. */
export function forEachCell(address: string, visit: (row: number, col: number) => void): void {
  const range = parseRange(address);
  if (!range) return;
  for (let r = range.top; r <= range.bottom; r += 1)
    for (let c = range.left; c <= range.right; c += 1) visit(r + 1, c + 1);
}

/**
 * The mark list on these ranges; a warning, not a stop: a department may need to type a note the
 * list does not know. Written as one validation per range (the core gives the fewest disjoint
 * ones), not per cell: ExcelJS would regroup per-cell rules into rectangles that can overlap.
 */
export function addMarkDropdowns(
  ws: ExcelJS.Worksheet,
  ranges: readonly string[],
  symbols: readonly string[],
): void {
  const validation: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${symbols.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
  };
  // ExcelJS keeps validations by address; a range address is written as that one range.
  const store = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const range of fewestRanges(ranges)) store.add(range, { ...validation });
}

/** Cell-range helpers for the sheets people fill (templates, rollover), ExcelJS side. No Node imports. */
import type ExcelJS from 'exceljs';
import { parseRange } from '../core';

/** Visit every cell of an A1 range, 1-based as ExcelJS counts. */
export function forEachCell(address: string, visit: (row: number, col: number) => void): void {
  const range = parseRange(address);
  if (!range) return;
  for (let r = range.top; r <= range.bottom; r += 1)
    for (let c = range.left; c <= range.right; c += 1) visit(r + 1, c + 1);
}

/** The mark list on these ranges; a warning, not a stop: a department may need to type a note the list does not know. */
export function addMarkDropdowns(
  ws: ExcelJS.Worksheet,
  ranges: readonly string[],
  symbols: readonly string[],
): void {
  const list = `"${symbols.join(',')}"`;
  for (const range of ranges) {
    forEachCell(range, (r, c) => {
      ws.getCell(r, c).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'warning',
      };
    });
  }
}

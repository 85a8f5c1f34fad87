/** Small, confirmed edits: select a cell, write exactly the cells the user agreed to, install dropdowns. */
import { HostError, type CellEdit } from '../core';
import { asExcelValue } from './cellText';
import { type ExcelEnv, runBatch } from './env';
import { guarded } from './errors';

export function selectCell(env: ExcelEnv, sheet: string, cell: string): Promise<void> {
  return guarded(() =>
    runBatch(env, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    }),
  );
}

/**
 * Two round trips whatever the number of cells: read them all, then write them all — but only if
 * every cell still holds what the user saw when confirming.
 */
export function writeCells(env: ExcelEnv, edits: readonly CellEdit[]): Promise<void> {
  return guarded(() =>
    runBatch(env, async (context) => {
      const ranges = edits.map((edit) => {
        const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
        range.load('values');
        return { edit, range };
      });
      await context.sync();
      const changed = ranges.filter(
        ({ edit, range }) => String(range.values[0]?.[0] ?? '') !== edit.expected,
      );
      if (changed.length > 0) {
        throw new HostError('changedMeanwhile', 'cells changed', {
          cells: changed.map(({ edit }) => `${edit.sheet}!${edit.cell}`),
        });
      }
      for (const { edit, range } of ranges) range.values = [[asExcelValue(edit.value)]];
      await context.sync();
    }),
  );
}

/**
 * An in-cell list of the mark symbols on a range. `warn`: typing something else asks before keeping it
 * (new sheets); otherwise it is accepted silently (dropdowns added to a sheet people already fill).
 */
export function setMarkList(range: Excel.Range, symbols: readonly string[], warn: boolean): void {
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source: symbols.join(',') } };
  range.dataValidation.errorAlert = warn
    ? { showAlert: true, style: 'Warning', title: '', message: '' }
    : { showAlert: false, style: 'Information', title: '', message: '' };
}

export function installDropdowns(
  env: ExcelEnv,
  sheet: string,
  ranges: readonly string[],
  symbols: readonly string[],
): Promise<void> {
  if (!env.isSetSupported('ExcelApi', '1.8'))
    return Promise.reject(new HostError('notSupported', 'data validation', { feature: 'ExcelApi 1.8' }));
  return guarded(() =>
    runBatch(env, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const address of ranges) setMarkList(ws.getRange(address), symbols, false);
      await context.sync();
    }),
  );
}

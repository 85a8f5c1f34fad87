/**
 * A year rollover in the open workbook. Round trip 1 reads the cells the plan was made from and the
 * sheets' protection; if any cell changed since the preview, nothing is done. Round trip 2 inserts
 * the columns (Excel moves cells, merges and dropdowns), copies the last year's formats, writes the
 * new headers (and renames, when asked), grows the group headers' merges and installs the dropdowns.
 * A sheet protected without a password (our templates) is unprotected for the change and protected
 * again with its own options; one with a password is refused before anything is written.
 */
import { columnLetters, HostError, type RolloverPlan, type SheetRollover } from '../core';
import { type ExcelEnv, runBatch } from './env';
import { setMarkList } from './cells';
import { asExcelValue } from './cellText';
import { guarded } from './errors';

function applySheet(
  ws: Excel.Worksheet,
  roll: SheetRollover,
  symbols: readonly string[],
  has: { copyFormats: boolean; validation: boolean },
): void {
  for (const ins of roll.insertions) {
    // Addresses, not getRangeByIndexes (ExcelApi 1.7): the rollover runs from ExcelApi 1.4.
    const range = ins.rows
      ? ws.getRange(
          `${columnLetters(ins.at)}${ins.rows.top + 1}:${columnLetters(ins.at + ins.count - 1)}${ins.rows.bottom + 1}`,
        )
      : ws.getRange(`${columnLetters(ins.at)}:${columnLetters(ins.at + ins.count - 1)}`);
    range.insert('Right');
  }
  if (has.copyFormats) {
    for (const copy of roll.formatCopies) {
      const column = (col: number) =>
        `${columnLetters(col)}${copy.top + 1}:${columnLetters(col)}${copy.bottom + 1}`;
      ws.getRange(column(copy.to)).copyFrom(ws.getRange(column(copy.from)), 'Formats');
    }
  }
  for (const merge of roll.merges) {
    if (merge.from) ws.getRange(merge.from).unmerge();
    ws.getRange(merge.to).merge(false);
  }
  for (const cell of [...roll.headers, ...roll.renames])
    ws.getRange(cell.cell).values = [[asExcelValue(cell.value)]];
  if (has.validation) {
    for (const address of roll.markRanges) setMarkList(ws.getRange(address), symbols, true);
  }
}

export function applyRollover(env: ExcelEnv, plan: RolloverPlan, symbols: readonly string[]): Promise<void> {
  const has = {
    copyFormats: env.isSetSupported('ExcelApi', '1.9'),
    validation: env.isSetSupported('ExcelApi', '1.8'),
  };
  return guarded(() =>
    runBatch(env, async (context) => {
      const sheets = plan.sheets.map((roll) => {
        const ws = context.workbook.worksheets.getItem(roll.sheet);
        ws.protection.load('protected,options');
        const checks = roll.checks.map((check) => ({ check, range: ws.getRange(check.cell).load('values') }));
        return { roll, ws, checks };
      });
      await context.sync();
      const changed = sheets.flatMap(({ roll, checks }) =>
        checks
          .filter(({ check, range }) => String(range.values[0]?.[0] ?? '').trim() !== check.from)
          .map(({ check }) => `${roll.sheet}!${check.cell}`),
      );
      if (changed.length > 0) throw new HostError('changedMeanwhile', 'cells changed', { cells: changed });

      const locked = sheets
        .filter(({ ws }) => ws.protection.protected)
        .map(({ ws, roll }) => ({ ws, name: roll.sheet, options: ws.protection.options }));
      if (locked.length > 0) {
        for (const { ws } of locked) ws.protection.unprotect();
        try {
          await context.sync();
        } catch {
          // A password we do not know: protect again what did get unprotected, and write nothing.
          for (const { ws } of locked) ws.protection.load('protected');
          await context.sync().catch(() => undefined);
          for (const { ws, options } of locked) if (!ws.protection.protected) ws.protection.protect(options);
          await context.sync().catch(() => undefined);
          throw new HostError('protected', 'protected', { sheets: locked.map((l) => l.name) });
        }
      }
      for (const { ws, roll } of sheets) applySheet(ws, roll, symbols, has);
      for (const { ws, options } of locked) ws.protection.protect(options);
      await context.sync();
    }),
  );
}

/**
 * The whole workbook as grid snapshots, in two round trips whatever the number of sheets and rows:
 * (1) sheet names and visibility, defined names; (2) every sheet's used range, values, number
 * formats and value types (to tell error values), and merged areas where ExcelApi 1.13 allows.
 * Values come in en-US semantics: dates as serial numbers.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/grid';
import { parseRange } from '../core/grid';
import { isMarkerName } from '../core/ownership';
import { type ExcelEnv, runBatch } from './env';
import { guarded } from './errors';
import { parseAreas, splitAddress } from './references';

function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'Error' && typeof value === 'string') return { error: value };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Sheets named by the add-in's ownership markers (workbook-scoped names referring to a sheet). */
export function ownedFromNames(names: readonly { name: string; value: unknown }[]): string[] {
  const owned: string[] = [];
  for (const item of names) {
    if (!isMarkerName(item.name) || typeof item.value !== 'string') continue;
    const ref = splitAddress(item.value);
    if (ref && !owned.includes(ref.sheet)) owned.push(ref.sheet);
  }
  return owned;
}

export function readSnapshot(env: ExcelEnv, file: string): Promise<WorkbookSnapshot> {
  const merges = env.isSetSupported('ExcelApi', '1.13');
  return guarded(() =>
    runBatch(env, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const names = context.workbook.names;
      names.load('items/name,items/value');
      await context.sync();

      const reads = worksheets.items.map((sheet) => {
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load('address,values,numberFormat,valueTypes');
        const merged = merges ? used.getMergedAreasOrNullObject() : null;
        if (merged) merged.load('address');
        return { sheet, used, merged };
      });
      await context.sync();

      const sheets: SheetSnapshot[] = reads.map(({ sheet, used, merged }) => {
        const hidden = sheet.visibility !== 'Visible';
        if (used.isNullObject) return { name: sheet.name, top: 0, left: 0, values: [], merges: [], hidden };
        const ref = splitAddress(used.address);
        const range = ref ? parseRange(ref.range) : null;
        const types = used.valueTypes;
        const values = used.values.map((row, r) => row.map((v, c) => toCellValue(v, types[r]?.[c])));
        const areas = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
        return {
          name: sheet.name,
          top: range?.top ?? 0,
          left: range?.left ?? 0,
          values,
          numberFormats: used.numberFormat.map((row) => row.map((f) => (f === 'General' ? '' : String(f)))),
          merges: areas,
          hidden,
        };
      });
      return { file, sheets, ownedSheets: ownedFromNames(names.items.map((n) => ({ name: n.name, value: n.value }))) };
    }),
  );
}

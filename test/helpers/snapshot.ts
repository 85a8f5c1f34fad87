import { parseRange, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/grid';

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges?: string[];
  hidden?: boolean;
  top?: number;
  left?: number;
}

/** An in-memory sheet snapshot, for core tests that need no file. */
export function sheet(spec: SheetSpec): SheetSnapshot {
  return {
    name: spec.name,
    top: spec.top ?? 0,
    left: spec.left ?? 0,
    values: spec.rows,
    merges: (spec.merges ?? []).map((m) => parseRange(m)!),
    hidden: spec.hidden ?? false,
  };
}

export function workbook(file: string, sheets: SheetSpec[], ownedSheets: string[] = []): WorkbookSnapshot {
  return { file, sheets: sheets.map(sheet), ownedSheets };
}

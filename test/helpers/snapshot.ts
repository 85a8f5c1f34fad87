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

/** The snapshot of an example workbook, read as the CLI reads it. */
export async function exampleSnapshot(path = 'examples/kasama-r2.xlsx'): Promise<WorkbookSnapshot> {
  const { readFileSync } = await import('node:fs');
  const { readWorkbookBuffer } = await import('../../src/xlsx/readWorkbookBuffer');
  const outcome = await readWorkbookBuffer(readFileSync(path), path.split('/').pop()!);
  if (!outcome.ok) throw new Error(`cannot read ${path}`);
  return outcome.snapshot;
}

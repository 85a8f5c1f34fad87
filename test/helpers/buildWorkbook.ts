/** Writing real .xlsx fixtures for tests, and running the CLI in-process. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { writeFileSafely } from '../../src/cli/safeWrite';

export type FixtureValue =
  string | number | boolean | Date | null | { formula: string; result: string | number } | { error: string };

export interface FixtureSheet {
  name: string;
  rows: FixtureValue[][];
  merges?: string[];
  hidden?: boolean;
  /** Top-left cell of `rows` (default A1). */
  origin?: string;
  /** Number formats by A1 address. */
  numberFormats?: Record<string, string>;
}

export function tmpDir(prefix = 'rp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function buildWorkbook(
  path: string,
  sheets: FixtureSheet[],
  definedNames: [string, string][] = [],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    const origin = ws.getCell(spec.origin ?? 'A1');
    const r0 = Number(origin.row);
    const c0 = Number(origin.col);
    spec.rows.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null) return;
        ws.getCell(r0 + i, c0 + j).value = value as ExcelJS.CellValue;
      }),
    );
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const [address, format] of Object.entries(spec.numberFormats ?? {}))
      ws.getCell(address).numFmt = format;
  }
  for (const [name, range] of definedNames) wb.definedNames.add(range, name);
  await wb.xlsx.writeFile(path);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string | Uint8Array>;
}

export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string | Uint8Array>();
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
    env,
    writeFile: async (path, data, guard) => {
      await writeFileSafely(path, data, guard);
      files.set(path, data);
    },
    now: () => '2026-11-24T00:00:00.000Z',
  };
  const code = await main(args, io);
  return { code, stdout, stderr, files };
}

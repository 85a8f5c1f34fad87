/**
 * The department templates as written to .xlsx, against a golden file captured before templates
 * became sheets of the one sheet-content model (issue 17): every cell's value, the merged cells, the
 * dropdowns, the sheet protection and which cells stay locked. A writer or layout refactor must leave
 * them unchanged; a change made on purpose regenerates the file and shows up in review as its diff.
 *
 * Regenerate (only when a change of the templates is intended):
 *   npm run golden:update   (UPDATE_GOLDEN=1 jest test/golden)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { rangeToA1 } from '../../src/core';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const GOLDEN = join(__dirname, 'templates.json');
const RUNS = {
  plan: ['--plan', 'examples/plans/kasama-4th-plan.json'],
  workbook: ['--from', 'examples/kasama-r2.xlsx', '--years', 'R4-R8'],
} as const;

interface TemplateFacts {
  cells: Record<string, string | number | boolean>;
  merges: string[];
  dropdowns: Record<string, unknown>;
  protection: unknown;
  /** Runs of locked cells, row by row (`A5:V6`), within the sheet's used range. */
  locked: string[];
}

function lockedRuns(sheet: ExcelJS.Worksheet): string[] {
  const runs: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    let from: number | null = null;
    for (let c = 1; c <= sheet.columnCount + 1; c += 1) {
      const locked = c <= sheet.columnCount && sheet.getCell(r, c).protection?.locked !== false;
      if (locked && from === null) from = c;
      if (!locked && from !== null) {
        runs.push(rangeToA1({ top: r - 1, left: from - 1, bottom: r - 1, right: c - 2 }));
        from = null;
      }
    }
  }
  return runs;
}

async function facts(file: string): Promise<TemplateFacts> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const cells: TemplateFacts['cells'] = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = cell.value;
      if (value !== null && value !== undefined) cells[cell.address] = value as string | number | boolean;
    }),
  );
  const model = sheet.model as unknown as { merges?: string[]; dataValidations?: Record<string, unknown> };
  return {
    cells,
    merges: [...(model.merges ?? [])].sort(),
    dropdowns: (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
      .model,
    protection: (sheet as unknown as { sheetProtection: unknown }).sheetProtection ?? null,
    locked: lockedRuns(sheet),
  };
}

async function templates(): Promise<Record<string, Record<string, TemplateFacts>>> {
  const out: Record<string, Record<string, TemplateFacts>> = {};
  for (const [run, args] of Object.entries(RUNS)) {
    const dir = join(tmpDir(), run);
    const result = await runCli(['template', ...args, '--out', dir]);
    expect(result.code).toBe(0);
    out[run] = {};
    for (const file of readdirSync(dir).sort()) out[run][file] = await facts(join(dir, file));
  }
  return out;
}

test('the example templates have exactly the golden cells, merges, dropdowns and protection', async () => {
  const actual = await templates();
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
  expect(existsSync(GOLDEN)).toBe(true);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof actual;
  expect(Object.keys(actual)).toEqual(Object.keys(golden));
  for (const run of Object.keys(golden)) {
    expect(Object.keys(actual[run]!)).toEqual(Object.keys(golden[run]!));
    for (const file of Object.keys(golden[run]!))
      expect([run, file, actual[run]![file]]).toEqual([run, file, golden[run]![file]]);
  }
});

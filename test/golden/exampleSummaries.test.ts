/**
 * The example summaries, cell value by cell value, against a golden file captured from the code before
 * the issue-17 restructuring. A refactor must leave every value of every sheet the summary writes
 * unchanged; a change of layout made on purpose regenerates the file and shows up in review as its diff.
 *
 * Regenerate (only when a change of the summary's content is intended):
 *   npm run golden:update   (UPDATE_GOLDEN=1 jest test/golden)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const GOLDEN = join(__dirname, 'example-summaries.json');
const EXAMPLES = ['examples/kasama-r2.xlsx', 'examples/departments'] as const;
const LANGS = ['ja', 'en'] as const;

type CellValues = Record<string, string | number | boolean>;

/** Every non-empty cell of every sheet the run added, as A1 → value (formulas never occur). */
async function writtenSheets(
  outFile: string,
  inputSheets: ReadonlySet<string>,
): Promise<Record<string, CellValues>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(outFile);
  const sheets: Record<string, CellValues> = {};
  workbook.eachSheet((sheet) => {
    if (inputSheets.has(sheet.name)) return;
    const cells: CellValues = {};
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value === null || value === undefined) return;
        if (typeof value === 'object') {
          const text = 'text' in value ? value.text : 'richText' in value ? value.richText : value;
          cells[cell.address] = JSON.stringify(text);
        } else cells[cell.address] = value as string | number | boolean;
      }),
    );
    sheets[sheet.name] = cells;
  });
  return sheets;
}

async function inputSheetNames(path: string): Promise<Set<string>> {
  if (!path.endsWith('.xlsx')) return new Set();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return new Set(workbook.worksheets.map((s) => s.name));
}

async function summaries(): Promise<Record<string, Record<string, CellValues>>> {
  const dir = tmpDir();
  const out: Record<string, Record<string, CellValues>> = {};
  for (const path of EXAMPLES)
    for (const lang of LANGS) {
      const file = join(dir, `${lang}-${path.replace(/\W+/g, '_')}.xlsx`);
      const run = await runCli(['summarize', path, '--lang', lang, '--out', file]);
      expect(run.code).toBe(0);
      out[`${path} --lang ${lang}`] = await writtenSheets(file, await inputSheetNames(path));
    }
  return out;
}

test('the example summaries have exactly the golden cell values', async () => {
  const actual = await summaries();
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  expect(existsSync(GOLDEN)).toBe(true);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof actual;
  expect(Object.keys(actual)).toEqual(Object.keys(golden));
  for (const run of Object.keys(golden)) {
    expect(Object.keys(actual[run]!)).toEqual(Object.keys(golden[run]!));
    for (const sheet of Object.keys(golden[run]!))
      expect([run, sheet, actual[run]![sheet]]).toEqual([run, sheet, golden[run]![sheet]]);
  }
});

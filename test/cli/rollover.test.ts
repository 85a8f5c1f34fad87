/**
 * reform-progress rollover on the example workbook: R3 columns in every table, read back as H30–R3;
 * every other cell where it was (moved one column right when right of the insertion), nothing else changed.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

interface Json {
  year: string;
  items: number;
  years: { year: string; items: number; progress: { numerator: number; denominator: number } }[];
  findings: { code: string; cell: string }[];
}

async function cells(path: string): Promise<Map<string, Map<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, Map<string, string>>();
  for (const ws of wb.worksheets) {
    const map = new Map<string, string>();
    // Cells covered by a merge repeat its value in ExcelJS; the file holds the value once.
    ws.eachRow((row, r) =>
      row.eachCell(
        (cell, c) =>
          cell.type !== ExcelJS.ValueType.Merge && map.set(`${r},${c}`, JSON.stringify(cell.value)),
      ),
    );
    out.set(ws.name, map);
  }
  return out;
}

test('kasama-r2.xlsx: R3 after R2 in all 11 tables; read back as H30–R3; the rest of the sheet only moved', async () => {
  const out = join(tmpDir(), 'r3.xlsx');
  const run = await runCli(['rollover', 'examples/kasama-r2.xlsx', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('11表に R3 の列を追加');

  const r3 = JSON.parse((await runCli(['validate', out, '--year', 'R3', '--json', '-'])).stdout) as Json & {
    years: string[];
  };
  const missing = r3.findings.filter((f) => f.code === 'mark.missing');
  expect(missing).toHaveLength(68);
  expect(missing.every((f) => /^F\d+$/.test(f.cell))).toBe(true);

  // The R2 figures are unchanged, and R3 is not reported while it has no marks.
  const summary = JSON.parse((await runCli(['summarize', out, '--json', '-'])).stdout) as Json;
  expect(summary.year).toBe('R2');
  expect(summary.findings.filter((f) => f.code === 'mark.missing')).toEqual([]);
  expect(summary.years.map((y) => [y.year, y.items, y.progress.numerator])).toEqual([
    ['H30', 68, 57],
    ['R1', 68, 58],
    ['R2', 70, 53],
  ]);

  const before = await cells('examples/kasama-r2.xlsx');
  const after = await cells(out);
  // The history sheet has no plan table: untouched, cell by cell.
  expect(after.get('進捗状況の推移')).toEqual(before.get('進捗状況の推移'));
  // The plan sheet: every cell right of column E moved one column right; the new column F holds only the R3 headers.
  const moved = new Map<string, string>();
  for (const [key, value] of before.get('令和2年度実績')!) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    moved.set(`${r},${c >= 6 ? c + 1 : c}`, value);
  }
  const added = [...after.get('令和2年度実績')!].filter(([key]) => !moved.has(key));
  expect(added.every(([key, value]) => key.endsWith(',6') && value === '"R3"')).toBe(true);
  expect(added).toHaveLength(11);
  for (const [key, value] of moved) expect([key, after.get('令和2年度実績')!.get(key)]).toEqual([key, value]);
});

test('--rename-headers renames the year-bearing headers; no table to roll and a bad --out are refused', async () => {
  const out = join(tmpDir(), 'r3.xlsx');
  const run = await runCli(['rollover', 'examples/kasama-r2.xlsx', '--out', out, '--rename-headers'], {
    LANG: 'en',
  });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('L6: "具体的な取組結果(R2)" → "具体的な取組結果(R3)"');
  expect(run.stdout).toContain('M6: "令和3年度の取組計画" → "令和4年度の取組計画"');
  expect(
    (await runCli(['rollover', 'examples/kasama-r2.xlsx', '--out', 'examples/kasama-r2.xlsx'])).code,
  ).toBe(2);
  expect(
    (await runCli(['rollover', 'examples/kasama-r2.xlsx', 'examples/kasama-r2.xlsx', '--out', out])).code,
  ).toBe(2);
  const none = await runCli([
    'rollover',
    'examples/data/published-figures.json',
    '--out',
    join(tmpDir(), 'x.xlsx'),
  ]);
  expect(none.code).toBe(2);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeSamples } from '../../scripts/make-samples';
import { loadSeed, seedOwners } from '../../scripts/samples/seed';
import { tmpDir } from '../helpers/buildWorkbook';

async function cellsOf(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`# ${ws.name} ${ws.state}`);
    ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r},${c}=${JSON.stringify(cell.value)}`)));
    out.push(`merges ${JSON.stringify((ws.model as { merges?: string[] }).merges ?? [])}`);
  });
  return out;
}

test('the committed examples are what the generator makes now', async () => {
  const dir = tmpDir();
  await makeSamples(dir);
  expect(await cellsOf(join(dir, 'kasama-r2.xlsx'))).toEqual(await cellsOf('examples/kasama-r2.xlsx'));
  const names = readdirSync('examples/departments').sort();
  expect(readdirSync(join(dir, 'departments')).sort()).toEqual(names);
  for (const name of names) {
    expect(await cellsOf(join(dir, 'departments', name))).toEqual(
      await cellsOf(join('examples/departments', name)),
    );
  }
  expect(await cellsOf(join(dir, 'other-cities', 'sabc-r5.xlsx'))).toEqual(
    await cellsOf('examples/other-cities/sabc-r5.xlsx'),
  );
  expect(readFileSync(join(dir, 'plans', 'kasama-4th-plan.json'), 'utf8')).toBe(
    readFileSync('examples/plans/kasama-4th-plan.json', 'utf8'),
  );
});

test('kasama-r2.xlsx has the published layout and the hand-typed history table', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('examples/kasama-r2.xlsx');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['令和2年度実績', '進捗状況の推移']);
  const main = wb.getWorksheet('令和2年度実績')!;
  let items = 0;
  main.eachRow((row) => {
    if (/^[\u2460-\u2473]$/.test(String(row.getCell(1).value ?? ''))) items += 1;
  });
  expect(items).toBe(70);
  const merges = (main.model as { merges: string[] }).merges;
  // Ten measures, one split by a page break: eleven tables, each with 進捗状況 merged over three years.
  expect(merges.filter((m) => /^C\d+:E\d+$/.test(m))).toHaveLength(11);
  const history = wb.getWorksheet('進捗状況の推移')!;
  const rows: unknown[][] = [];
  history.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(['計画どおり', 36, 32, 34, 27]);
  expect(rows).toContainEqual(['ほぼ計画どおり', '—', 11, 16, 17]);
  expect(rows).toContainEqual(['進捗率', 0.765, 0.824, 0.882, 0.757]);
});

test("the department files hold every seed item, the two-owner item in both owners' files", () => {
  const seed = loadSeed();
  expect(seed).toHaveLength(70);
  const departments = new Set(seed.flatMap((i) => seedOwners(i).map((o) => o.department)));
  expect(
    readdirSync('examples/departments')
      .map((n) => n.replace(/\.xlsx$/, ''))
      .sort(),
  ).toEqual([...departments].sort());
  const twoOwners = seed.filter((i) => seedOwners(i).length === 2);
  expect(twoOwners.map((i) => i.name)).toEqual(['タブレット端末による効率的な会議の推進']);
});

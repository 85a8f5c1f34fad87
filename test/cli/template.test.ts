/**
 * reform-progress template: from the example plan definition (the 4th plan) and from an existing
 * workbook, one workbook per department in the layout the reader understands; filled with the seed's
 * marks, they summarize to the published figures.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseRange } from '../../src/core';
import { loadSeed } from '../../scripts/samples/seed';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const PLAN = 'examples/plans/kasama-4th-plan.json';

interface Json {
  year: string;
  items: number;
  years: {
    year: string;
    items: number;
    counts: Record<string, number>;
    progress: { numerator: number; denominator: number };
  }[];
  groups: Record<'policy', { key: string; items: number }[]>;
  findings: { code: string; severity: string; file: string; cell: string }[];
}

async function makeTemplates(args: string[]): Promise<string> {
  const out = join(tmpDir(), 'templates');
  const run = await runCli(['template', ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

/** Puts each item's R2 mark from the seed into the R4 column of the templates, as a department would. */
async function fillWithSeedMarks(dir: string): Promise<number> {
  const seed = new Map(loadSeed().map((s) => [s.name.replace('【重点】', ''), s.R2]));
  let filled = 0;
  for (const file of readdirSync(dir)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file));
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      const name = String(row.getCell(2).value ?? '').replace('【重点】', '');
      const mark = seed.get(name);
      if (mark !== undefined && row.getCell(3).value === null) {
        row.getCell(3).value = mark;
        filled += 1;
      }
    });
    await wb.xlsx.writeFile(join(dir, file));
  }
  return filled;
}

test('from the example plan: one workbook per department, read back with only the missing R4 marks to report', async () => {
  const dir = await makeTemplates(['--plan', PLAN]);
  expect(readdirSync(dir).sort()).toEqual(
    [
      '上下水道部',
      '保健福祉部',
      '市民生活部',
      '市立病院',
      '市長公室',
      '教育委員会',
      '消防本部',
      '総務部',
      '都市建設部',
    ]
      .map((d) => `${d}.xlsx`)
      .sort(),
  );
  const run = await runCli(['validate', dir, '--year', 'R4', '--json', '-']);
  const json = JSON.parse(run.stdout) as Json;
  const codes = new Map<string, number>();
  for (const f of json.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  // The two-owner item is in both departments' templates and is counted once (information, as for the samples).
  expect(Object.fromEntries(codes)).toEqual({ 'mark.missing': 70, 'item.duplicate': 1 });
  expect(json.findings.filter((f) => f.code === 'mark.missing').every((f) => f.cell.startsWith('C'))).toBe(
    true,
  );

  // The layout: 進捗状況 over R4…R8, dropdowns on the mark cells, headers locked, input cells not.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, '市長公室.xlsx'));
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(6).values as unknown[];
  expect(header.slice(1, 8)).toEqual([
    '番号',
    '実施項目',
    '進捗状況',
    '進捗状況',
    '進捗状況',
    '進捗状況',
    '進捗状況',
  ]);
  expect((ws.getRow(7).values as unknown[]).slice(3, 8)).toEqual(['R4', 'R5', 'R6', 'R7', 'R8']);
  expect(ws.getCell('C8').dataValidation).toMatchObject({ type: 'list', formulae: ['"◎,○,□,▲,終了"'] });
  // Locked is Excel's default: a cell without a protection style is locked.
  expect(ws.getCell('C6').protection?.locked ?? true).toBe(true);
  expect(ws.getCell('C8').protection?.locked).toBe(false);
  expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  expect(ws.pageSetup.orientation).toBe('landscape');
});

test('filled with the seed marks, the templates summarize to the published R4 figures (the seed R2: 9 / 25 / 17 / 17 / 2, 53/70)', async () => {
  const dir = await makeTemplates(['--plan', PLAN]);
  // 71 rows: the two-owner item is filled in both departments' sheets.
  expect(await fillWithSeedMarks(dir)).toBe(71);
  const run = await runCli(['summarize', dir, '--json', '-']);
  const json = JSON.parse(run.stdout) as Json;
  expect(json.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(json).toMatchObject({ year: 'R4', items: 70 });
  // The plan's later years are its future, not its history.
  expect(json.years.map((y) => y.year)).toEqual(['R4']);
  expect(json.years[0]).toMatchObject({
    items: 70,
    counts: { ahead: 9, onPlan: 25, nearlyOnPlan: 17, behind: 17, ended: 2 },
    progress: { numerator: 53, denominator: 70 },
  });
  expect(json.groups.policy.map((g) => [g.key, g.items])).toEqual([
    ['時代の変化に対応した仕組み改革', 33],
    ['新たな働き方への環境整備', 4],
    ['健全な財政運営', 33],
  ]);
});

test('from an existing workbook: the next plan takes its policies, measures, items and owners', async () => {
  const dir = await makeTemplates([
    '--from',
    'examples/kasama-r2.xlsx',
    '--years',
    'R4-R8',
    '--title',
    '第4次実施計画',
  ]);
  expect(readdirSync(dir)).toHaveLength(9);
  const run = await runCli(['validate', dir, '--year', 'R4', '--json', '-']);
  const json = JSON.parse(run.stdout) as Json & { items: number };
  expect(json.items).toBe(70);
  expect(new Set(json.findings.map((f) => f.code))).toEqual(new Set(['mark.missing', 'item.duplicate']));
});

test('existing files are never overwritten: a second run into the same folder writes nothing', async () => {
  const dir = await makeTemplates(['--plan', PLAN]);
  const file = join(dir, '総務部.xlsx');
  writeFileSync(file, 'a department already started here');
  const before = statSync(file).mtimeMs;
  const run = await runCli(['template', '--plan', PLAN, '--out', dir]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('総務部.xlsx');
  expect(run.stderr).toContain('上書きしません');
  expect(statSync(file).mtimeMs).toBe(before);
});

test('usage: one source, a valid plan and years, an --out folder', async () => {
  expect((await runCli(['template', '--out', tmpDir()])).code).toBe(2);
  expect(
    (await runCli(['template', '--plan', PLAN, '--from', 'examples/kasama-r2.xlsx', '--out', tmpDir()])).code,
  ).toBe(2);
  expect(
    (await runCli(['template', '--from', 'examples/kasama-r2.xlsx', '--out', tmpDir()])).stderr,
  ).toContain('--years');
  const bad = join(tmpDir(), 'plan.json');
  writeFileSync(bad, JSON.stringify({ title: 'x', years: 'R8-R4', policies: [] }));
  const run = await runCli(['template', '--plan', bad, '--out', tmpDir()], { LANG: 'en' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`plan definition ${bad} is invalid: policies`);
  const years = await runCli(['template', '--plan', PLAN, '--years', 'R4-R99', '--out', tmpDir()]);
  expect(years.code).toBe(2);
});

test('a template rolls over like any plan sheet: R9 after R8, with its own 計画 / 実績 pair', async () => {
  const dir = await makeTemplates(['--plan', PLAN]);
  const out = join(tmpDir(), 'r9.xlsx');
  expect((await runCli(['rollover', join(dir, '消防本部.xlsx'), '--out', out])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0]!;
  const headerRow = [...Array(ws.rowCount).keys()]
    .map((i) => i + 1)
    .find((r) => ws.getCell(r, 1).value === '番号')!;
  expect((ws.getRow(headerRow + 1).values as unknown[]).slice(3, 9)).toEqual([
    'R4',
    'R5',
    'R6',
    'R7',
    'R8',
    'R9',
  ]);
  const top = (ws.getRow(headerRow).values as unknown[]).filter(
    (v) => typeof v === 'string' && v.endsWith('年度'),
  );
  expect([...new Set(top)]).toEqual([
    '令和4年度',
    '令和5年度',
    '令和6年度',
    '令和7年度',
    '令和8年度',
    '令和9年度',
  ]);
  const run = await runCli(['validate', out, '--year', 'R9', '--json', '-']);
  const json = JSON.parse(run.stdout) as Json;
  expect(json.findings.map((f) => f.code)).toEqual(['mark.missing', 'mark.missing']);
  expect(json.findings.every((f) => f.cell.startsWith('H'))).toBe(true);
});

test('every template holds one dropdown range per table: no overlapping or split data validations', async () => {
  const out = await makeTemplates(['--plan', PLAN]);
  const JSZip = (await import('jszip')).default;
  let checked = 0;
  for (const file of readdirSync(out).filter((f) => f.endsWith('.xlsx'))) {
    const zip = await JSZip.loadAsync(readFileSync(join(out, file)));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(' '),
    );
    const rects = ranges.map((r) => parseRange(r)!);
    // The tables are those the sheet's header rows start: one range each, none touching another.
    const tables =
      [...xml.matchAll(/<c r="B\d+"[^>]*t="inlineStr"><is><t>実施項目<\/t>/g)].length || rects.length;
    expect(rects.length).toBe(tables);
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b) => {
        const apart = a.right < b.left || b.right < a.left || a.bottom + 1 < b.top || b.bottom + 1 < a.top;
        expect(apart).toBe(true);
      }),
    );
    checked += 1;
  }
  expect(checked).toBeGreaterThan(5);
});

import { analyse } from '../../../src/core/analyse';
import { generateSummary } from '../../../src/core/flows/generateSummary';
import { resolveRange } from '../../../src/xlsx/chartXml';
import { checkPlan } from '../../../src/core/ownership';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { WorkbookSnapshot } from '../../../src/core/grid';
import type { PlanSheet, WritePlan } from '../../../src/core/writePlan';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  const outcome = await readWorkbookFile('examples/kasama-r2.xlsx', 'examples/kasama-r2.xlsx');
  if (!outcome.ok) throw new Error('example unreadable');
  kasama = outcome.snapshot;
});

function plan(lang: 'ja' | 'en' = 'ja', workbooks = [kasama]): WritePlan {
  const result = generateSummary({
    workbooks,
    settings: DEFAULT_SETTINGS,
    lang,
    now: '2026-11-24T00:00:00Z',
    linkableFile: 'examples/kasama-r2.xlsx',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

const sheet = (p: WritePlan, name: string): PlanSheet => p.sheets.find((s) => s.name === name)!;

test("every sheet is an owned name and none collides with the user's sheets", () => {
  const p = plan();
  expect(p.sheets.map((s) => s.name)).toEqual([
    'RP_集計表',
    'RP_推移',
    'RP_内訳',
    'RP_遅れ・終了',
    'RP_指標',
    'RP_項目一覧',
    'RP_検証結果',
    'RP_出典',
  ]);
  const check = checkPlan(p, { sheetNames: kasama.sheets.map((s) => s.name), ownedSheets: [] });
  expect(check).toEqual({ conflicts: [], invalidNames: [], replaced: [], stale: [] });
});

test('the summary sheet holds the R2 figures, the published style and the rule', () => {
  const s = sheet(plan(), 'RP_集計表');
  const rows = s.values;
  const find = (label: string, from = 0) => rows.findIndex((r, i) => i >= from && r[1] === label);
  expect(rows[find('進んでいる')]!.slice(0, 3)).toEqual(['◎', '進んでいる', 9]);
  expect(rows[find('計画どおり')]![2]).toBe(25);
  const published = rows.findIndex((r) => r[0] === '公表資料の形式（終了の扱いを反映）');
  expect(rows[find('計画どおり', published)]![2]).toBe(27);
  const rate = rows.find((r) => typeof r[0] === 'number')!;
  expect(rate[0]).toBeCloseTo(53 / 70, 10);
  expect(rate.slice(1)).toEqual([53, 70, '「終了」は「計画どおり」として計上（公表資料の方法）']);
});

test('chart ranges point at the cells that hold the figures', () => {
  const p = plan();
  const doughnut = sheet(p, 'RP_集計表').charts[0]!;
  expect(resolveRange(sheet(p, 'RP_集計表'), doughnut.categories)).toEqual([
    '進んでいる',
    '計画どおり',
    'ほぼ計画どおり（計画の8割以上）',
    '遅れている',
    '終了',
  ]);
  expect(resolveRange(sheet(p, 'RP_集計表'), doughnut.series[0]!.values)).toEqual([9, 25, 17, 17, 2]);
  const history = sheet(p, 'RP_推移');
  const line = history.charts.find((c) => c.type === 'line')!;
  expect(resolveRange(history, line.categories)).toEqual(['平成30年度', '令和元年度', '令和2年度']);
  expect(
    (resolveRange(history, line.series[0]!.values) as number[]).map((r) => Math.round(r * 1000)),
  ).toEqual([838, 853, 757]);
  const bars = sheet(p, 'RP_内訳').charts[0]!;
  expect(resolveRange(sheet(p, 'RP_内訳'), bars.categories)[0]).toBe('市長公室');
});

test('English labels, the same sheet names; rates formatted as 0.0 %; no formulas anywhere', () => {
  const en = plan('en');
  expect(en.sheets.map((s) => s.name)).toEqual(plan('ja').sheets.map((s) => s.name));
  const s = sheet(en, 'RP_集計表');
  expect(s.values[0]![0]).toBe('Progress summary (FY2020 (R2))');
  expect(s.formats.some((f) => f.numberFormat === '0.0%')).toBe(true);
  for (const ps of en.sheets)
    for (const row of ps.values)
      for (const v of row) if (typeof v === 'string') expect(v.startsWith('=')).toBe(false);
});

test('findings link to their cells only in the workbook being written', () => {
  const findings = sheet(plan(), 'RP_検証結果');
  expect(findings.links.length).toBeGreaterThan(0);
  expect(
    findings.links.every((l) => l.targetSheet === '令和2年度実績' || l.targetSheet === '進捗状況の推移'),
  ).toBe(true);
  const analysis = analyse([kasama], DEFAULT_SETTINGS);
  expect(analysis.items).toHaveLength(70);
});

test('the item sheet is machine-readable: header on row 1, numbers as numbers, one column per year', () => {
  const items = sheet(plan(), 'RP_項目一覧');
  const header = items.values[0]!;
  expect(header).toContain('進捗状況R2 (2020)');
  expect(items.values).toHaveLength(71);
  const row = items.values[1]!;
  expect(typeof row[header.indexOf('番号')]).toBe('number');
});

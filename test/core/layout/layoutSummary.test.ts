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
    'RP_公表用',
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
  const rate = rows.find((r) => r[0] === '' && typeof r[1] === 'number')!;
  expect(rate[1]).toBeCloseTo(53 / 70, 10);
  expect(rate.slice(2)).toEqual([53, 70]);
  expect(
    rows.some((r) => r[0] === '※終了項目の扱い：「終了」は「計画どおり」として計上（公表資料の方法）。'),
  ).toBe(true);
});

describe('the publication sheet (RP_公表用)', () => {
  const cells = (p: WritePlan) => sheet(p, 'RP_公表用').values;
  const rowOf = (values: readonly (readonly unknown[])[], label: string) =>
    values.find((r) => r[1] === label)!;

  test('years across from 平成29年度 (carried over, marked) to 令和2年度, marks down, counts and shares', () => {
    const v = cells(plan());
    expect(v[0]![0]).toBe('第3次笠間市行財政改革大綱実施計画の進捗状況（平成29年度～令和2年度）');
    const years = v.find((r) => r[1] === '進捗状況')!;
    expect(years.filter((x) => x !== '')).toEqual([
      '記号',
      '進捗状況',
      '平成29年度',
      '平成30年度',
      '令和元年度',
      '令和2年度',
    ]);
    expect(rowOf(v, '出典').slice(2)).toEqual([
      '公表値（項目データなし）',
      '',
      '項目データから計算',
      '',
      '項目データから計算',
      '',
      '項目データから計算',
      '',
    ]);
    // 進捗率 76.5 (as published) / 83.8 / 85.3 / 75.7 %: the rate sits in each year's share column.
    const rate = rowOf(v, '進捗率');
    expect([3, 5, 7, 9].map((c) => Number(((rate[c] as number) * 100).toFixed(1)))).toEqual([
      76.5, 83.8, 85.3, 75.7,
    ]);
    expect(rate[2]).toBe('－');
    expect([4, 6, 8].map((c) => rate[c])).toEqual([57, 58, 53]);
    expect(rowOf(v, '実施項目数').filter((x) => typeof x === 'number' && x > 1)).toEqual([68, 68, 68, 70]);
    // R2 as published: ◎ 9, ○ 27 (25 + 2 ended), □ 17, ▲ 17; H29's □ is not in the hand-made table.
    expect(rowOf(v, '進んでいる').slice(0, 3)).toEqual(['◎', '進んでいる', 16]);
    expect(rowOf(v, '進んでいる')[8]).toBe(9);
    expect(rowOf(v, '計画どおり')[8]).toBe(27);
    expect(rowOf(v, '（うち終了）')[8]).toBe(2);
    expect(rowOf(v, 'ほぼ計画どおり（計画の8割以上）').slice(2, 4)).toEqual(['－', null]);
    expect(rowOf(v, '遅れている')[8]).toBe(17);
    const notes = v.filter((r) => typeof r[0] === 'string' && r[0].startsWith('※')).map((r) => r[0]);
    expect(notes).toEqual([
      '※進捗率＝ほぼ計画どおり（計画の8割）以上の項目数 ÷ 実施項目数',
      '※終了項目の扱い：「終了」は「計画どおり」として計上（公表資料の方法）。',
      '※平成29年度は実施項目データがないため、「進捗状況の推移」シートの表の公表値をそのまま掲載しています（計算していません）。',
    ]);
  });

  test('header and footer: the plan, page x / y, the date of preparation in Japan time', () => {
    const s = sheet(plan(), 'RP_公表用');
    expect(s.print.header?.left).toBe('第3次笠間市行財政改革大綱実施計画');
    expect(s.print.footer).toEqual({ center: '&P / &N ページ', right: '作成日 2026年11月24日' });
    expect(sheet(plan('en'), 'RP_公表用').print.footer?.center).toBe('Page &P of &N');
  });

  test('the plan name and municipality from the settings; & in them is not a header code', () => {
    const result = generateSummary({
      workbooks: [kasama],
      settings: { ...DEFAULT_SETTINGS, planName: '行財政改革 & 実施計画', municipality: '笠間市' },
      lang: 'ja',
      now: '2026-11-30T23:01:00Z',
    });
    if (!result.ok) throw new Error(result.reason);
    const s = sheet(result.plan, 'RP_公表用');
    expect(s.values[0]![0]).toBe('笠間市 行財政改革 & 実施計画の進捗状況（平成29年度～令和2年度）');
    expect(s.print.header?.left).toBe('笠間市 行財政改革 && 実施計画');
    // 23:01 UTC on 30 November is 1 December in Japan.
    expect(s.print.footer?.right).toBe('作成日 2026年12月1日');
  });
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

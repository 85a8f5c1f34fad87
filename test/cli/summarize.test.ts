/**
 * reform-progress summarize on the examples: the figures, the rules, the JSON contract, the terminal
 * table, the CSV, and the output workbook (original sheets untouched, re-runs replace, charts present).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli, tmpDir, buildWorkbook } from '../helpers/buildWorkbook';
import { addStoredSettings } from '../helpers/storedSettings';

interface SummaryJson {
  year: string;
  ended: string;
  items: number;
  years: {
    year: string;
    items: number;
    counts: Record<string, number>;
    progress: { numerator: number; denominator: number; rate: number };
  }[];
  groups: Record<
    'policy' | 'measure' | 'department' | 'division',
    { key: string; items: number; counts: Record<string, number>; progress: { rate: number } }[]
  >;
  findings: { code: string; sheet: string; cell: string }[];
  provenance: { inputs: { file: string; contentHash: string }[]; version: string };
}

async function summarize(args: string[]): Promise<{ code: number; json: SummaryJson; stdout: string }> {
  const run = await runCli(['summarize', ...args, '--json', '-']);
  return { code: run.code, json: JSON.parse(run.stdout) as SummaryJson, stdout: run.stdout };
}

describe.each([['examples/kasama-r2.xlsx'], ['examples/departments']])('%s', (path) => {
  test('R2 9/25/17/17/2 and 53/70; H30 and R1 from the items', async () => {
    const { code, json } = await summarize([path]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ year: 'R2', ended: 'on-plan', items: 70 });
    const [h30, r1, r2] = json.years;
    expect(r2).toEqual({
      year: 'R2',
      kind: 'yearEnd',
      items: 70,
      counts: { ahead: 9, onPlan: 25, nearlyOnPlan: 17, behind: 17, ended: 2, notEvaluated: 0 },
      unmarked: 0,
      progress: { numerator: 53, denominator: 70, rate: 0.757 },
    });
    expect(h30).toMatchObject({
      year: 'H30',
      items: 68,
      counts: { ahead: 13, onPlan: 33, nearlyOnPlan: 11, behind: 11 },
    });
    expect(r1).toMatchObject({
      year: 'R1',
      items: 68,
      counts: { ahead: 11, onPlan: 33, nearlyOnPlan: 14, behind: 10 },
    });
    expect(json.groups.policy[0]).toMatchObject({ key: '効率的な行政運営', items: 27 });
  });

  test('--ended exclude gives 51/68, not-achieved 51/70', async () => {
    expect((await summarize([path, '--ended', 'exclude'])).json.years[2]!.progress).toMatchObject({
      numerator: 51,
      denominator: 68,
    });
    expect((await summarize([path, '--ended', 'not-achieved'])).json.years[2]!.progress).toMatchObject({
      numerator: 51,
      denominator: 70,
    });
  });
});

test('the hand-typed history table is flagged exactly where it differs, and nowhere else', async () => {
  const { json } = await summarize(['examples/kasama-r2.xlsx']);
  const mismatches = json.findings
    .filter((f) => f.code === 'summary.mismatch')
    .map((f) => `${f.sheet}!${f.cell}`);
  expect(mismatches.sort()).toEqual(
    ['C6', 'C8', 'C9', 'D5', 'D6', 'D7', 'D8', 'D9'].map((c) => `進捗状況の推移!${c}`),
  );
});

test('the terminal table shows the JSON figures', async () => {
  const run = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--lang', 'en']);
  const { json } = await summarize(['examples/kasama-r2.xlsx']);
  const r2 = json.years[2]!;
  const row = (label: string) => run.stdout.split('\n').find((l) => l.includes(label))!;
  expect(row('Ahead')).toMatch(new RegExp(`\\s${r2.counts.ahead}\\s+12\\.9%`));
  expect(row('On plan')).toMatch(
    new RegExp(`\\s${r2.counts.onPlan! + r2.counts.ended!}\\s+38\\.6%\\s+\\(on plan 25 \\+ ended 2\\)`),
  );
  expect(row('Nearly on plan')).toMatch(/\s17\s+24\.3%/);
  expect(row('Behind')).toMatch(/\s17\s+24\.3%/);
  expect(row('Progress rate')).toMatch(/75\.7%\s+\(53\/70\)/);
  for (const y of json.years)
    expect(run.stdout).toMatch(
      new RegExp(
        `\\n  ${y.year}\\s+${y.items}\\s+${y.counts.ahead}\\s+${y.counts.onPlan}\\s+${y.counts.nearlyOnPlan}\\s`,
      ),
    );
});

async function cells(path: string, sheetFilter: (name: string) => boolean): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    if (!sheetFilter(ws.name)) return;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) =>
        out.set(`${ws.name}!${r},${c}`, JSON.stringify([cell.value, cell.numFmt])),
      ),
    );
    out.set(`${ws.name}!merges`, JSON.stringify((ws.model as { merges?: string[] }).merges ?? []));
  });
  return out;
}

test('--out: original sheets unchanged cell by cell; a second run gives the same figures and sheets; charts in the package', async () => {
  const dir = tmpDir();
  const out1 = join(dir, 'out1.xlsx');
  const out2 = join(dir, 'out2.xlsx');
  const first = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', out1]);
  expect(first.code).toBe(0);
  const user = (n: string) => !n.startsWith('RP_');
  expect(await cells(out1, user)).toEqual(await cells('examples/kasama-r2.xlsx', user));

  const again = await summarize([out1, '--out', out2]);
  expect(again.json.years[2]!.progress).toMatchObject({ numerator: 53, denominator: 70 });
  const names = async (p: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    return {
      sheets: wb.worksheets.map((w) => w.name),
      names: (wb.definedNames.model as { name: string }[]).map((d) => d.name),
    };
  };
  const a = await names(out1);
  const b = await names(out2);
  expect(b).toEqual(a);
  expect(a.sheets).toEqual([
    '令和2年度実績',
    '進捗状況の推移',
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
  expect(await cells(out2, (n) => n === 'RP_集計表')).toEqual(await cells(out1, (n) => n === 'RP_集計表'));

  const zip = await JSZip.loadAsync(readFileSync(out1));
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(4);
  const types = await Promise.all(
    charts.map(
      async (f) => /<c:(doughnutChart|lineChart|barChart)>/.exec(await zip.file(f)!.async('string'))?.[1],
    ),
  );
  expect(types.sort()).toEqual(['barChart', 'barChart', 'doughnutChart', 'lineChart']);
});

test('--out refuses to overwrite an input, and a user sheet named like ours stops the run with nothing written', async () => {
  const dir = tmpDir();
  const same = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', 'examples/kasama-r2.xlsx']);
  expect(same.code).toBe(2);
  const path = join(dir, 'mine.xlsx');
  await buildWorkbook(path, [
    {
      name: 'S',
      rows: [
        ['施策', '番号', '実施項目', 'R2'],
        ['業務改善', 1, '=HYPERLINK("http://x")', '○'],
      ],
    },
    { name: 'RP_集計表', rows: [['私のメモ']] },
  ]);
  const refused = await runCli(['summarize', path, '--out', join(dir, 'o.xlsx')]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('シート「RP_集計表」は利用者のシートのため上書きしません');
  expect(existsSync(join(dir, 'o.xlsx'))).toBe(false);
});

test('user text that looks like a formula stays text in the workbook and the CSV', async () => {
  const dir = tmpDir();
  const path = join(dir, 'f.xlsx');
  await buildWorkbook(path, [
    {
      name: 'S',
      rows: [
        ['施策', '番号', '実施項目', 'R2'],
        ['業務改善', 1, '=1+1', '○'],
        ['業務改善', 2, '+81-3', '○'],
        ['業務改善', 3, '@cmd', '○'],
        ['業務改善', 4, '＝１', '○'],
      ],
    },
  ]);
  const out = join(dir, 'o.xlsx');
  const csv = join(dir, 'o.csv');
  expect((await runCli(['summarize', path, '--out', out, '--csv', csv])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const names: unknown[] = [];
  wb.getWorksheet('RP_項目一覧')!
    .getColumn(10)
    .eachCell((c) => names.push(c.value));
  expect(names.slice(1)).toEqual(['=1+1', '+81-3', '@cmd', '＝１']);
  const text = readFileSync(csv, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain(",'=1+1,");
  expect(text).toContain(",'+81-3,");
  expect(text).toContain(",'@cmd,");
});

test('several inputs: a new workbook with the consolidated items, each traceable to file, sheet and row', async () => {
  const dir = tmpDir();
  const out = join(dir, 'all.xlsx');
  expect((await runCli(['summarize', 'examples/departments', '--out', out])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    'RP_公表用',
    'RP_集計表',
    'RP_推移',
    'RP_内訳',
    'RP_遅れ・終了',
    'RP_指標',
    'RP_取込項目',
    'RP_検証結果',
    'RP_出典',
  ]);
  const items = wb.getWorksheet('RP_取込項目')!;
  expect(items.rowCount).toBe(71);
  const header = (items.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(['ファイル', 'シート', '行']);
  const first = (items.getRow(2).values as unknown[]).slice(1);
  expect(String(first[0])).toMatch(/^departments\/.+\.xlsx$/);
  expect(typeof first[2]).toBe('number');
});

test('a layout of our own: years down the side in a transposed hand-made table, figures checked', async () => {
  const dir = tmpDir();
  const path = join(dir, 'own.xlsx');
  await buildWorkbook(path, [
    {
      name: '計画',
      origin: 'B2',
      rows: [
        ['No.', '取組項目', '所管部', '所管課', '平成30年度', '令和元年度'],
        [1, '窓口の見直し', '市民生活部', '市民課', '○', '◎'],
        [2, '電子申請', '市長公室', 'デジタル戦略課', '▲', '□'],
        [3, '公用車の削減', '総務部', '総務課', '○', '終了'],
      ],
    },
    {
      name: '集計',
      rows: [
        ['年度', '実施項目数', '進んでいる', '計画どおり', 'ほぼ計画どおり', '遅れている', '進捗率'],
        ['H30', 3, 0, 2, 0, 1, '66.7%'],
        ['R1', 3, 1, 2, 1, 0, 1],
      ],
    },
  ]);
  const run = await runCli(['summarize', path, '--json', '-']);
  const json = JSON.parse(run.stdout) as SummaryJson;
  expect(json.year).toBe('R1');
  expect(json.years.map((y) => [y.year, y.items, y.progress.numerator])).toEqual([
    ['H30', 3, 2],
    ['R1', 3, 3],
  ]);
  // R1: 計画どおり written 2, computed 0 on plan + 1 ended = 1 (on-plan rule).
  const mismatches = json.findings
    .filter((f) => f.code === 'summary.mismatch')
    .map((f) => `${f.sheet}!${f.cell}`);
  expect(mismatches).toEqual(['集計!D3']);
});

test('settings the add-in stored in the workbook are used by the CLI too (a --settings file wins)', async () => {
  const dir = tmpDir();
  const path = join(dir, 'with-settings.xlsx');
  const zip = await JSZip.loadAsync(readFileSync('examples/kasama-r2.xlsx'));
  // As Excel stores context.workbook.settings: a JSON-encoded value in the web-extension part.
  await addStoredSettings(zip, { endedRule: 'exclude' });
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  const run = await runCli(['summarize', path, '--json', '-']);
  expect((JSON.parse(run.stdout) as SummaryJson).years[2]!.progress).toMatchObject({
    numerator: 51,
    denominator: 68,
  });
  expect(run.stderr).toContain('に保存されたアドインの設定を使います');
  const file = join(dir, 's.json');
  writeFileSync(file, JSON.stringify({ endedRule: 'not-achieved' }));
  const overridden = await runCli(['summarize', path, '--settings', file, '--json', '-']);
  expect((JSON.parse(overridden.stdout) as SummaryJson).years[2]!.progress).toMatchObject({
    numerator: 51,
    denominator: 70,
  });
});

/**
 * Reading only what is a plan: a department workbook that keeps an evaluation-data sheet (shaped like
 * 大船渡市's 事務事業評価 export: numeric codes, 千円/人 unit columns, 事業期間 columns holding era years, a
 * 実施計画 column of ○) beside its plan sheet reads exactly the plan's items. Year-correct indicator
 * checks and the exit code 2 cases of both commands.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';

interface Json {
  items: number | unknown[];
  sources: { file: string; sheet: string; items: number }[];
  findings: { severity: string; code: string; file: string; sheet: string | null; cell: string | null }[];
}

const DATA_SHEET = 'データ集計マクロ用シート';

const UNITS = ['千円', '人', '件', '回', '項目', '地点', '％', '世帯', '基', '個/㎡', '千人', 'ｔ', '百万円'];
const ERA = ['昭和49', '平成4', '0', '-', '昭和29', '平成25', '昭和38', '', '令和2'];

/** An evaluation-data export: one header row of long labels, then one row per 事務事業 with figures. */
function evaluationRows(count: number): (string | number | null)[][] {
  const header = [
    null,
    'No.',
    '年度',
    '事務事業ID',
    '事務事業名',
    '政策番号\n十の位',
    '政策名',
    '施策名',
    '部課名',
    '担当者',
    '実施\n計画',
    '総合戦略',
    '事業期間（区分）',
    '事業期間（期間（始期））',
    '事業期間（期間（終期））',
    '⑤ 活動指標\nア：名称',
    '⑤ 活動指標\nア：単位',
    '⑦ 成果指標\nサ：名称',
    '⑦ 成果指標\nサ：単位',
    '事業費計  （A）',
    '正規職員従事人数',
    'トータルコスト(A)＋(B)',
    '(1) 改革改善の方向性',
  ];
  const rows: (string | number | null)[][] = [
    ['調整用（このセルには必ず何か入力していること、非表示にしないこと）'],
    header,
  ];
  for (let i = 0; i < count; i += 1) {
    rows.push([
      null,
      i + 1,
      7,
      String(86 + i * 7).padStart(4, '0'),
      `事務事業${i + 1}の名称`,
      '0',
      '豊かな市民生活を実現する産業の振興',
      '地域活力を担う水産業の振興',
      '農林水産部水産課',
      '担当　太郎',
      i % 3 === 0 ? '' : '○',
      i % 5 === 0 ? '○' : '',
      '単年度繰返',
      ERA[i % ERA.length]!,
      '',
      // The trap of the real file: a unit 「項目」 under one column and an era year under another make a data
      // row read like a one-row header (項目 = item column, 昭和49 = a year's status column).
      i % 4 === 0 ? '把握した水質調査項目数' : '調査地点数',
      i % 4 === 0 ? '項目' : UNITS[i % UNITS.length]!,
      '処理件数',
      UNITS[(i + 3) % UNITS.length]!,
      3089 + i,
      3,
      4209 + i,
      '１　現状維持',
    ]);
  }
  return rows;
}

async function withDataSheet(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('examples/kasama-r2.xlsx');
  const ws = wb.addWorksheet(DATA_SHEET);
  evaluationRows(207).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  const path = join(dir, 'plan-and-data.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

async function validate(args: string[]): Promise<{ code: number; json: Json; stderr: string }> {
  const run = await runCli(['validate', ...args, '--json', '-']);
  return { code: run.code, json: JSON.parse(run.stdout) as Json, stderr: run.stderr };
}

describe('a plan sheet beside an evaluation-data sheet', () => {
  test('reads exactly the plan: the same 70 items and findings, one table.notFound for the data sheet', async () => {
    const dir = tmpDir();
    const mixed = await withDataSheet(dir);
    const alone = await validate(['examples/kasama-r2.xlsx']);
    const both = await validate([mixed]);
    expect(both.code).toBe(alone.code);
    expect(both.json.items).toBe(70);
    expect(both.json.sources).toEqual([{ file: mixed, sheet: '令和2年度実績', items: 70 }]);
    const fromData = both.json.findings.filter((f) => f.sheet === DATA_SHEET);
    expect(fromData.map((f) => f.code)).toEqual(['table.notFound']);
    const strip = (fs: Json['findings']) => fs.map(({ file: _file, ...rest }) => rest);
    expect(strip(both.json.findings.filter((f) => f.sheet !== DATA_SHEET))).toEqual(
      strip(alone.json.findings),
    );
  });

  test('the data sheet alone: no plan table, exit 2, one table.notFound naming the sheet', async () => {
    const dir = tmpDir();
    const path = join(dir, 'data.xlsx');
    await buildWorkbook(path, [{ name: DATA_SHEET, rows: evaluationRows(60) }]);
    for (const command of ['validate', 'summarize']) {
      const run = await runCli([command, path, '--json', '-']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('実施計画の表が見つかりません');
      const json = JSON.parse(run.stdout === '' ? '{"findings":[]}' : run.stdout) as Json;
      if (command === 'validate') {
        expect(json.findings.map((f) => [f.code, f.sheet])).toEqual([['table.notFound', DATA_SHEET]]);
      }
    }
    const text = await runCli(['validate', path]);
    expect(text.stdout).toContain(`シート「${DATA_SHEET}」に実施計画の表が見つかりません`);
    expect(text.stdout).not.toContain('「*」');
  });

  test('a table whose header reads right but whose rows are units and codes is not read', async () => {
    const dir = tmpDir();
    const path = join(dir, 'units.xlsx');
    await buildWorkbook(path, [
      {
        name: '計画',
        rows: [
          ['施策', '番号', '実施項目', 'R1', 'R2'],
          ['業務改善', 1, '窓口業務の改善', '○', '◎'],
          ['業務改善', 2, '公共施設の再配置', '□', '○'],
        ],
      },
      {
        name: '指標',
        rows: [
          ['番号', '項目', 'R1', 'R2'],
          ['0086', '千円', '○', ''],
          ['0087', '人', '', ''],
          ['0088', '件', '', '○'],
        ],
      },
    ]);
    const { code, json } = await validate([path]);
    expect(code).toBe(0);
    expect(json.items).toBe(2);
    expect(json.findings.map((f) => [f.code, f.sheet])).toEqual([['table.notFound', '指標']]);
  });

  test('a year column of free text in a plan table: one error for the table, not one per cell', async () => {
    const dir = tmpDir();
    const path = join(dir, 'text.xlsx');
    await buildWorkbook(path, [
      {
        name: '計画',
        rows: [
          ['施策', '番号', '実施項目', 'R1', 'R2'],
          ['業務改善', 1, '窓口業務の改善', '○', '順調に進んでいる'],
          ['業務改善', 2, '公共施設の再配置', '□', '検討を継続した'],
          ['業務改善', 3, '使用料の見直し', '▲', '改定に向けて調整中'],
        ],
      },
    ]);
    const { code, json } = await validate([path, '--year', 'R2']);
    expect(code).toBe(1);
    expect(json.items).toBe(3);
    expect(json.findings.map((f) => [f.code, f.cell])).toEqual([['table.statusNotMarks', 'A1']]);
  });
});

describe('year-correct indicator checks', () => {
  test('--year R1 on the example raises no indicator finding against the R2 columns', async () => {
    const r1 = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--year', 'R1', '--json', '-']);
    expect(r1.code).toBe(0);
    const json = JSON.parse(r1.stdout) as Json & { indicators?: unknown[] };
    expect(
      json.findings.filter((f) => f.code.startsWith('indicator.') || f.code.startsWith('value.')),
    ).toEqual([]);
    const r2 = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--year', 'R2', '--json', '-']);
    const r2Json = JSON.parse(r2.stdout) as Json;
    // The R2 run does judge the R2 indicators (the check is not switched off).
    expect(r2Json.findings.some((f) => f.code.startsWith('indicator.'))).toBe(true);
  });

  test('an untagged 計画 / 実績 pair belongs to the sheet year, and only to it', async () => {
    const dir = tmpDir();
    const path = join(dir, 'untagged.xlsx');
    await buildWorkbook(path, [
      {
        name: '令和2年度',
        rows: [
          ['施策', '番号', '実施項目', 'R1', 'R2', '指標', '計画', '実績'],
          ['業務改善', 1, '窓口業務の改善', '▲', '◎', '窓口の利用者数', 100, 50],
        ],
      },
    ]);
    const r2 = await runCli(['validate', path, '--year', 'R2', '--json', '-']);
    expect((JSON.parse(r2.stdout) as Json).findings.map((f) => f.code)).toContain('indicator.markMismatch');
    const r1 = await runCli(['validate', path, '--year', 'R1', '--json', '-']);
    expect((JSON.parse(r1.stdout) as Json).findings).toEqual([]);
  });

  test('--year R9 (no status column anywhere): exit 2 with a clear message, in both commands', async () => {
    for (const command of ['validate', 'summarize']) {
      const run = await runCli([command, 'examples/kasama-r2.xlsx', '--year', 'R9']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('令和9年度の進捗状況の列はどの表にもありません');
      expect(run.stderr).toContain('平成30年度、令和元年度、令和2年度');
    }
    const en = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--year', 'R9', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('no plan table has a status column for');
  });
});

/**
 * Grade scales: the S/A/B/C sample summarised with --scale sabc (counts, 対象外 out of the rate), the same
 * file without the scale (mark.unknown errors and a hint, exit 1, never a silent 0 %), the other presets
 * (A–F in full width, 達成/未達成, 完了/取組中/未着手), a custom scale and header words from the settings,
 * and the summary sheets written with the scale's own symbols.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';

const SAMPLE = 'examples/other-cities/sabc-r5.xlsx';

interface Counts {
  ahead: number;
  onPlan: number;
  nearlyOnPlan: number;
  behind: number;
  ended: number;
  notEvaluated: number;
}
interface SummaryJson {
  year: string;
  items: number;
  years: {
    year: string;
    items: number;
    counts: Counts;
    unmarked: number;
    progress: { numerator: number; denominator: number; rate: number | null };
  }[];
  findings: { severity: string; code: string; cell: string | null; params: Record<string, unknown> }[];
}

async function summarize(args: string[]): Promise<{ code: number; json: SummaryJson; stderr: string }> {
  const run = await runCli(['summarize', ...args, '--json', '-']);
  return {
    code: run.code,
    json: (run.stdout ? JSON.parse(run.stdout) : null) as SummaryJson,
    stderr: run.stderr,
  };
}

describe('the S/A/B/C sample', () => {
  test('--scale sabc: the right counts, 対象外 counted but out of the rate', async () => {
    const { code, json } = await summarize([SAMPLE, '--scale', 'sabc']);
    expect(code).toBe(0);
    expect(json.year).toBe('R5');
    expect(json.items).toBe(20);
    const r5 = json.years.find((y) => y.year === 'R5')!;
    expect(r5).toMatchObject({
      items: 20,
      counts: { ahead: 3, onPlan: 7, nearlyOnPlan: 4, behind: 3, ended: 1, notEvaluated: 2 },
      unmarked: 0,
      // S + A + B + 完了 (counted as on plan, the default rule) over the 18 evaluated items.
      progress: { numerator: 15, denominator: 18, rate: 0.833 },
    });
    const r4 = json.years.find((y) => y.year === 'R4')!;
    expect(r4.counts).toEqual({ ahead: 1, onPlan: 6, nearlyOnPlan: 7, behind: 3, ended: 0, notEvaluated: 2 });
    expect(r4.progress).toMatchObject({ numerator: 14, denominator: 17 });
    // The full-width Ｂ is read as B and reported as a variant; nothing else is wrong.
    expect(json.findings.map((f) => [f.code, f.cell])).toEqual([['mark.variant', 'E9']]);
  });

  test('--ended exclude under sabc: 完了 leaves the denominator too', async () => {
    const { json } = await summarize([SAMPLE, '--scale', 'sabc', '--ended', 'exclude']);
    expect(json.years.find((y) => y.year === 'R5')!.progress).toMatchObject({
      numerator: 14,
      denominator: 17,
    });
  });

  test('without the scale: mark.unknown errors, one hint naming sabc, exit 1 (never a silent 0 %)', async () => {
    for (const command of ['validate', 'summarize']) {
      const run = await runCli([command, SAMPLE, '--json', '-']);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as SummaryJson;
      const unknown = json.findings.filter((f) => f.code === 'mark.unknown');
      expect(unknown.length).toBe(39);
      expect(unknown.every((f) => f.severity === 'error')).toBe(true);
      const hints = json.findings.filter((f) => f.code === 'table.otherScale');
      expect(hints).toHaveLength(1);
      expect(hints[0]!.params.scale).toBe('sabc');
    }
    const text = await runCli(['summarize', SAMPLE]);
    expect(text.stdout).toContain('--scale sabc');
    expect(text.stdout).toMatch(/エラー 39件/);
  });

  test('the terminal table and the summary sheets use the scale’s symbols and names', async () => {
    const dir = tmpDir();
    const out = join(dir, 'out.xlsx');
    const run = await runCli(['summarize', SAMPLE, '--scale', 'sabc', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('S 特に良好');
    expect(run.stdout).toContain('C 進捗に課題あり');
    expect(run.stdout).toContain('進捗率                                   83.3%  (15/18)');
    expect(run.stdout).toContain('年度  実施項目数  S  A  B  C  完了  対象外・未評価  進捗率');
    expect(run.stdout).toMatch(/\n {2}R5 +20 +3 +7 +4 +3 +1 +2 +83\.3% +\(15\/18\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet('RP_集計表')!;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5)));
    expect(rows).toContainEqual(['S', '特に良好', 3, 0.15]);
    expect(rows).toContainEqual(['完了', '完了', 1, 0.05]);
    expect(rows).toContainEqual(['対象外・未評価', '対象外・未評価', 2, 0.1]);
    expect(JSON.stringify(rows)).not.toContain('◎');
    const breakdown = wb.getWorksheet('RP_内訳')!;
    const header: unknown[] = [];
    breakdown.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.includes('S') && header.length === 0) header.push(...values);
    });
    // Every breakdown table has its figures in the same columns: key, count, the scale's grades…
    expect(header.slice(2, 8)).toEqual(['S', 'A', 'B', 'C', '完了', '対象外・未評価']);
  });

  test('in English, names of grades sharing a role are joined the English way, and the table lines up', async () => {
    const run = await runCli(['summarize', SAMPLE, '--scale', 'sabc', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('not applicable / not evaluated');
    expect(run.stdout).not.toContain('not applicable・not evaluated');
    // The counts end in one terminal column whatever the label's length (CJK characters are two wide).
    const columns = (text: string) =>
      [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
    const counts = run.stdout
      .split('\n')
      .filter((line) => /^ {2}(S |A |B |C |Items in the plan|対象外)/.test(line))
      .map((line) => {
        const count = /^(.*?\D)(\d+)(?: {3}| *$)/.exec(line)!;
        return columns(count[1]! + count[2]!);
      });
    expect(counts.length).toBe(6);
    expect(new Set(counts).size).toBe(1);
  });
});

describe('other presets and custom scales', () => {
  test('a-f: full-width letters accepted, A–C count, D–F do not', async () => {
    const dir = tmpDir();
    const path = join(dir, 'af.xlsx');
    await buildWorkbook(path, [
      {
        name: '令和5年度',
        rows: [
          ['施策', '番号', '事務事業名', '総合評価'],
          ['行政改革', 1, '窓口改善', 'A'],
          ['行政改革', 2, '電子申請', 'Ｂ'],
          ['行政改革', 3, '施設統合', 'C'],
          ['行政改革', 4, '使用料改定', 'D'],
          ['行政改革', 5, '補助金見直し', 'Ｅ'],
          ['行政改革', 6, '未利用地売却', 'F'],
        ],
      },
    ]);
    const { code, json } = await summarize([path, '--scale', 'a-f']);
    expect(code).toBe(0);
    const y = json.years[0]!;
    expect(y.counts).toMatchObject({ ahead: 1, onPlan: 1, nearlyOnPlan: 1, behind: 3 });
    expect(y.progress).toMatchObject({ numerator: 3, denominator: 6 });
    expect(json.findings.map((f) => f.code)).toEqual(['mark.variant', 'mark.variant']);
  });

  test('achievement: 一部達成 does not count; status: 完了 取組中 未着手', async () => {
    const dir = tmpDir();
    const achieved = join(dir, 'achievement.xlsx');
    await buildWorkbook(achieved, [
      {
        name: '令和5年度',
        rows: [
          ['施策', '番号', '取組項目', '達成度'],
          ['行政改革', 1, '窓口改善', '達成'],
          ['行政改革', 2, '電子申請', '概ね達成'],
          ['行政改革', 3, '施設統合', '一部達成'],
          ['行政改革', 4, '使用料改定', '未達成'],
          ['行政改革', 5, '補助金見直し', '未評価'],
        ],
      },
    ]);
    const a = await summarize([achieved, '--scale', 'achievement']);
    expect(a.code).toBe(0);
    expect(a.json.years[0]!.progress).toMatchObject({ numerator: 2, denominator: 4 });
    expect(a.json.years[0]!.counts.notEvaluated).toBe(1);

    const status = join(dir, 'status.xlsx');
    await buildWorkbook(status, [
      {
        name: '令和5年度',
        rows: [
          ['施策', '番号', '取組項目', '実施状況'],
          ['行政改革', 1, '窓口改善', '完了'],
          ['行政改革', 2, '電子申請', '取組中'],
          ['行政改革', 3, '施設統合', '未着手'],
          ['行政改革', 4, '使用料改定', '取組中'],
        ],
      },
    ]);
    const s = await summarize([status, '--scale', 'status']);
    expect(s.code).toBe(0);
    expect(s.json.years[0]!.counts).toMatchObject({ ended: 1, onPlan: 2, behind: 1 });
    expect(s.json.years[0]!.progress).toMatchObject({ numerator: 3, denominator: 4 });
    // 実施状況 is the status scale's header word, not a built-in one: under kasama there is no table.
    const without = await runCli(['validate', status, '--json', '-']);
    expect(without.code).toBe(2);
  });

  test('a custom scale and extra header words from the settings JSON (zod-checked)', async () => {
    const dir = tmpDir();
    const path = join(dir, 'custom.xlsx');
    await buildWorkbook(path, [
      {
        name: '令和5年度',
        rows: [
          ['施策', '番号', '改善項目名', '判定'],
          ['行政改革', 1, '窓口改善', '優'],
          ['行政改革', 2, '電子申請', '良'],
          ['行政改革', 3, '施設統合', '可'],
          ['行政改革', 4, '使用料改定', '不可'],
          ['行政改革', 5, '補助金見直し', '保留'],
        ],
      },
    ]);
    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        scale: '優良可',
        scales: {
          優良可: {
            grades: [
              { symbol: '優', key: 'ahead' },
              { symbol: '良', key: 'onPlan' },
              { symbol: '可', key: 'nearlyOnPlan', counts: false },
              { symbol: '不可', key: 'behind' },
              { symbol: '保留', key: 'notEvaluated' },
            ],
            headers: { status: ['判定'] },
          },
        },
        headers: { name: ['改善項目名'] },
      }),
    );
    const { code, json } = await summarize([path, '--settings', settings]);
    expect(code).toBe(0);
    expect(json.years[0]!.counts).toMatchObject({
      ahead: 1,
      onPlan: 1,
      nearlyOnPlan: 1,
      behind: 1,
      notEvaluated: 1,
    });
    expect(json.years[0]!.progress).toMatchObject({ numerator: 2, denominator: 4 });

    writeFileSync(settings, JSON.stringify({ scale: 'nosuch' }));
    const bad = await runCli(['validate', path, '--settings', settings]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('nosuch');
    writeFileSync(settings, JSON.stringify({ scales: { x: { grades: [{ symbol: '優', key: 'best' }] } } }));
    expect((await runCli(['validate', path, '--settings', settings])).code).toBe(2);
  });

  test('--scale with an unknown name is a usage error naming the scales', async () => {
    const run = await runCli(['summarize', SAMPLE, '--scale', 'abcd']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kasama、sabc、a-f、achievement、status');
  });
});

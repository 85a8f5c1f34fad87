/**
 * Every finding code on real .xlsx files, each at its exact file, sheet and cell, through the CLI.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';

let dir: string;

beforeAll(async () => {
  dir = tmpDir();
  const header = ['番号', '実施項目', 'H30', 'R1', 'R2', '担当部', '担当課', '指標', '計画', '実績'];
  await buildWorkbook(join(dir, 'plan.xlsx'), [
    {
      name: '令和2年度',
      rows: [
        ['1. 効率的な行政運営'],
        ['(1) 業務改善'],
        header,
        ['①', '窓口の改善', '○', '○', '△', '総務部', '総務課'],
        ['②', '会議の改善', '○', '○', '〇', '総務部', '総務課'],
        ['③', '職員研修', '○', '□', null, '市長公室', '秘書課'],
        ['④', '給与計算の委託', '▲', '終了', '○', '市長公室', '秘書課'],
        ['⑤', '収納率の向上', '○', '○', '○', '総務部', '収税課', '収納率(%)', '約40', 38],
        ['⑥', '自主財源比率の向上', '○', '○', '□', '総務部', '財政課', '自主財源比率', 40.1, '39.6 (R1)'],
        ['⑦', '広聴の見える化', '○', '○', '○', '市長公室', '秘書課', '公開意見件数', 75, 31],
        ['⑧', '病院会計の健全化', '○', '○', '○', '市立病院', '経営管理課', '一般会計繰入金(千円)', 0, 0],
      ],
    },
    {
      name: 'その他',
      rows: [
        ['番号', '実施項目', '進捗状況R2'],
        [1, '分類のない項目', '○'],
      ],
    },
    {
      name: '様式',
      rows: [
        ['番号', '実施項目', '担当部', '担当課'],
        ['①', '書きかけ', '総務部', '総務課'],
      ],
    },
  ]);
  await buildWorkbook(join(dir, 'z-copy.xlsx'), [
    {
      name: 'S',
      rows: [
        ['基本方針', '施策', '番号', '実施項目', '進捗状況H30', '進捗状況R1', '進捗状況R2'],
        ['効率的な行政運営', '業務改善', '②', '会議の改善', '○', '○', '○'],
        ['効率的な行政運営', '業務改善', '⑥', '自主財源比率の向上', '○', '○', '▲'],
      ],
    },
  ]);
  writeFileSync(join(dir, 'bad.xlsx'), 'a,b\n1,2\n');
  const good = readFileSync(join(dir, 'plan.xlsx'));
  writeFileSync(join(dir, 'trunc.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(
    join(dir, 'locked.xlsx'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
  );
  writeFileSync(join(dir, '~$plan.xlsx'), 'lock');
  copyFileSync(join(dir, 'plan.xlsx'), join(dir, 'notes.txt'));
});

interface JsonFinding {
  severity: string;
  code: string;
  file: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  suggestion: string;
  params: Record<string, string | number>;
}

test('each finding code at its file, sheet and cell; unreadable files do not stop the others', async () => {
  const run = await runCli(['validate', dir, '--json', '-']);
  expect(run.code).toBe(1);
  const out = JSON.parse(run.stdout) as {
    items: number;
    year: string;
    findings: JsonFinding[];
    sources: unknown[];
  };
  const rel = (f: string) => f.slice(dir.length + 1);
  const got = out.findings.map((f) => [f.code, f.severity, rel(f.file), f.sheet, f.cell]);
  expect(got).toEqual([
    ['file.unreadable', 'error', 'bad.xlsx', null, null],
    ['file.unreadable', 'error', 'locked.xlsx', null, null],
    ['mark.unknown', 'error', 'plan.xlsx', '令和2年度', 'E4'],
    ['mark.variant', 'warning', 'plan.xlsx', '令和2年度', 'E5'],
    ['mark.missing', 'error', 'plan.xlsx', '令和2年度', 'E6'],
    ['mark.afterEnded', 'warning', 'plan.xlsx', '令和2年度', 'E7'],
    ['value.unparsable', 'warning', 'plan.xlsx', '令和2年度', 'I8'],
    ['value.yearTag', 'info', 'plan.xlsx', '令和2年度', 'J9'],
    ['indicator.markMismatch', 'warning', 'plan.xlsx', '令和2年度', 'J10'],
    ['indicator.zeroTarget', 'info', 'plan.xlsx', '令和2年度', 'J11'],
    ['item.noMeasure', 'warning', 'plan.xlsx', 'その他', 'B2'],
    ['table.notFound', 'warning', 'plan.xlsx', '様式', null],
    ['file.unreadable', 'error', 'trunc.xlsx', null, null],
    ['item.duplicate', 'info', 'z-copy.xlsx', 'S', 'D2'],
    ['item.conflict', 'error', 'z-copy.xlsx', 'S', 'G3'],
  ]);
  const byCode = (code: string) => out.findings.find((f) => f.code === code)!;
  expect(byCode('mark.unknown').params.suggested).toBe('▲');
  expect(byCode('mark.unknown').message).toContain('△');
  expect(byCode('mark.variant').message).toContain('〇');
  expect(byCode('item.conflict').params.other).toBe(`${join(dir, 'plan.xlsx')} 令和2年度!E9`);
  expect(out.findings.filter((f) => f.code === 'file.unreadable').map((f) => f.params.reasonCode)).toEqual([
    'notZip',
    'encrypted',
    'truncated',
  ]);
  expect(out.items).toBe(9);
  expect(out.year).toBe('R2');
});

test('readable output groups by file and sheet, in English on request', async () => {
  const run = await runCli(['validate', join(dir, 'plan.xlsx'), '--lang', 'en']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`${join(dir, 'plan.xlsx')} (9 items)`);
  expect(run.stdout).toContain('  sheet "令和2年度"');
  expect(run.stdout).toMatch(
    /E4 +error {2}mark\.unknown {2}The FY2020 \(R2\) status "△" is not a recognised mark\. {2}→ Did you mean "▲"\?/,
  );
  expect(run.stdout).toContain('1 file, 9 items (target year R2): 2 errors, 6 warnings, 2 info');
});

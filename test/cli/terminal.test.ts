/**
 * The terminal as people read it: repeated findings on one line with their count and cells (the JSON
 * keeps every one), one specific reason and fix per unreadable file, entirely in the chosen language,
 * English plurals, and the history table's columns aligned.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';

let dir: string;

beforeAll(async () => {
  dir = tmpDir();
  // 36 items whose R2 mark is typed 〇 (U+3007) in E3–E7, E9, E11–E40; one item typed ○ in E8 and E10.
  const rows = Array.from({ length: 38 }, (_, i) => {
    const row = i + 3;
    return [i + 1, `項目${i + 1}`, '総務部', '○', row === 8 || row === 10 ? '○' : '〇'];
  });
  await buildWorkbook(join(dir, 'variants.xlsx'), [
    { name: '実施計画', rows: [['行財政改革実施計画'], ['番号', '実施項目', '担当部', 'R1', 'R2'], ...rows] },
  ]);
  await buildWorkbook(join(dir, 'one.xlsx'), [
    {
      name: '実施計画',
      rows: [
        ['番号', '実施項目', 'R2'],
        [1, '唯一の項目', '○'],
      ],
    },
  ]);
  const whole = readFileSync('examples/kasama-r2.xlsx');
  writeFileSync(join(dir, 'truncated.xlsx'), whole.subarray(0, 20_000));
  writeFileSync(
    join(dir, 'locked.xlsx'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
  );
  writeFileSync(join(dir, 'table.xlsx'), '番号,実施項目\n1,項目\n');
});

test('36 cells typed 〇: one terminal line with the count and the cells; the JSON keeps all 36', async () => {
  const json = join(dir, 'variants.json');
  const run = await runCli(['validate', join(dir, 'variants.xlsx'), '--json', json]);
  const lines = run.stdout.split('\n').filter((l) => l.includes('mark.variant'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('36セル');
  expect(lines[0]).toContain('[E3–E7、E9、E11–E40]');
  const parsed = JSON.parse(readFileSync(json, 'utf8')) as { findings: { code: string }[] };
  expect(parsed.findings.filter((f) => f.code === 'mark.variant')).toHaveLength(36);
  const en = await runCli(['validate', join(dir, 'variants.xlsx'), '--lang', 'en']);
  expect(en.stdout).toContain('36 cells');
  expect(en.stdout).toContain('[E3–E7, E9, E11–E40]');
});

test('each unreadable cause: its own reason and fix, all in Japanese (no library words, no byte counts)', async () => {
  const run = await runCli([
    'validate',
    join(dir, 'truncated.xlsx'),
    join(dir, 'locked.xlsx'),
    join(dir, 'table.xlsx'),
    join(dir, 'missing.xlsx'),
  ]);
  const lines = run.stdout.split('\n').filter((l) => l.includes('file.unreadable'));
  expect(lines).toHaveLength(4);
  const [truncated, locked, table, missing] = lines as [string, string, string, string];
  expect(truncated).toContain('途中までしか保存・コピーされていません');
  expect(truncated).toContain('もう一度コピー');
  expect(locked).toContain('パスワードで保護されているか');
  expect(locked).toContain('パスワードを使用して暗号化');
  expect(table).toContain('CSV など別の形式');
  expect(table).toContain('「名前を付けて保存」');
  expect(missing).toContain('パスの綴り');
  // Only the code, the file's extension and menu names are Latin: no English sentence fragments.
  for (const line of lines) {
    const text = line.slice(line.indexOf('file.unreadable') + 'file.unreadable'.length);
    expect(text.replace(/\.xlsx?|Excel|\(\*\.xlsx\)|CSV|Word/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  }
  const en = await runCli(['validate', join(dir, 'truncated.xlsx'), '--lang', 'en']);
  expect(en.stdout).toContain('the file is damaged, or was saved or copied only in part');
  expect(en.stdout).not.toMatch(/[\u3040-\u30ff]/);
});

test('English: plurals and list joins', async () => {
  const run = await runCli(['validate', join(dir, 'one.xlsx'), '--lang', 'en']);
  expect(run.stdout).toContain('(1 item)');
  expect(run.stdout).toContain('1 file, 1 item (target year R2): 0 errors, 1 warning, 0 info');
  expect(run.stdout).not.toContain('、');
});

test('the history table: every column aligned', async () => {
  for (const lang of ['ja', 'en']) {
    const run = await runCli(['summarize', 'examples/kasama-r2.xlsx', '--lang', lang]);
    const history = run.stdout.split('\n').filter((l) => /^ {2}(H30|R1|R2)\b/.test(l));
    expect(history).toHaveLength(3);
    // The rate's column ends at the same display position on every line (ASCII-only rows).
    const ends = history.map((l) => l.indexOf('%'));
    expect(new Set(ends).size).toBe(1);
    expect(new Set(history.map((l) => l.length)).size).toBe(1);
  }
});

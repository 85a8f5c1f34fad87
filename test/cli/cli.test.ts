import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tmpDir, buildWorkbook } from '../helpers/buildWorkbook';

interface ValidateJson {
  items: number;
  year: string;
  years: string[];
  sources: { file: string; sheet: string; items: number }[];
  findings: { severity: string; code: string; file: string }[];
}

describe('the examples (acceptance)', () => {
  test('kasama-r2.xlsx: 70 items, exit 0, no errors', async () => {
    const run = await runCli(['validate', 'examples/kasama-r2.xlsx', '--json', '-']);
    const out = JSON.parse(run.stdout) as ValidateJson;
    expect(run.code).toBe(0);
    expect(out.items).toBe(70);
    expect(out.year).toBe('R2');
    expect(out.years).toEqual(['H30', 'R1', 'R2']);
    expect(out.sources).toEqual([{ file: 'examples/kasama-r2.xlsx', sheet: '令和2年度実績', items: 70 }]);
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('examples/departments: the same 70 items, the two-owner item counted once, no errors', async () => {
    const run = await runCli(['validate', 'examples/departments', '--json', '-']);
    const out = JSON.parse(run.stdout) as ValidateJson;
    expect(run.code).toBe(0);
    expect(out.items).toBe(70);
    expect(out.sources.reduce((n, s) => n + s.items, 0)).toBe(71);
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(out.findings.filter((f) => f.code === 'item.duplicate')).toHaveLength(1);
    expect(new Set(out.sources.map((s) => s.file.split('/')[2])).size).toBe(9);
  });
});

describe('usage and exit codes', () => {
  test('--help works and exits 0, in both languages', async () => {
    expect((await runCli(['--help'])).stdout).toContain('reform-progress validate');
    expect((await runCli(['--help'], { LANG: 'en_US.UTF-8' })).stdout).toContain('Usage:');
    expect((await runCli([])).code).toBe(0);
  });

  test('usage errors exit 2 with a message naming the problem', async () => {
    const unknown = await runCli(['validate', 'x.xlsx', '--frobnicate', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--frobnicate');
    const badYear = await runCli(['validate', 'x.xlsx', '--year', 'next'], { LANG: 'en_US' });
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toContain('invalid value for --year: next');
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['validate', 'x.xlsx', '--json'])).code).toBe(2);
    expect((await runCli(['frob'])).code).toBe(2);
  });

  test('nothing readable exits 2; a missing path is reported', async () => {
    const dir = tmpDir();
    const run = await runCli(['validate', join(dir, 'nope.xlsx'), '--json', '-']);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as ValidateJson;
    expect(out.findings.map((f) => f.code)).toEqual(['file.unreadable']);
  });

  test('--json FILE writes the file and keeps the readable output; --year picks the target year', async () => {
    const dir = tmpDir();
    const target = join(dir, 'out.json');
    const run = await runCli([
      'validate',
      'examples/kasama-r2.xlsx',
      '--json',
      target,
      '--year',
      '令和元年度',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('examples/kasama-r2.xlsx（70項目）');
    const out = JSON.parse(readFileSync(target, 'utf8')) as ValidateJson;
    expect(out.year).toBe('R1');
  });

  test('--settings: a settings file with another mark vocabulary is honoured; an invalid one is a usage error', async () => {
    const dir = tmpDir();
    await buildWorkbook(join(dir, 'abc.xlsx'), [
      {
        name: 'S',
        rows: [
          ['施策', '番号', '実施項目', 'R2'],
          ['業務改善', 1, 'x', 'A'],
          ['業務改善', 2, 'y', 'C'],
        ],
      },
    ]);
    const settings = join(dir, 'settings.json');
    const vocab = {
      marks: [
        { symbol: 'A', key: 'ahead' },
        { symbol: 'B', key: 'onPlan' },
        { symbol: 'C', key: 'behind' },
      ],
    };
    writeFileSync(settings, JSON.stringify(vocab));
    const ok = await runCli(['validate', join(dir, 'abc.xlsx'), '--settings', settings, '--json', '-']);
    expect(ok.code).toBe(0);
    writeFileSync(settings, JSON.stringify({ endedRule: 'sometimes' }));
    const bad = await runCli(['validate', join(dir, 'abc.xlsx'), '--settings', settings]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('endedRule');
    const defaults = await runCli(['validate', join(dir, 'abc.xlsx'), '--json', '-']);
    expect(defaults.code).toBe(1);
  });
});

/**
 * The CLI as a process, as people run it: output through a pipe is complete at any size (the process
 * waits for standard output to drain before it exits), and the run is stamped in Japan time.
 * The compiled CLI (dist/) is built first, so the test runs the current code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook, tmpDir } from '../helpers/buildWorkbook';

const CLI = 'bin/reform-progress.js';
let dir: string;

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { stdio: 'ignore' });
  dir = tmpDir();
  // A large consolidation: 6,000 items whose R2 mark is typed 〇, each a mark.variant finding.
  const rows = Array.from({ length: 6000 }, (_, i) => [i + 1, `実施項目その${i + 1}`, '○', '〇', '総務部']);
  await buildWorkbook(join(dir, 'large.xlsx'), [
    { name: '実施計画', rows: [['番号', '実施項目', 'R1', 'R2', '担当部'], ...rows] },
  ]);
}, 180_000);

test('validate --json - through a pipe gives complete JSON over 1 MB', () => {
  const file = join(dir, 'large.xlsx');
  const run = spawnSync(
    'sh',
    [
      '-c',
      `"${process.execPath}" ${CLI} validate "${file}" --json - | "${process.execPath}" -e 'const t=require("fs").readFileSync(0,"utf8"); const j=JSON.parse(t); process.stdout.write(JSON.stringify({bytes: Buffer.byteLength(t), findings: j.findings.length}))'`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { bytes: number; findings: number };
  expect(result.bytes).toBeGreaterThan(1_000_000);
  expect(result.findings).toBeGreaterThanOrEqual(6000);
}, 180_000);

test('the process stamps the run in Japan time', () => {
  const json = join(dir, 'summary.json');
  execFileSync(process.execPath, [CLI, 'summarize', 'examples/kasama-r2.xlsx', '--json', json], {
    stdio: 'ignore',
    env: { ...process.env, TZ: 'UTC' },
  });
  expect(readFileSync(json, 'utf8')).toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00"/);
}, 60_000);

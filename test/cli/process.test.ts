/**
 * The CLI as a process, as people run it: output through a pipe is complete at any size (the process
 * waits for standard output to drain before it exits), and the run is stamped in Japan time. The
 * bundled CLI (dist/cli) and its code cache are built first (`npm run build:cli`), so the test runs the
 * current code; the launcher uses the cache only for the bundle it was made from, and prints the same
 * with or without it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildWorkbook, tmpDir } from '../helpers/buildWorkbook';

const CLI = 'bin/reform-progress.js';
let dir: string;

beforeAll(async () => {
  execFileSync('npm', ['run', 'build:cli'], { stdio: 'ignore' });
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

/** A copy of the launcher and the built CLI, for tests that change the cache. */
function launcherCopy(): string {
  const root = join(tmpDir(), 'cli');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(CLI, join(root, 'bin', 'reform-progress.js'));
  cpSync('dist/cli', join(root, 'dist', 'cli'), { recursive: true, preserveTimestamps: true });
  return root;
}

test('the bundle is ASCII: Node reads it into a one-byte string, without decoding UTF-8', () => {
  const bundle = readFileSync(join('dist', 'cli', 'reform-progress.js'));
  expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  // The Japanese messages are still there, as escapes.
  expect(bundle.toString('latin1')).toContain('\\u9032\\u6357\\u7387'); // 進捗率
});

test('the build makes a code cache that the launcher uses, for the bundle it was made from only', () => {
  const root = launcherCopy();
  const probe = (dir: string) =>
    execFileSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(String(require(${JSON.stringify(join(dir, 'bin', 'reform-progress.js'))}).loadCli().cacheUsed))`,
      ],
      { encoding: 'utf8' },
    );
  expect(probe(root)).toBe('true');
  // The same bytes with another modification time: a bundle the cache was not made for.
  const bundle = join(root, 'dist', 'cli', 'reform-progress.js');
  utimesSync(bundle, new Date(), new Date('2020-01-01T00:00:00Z'));
  expect(probe(root)).toBe('false');
  // A cache that is not V8's (truncated, damaged) is refused by V8, and the CLI still runs.
  const other = launcherCopy();
  const cache = join(other, 'dist', 'cli', 'reform-progress.js.cache');
  writeFileSync(cache, readFileSync(cache).subarray(0, 64));
  expect(probe(other)).toBe('false');
  const run = spawnSync(process.execPath, [join(other, 'bin', 'reform-progress.js'), '--version'], {
    encoding: 'utf8',
  });
  expect(run.stdout).toMatch(/^reform-progress \d+\.\d+\.\d+\n$/);
}, 60_000);

test('validate prints the same with and without the code cache, as the sources run in-process do', async () => {
  const root = launcherCopy();
  const cli = join(root, 'bin', 'reform-progress.js');
  const args = ['validate', 'examples', '--lang', 'en'];
  const withCache = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  writeFileSync(join(root, 'dist', 'cli', 'reform-progress.js.cache'), '');
  const withoutCache = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  expect(withCache.stdout.length).toBeGreaterThan(1000);
  expect(withoutCache.stdout).toBe(withCache.stdout);
  expect(withoutCache.status).toBe(withCache.status);
  // The sources, in-process: the bundle is the same program.
  const { main } = await import('../../src/cli/main');
  let out = '';
  const code = await main(args, {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    color: false,
    env: {},
    writeFile: async () => undefined,
    now: () => '2026-12-01T09:00+09:00',
  });
  expect(out).toBe(withCache.stdout);
  expect(code).toBe(withCache.status);
}, 60_000);

test('the bundled CLI reads a sheet part larger than one native inflation (fflate loaded when needed)', async () => {
  // Beyond 16 MB inflated, the CLI's reader streams the part through fflate, which its bundle loads
  // only then (src/xlsx/package/softInflateLazy.ts): the same findings as for the part unpadded.
  const zip = await JSZip.loadAsync(readFileSync('examples/kasama-r2.xlsx'));
  const part = 'xl/worksheets/sheet2.xml';
  const xml = await zip.file(part)!.async('string');
  let padding = '';
  for (let block = 0; padding.length < 17 * 1024 * 1024; block += 1) {
    const rows: string[] = [];
    for (let n = 100 + block * 1000; n < 100 + (block + 1) * 1000; n += 1)
      rows.push(`<row r="${n}"><c r="A${n}"><v>${n}</v></c></row>`);
    padding += rows.join('');
  }
  zip.file(part, xml.replace('</sheetData>', `${padding}</sheetData>`));
  const original = join(tmpDir(), 'original');
  const padded = join(tmpDir(), 'padded');
  mkdirSync(original);
  mkdirSync(padded);
  copyFileSync('examples/kasama-r2.xlsx', join(original, 'kasama.xlsx'));
  writeFileSync(
    join(padded, 'kasama.xlsx'),
    await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }),
  );
  const validate = (cwd: string) =>
    spawnSync(process.execPath, [join(process.cwd(), CLI), 'validate', 'kasama.xlsx', '--lang', 'en'], {
      cwd,
      encoding: 'utf8',
    });
  const expected = validate(original);
  const actual = validate(padded);
  expect(expected.stdout).toMatch(/items/);
  expect(actual.stderr).toBe(expected.stderr);
  expect(actual.stdout).toBe(expected.stdout);
  expect(actual.status).toBe(expected.status);
}, 120_000);

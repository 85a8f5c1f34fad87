/**
 * Settings stored in several input files: when they differ, a finding names the files and no file's
 * settings decide how everyone's marks count (--settings or the defaults); the result is the same in
 * any order of the files. An ownership marker hides a sheet only when the sheet carries the add-in's prefix.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli, tmpDir, buildWorkbook } from '../helpers/buildWorkbook';
import { addStoredSettings } from '../helpers/storedSettings';

interface Json {
  years: { year: string; progress: { numerator: number; denominator: number } }[];
  findings: { code: string; file: string; params: Record<string, unknown> }[];
}

const DEPARTMENTS = 'examples/departments';

async function withSettings(from: string, to: string, settings: unknown): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  await addStoredSettings(zip, settings);
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

async function json(args: string[]): Promise<Json> {
  const run = await runCli(['summarize', ...args, '--json', '-']);
  expect(run.code).toBeLessThan(2);
  return JSON.parse(run.stdout) as Json;
}

describe('stored settings in several files', () => {
  const dir = tmpDir('rp-settings-');
  const a = join(dir, 'a.xlsx');
  const b = join(dir, 'b.xlsx');
  const c = join(dir, 'c.xlsx');
  beforeAll(async () => {
    // One department stores "ended items are excluded", another "ended items are not achieved".
    await withSettings(`${DEPARTMENTS}/総務部.xlsx`, a, { endedRule: 'exclude' });
    await withSettings(`${DEPARTMENTS}/市長公室.xlsx`, b, { endedRule: 'not-achieved' });
    copyFileSync(`${DEPARTMENTS}/教育委員会.xlsx`, c);
  });

  test('differing settings: a finding naming the files; the defaults are used; the order of the files does not matter', async () => {
    const forward = await json([a, b, c]);
    const backward = await json([c, b, a]);
    const plain = await json([`${DEPARTMENTS}/総務部.xlsx`, `${DEPARTMENTS}/市長公室.xlsx`, c]);
    const conflict = (j: Json) => j.findings.filter((f) => f.code === 'settings.conflict');
    expect(conflict(forward)).toHaveLength(1);
    expect(conflict(forward)[0]!.params.files).toEqual([a, b]);
    expect(conflict(backward)).toEqual(conflict(forward));
    expect(backward.years).toEqual(forward.years);
    // The defaults, as if no file stored anything.
    expect(forward.years).toEqual(plain.years);
  });

  test('--settings decides, and the conflict is still reported', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ endedRule: 'exclude' }));
    const withFile = await json([b, a, '--settings', file]);
    expect(withFile.findings.some((f) => f.code === 'settings.conflict')).toBe(true);
    const onlyFile = await json([
      `${DEPARTMENTS}/総務部.xlsx`,
      `${DEPARTMENTS}/市長公室.xlsx`,
      '--settings',
      file,
    ]);
    expect(withFile.years).toEqual(onlyFile.years);
  });

  test('the same settings in every file are used, whatever the order; one file alone uses its own', async () => {
    const a2 = join(dir, 'a2.xlsx');
    await withSettings(`${DEPARTMENTS}/市長公室.xlsx`, a2, { endedRule: 'exclude' });
    const agreed = await json([a, a2]);
    expect(agreed.findings.some((f) => f.code === 'settings.conflict')).toBe(false);
    expect((await json([a2, a])).years).toEqual(agreed.years);
    const file = join(dir, 'exclude.json');
    writeFileSync(file, JSON.stringify({ endedRule: 'exclude' }));
    expect(agreed.years).toEqual((await json([a, a2, '--settings', file])).years);
    const single = await runCli(['summarize', a, '--json', '-']);
    expect(single.stderr).toContain('に保存されたアドインの設定を使います');
  });

  test('a file storing settings next to one that stores none is a conflict too', async () => {
    const mixed = await json([c, a]);
    expect(mixed.findings.filter((f) => f.code === 'settings.conflict').map((f) => f.params.files)).toEqual([
      [a],
    ]);
  });
});

test("a stray ownership marker on a user's sheet does not hide it", async () => {
  const dir = tmpDir('rp-marker-');
  const path = join(dir, 'marked.xlsx');
  const rows = [
    ['番号', '実施項目', '進捗状況R1', '進捗状況R2'],
    ['①', '窓口の改善', '○', '○'],
    ['②', '会議の削減', '○', '▲'],
  ];
  await buildWorkbook(path, [{ name: '令和2年度', rows }], [['ReformProgress_Owned_01', "'令和2年度'!$A$1"]]);
  const run = await runCli(['validate', path, '--json', '-']);
  const result = JSON.parse(run.stdout) as { items: number };
  expect(result.items).toBe(2);
});

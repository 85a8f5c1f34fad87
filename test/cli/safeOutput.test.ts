/**
 * Output files are written safely: through a temporary file renamed into place, never over an input
 * (the same device and inode, through a symlink, a hard link or another spelling), never over an
 * existing file without --force (templates never), and every failure a plain message with the input
 * untouched and nothing partial left behind. The CLI runs in-process on real files; the disk failures
 * that a test cannot cause for real (a full disk, a read-only one) are played by the file-system calls.
 */
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError, writeFileSafely, type WriteOps } from '../../src/cli/safeWrite';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

const EXAMPLE = 'examples/kasama-r2.xlsx';

/** A workbook input in its own folder, with the folder's listing before the run. */
function setUp(): { dir: string; input: string; original: Buffer } {
  const dir = tmpDir('rp-out-');
  const input = join(dir, 'input.xlsx');
  const original = readFileSync(EXAMPLE);
  writeFileSync(input, original);
  return { dir, input, original };
}

function expectUntouched(dir: string, input: string, original: Buffer, listing: string[]): void {
  expect(readFileSync(input).equals(original)).toBe(true);
  // No temporary or partial file left anywhere in the folder.
  expect(readdirSync(dir).sort()).toEqual([...listing].sort());
}

describe('an output that is an input is refused, whatever name leads to it', () => {
  test.each([
    ['--out', ['summarize']],
    ['--csv', ['summarize']],
    ['--json', ['summarize']],
    ['--json', ['validate']],
    ['--out', ['rollover']],
  ] as const)('%s of %s: the same path, a symlink, a hard link', async (flag, [command]) => {
    const { dir, input, original } = setUp();
    const link = join(dir, 'link.xlsx');
    symlinkSync(input, link);
    const hard = join(dir, 'hard.xlsx');
    linkSync(input, hard);
    const listing = readdirSync(dir);
    for (const target of [input, link, hard, join(dir, '.', 'input.xlsx')]) {
      for (const force of [[], ['--force']]) {
        const run = await runCli([command, input, flag, target, ...force]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('入力ファイルそのもの');
        expectUntouched(dir, input, original, listing);
      }
    }
  });

  test('a case variant of the input name on a disk that ignores case is the same file (by inode, not by spelling)', async () => {
    const { dir, input, original } = setUp();
    const variant = join(dir, 'INPUT.xlsx');
    // This disk is case-sensitive: a hard link stands for the second spelling a case-insensitive disk gives.
    linkSync(input, variant);
    const run = await runCli(['summarize', input, '--out', variant, '--force']);
    expect(run.code).toBe(2);
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  test('template: never over the --from workbook, even through a link in the output folder', async () => {
    const { dir, input, original } = setUp();
    const out = join(dir, 'templates');
    mkdirSync(out);
    // 総務部 is one of the example's departments: its template would be 総務部.xlsx.
    symlinkSync(input, join(out, '総務部.xlsx'));
    const listing = readdirSync(dir);
    const run = await runCli(['template', '--from', input, '--years', 'R4-R8', '--out', out]);
    expect(run.code).toBe(2);
    expectUntouched(dir, input, original, listing);
    expect(readdirSync(out)).toEqual(['総務部.xlsx']);
  });
});

describe('an existing file is replaced only with --force; templates never', () => {
  test('summarize --out, --csv, --json: refused before anything is written; --force replaces them', async () => {
    const { dir, input, original } = setUp();
    const out = join(dir, 'summary.xlsx');
    const csv = join(dir, 'items.csv');
    const json = join(dir, 'result.json');
    writeFileSync(json, 'previous');
    const listing = readdirSync(dir);
    const refused = await runCli(['summarize', input, '--out', out, '--csv', csv, '--json', json]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(json, 'utf8')).toBe('previous');
    expectUntouched(dir, input, original, listing);

    const forced = await runCli(['summarize', input, '--out', out, '--csv', csv, '--json', json, '--force']);
    expect(forced.code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('years');
    expect(existsSync(out) && existsSync(csv)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('two outputs to the same file are refused', async () => {
    const { dir, input } = setUp();
    const run = await runCli([
      'summarize',
      input,
      '--csv',
      join(dir, 'x.json'),
      '--json',
      join(dir, 'x.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('二つの出力');
  });

  test('template: --force is not an option, and an existing file stops the whole run', async () => {
    const dir = tmpDir('rp-tpl-');
    expect(
      (await runCli(['template', '--plan', 'examples/plans/kasama-4th-plan.json', '--out', dir, '--force']))
        .code,
    ).toBe(2);
    const first = await runCli(['template', '--plan', 'examples/plans/kasama-4th-plan.json', '--out', dir]);
    expect(first.code).toBe(0);
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).length]);
    const again = await runCli(['template', '--plan', 'examples/plans/kasama-4th-plan.json', '--out', dir]);
    expect(again.code).toBe(2);
    expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).length])).toEqual(before);
  });
});

describe('disk failures: a plain message, the previous file unchanged, nothing left behind', () => {
  const guard = { force: true, inputs: [] };
  function failing(step: 'open' | 'write' | 'rename', code: string): WriteOps {
    const fail = () => Object.assign(new Error(`${code}: simulated`), { code });
    return {
      open: (async (...args: Parameters<typeof open>) => {
        if (step === 'open') throw fail();
        const handle = await open(...args);
        if (step !== 'write') return handle;
        // A full disk: half the data reaches the file, then the write fails.
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async (data: string | Uint8Array) => {
            const bytes = typeof data === 'string' ? Buffer.from(data) : data;
            await handle.write(bytes.subarray(0, bytes.length / 2));
            throw fail();
          },
          close: () => handle.close(),
          sync: () => handle.sync(),
        });
      }) as typeof open,
      rename: (async (...args: Parameters<typeof rename>) => {
        if (step === 'rename') throw fail();
        return rename(...args);
      }) as typeof rename,
    };
  }

  test.each([
    ['open', 'EACCES', 'denied'],
    ['open', 'EROFS', 'readOnly'],
    ['write', 'ENOSPC', 'noSpace'],
    ['rename', 'EACCES', 'denied'],
  ] as const)('%s fails with %s → %s', async (step, code, problem) => {
    const dir = tmpDir('rp-fail-');
    const target = join(dir, 'summary.json');
    writeFileSync(target, 'the previous summary');
    const error = await writeFileSafely(target, 'x'.repeat(100_000), guard, failing(step, code)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).problem).toBe(problem);
    expect(readFileSync(target, 'utf8')).toBe('the previous summary');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  test('a folder that does not exist, and one that cannot be written: plain messages from the CLI', async () => {
    const { dir, input, original } = setUp();
    const listing = readdirSync(dir);
    const missing = await runCli(['summarize', input, '--json', join(dir, 'no', 'such', 'r.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('フォルダがありません');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expectUntouched(dir, input, original, listing);

    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const run = await runCli(['summarize', input, '--json', join(locked, 'r.json'), '--lang', 'en']);
    chmodSync(locked, 0o755);
    // Root writes anywhere; everyone else is refused with a plain message.
    if (run.code === 2) expect(run.stderr).toContain('no permission to write');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(locked).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

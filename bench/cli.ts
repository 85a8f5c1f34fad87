/**
 * CLI end to end on generated department workbooks, each step in a fresh process, median of several
 * runs, all interleaved so that a noisy moment on a shared machine hits every figure alike:
 * ExcelJS merely loading the files (the old floor), inflating their sheet and string parts (the
 * reader's floor), our reader producing the snapshots, `validate`, and `summarize --out`.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeNodeProcess } from './measure';
import { writeSyntheticXlsx } from './synthetic';

export interface CliResult {
  readonly workbooks: number;
  readonly items: number;
  readonly ms: number;
  readonly floorMs: number;
  readonly rssMB: number;
  readonly floorRssMB: number;
  /** ExcelJS loading the files (cli.exceljsLoadMs; the same as floorMs). */
  readonly exceljsLoadMs: number;
  readonly rawUnzipMs: number;
  readonly readMs: number;
  readonly validateMs: number;
  readonly validateRssMB: number;
  readonly readRssMB: number;
}

export async function cliBench(
  root: string,
  workbooks = 50,
  sheetsPerBook = 4,
  itemsPerSheet = 25,
  runs = 3,
): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-progress-bench-'));
  try {
    const books = join(dir, 'departments');
    mkdirSync(books);
    for (let d = 1; d <= workbooks; d += 1) {
      await writeSyntheticXlsx(
        join(books, `部${String(d).padStart(2, '0')}.xlsx`),
        d,
        sheetsPerBook,
        itemsPerSheet,
      );
    }
    const files = readdirSync(books).map((f) => join(books, f));
    const cli = join(root, 'bin', 'reform-progress.js');
    const floor = join(__dirname, 'exceljsFloor.js');
    const unzip = join(__dirname, 'rawUnzipFloor.js');
    const reader = join(__dirname, 'readerChild.js');
    type Run = { ms: number; rssMB: number };
    const cliRuns: Run[] = [];
    const floorRuns: Run[] = [];
    const unzipRuns: Run[] = [];
    const readRuns: Run[] = [];
    const validateRuns: Run[] = [];
    // Interleaved, so that a noisy moment on a shared machine hits every figure alike.
    for (let run = 0; run < runs; run += 1) {
      floorRuns.push(timeNodeProcess([floor, ...files], 'floor'));
      unzipRuns.push(timeNodeProcess([unzip, ...files], 'unzip'));
      readRuns.push(timeNodeProcess([reader, ...files], 'read'));
      validateRuns.push(timeNodeProcess([cli, 'validate', books], 'validate'));
      const out = join(dir, `summary-${run}.xlsx`);
      cliRuns.push(timeNodeProcess([cli, 'summarize', books, '--out', out], 'cli'));
    }
    const ms = (runs: Run[]) => median(runs.map((r) => r.ms));
    return {
      exceljsLoadMs: ms(floorRuns),
      rawUnzipMs: ms(unzipRuns),
      readMs: ms(readRuns),
      readRssMB: Math.max(...readRuns.map((r) => r.rssMB)),
      validateMs: ms(validateRuns),
      validateRssMB: Math.max(...validateRuns.map((r) => r.rssMB)),
      workbooks,
      items: workbooks * sheetsPerBook * itemsPerSheet,
      ms: median(cliRuns.map((r) => r.ms)),
      floorMs: median(floorRuns.map((r) => r.ms)),
      rssMB: Math.max(...cliRuns.map((r) => r.rssMB)),
      floorRssMB: Math.max(...floorRuns.map((r) => r.rssMB)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SingleOutResult {
  readonly items: number;
  readonly ms: number;
  readonly rssMB: number;
  /** ExcelJS merely loading the same file. */
  readonly floorMs: number;
  readonly floorRssMB: number;
}

/**
 * One large workbook → `summarize FILE --out`: the summary added to a copy of its package. Peak RSS
 * is the figure that matters (the whole input used to be re-serialised through ExcelJS).
 */
export async function singleOutBench(root: string, items = 20_000, runs = 2): Promise<SingleOutResult> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-progress-bench-'));
  try {
    const file = join(dir, 'large.xlsx');
    // 40 items a measure keeps the merged headers under the reader's merge limit.
    await writeSyntheticXlsx(file, 1, 4, items / 4, 40);
    const cli = join(root, 'bin', 'reform-progress.js');
    const floor = join(__dirname, 'exceljsFloor.js');
    const cliRuns: { ms: number; rssMB: number }[] = [];
    const floorRuns: { ms: number; rssMB: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      floorRuns.push(timeNodeProcess([floor, file], 'floor'));
      cliRuns.push(timeNodeProcess([cli, 'summarize', file, '--out', join(dir, `out-${run}.xlsx`)], 'cli'));
    }
    return {
      items,
      ms: median(cliRuns.map((r) => r.ms)),
      rssMB: Math.max(...cliRuns.map((r) => r.rssMB)),
      floorMs: median(floorRuns.map((r) => r.ms)),
      floorRssMB: Math.max(...floorRuns.map((r) => r.rssMB)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CLI end to end: generated department workbooks → `reform-progress summarize --out`, next to the
 * floor (ExcelJS merely loading the same files), each in a fresh process, median of several runs.
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
    const cliRuns: { ms: number; rssMB: number }[] = [];
    const floorRuns: { ms: number; rssMB: number }[] = [];
    // Interleaved, so that a noisy moment on a shared machine hits both alike.
    for (let run = 0; run < runs; run += 1) {
      floorRuns.push(timeNodeProcess([floor, ...files], 'floor'));
      const out = join(dir, `summary-${run}.xlsx`);
      cliRuns.push(timeNodeProcess([cli, 'summarize', books, '--out', out], 'cli'));
    }
    return {
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

/**
 * One 100,000-item workbook (50 sheets of 2,000 items, as the CLI bench's departments are made) read
 * by our reader in a fresh process: its reading time and the process's peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { timeNodeProcess } from './measure';
import { writeSyntheticXlsx } from './synthetic';

export interface LargeResult {
  readonly items: number;
  readonly fileMB: number;
  /** In-process reading time (no start-up). */
  readonly readMs: number;
  /** The whole process, start-up included. */
  readonly processMs: number;
  readonly rssMB: number;
}

export async function largeWorkbookBench(sheets = 50, perSheet = 2000, runs = 3): Promise<LargeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-progress-large-'));
  try {
    const file = join(dir, 'large.xlsx');
    await writeSyntheticXlsx(file, 1, sheets, perSheet);
    const report = join(dir, 'read.json');
    const reads: { ms: number; rssMB: number; readMs: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      process.env.BENCH_READ_REPORT = report;
      const timed = timeNodeProcess([join(__dirname, 'readerChild.js'), file], 'large');
      delete process.env.BENCH_READ_REPORT;
      const { ms } = z.object({ ms: z.number() }).parse(JSON.parse(readFileSync(report, 'utf8')));
      reads.push({ ms: timed.ms, rssMB: timed.rssMB, readMs: ms });
    }
    reads.sort((a, b) => a.readMs - b.readMs);
    const mid = reads[Math.floor(reads.length / 2)]!;
    return {
      items: sheets * perSheet,
      fileMB: statSync(file).size / 1024 / 1024,
      readMs: mid.readMs,
      processMs: mid.ms,
      rssMB: Math.max(...reads.map((r) => r.rssMB)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Measuring helpers: medians, fresh child processes, and what a child reports about itself. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

const childReport = z.object({ rssMB: z.number() });

/**
 * Runs a Node script in a fresh process; returns its wall time (start-up included, as a user waits
 * for it) and its peak resident memory, which the preloaded reporter writes at exit.
 */
export function timeNodeProcess(
  args: readonly string[],
  label: string,
): { ms: number; rssMB: number; status: number } {
  const reportFile = join(tmpdir(), `reform-progress-bench-${process.pid}-${label}.json`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', join(__dirname, 'rssReporter.js'), ...args], {
    env: { ...process.env, BENCH_RSS_REPORT: reportFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (run.status === null || run.status > 1)
    throw new Error(`${label} failed (${run.status}): ${run.stderr}`);
  const report = childReport.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
  rmSync(reportFile, { force: true });
  return { ms, rssMB: report.rssMB, status: run.status };
}

/** Runs a bench module's entry in a fresh process and parses the JSON it prints. */
export function runChild<T>(
  script: string,
  args: readonly string[],
  schema: z.ZodType<T>,
  nodeFlags: readonly string[] = [],
): T {
  const run = spawnSync(process.execPath, [...nodeFlags, join(__dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return schema.parse(JSON.parse(run.stdout));
}

/**
 * Our package reader producing the grid snapshots of the given files, one after another, as the CLI
 * reads them: the CLI's own bundle (bin/reform-progress.js loads it, with its code cache) and its
 * reader (Node's zlib inflating); nothing checked or summarised. With BENCH_READ_REPORT set, writes
 * the reading time (ms, in-process, without start-up) and the cells read there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { loadReader } from '../src/cli/main';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCli } = require(join(__dirname, '..', '..', 'bin', 'reform-progress.js')) as {
  loadCli: () => { cli: { loadReader: typeof loadReader } };
};

async function main(files: readonly string[]): Promise<void> {
  const readWorkbookFile = await loadCli().cli.loadReader();
  const started = performance.now();
  let cells = 0;
  for (const file of files) {
    const outcome = await readWorkbookFile(file, file);
    if (!outcome.ok) throw new Error(`${file}: ${JSON.stringify(outcome.finding)}`);
    for (const sheet of outcome.snapshot.sheets) for (const row of sheet.values) cells += row.length;
  }
  const ms = performance.now() - started;
  const report = process.env.BENCH_READ_REPORT;
  if (report) writeFileSync(report, JSON.stringify({ ms, cells }));
  if (cells === 0) process.exitCode = 2;
}

void main(process.argv.slice(2));

/**
 * Core benchmark for one size, run in a fresh process: read + validate (analyse) + summarize on a
 * synthetic grid held in memory, next to the floor (a bare loop touching every cell once).
 * Prints one JSON line.
 */
import { getHeapStatistics } from 'node:v8';
import { analyse } from '../src/core/analyse';
import { generateSummary } from '../src/core/flows/generateSummary';
import type { WorkbookSnapshot } from '../src/core/grid';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { summarize } from '../src/core/summary/summarize';
import { median } from './measure';
import { syntheticWorkbook } from './synthetic';

const ITEMS_PER_SHEET = 2000;

function touchEveryCell(workbook: WorkbookSnapshot): number {
  let filled = 0;
  for (const sheet of workbook.sheets) {
    for (const row of sheet.values) {
      for (const value of row) if (value !== null && value !== '') filled += 1;
    }
  }
  return filled;
}

function readValidateSummarize(workbook: WorkbookSnapshot): number {
  const analysis = analyse([workbook], DEFAULT_SETTINGS);
  if (!analysis.year) throw new Error('no year');
  const model = summarize(analysis.items, {
    year: analysis.year,
    years: analysis.years,
    settings: DEFAULT_SETTINGS,
    provenance: { tool: 'bench', version: '0', generatedAt: '', inputs: [] },
  });
  return model.items.length;
}

function timed(work: () => number): { ms: number; result: number } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

function main(): void {
  const items = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 5);
  const workbook = syntheticWorkbook(
    'synthetic.xlsx',
    items,
    Math.max(1, Math.ceil(items / ITEMS_PER_SHEET)),
  );
  const inputMB = getHeapStatistics().used_heap_size / 2 ** 20;
  const cells = touchEveryCell(workbook);
  // One warm-up run each, so that the figures are about steady-state code, not the compiler.
  readValidateSummarize(workbook);
  const times: number[] = [];
  const floors: number[] = [];
  const full: number[] = [];
  let peakHeap = 0;
  for (let run = 0; run < runs; run += 1) {
    const floor = timed(() => touchEveryCell(workbook));
    if (floor.result !== cells) throw new Error('floor');
    floors.push(floor.ms);
    const engine = timed(() => readValidateSummarize(workbook));
    if (engine.result !== items) throw new Error(`read ${engine.result} of ${items} items`);
    times.push(engine.ms);
    peakHeap = Math.max(peakHeap, getHeapStatistics().total_heap_size);
  }
  // The whole 集計表を作成 flow, write plan included (layout and content hash), for reference.
  for (let run = 0; run < (items >= 100_000 ? 1 : 3); run += 1) {
    full.push(
      timed(() =>
        generateSummary({
          workbooks: [workbook],
          settings: DEFAULT_SETTINGS,
          lang: 'ja',
          now: '2026-01-01T00:00:00Z',
        }).ok
          ? 1
          : 0,
      ).ms,
    );
  }
  process.stdout.write(
    JSON.stringify({
      items,
      cells,
      ms: median(times),
      floorMs: median(floors),
      heapMB: peakHeap / 2 ** 20,
      inputMB,
      generateMs: median(full),
    }) + '\n',
  );
}

main();

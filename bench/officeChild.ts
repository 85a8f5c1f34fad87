/**
 * Office.js round trips and payload, against the counting fake Excel (test/fakes/fakeExcel.ts, the
 * one the shell's tests use): read the workbook, then write the summary, at a given number of
 * sheets and items. Prints one JSON line.
 */
import { generateSummary } from '../src/core/flows/generateSummary';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { createExcelHost } from '../src/excel/host';
import { FakeExcel, type Value } from '../test/fakes/fakeExcel';
import { syntheticSheet } from './synthetic';

async function main(): Promise<void> {
  const sheets = Number(process.argv[2]);
  const items = Number(process.argv[3]);
  const excel = new FakeExcel();
  const perSheet = Math.ceil(items / sheets);
  for (let s = 0; s < sheets; s += 1) {
    const grid = syntheticSheet(`課${s + 1}`, Math.min(perSheet, items - perSheet * s), 12, s + 1);
    const rows = grid.values.map((row) =>
      row.map((v) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? (v as Value) : null,
      ),
    );
    excel.addSheet(grid.name, rows, { row: grid.top, col: grid.left }, [...grid.merges]);
  }
  const host = createExcelHost(excel.env(), 'bench.xlsx');
  const snapshot = await host.readSnapshot();
  const readSyncs = excel.syncs;
  const readMaxRequestBytes = Math.max(0, ...excel.requestBytes);
  const result = generateSummary({
    workbooks: [snapshot],
    settings: DEFAULT_SETTINGS,
    lang: 'ja',
    now: '2026-01-01T00:00:00Z',
    linkableFile: snapshot.file,
  });
  if (!result.ok) throw new Error(result.reason);
  if (result.analysis.items.length !== items)
    throw new Error(`read ${result.analysis.items.length} of ${items} items`);
  excel.resetCounters();
  await host.applyPlan(result.plan);
  const writeSyncs = excel.syncs;
  const writeMaxRequestBytes = Math.max(0, ...excel.requestBytes);
  const writtenRows = result.plan.sheets.reduce((n, s) => n + s.values.length, 0);
  process.stdout.write(
    JSON.stringify({
      sheets,
      items,
      readSyncs,
      writeSyncs,
      maxRequestBytes: Math.max(readMaxRequestBytes, writeMaxRequestBytes),
      readMaxRequestBytes,
      writeMaxRequestBytes,
      writtenRows,
    }) + '\n',
  );
}

void main();

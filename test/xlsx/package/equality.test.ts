/**
 * The package reader against the ExcelJS path it replaces: the same snapshot, cell for cell, on every
 * example workbook (the generated test workbooks are compared in readerEquality.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readWorkbookBuffer } from '../../../src/xlsx/readWorkbookBuffer';
import { readXlsx } from '../../../src/xlsx/package/readXlsx';

const examples = [
  'examples/kasama-r2.xlsx',
  ...readdirSync('examples/departments').map((f) => `examples/departments/${f}`),
];

test.each(examples)('%s: the same snapshot as ExcelJS gave', async (file) => {
  const bytes = readFileSync(file);
  const old = await readWorkbookBuffer(bytes, file);
  const read = await readXlsx(bytes, file);
  expect(old.ok && read.ok).toBe(true);
  if (!old.ok || !read.ok) return;
  expect(read.snapshot).toEqual(old.snapshot);
  expect(read.settings).toEqual(old.settings);
  expect(read.snapshot.sheets.length).toBeGreaterThan(0);
});

/**
 * Nothing private leaves the machine: workbooks, CSV and JSON written from absolute paths name the
 * files below the folder given (or by file name), never `/home/…`; times are Japan time with the offset.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tmpDir } from '../helpers/buildWorkbook';

async function everyCellText(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => texts.push(`${ws.name}!${cell.address}=${cell.text}`))),
  );
  return texts;
}

test('summarize on absolute paths writes relative file names into the workbook and the CSV', async () => {
  const dir = resolve(tmpDir());
  const folder = join(dir, 'departments');
  cpSync('examples/departments', folder, { recursive: true });
  const out = join(dir, 'summary.xlsx');
  const csv = join(dir, 'items.csv');
  const json = join(dir, 'summary.json');
  const run = await runCli(['summarize', folder, '--out', out, '--csv', csv, '--json', json]);
  expect(run.code).toBeLessThan(2);
  const cells = await everyCellText(out);
  expect(cells.filter((t) => t.includes(dir))).toEqual([]);
  expect(cells.filter((t) => t.startsWith('RP_取込項目!A') && t.includes('.xlsx'))[0]).toMatch(
    /^RP_取込項目!A2=departments\/[^/]+\.xlsx$/,
  );
  expect(cells.some((t) => t.startsWith('RP_出典!A') && t.endsWith('=departments/総務部.xlsx'))).toBe(true);
  expect(readFileSync(csv, 'utf8')).not.toContain(dir);
  expect(readFileSync(csv, 'utf8')).toContain('departments/総務部.xlsx');
  // The JSON is for the user's own tools on the same machine: it names the files as they were given.
  expect(readFileSync(json, 'utf8')).toContain(join(folder, '総務部.xlsx'));

  // A single file given by its absolute path is named by its file name.
  const one = join(dir, 'one.xlsx');
  cpSync('examples/kasama-r2.xlsx', join(dir, 'kasama-r2.xlsx'));
  const single = await runCli(['summarize', join(dir, 'kasama-r2.xlsx'), '--out', one]);
  expect(single.code).toBe(0);
  const singleCells = await everyCellText(one);
  expect(singleCells.filter((t) => t.includes(dir))).toEqual([]);
  expect(singleCells.some((t) => t.startsWith('RP_出典!A') && t.endsWith('=kasama-r2.xlsx'))).toBe(true);
});

test('the time of the run is Japan time with its offset, and in Japanese where people read it', async () => {
  const dir = tmpDir();
  const out = join(dir, 'summary.xlsx');
  // 23:01 UTC on 30 November is already 1 December in Japan.
  const run = await runCli(
    ['summarize', 'examples/kasama-r2.xlsx', '--out', out],
    {},
    '2026-11-30T23:01:00Z',
  );
  expect(run.code).toBe(0);
  const cells = await everyCellText(out);
  expect(cells).toContain('RP_出典!B5=2026年12月1日 8時01分');
  expect(cells).toContain('RP_出典!C5=2026-12-01T08:01+09:00');
  expect(cells).toContain('RP_公表用!A2=実績（3月）。2026年12月1日作成。');
});

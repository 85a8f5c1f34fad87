/**
 * The validations of a package ExcelJS writes (the preview's download of its in-memory workbook), after
 * disjointValidations: the fewest non-overlapping ranges, each rule keeping its cells. ExcelJS alone
 * writes the first rule's 48 cells as two elements (C10:E20 and C5:E9).
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { disjointValidations } from '../../src/xlsx/rollover/validations';

const LIST = { type: 'list' as const, allowBlank: true, formulae: ['"◎,○,□,▲,終了"'] };

test('per-cell dropdowns of a sheet come out as the fewest disjoint ranges, rule by rule', async () => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('計画');
  // One rule per cell, as a user's book often holds them: C5:E20 with a list, G5:G9 with another.
  for (let row = 5; row <= 20; row += 1)
    for (const col of ['C', 'D', 'E']) ws.getCell(`${col}${row}`).dataValidation = { ...LIST };
  for (let row = 5; row <= 9; row += 1)
    ws.getCell(`G${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"済,未"'] };
  const bytes = disjointValidations(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const files = unzipSync(bytes);
  const xml = strFromU8(files[Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!]!);
  const rules = [
    ...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/g),
  ].map((m) => [m[2], m[1]!.split(' ')] as const);
  expect(
    rules.map(([formula, ranges]) => [formula, ranges.map((r) => (r.includes(':') ? r : `${r}:${r}`))]),
  ).toEqual([
    ['&quot;◎,○,□,▲,終了&quot;', ['C5:E20']],
    ['&quot;済,未&quot;', ['G5:G9']],
  ]);
  expect(xml).toContain('<dataValidations count="2">');
});

/**
 * reform-progress rollover on the package, as Excel's column insert: a workbook with formulas (same
 * sheet, other sheets, names, ranges across the insert, whole columns), conditional formats,
 * hyperlinks, notes, an autofilter, print area and titles, an image anchored in cells and
 * validations. After LibreOffice recalculates both files, every cell holds the value it held before
 * (moved one column right when right of the insert); the objects moved with their cells; every part
 * the insert does not concern is byte for byte the input's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runCli, tmpDir } from '../helpers/buildWorkbook';
import { insertColumnWithLibreOffice, recalculateWithLibreOffice } from '../helpers/libreoffice';

const PLAN = '令和2年度実績';
const CALC = '計算';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function fixture(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('examples/kasama-r2.xlsx');
  const plan = wb.getWorksheet(PLAN)!;
  const f = (cell: string, formula: string) => (plan.getCell(cell).value = { formula } as ExcelJS.CellValue);
  // Right of the tables (columns N–O) and crossing the insert at F.
  f('N8', 'J10/J11');
  f('N9', 'SUM(E10:J11)');
  f('N10', 'COUNTIF(C8:E11,"○")');
  f('N11', '$J$10*2');
  f('N12', 'IF(J11>1,"many","few")&"J11"');
  f('N13', '目標値*2');
  f('N14', 'SUM(J:J)');
  f('N15', 'COUNTA($F$8:$G$11)');
  f('N16', 'SUMPRODUCT((F8:F11="市長公室")*1)');
  f('N17', 'N8+N11');
  plan.getCell('N18').value = { text: '実績へ', hyperlink: `#'${PLAN}'!J10` } as ExcelJS.CellValue;
  plan.getCell('K8').value = {
    text: '笠間市',
    hyperlink: 'https://www.city.kasama.lg.jp/',
  } as ExcelJS.CellValue;
  plan.getCell('J10').note = '時間外勤務の実績';
  plan.getCell('B8').note = '左の列のメモ';
  plan.addConditionalFormatting({
    ref: 'J8:J11',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['$J8>100'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  plan.autoFilter = 'A7:L11';
  plan.pageSetup.printArea = 'A1:L127';
  plan.pageSetup.printTitlesRow = '6:7';
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  plan.addImage(image, 'G2:I4');
  wb.definedNames.add(`'${PLAN}'!$J$10`, '目標値');
  wb.definedNames.add(`'${PLAN}'!$C$8:$L$11`, '実施表');

  const calc = wb.addWorksheet(CALC);
  const c = (cell: string, formula: string) => (calc.getCell(cell).value = { formula } as ExcelJS.CellValue);
  c('A1', `'${PLAN}'!J10`);
  c('A2', `SUM('${PLAN}'!J10:J11)`);
  c('A3', '目標値+1');
  c('A4', `COUNTA('${PLAN}'!G8:G11)`);
  c('A5', 'ROWS(実施表)*100+COUNTA(実施表)');
  c('A6', `SUM('${PLAN}'!N8:N9)`);
  c('A7', `'${PLAN}'!B8&'${PLAN}'!F9`);
  await wb.xlsx.writeFile(path);
}

type Values = Map<string, Map<string, string>>;

async function values(path: string): Promise<Values> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Values = new Map();
  for (const ws of wb.worksheets) {
    const map = new Map<string, string>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, col) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as unknown;
        const shown =
          v && typeof v === 'object' && 'formula' in v
            ? (v as { result?: unknown }).result
            : v && typeof v === 'object' && 'richText' in v
              ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
              : v && typeof v === 'object' && 'hyperlink' in v
                ? (v as unknown as { text: unknown }).text
                : v;
        map.set(`${r},${col}`, JSON.stringify(shown ?? null));
      }),
    );
    out.set(ws.name, map);
  }
  return out;
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]!);
}

let input: string;
let output: string;
let run: Awaited<ReturnType<typeof runCli>>;
beforeAll(async () => {
  const dir = tmpDir();
  input = join(dir, 'in.xlsx');
  output = join(dir, 'out.xlsx');
  await fixture(input);
  run = await runCli(['rollover', input, '--out', output]);
}, 120_000);

test('after recalculation by LibreOffice, every cell holds the value it held before the insert', async () => {
  expect(run.code).toBe(0);
  const before = await values(recalculateWithLibreOffice(input));
  const after = await values(recalculateWithLibreOffice(output));
  // The formulas computed something real (not errors, not blanks) before the insert.
  const plan = before.get(PLAN)!;
  expect([8, 9, 10, 11, 13, 14, 15, 16].map((r) => plan.get(`${r},14`))).toEqual([
    String(53875 / 2),
    '53877',
    '8',
    '107750',
    '107750',
    '157916.37',
    '8',
    '4',
  ]);
  expect(plan.get('12,14')).toBe('"manyJ11"');
  expect(before.get(CALC)!.get('5,1')).toBe('440'); // 4 rows × 100 + 40 filled cells

  for (const [sheet, cells] of before) {
    const moved = new Map<string, string>();
    for (const [key, value] of cells) {
      const [r, col] = key.split(',').map(Number) as [number, number];
      moved.set(sheet === PLAN && col >= 6 ? `${r},${col + 1}` : key, value);
    }
    const got = after.get(sheet)!;
    for (const [key, value] of moved) expect([sheet, key, got.get(key) ?? null]).toEqual([sheet, key, value]);
    // The only new cells: the R3 headers in column F.
    const added = [...got.keys()].filter((k) => !moved.has(k));
    expect(added.every((k) => sheet === PLAN && k.endsWith(',6'))).toBe(true);
  }
}, 120_000);

async function formulas(path: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.formula) out.set(`${ws.name}!${r},${c}`, cell.formula);
      }),
    );
  for (const name of ['目標値', '実施表']) out.set(name, wb.definedNames.getRanges(name).ranges.join(','));
  return out;
}

test('LibreOffice’s own column insert on the same file (a second opinion) gives the same formulas and names', async () => {
  const theirs = await formulas(insertColumnWithLibreOffice(input, PLAN, 5));
  const ours = await formulas(output);
  expect(ours.size).toBeGreaterThan(15);
  // LibreOffice writes sheet names quoted or not as it likes, and no spaces: compare without both.
  const plain = (f: string | undefined) => (f ?? '').replace(/'/g, '').replace(/\s+/g, '').toUpperCase();
  for (const [key, formula] of ours) expect([key, plain(theirs.get(key))]).toEqual([key, plain(formula)]);
}, 120_000);

test('formulas, names, formats, links, notes, filter, print settings and the image moved with their cells', async () => {
  const bytes = readFileSync(output);
  const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
  expect(sheet).toContain('<f>K10/K11</f>');
  expect(sheet).toContain('<f>SUM(E10:K11)</f>');
  // A formula the insert does not concern stays exactly as the file wrote it.
  expect(sheet).toContain('<f>COUNTIF(C8:E11,&quot;○&quot;)</f>');
  expect(sheet).toContain('<f>SUM(K:K)</f>');
  expect(sheet).toContain('<f>COUNTA($G$8:$H$11)</f>');
  expect(sheet).toContain('<f>IF(K11&gt;1,"many","few")&amp;"J11"</f>');
  expect(sheet).toContain('<f>SUMPRODUCT((G8:G11="市長公室")*1)</f>');
  expect(sheet).toMatch(/<conditionalFormatting sqref="K8:K11">.*<formula>\$K8&gt;100<\/formula>/);
  expect(sheet).toContain('<autoFilter ref="A7:M11"');
  expect(sheet).toMatch(/<hyperlink ref="L8"/);
  expect(sheet).toMatch(/<hyperlink ref="O18"[^>]*location="#?'令和2年度実績'!K10"/);
  // The new status cells get the mark list; the list of R2 stays where it was.
  expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="F8:F11[^"]*"><formula1>"◎,○,□,▲,終了"/);
  const calc = part(bytes, 'xl/worksheets/sheet3.xml');
  expect(calc).toContain(`<f>'${PLAN}'!K10</f>`);
  expect(calc).toContain(`<f>SUM('${PLAN}'!K10:K11)</f>`);
  expect(calc).toContain(`<f>'${PLAN}'!B8&amp;'${PLAN}'!G9</f>`);
  const workbook = part(bytes, 'xl/workbook.xml');
  expect(workbook).toContain(`'${PLAN}'!$K$10</definedName>`);
  expect(workbook).toContain(`'${PLAN}'!$C$8:$M$11</definedName>`);
  // (ExcelJS wrote the fixture's print area with relative rows: kept as written, only the column moved.)
  expect(workbook).toMatch(/_xlnm\.Print_Area[^>]*>'令和2年度実績'!\$A1:\$M127</);
  expect(workbook).toMatch(/_xlnm\.Print_Titles[^>]*>&apos;令和2年度実績&apos;!\$6:\$7</);
  const comments = part(bytes, 'xl/comments1.xml');
  expect(comments).toContain('ref="K10"');
  expect(comments).toContain('ref="B8"');
  const vml = part(bytes, 'xl/drawings/vmlDrawing1.vml');
  expect(vml).toMatch(/<x:Row>9<\/x:Row>\s*<x:Column>10<\/x:Column>/);
  const drawing = part(bytes, 'xl/drawings/drawing1.xml');
  expect(drawing).toMatch(/<xdr:from><xdr:col>7<\/xdr:col>/);
});

test('every part the insert does not concern is the input’s, byte for byte', () => {
  const before = unzipSync(readFileSync(input));
  const after = unzipSync(readFileSync(output));
  const changed = Object.keys(before).filter(
    (name) => !after[name] || Buffer.compare(Buffer.from(before[name]!), Buffer.from(after[name]!)) !== 0,
  );
  expect(changed.sort()).toEqual(
    [
      'xl/comments1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet3.xml',
    ].sort(),
  );
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
});

describe('what cannot be adjusted safely stops the rollover before anything is written', () => {
  async function rollover(
    edit: (wb: ExcelJS.Workbook) => void,
    extraParts: Record<string, string> = {},
  ): Promise<{ code: number; stderr: string; out: string }> {
    const dir = tmpDir();
    const file = join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('examples/kasama-r2.xlsx');
    edit(wb);
    await wb.xlsx.writeFile(file);
    if (Object.keys(extraParts).length > 0) {
      const files = unzipSync(readFileSync(file));
      for (const [name, text] of Object.entries(extraParts)) files[name] = strToU8(text);
      writeFileSync(file, zipSync(files));
    }
    const out = join(dir, 'out.xlsx');
    const result = await runCli(['rollover', file, '--out', out], { LANG: 'en' });
    return { code: result.code, stderr: result.stderr, out };
  }
  const table = (ref: string) => (wb: ExcelJS.Workbook) =>
    wb.getWorksheet(PLAN)!.addTable({
      name: 'Results',
      ref,
      columns: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      rows: [[1, 2, 3]],
    });
  const formula = (text: string) => (wb: ExcelJS.Workbook) =>
    (wb.addWorksheet(CALC).getCell('A1').value = { formula: text } as ExcelJS.CellValue);
  const refusedWith = (r: { code: number; stderr: string; out: string }, reason: string) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Open the workbook in Excel and run it from the add-in');
    expect(r.stderr).toContain(reason);
    expect(existsSync(r.out)).toBe(false);
  };

  test('an Excel table the new column would cut; one right of it just moves', async () => {
    refusedWith(await rollover(table('E130')), 'would cut through an Excel table');
    const moved = await rollover(table('N130'));
    expect(moved.code).toBe(0);
    expect(part(readFileSync(moved.out), 'xl/tables/table1.xml')).toContain('ref="O130:Q131"');
  });
  test('a structured reference to a table the workbook does not have', async () => {
    refusedWith(await rollover(formula('SUM(Missing[a])')), 'names a table this workbook does not have');
  });
  test('a 3-D reference over the shifted sheet and one that is not shifted', async () => {
    refusedWith(await rollover(formula(`SUM('${PLAN}:${CALC}'!J10)`)), 'only some get the new column');
  });
  test('a pivot cache reading from the shifted sheet', async () => {
    const cache = `<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource type="worksheet"><worksheetSource ref="A7:L11" sheet="${PLAN}"/></cacheSource></pivotCacheDefinition>`;
    refusedWith(
      await rollover(() => undefined, { 'xl/pivotCache/pivotCacheDefinition1.xml': cache }),
      'a pivot table reads from this sheet',
    );
  });
});

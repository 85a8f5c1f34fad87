import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS, readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { buildWorkbook, tmpDir } from '../helpers/buildWorkbook';
import type { WorkbookSnapshot } from '../../src/core/grid';

async function read(path: string): Promise<WorkbookSnapshot> {
  const outcome = await readWorkbookFile(path, 'f.xlsx');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.finding));
  return outcome.snapshot;
}

test('values as the sheet holds them: cached formula results, rich text, dates, errors, formats, merges, hidden sheets', async () => {
  const dir = tmpDir();
  const path = join(dir, 'v.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  ws.getCell('C3').value = '見出し';
  ws.mergeCells('C3:E3');
  ws.getCell('C4').value = { formula: 'SUM(1,2)', result: 3 };
  ws.getCell('D4').value = { richText: [{ text: '年度' }, { text: '実績', font: { bold: true } }] };
  ws.getCell('E4').value = new Date(Date.UTC(2021, 2, 31));
  ws.getCell('C5').value = { error: '#N/A' };
  ws.getCell('D5').value = 0.401;
  ws.getCell('D5').numFmt = '0.0%';
  ws.getCell('E5').value = { text: 'リンク', hyperlink: 'https://example.org' };
  wb.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = 'x';
  wb.addWorksheet('empty');
  await wb.xlsx.writeFile(path);

  const snap = await read(path);
  const data = snap.sheets[0]!;
  expect(data).toMatchObject({ name: 'data', top: 2, left: 2, hidden: false });
  expect(data.values).toEqual([
    ['見出し'],
    [3, '年度実績', new Date(Date.UTC(2021, 2, 31))],
    [{ error: '#N/A' }, 0.401, 'リンク'],
  ]);
  expect(data.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 4 }]);
  expect(data.numberFormats?.[2]?.[1]).toBe('0.0%');
  expect(snap.sheets[1]).toMatchObject({ name: 'hidden', hidden: true });
  expect(snap.sheets[2]).toMatchObject({ name: 'empty', values: [] });
});

test('ownership markers: defined names that point at sheets', async () => {
  const dir = tmpDir();
  const path = join(dir, 'o.xlsx');
  await buildWorkbook(
    path,
    [
      { name: 'RP_集計表', rows: [['x']] },
      { name: 'RP_偽物', rows: [['y']] },
      { name: 'data sheet', rows: [['z']] },
    ],
    [
      ['ReformProgress_Owned_01', "'RP_集計表'!$A$1"],
      ['SomethingElse', "'data sheet'!$A$1"],
    ],
  );
  expect((await read(path)).ownedSheets).toEqual(['RP_集計表']);
});

test('a sheet that claims A1:XFD1048576 but holds three cells costs three cells', async () => {
  const dir = tmpDir();
  const path = join(dir, 'big.xlsx');
  await buildWorkbook(path, [
    {
      name: 'S',
      rows: [
        ['a', null, 'b'],
        [null, 'c'],
      ],
    },
  ]);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file(
    'xl/worksheets/sheet1.xml',
    sheetXml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
  );
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  const snap = await read(path);
  expect(snap.sheets[0]!.values).toEqual([
    ['a', null, 'b'],
    [null, 'c'],
  ]);
});

test('a zip bomb is refused from its declared sizes, before anything is inflated', async () => {
  // A real bomb: 200 MB of spaces deflates to ~200 KB. The limit is lowered so the test stays small and fast.
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', ' '.repeat(20 * 1024 * 1024));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(bytes.length).toBeLessThan(100 * 1024);
  const outcome = await readWorkbookBuffer(bytes, 'bomb.xlsx', {
    ...DEFAULT_LIMITS,
    maxUncompressedBytes: 10 * 1024 * 1024,
  });
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.finding.params).toMatchObject({ reasonCode: 'tooLarge' });
});

test('too many sheets, not a zip, a zip that is not a workbook', async () => {
  const book = new ExcelJS.Workbook();
  for (let i = 1; i <= 12; i += 1) book.addWorksheet(`S${i}`);
  const many = new Uint8Array(await book.xlsx.writeBuffer());
  const limits = { ...DEFAULT_LIMITS, maxSheets: 10 };
  const tooMany = await readWorkbookBuffer(many, 'm.xlsx', limits);
  expect(!tooMany.ok && tooMany.finding.params.reasonCode).toBe('tooManySheets');

  const text = await readWorkbookBuffer(new TextEncoder().encode('番号,実施項目\n'), 'c.xlsx');
  expect(!text.ok && text.finding.params.reasonCode).toBe('notZip');

  const other = new JSZip();
  other.file('word/document.xml', '<document/>');
  const docx = await readWorkbookBuffer(await other.generateAsync({ type: 'uint8array' }), 'd.xlsx');
  expect(!docx.ok && docx.finding.params.reasonCode).toBe('other');
});

/**
 * Part names resolved as Excel resolves them: through the relationships, without case, with or without
 * a leading '/'; two entries naming one part refused as damaged; a part no relationship reaches
 * (`sheet1.xmlx`) never read, whatever it holds.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../../../src/xlsx/package/readXlsx';

async function parts(): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 'a';
  ws.getCell('B2').value = 2;
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

test.each([['/xl/workbook.xml'], ['XL/Workbook.XML'], ['xl/%77orkbook.xml']])(
  'a second entry for the workbook part (%s) is a damaged file, refused',
  async (second) => {
    const files = await parts();
    files[second] = text(decode(files['xl/workbook.xml']!).replace('name="S"', 'name="Other"'));
    const read = await readXlsx(zipSync(files), 'dup.xlsx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.finding.params).toMatchObject({ reasonCode: 'truncated' });
  },
);

test('relationships are followed without case and with a leading /; an unreachable look-alike part is never read', async () => {
  const files = await parts();
  const rels = decode(files['xl/_rels/workbook.xml.rels']!);
  files['xl/_rels/workbook.xml.rels'] = text(
    rels.replace('worksheets/sheet1.xml', '/XL/Worksheets/Sheet1.xml'),
  );
  // 20,000 merged areas in a part nothing refers to: more than the limit, but never read.
  const merges = Array.from(
    { length: 20_000 },
    (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`,
  ).join('');
  files['xl/worksheets/sheet1.xmlx'] = text(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells count="20000">${merges}</mergeCells></worksheet>`,
  );
  const read = await readXlsx(zipSync(files), 'f.xlsx');
  expect(read.ok).toBe(true);
  if (read.ok) expect(read.snapshot.sheets[0]!.values).toEqual([['a'], [null, 2]]);
});

/**
 * The package reader against the ExcelJS path it replaced: the same snapshot, cell for cell, on every
 * example workbook and on the kinds of workbook the tests make (values of every type, formats, dates,
 * merges, hidden sheets, names, and what our own commands write: templates, summaries with charts,
 * rollovers). Where ExcelJS was wrong the case is named below with what Excel shows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookSnapshot } from '../../../src/core/grid';
import { snapshotFromExcelJs } from '../../helpers/exceljsSnapshot';
import { readXlsx } from '../../../src/xlsx/package/readXlsx';
import { nodeInflate } from '../../../src/xlsx/nodeInflate';
import { buildWorkbook, runCli, tmpDir } from '../../helpers/buildWorkbook';

async function oldSnapshot(bytes: Uint8Array, file: string): Promise<WorkbookSnapshot> {
  return snapshotFromExcelJs(await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer), file);
}

async function newSnapshot(bytes: Uint8Array, file: string): Promise<WorkbookSnapshot> {
  const read = await readXlsx(bytes, file);
  if (!read.ok) throw new Error(JSON.stringify(read.finding));
  // The CLI's inflate (Node's zlib) and the pane's (fflate) read the same.
  expect(await readXlsx(bytes, file, { inflate: nodeInflate })).toEqual(read);
  return read.snapshot;
}

const examples = [
  'examples/kasama-r2.xlsx',
  ...readdirSync('examples/departments').map((f) => `examples/departments/${f}`),
];

test.each(examples)('%s: the same snapshot as ExcelJS gave', async (file) => {
  const bytes = readFileSync(file);
  const read = await newSnapshot(bytes, file);
  expect(read).toEqual(await oldSnapshot(bytes, file));
  expect(read.sheets.length).toBeGreaterThan(0);
});

describe('workbooks made as the tests make them, and as our commands write them', () => {
  const dir = tmpDir('rp-eq-');
  const made: string[] = [];

  beforeAll(async () => {
    const values = join(dir, 'values.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.getCell('C3').value = '見出し';
    ws.mergeCells('C3:E3');
    ws.getCell('D3').value = null;
    ws.getCell('C4').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('D4').value = { richText: [{ text: '年度' }, { text: '実績', font: { bold: true } }] };
    ws.getCell('E4').value = new Date(Date.UTC(2021, 2, 31));
    ws.getCell('C5').value = { error: '#N/A' };
    ws.getCell('D5').value = 0.401;
    ws.getCell('D5').numFmt = '0.0%';
    ws.getCell('E5').value = { text: 'リンク', hyperlink: 'https://example.org' };
    ws.getCell('F5').value = true;
    ws.getCell('G5').value = { formula: 'A1&"x"', result: 'a & <b>' };
    ws.getCell('I5').value = 45000.5;
    ws.getCell('I5').numFmt = 'yyyy/m/d h:mm';
    ws.getCell('J5').value = 1234.5;
    ws.getCell('J5').numFmt = '#,##0"円"';
    ws.getCell('A9').value = '  spaced  ';
    ws.getCell('B9').value = 'line\nbreak';
    ws.mergeCells('A10:B12');
    ws.getCell('A10').value = 'merged';
    wb.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = 'x';
    wb.addWorksheet('very', { state: 'veryHidden' }).getCell('B2').value = 2;
    wb.addWorksheet('empty');
    const owned = wb.addWorksheet('RP_集計表');
    owned.getCell('A1').value = 'summary';
    wb.definedNames.add("'RP_集計表'!$A$1", 'ReformProgress_Owned_01');
    wb.definedNames.add('data!$C$3:$E$5', 'area');
    await wb.xlsx.writeFile(values);
    made.push(values);

    const plan = join(dir, 'plan.xlsx');
    await buildWorkbook(plan, [
      {
        name: '令和2年度',
        rows: [
          ['1. 効率的な行政運営'],
          ['(1) 窓口'],
          ['番号', '実施項目', '進捗状況R1', '進捗状況R2', '担当部'],
          ['①', '窓口の改善', '○', '◎', '総務部'],
          ['②', '会議の削減', '▲', { formula: 'IF(1,"○","")', result: '○' }, '総務部'],
        ],
        merges: ['A1:E1'],
        origin: 'B2',
        numberFormats: { B5: '@' },
      },
    ]);
    made.push(plan);

    const out = join(dir, 'summary.xlsx');
    expect((await runCli(['summarize', 'examples/kasama-r2.xlsx', '--out', out])).code).toBeLessThan(2);
    made.push(out);
    const several = join(dir, 'summary-several.xlsx');
    await runCli(['summarize', 'examples/departments', '--out', several]);
    made.push(several);
    const rolled = join(dir, 'rolled.xlsx');
    await runCli(['rollover', 'examples/kasama-r2.xlsx', '--out', rolled]);
    made.push(rolled);
    const templates = join(dir, 'templates');
    await runCli(['template', '--plan', 'examples/plans/kasama-4th-plan.json', '--out', templates]);
    for (const f of readdirSync(templates)) made.push(join(templates, f));
  });

  test('each one reads the same', async () => {
    expect(made.length).toBeGreaterThan(6);
    for (const file of made) {
      const bytes = readFileSync(file);
      expect({ file, snapshot: await newSnapshot(bytes, file) }).toEqual({
        file,
        snapshot: await oldSnapshot(bytes, file),
      });
    }
  });
});

/** A package edited at the XML level, the way other programs write what ExcelJS never does. */
async function edited(
  edit: (sheet: string) => string,
  more?: (zip: JSZip) => Promise<void>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 'a';
  ws.getCell('A2').value = 'b';
  ws.getCell('A3').value = 'c';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const changed = edit(xml);
  if (changed === xml) throw new Error('fixture edit matched nothing');
  zip.file(part, changed);
  if (more) await more(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('where ExcelJS was wrong (named cases): what Excel shows', () => {
  test('CDATA cell text: Excel shows the text; ExcelJS lost it', async () => {
    const bytes = await edited((x) =>
      x.replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1" t="inlineStr"><is><t><![CDATA[A & <B>]]></t></is></c>'),
    );
    expect((await newSnapshot(bytes, 'f')).sheets[0]!.values[0]).toEqual(['A & <B>']);
    expect((await oldSnapshot(bytes, 'f')).sheets[0]!.values[0]).not.toEqual(['A & <B>']);
  });

  test('an inline string with furigana: the reading is not part of the text, and later rows are kept', async () => {
    const bytes = await edited((x) =>
      x.replace(
        /<c r="A1"[^>]*>.*?<\/c>/,
        '<c r="A1" t="inlineStr"><is><r><t>笠間</t></r><rPh sb="0" eb="2"><t>カサマ</t></rPh><phoneticPr fontId="1"/></is></c>',
      ),
    );
    const values = (await newSnapshot(bytes, 'f')).sheets[0]!.values;
    expect(values).toEqual([['笠間'], [expect.anything()], [expect.anything()]]);
    expect((await oldSnapshot(bytes, 'f')).sheets[0]!.values).not.toEqual(values);
  });

  test('SpreadsheetML written with an x: prefix (as some generators do) reads as without it', async () => {
    const bytes = await edited((x) =>
      x
        .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
        .replace('</worksheet>', '</x:worksheet>')
        .replace(
          /<(\/?)(sheetData|row|c|v|is|t|dimension|sheetViews|sheetView|sheetFormatPr|pageMargins|selection)\b/g,
          '<$1x:$2',
        ),
    );
    const read = (await newSnapshot(bytes, 'f')).sheets[0]!.values;
    expect(read.map((r) => r[0])).toEqual(['a', 'b', 'c']);
  });

  test('Japanese built-in date formats (ids 27–36, 50–58): a date, as Excel shows it; ExcelJS gave the serial number', async () => {
    const bytes = await edited(
      (x) => x.replace(/<c r="A3"[^>]*>.*?<\/c>/, '<c r="A3" s="1"><v>44000</v></c>'),
      async (zip) => {
        const styles = await zip.file('xl/styles.xml')!.async('string');
        const cellXfs = /<cellXfs count="(\d+)">/.exec(styles)!;
        zip.file(
          'xl/styles.xml',
          styles
            .replace(cellXfs[0], '<cellXfs count="2">')
            .replace(
              /(<cellXfs count="2">(?:<xf[^>]*\/>|<xf[^>]*>.*?<\/xf>))/,
              '$1<xf numFmtId="58" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
            ),
        );
      },
    );
    expect((await newSnapshot(bytes, 'f')).sheets[0]!.values[2]).toEqual([new Date(Date.UTC(2020, 5, 18))]);
    expect((await oldSnapshot(bytes, 'f')).sheets[0]!.values[2]).toEqual([44000]);
  });
});

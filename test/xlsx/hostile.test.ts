/**
 * Hostile and broken files through the CLI (its main(), as test/cli runs it, so that the source under
 * test is the source in the tree), in one run next to a good file (the seed report): each
 * bad file ends as a clear `file.unreadable` finding with its reason, or is read as it should be,
 * and the good file is still read. The files are made here from real workbooks edited at the zip
 * level, the way damaged and unusual files arrive. No timing assertions: the limits bound the work.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderFinding } from '../../src/core/findings';
import { DEFAULT_LIMITS, LIMITS_FOR_DOCS, readWorkbookBuffer } from '../../src/xlsx/readWorkbookBuffer';
import { buildWorkbook, runCli, tmpDir } from '../helpers/buildWorkbook';
import { lieAboutSizes } from '../helpers/lyingZip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET = 'xl/worksheets/sheet1.xml';
/** What a password-protected .xlsx (and a vbaProject.bin) starts with: an OLE2 compound file header. */
const CFB_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A small plan workbook: a policy and a measure heading (the measure differs per file, so that items
 * of different files are different items), three items on rows 4–6, R2 marks in column D.
 */
async function planBytes(dir: string, measure: string): Promise<Buffer> {
  const path = join(dir, `base-${measure}.xlsx`);
  await buildWorkbook(path, [
    {
      name: '令和2年度',
      rows: [
        ['1. 効率的な行政運営'],
        [measure],
        ['番号', '実施項目', '進捗状況R1', '進捗状況R2', '担当部'],
        ['①', '窓口の改善', '○', '○', '総務部'],
        ['②', '会議の削減', '○', '○', '総務部'],
        ['③', '電子申請の拡大', '○', '○', '企画部'],
        [],
        ['※ 記号の凡例は別紙'],
      ],
      merges: ['A1:E1'],
    },
  ]);
  return readFileSync(path);
}

/** Replace text in a part of the package; a fixture edit that matched nothing would test nothing. */
async function replaceInPart(zip: JSZip, part: string, from: string | RegExp, to: string): Promise<void> {
  const xml = await zip.file(part)!.async('string');
  const edited = xml.replace(from, to);
  if (edited === xml) throw new Error(`fixture: ${String(from)} not found in ${part}`);
  zip.file(part, edited);
}

/** A cell of the first sheet replaced by raw XML, as Excel would have written it. */
function setCellXml(zip: JSZip, ref: string, xml: string): Promise<void> {
  return replaceInPart(zip, SHEET, new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), xml);
}

async function editXlsx(bytes: Buffer, edit: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Merged areas that overlap one another, in the title row and below the table (Excel would refuse them; files have them). */
const overlappingMerges = (zip: JSZip) =>
  replaceInPart(
    zip,
    SHEET,
    /<mergeCells count="1">.*?<\/mergeCells>/,
    '<mergeCells count="5"><mergeCell ref="A1:E1"/><mergeCell ref="C1:G1"/><mergeCell ref="A1:B1"/><mergeCell ref="A8:C9"/><mergeCell ref="B9:D10"/></mergeCells>',
  );

/** 1/0 in the R2 mark of item ②, with the cached error Excel stores for it. */
const divisionByZero = (zip: JSZip) => setCellXml(zip, 'D5', '<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>');

/**
 * Item ③'s R2 mark taken from another workbook ([1]Sheet1!A1), cached as ▲. The linked file exists
 * and says ◎: reading ▲ shows the cached value is used and the link is never followed.
 */
async function externalLink(zip: JSZip, linked: string): Promise<void> {
  await setCellXml(zip, 'D6', '<c r="D6" t="str"><f>[1]Sheet1!A1</f><v>▲</v></c>');
  zip.file(
    'xl/externalLinks/externalLink1.xml',
    `<externalLink xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
      '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>▲</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  );
  zip.file(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/externalLinkPath" Target="file:///${linked}" TargetMode="External"/></Relationships>`,
  );
  await replaceInPart(
    zip,
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    `<Relationship Id="rIdExt1" Type="${REL_NS}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`,
  );
  await replaceInPart(
    zip,
    'xl/workbook.xml',
    '</sheets>',
    '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>',
  );
  await replaceInPart(
    zip,
    '[Content_Types].xml',
    '</Types>',
    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
  );
}

/** A macro-enabled workbook (.xlsm) renamed to .xlsx: a VBA project part, its relationship and content types. */
async function macros(zip: JSZip): Promise<void> {
  zip.file('xl/vbaProject.bin', Buffer.concat([CFB_HEADER, Buffer.alloc(1024, 0x41)]));
  await replaceInPart(
    zip,
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
  );
  await replaceInPart(
    zip,
    '[Content_Types].xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  await replaceInPart(
    zip,
    '[Content_Types].xml',
    '</Types>',
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
  );
}

/** A real workbook of `count` small sheets, each a one-item plan table. */
async function manySheets(path: string, count: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i += 1) {
    const ws = wb.addWorksheet(`課${i}`);
    ws.addRow(['1. 多数のシート']);
    ws.addRow(['(1) 小さな表']);
    ws.addRow(['番号', '実施項目', '進捗状況R2']);
    ws.addRow([i, `項目${i}`, '○']);
  }
  await wb.xlsx.writeFile(path);
}

/** Whole-column dropdowns, and one on ten whole columns: ExcelJS would list 12 million cells. */
const hugeValidations = (zip: JSZip) =>
  replaceInPart(
    zip,
    SHEET,
    '<pageMargins',
    '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="C1:C1048576 D1:D1048576"><formula1>"◎,○,□,▲,終了"</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" sqref="A1:J1048576"><formula1>"◎,○,□,▲,終了"</formula1></dataValidation></dataValidations><pageMargins',
  );

/** A name on every cell of a sheet: ExcelJS would list 17 billion cells. */
const hugeName = (zip: JSZip) =>
  replaceInPart(
    zip,
    'xl/workbook.xml',
    '</sheets>',
    '</sheets><definedNames><definedName name="全体">\'令和2年度\'!$A$1:$XFD$1048576</definedName></definedNames>',
  );

/** The smallest valid package with `count` sheets, written directly (thousands of parts cost little this way). */
async function minimalWorkbook(count: number, sheetBody = '<sheetData/>'): Promise<Buffer> {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      ids
        .map(
          (i) =>
            `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${ids.map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL_NS}">${ids.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`,
  );
  for (const i of ids)
    zip.file(`xl/worksheets/sheet${i}.xml`, `<worksheet xmlns="${MAIN_NS}">${sheetBody}</worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface JsonFinding {
  severity: string;
  code: string;
  file: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  params: Record<string, string | number>;
}

interface ValidateJson {
  items: number;
  sources: { file: string; sheet: string; items: number }[];
  findings: JsonFinding[];
}

let dir: string;
const path = (name: string) => join(dir, name);
const MANY = 1500;
const TOO_MANY = DEFAULT_LIMITS.maxSheets + 1;

/** One row of data and more merged areas than the limit (each a separate row, none overlapping). */
function tooManyMerges(): Promise<Buffer> {
  const n = DEFAULT_LIMITS.maxMerges + 1;
  const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('');
  return minimalWorkbook(
    1,
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="${n}">${merges}</mergeCells>`,
  );
}

/**
 * A sheet of nothing but empty cells, one more than the cells limit, each zip entry declaring 1 KB:
 * before every `<c>` counted toward the limit, a gigabyte of these was inflated to the end.
 */
async function emptyCells(): Promise<Buffer> {
  const zip = await minimalWorkbook(
    1,
    `<sheetData><row r="1">${'<c r="A1"/>'.repeat(DEFAULT_LIMITS.maxCells + 1)}</row></sheetData>`,
  );
  return lieAboutSizes(zip, 1024);
}

beforeAll(async () => {
  dir = tmpDir('rp-hostile-');
  copyFileSync('examples/kasama-r2.xlsx', path('good.xlsx'));
  const plain = await planBytes(dir, '(1) 業務改善');
  writeFileSync(path('truncated.xlsx'), plain.subarray(0, Math.floor(plain.length / 2)));
  writeFileSync(path('encrypted.xlsx'), Buffer.concat([CFB_HEADER, Buffer.alloc(4096, 0x5a)]));
  writeFileSync(
    path('merges.xlsx'),
    await editXlsx(await planBytes(dir, '(2) 重なる結合'), overlappingMerges),
  );
  writeFileSync(path('errors.xlsx'), await editXlsx(await planBytes(dir, '(3) エラー値'), divisionByZero));
  await buildWorkbook(path('linked-source.xlsx'), [{ name: 'Sheet1', rows: [['◎']] }]);
  writeFileSync(
    path('external.xlsx'),
    await editXlsx(await planBytes(dir, '(4) 外部リンク'), (zip) =>
      externalLink(zip, path('linked-source.xlsx')),
    ),
  );
  writeFileSync(path('macros.xlsx'), await editXlsx(await planBytes(dir, '(5) マクロ'), macros));
  await manySheets(path('sheets-1500.xlsx'), MANY);
  writeFileSync(path('sheets-2001.xlsx'), await minimalWorkbook(TOO_MANY));
  writeFileSync(path('merges-many.xlsx'), await tooManyMerges());
  writeFileSync(
    path('validations.xlsx'),
    await editXlsx(await planBytes(dir, '(6) 入力規則'), hugeValidations),
  );
  writeFileSync(path('names.xlsx'), await editXlsx(await planBytes(dir, '(7) 名前'), hugeName));
  writeFileSync(path('empty-cells.xlsx'), await emptyCells());
});

const BAD_FILES = [
  'truncated.xlsx',
  'encrypted.xlsx',
  'merges.xlsx',
  'errors.xlsx',
  'external.xlsx',
  'macros.xlsx',
  'sheets-1500.xlsx',
  'sheets-2001.xlsx',
  'merges-many.xlsx',
  'validations.xlsx',
  'names.xlsx',
  'empty-cells.xlsx',
];

describe('every hostile file in one run with a good one', () => {
  let out: ValidateJson;
  let code: number;
  const mine = (file: string) => out.findings.filter((f) => f.file === path(file));
  const itemsOf = (file: string) =>
    out.sources.filter((s) => s.file === path(file)).reduce((n, s) => n + s.items, 0);

  beforeAll(async () => {
    const run = await runCli(['validate', path('good.xlsx'), ...BAD_FILES.map(path), '--json', '-']);
    code = run.code;
    out = JSON.parse(run.stdout) as ValidateJson;
  });

  test('the good file is still read: the seed report’s 70 items, no errors', () => {
    expect(itemsOf('good.xlsx')).toBe(70);
    expect(mine('good.xlsx').filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(1);
  });

  test('a truncated zip and a password-protected file: file.unreadable with their reasons, in words', () => {
    for (const [file, reasonCode] of [
      ['truncated.xlsx', 'truncated'],
      ['encrypted.xlsx', 'encrypted'],
    ] as const) {
      expect(mine(file).map((f) => [f.code, f.severity, f.sheet, f.cell, f.params.reasonCode])).toEqual([
        ['file.unreadable', 'error', null, null, reasonCode],
      ]);
      expect(itemsOf(file)).toBe(0);
    }
    expect(mine('encrypted.xlsx')[0]!.message).toContain('パスワード');
    expect(mine('truncated.xlsx')[0]!.message).toContain('途中までしか保存・コピーされていません');
  });

  test('overlapping merged areas: read as usual, all three items, nothing to report', () => {
    expect(itemsOf('merges.xlsx')).toBe(3);
    expect(mine('merges.xlsx')).toEqual([]);
  });

  test('a formula whose cached value is an error, in a mark column: a finding at that cell', () => {
    expect(itemsOf('errors.xlsx')).toBe(3);
    expect(mine('errors.xlsx').map((f) => [f.code, f.severity, f.sheet, f.cell, f.params.raw])).toEqual([
      ['mark.unknown', 'error', '令和2年度', 'D5', '#DIV/0!'],
    ]);
  });

  test('an external link: its cached value is read, nothing else', () => {
    expect(itemsOf('external.xlsx')).toBe(3);
    expect(mine('external.xlsx')).toEqual([]);
  });

  test('a macro-enabled workbook named .xlsx: read as usual, with a warning that macros are not kept', () => {
    expect(itemsOf('macros.xlsx')).toBe(3);
    expect(mine('macros.xlsx').map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([
      ['file.macros', 'warning', null, null],
    ]);
  });

  test(`${MANY} sheets are read within the limits; ${TOO_MANY} are refused before they are read`, () => {
    expect(itemsOf('sheets-1500.xlsx')).toBe(MANY);
    expect(
      new Set(out.sources.filter((s) => s.file === path('sheets-1500.xlsx')).map((s) => s.sheet)).size,
    ).toBe(MANY);
    expect(mine('sheets-1500.xlsx')).toEqual([]);
    expect(mine('sheets-2001.xlsx').map((f) => [f.code, f.params.reasonCode, f.params.detail])).toEqual([
      ['file.unreadable', 'tooManySheets', String(TOO_MANY)],
    ]);
  });

  test('more merged areas than the limit: refused before ExcelJS compares them pair by pair', () => {
    expect(mine('merges-many.xlsx').map((f) => [f.code, f.params.reasonCode])).toEqual([
      ['file.unreadable', 'tooManyMerges'],
    ]);
    expect(mine('merges-many.xlsx')[0]!.message).toContain('結合セルが多すぎます');
  });

  test('dropdowns on whole columns: cut at the last row and read as usual (they were ten million cells to ExcelJS)', () => {
    expect(itemsOf('validations.xlsx')).toBe(3);
    expect(mine('validations.xlsx')).toEqual([]);
  });

  test('a size-lying sheet of nothing but empty cells: refused as too many cells at the limit, not read to its end', () => {
    // Its ~55 MB of XML is far inside the inflated-bytes limit: only counting every <c> refuses it.
    expect(mine('empty-cells.xlsx').map((f) => [f.code, f.params.reasonCode, f.params.detail])).toEqual([
      ['file.unreadable', 'tooManyCells', `> ${DEFAULT_LIMITS.maxCells}`],
    ]);
  });

  test('a defined name on every cell of a sheet: refused as too many cells, not a crash for lack of memory', () => {
    expect(mine('names.xlsx').map((f) => [f.code, f.params.reasonCode])).toEqual([
      ['file.unreadable', 'tooManyCells'],
    ]);
  });
});

test('the sheet-count refusal is about the count: the same minimal package with three sheets is a workbook', async () => {
  const outcome = await readWorkbookBuffer(await minimalWorkbook(3), 'three.xlsx');
  expect(outcome.ok && outcome.snapshot.sheets.map((s) => s.name)).toEqual(['S1', 'S2', 'S3']);
});

test('the external link: the cached ▲ is counted, not the ◎ of the linked file', async () => {
  const run = await runCli(['summarize', path('external.xlsx'), '--json', '-']);
  const out = JSON.parse(run.stdout) as {
    behind: { name: string }[];
    years: { year: string; counts: Record<string, number> }[];
  };
  expect(out.behind.map((b) => b.name)).toEqual(['電子申請の拡大']);
  expect(out.years.find((y) => y.year === 'R2')!.counts).toMatchObject({ ahead: 0, onPlan: 2, behind: 1 });
});

test('summarize --out on a macro workbook: the copy keeps the macros, as .xlsm only', async () => {
  // As .xlsx the copy would claim macros Excel refuses to open in an .xlsx: refused, nothing written.
  const refused = path('macros-summary.xlsx');
  const run = await runCli(['summarize', path('macros.xlsx'), '--out', refused, '--lang', 'en']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('a macro-enabled workbook is written as .xlsm');
  expect(existsSync(refused)).toBe(false);

  const target = path('macros-summary.xlsm');
  const kept = await runCli(['summarize', path('macros.xlsx'), '--out', target, '--lang', 'en']);
  expect(kept.code).toBe(0);
  expect(kept.stdout).toContain('file.macros');
  const zip = await JSZip.loadAsync(readFileSync(target));
  const original = await JSZip.loadAsync(readFileSync(path('macros.xlsx')));
  expect(await zip.file('xl/vbaProject.bin')!.async('uint8array')).toEqual(
    await original.file('xl/vbaProject.bin')!.async('uint8array'),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  expect(types).toContain('macroEnabled.main+xml');
  // The findings sheet of the copy carries the notice.
  const copy = await readWorkbookBuffer(readFileSync(target), 'macros-summary.xlsm');
  if (!copy.ok) throw new Error(JSON.stringify(copy.finding));
  const macroText = renderFinding(
    { severity: 'warning', code: 'file.macros', file: '', sheet: null, cell: null, params: {} },
    'en',
  ).message;
  const findingsSheet = copy.snapshot.sheets.find((s) => s.name === 'RP_検証結果')!;
  expect(findingsSheet.values.some((row) => row.includes('file.macros') && row.includes(macroText))).toBe(
    true,
  );
});

test('the README states every limit as the code has it', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('### Limits on input files'),
    readme.indexOf('### What the reader accepts'),
  );
  const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;
  const count = (n: number) => n.toLocaleString('en-US');
  const limits = LIMITS_FOR_DOCS;
  const stated = [
    mb(limits.maxFileBytes),
    mb(limits.maxUncompressedBytes),
    `${count(limits.maxSheets)} sheets`,
    `${count(limits.maxMerges)} merged areas`,
    `${count(limits.maxRangeCells)} cells under data validations and defined names`,
    `${count(limits.maxCells)} cells, empty ones included`,
  ];
  expect(stated.filter((text) => !section.includes(text))).toEqual([]);
});

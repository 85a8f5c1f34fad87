/**
 * Builds the sample workbooks from the seed item table:
 *   examples/kasama-r2.xlsx            the published layout, plus the report's hand-typed history table
 *   examples/departments/<担当部>.xlsx  one workbook per department, in the varied layouts real offices use
 *   examples/plans/kasama-4th-plan.json the 4th plan's definition, for `reform-progress template`
 *   examples/other-cities/sabc-r5.xlsx  a plan graded S/A/B/C with 完了 and 対象外, for `--scale sabc`
 * Usage: node dist/scripts/make-samples.js [outDir]   (default: examples/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeOtherCities } from './samples/otherCities';
import { plan4FromSeed } from './samples/plan4';
import { loadSeed, numbering, repoRoot, seedOwners, type SeedItem } from './samples/seed';

type Row = (string | number | null)[];
const FIXED_DATE = new Date('2021-06-30T00:00:00Z');
const YEARS = ['H30', 'R1', 'R2'] as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Indicator figures that are plain numbers are stored as numbers, the rest as the text people typed. */
function figure(text: string): string | number | null {
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Reform Progress samples';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function styleRange(
  ws: ExcelJS.Worksheet,
  row: number,
  fromCol: number,
  toCol: number,
  header: boolean,
): void {
  for (let c = fromCol; c <= toCol; c += 1) {
    const cell = ws.getCell(row, c);
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: header ? 'center' : undefined };
    if (header) {
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
    }
  }
}

function writeRow(ws: ExcelJS.Worksheet, row: number, col: number, values: Row): void {
  values.forEach((v, i) => {
    if (v !== null) ws.getCell(row, col + i).value = v;
  });
}

const ctx = { numbers: numbering(loadSeed()) };
const policyHeading = (item: SeedItem, fullWidth = false) => {
  const n = ctx.numbers.policyNo.get(item.policy)!;
  return fullWidth ? `${String.fromCharCode(0xff10 + n)}．${item.policy}` : `${n}. ${item.policy}`;
};
const measureHeading = (item: SeedItem, fullWidth = false) => {
  const n = ctx.numbers.measureNo.get(`${item.policy}|${item.measure}`)!;
  return fullWidth ? `（${String.fromCharCode(0xff10 + n)}）${item.measure}` : `(${n}) ${item.measure}`;
};

/** Items grouped by measure, in seed order. */
function byMeasure(items: readonly SeedItem[]): SeedItem[][] {
  const groups: SeedItem[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.policy === item.policy && last[0]!.measure === item.measure) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Published layout: heading rows, a two-row header per measure with 進捗状況 merged over the years.

interface PublishedOptions {
  /** 0-based column offset of the table (a blank column A in some offices). */
  readonly offset: number;
  readonly fullWidthHeadings: boolean;
  /** Year captions under 進捗状況. */
  readonly yearCaptions: readonly string[];
  /** Split this measure's table after this many items, repeating the header (a page break). */
  readonly splitMeasure?: string;
  readonly splitAfter?: number;
  readonly legend: boolean;
  readonly title: string;
}

const PUBLISHED_HEADER = [
  '番号',
  '実施項目',
  '進捗状況',
  null,
  null,
  '担当部',
  '担当課',
  '指標',
  '計画(R2)',
  '実績(R2)',
  '具体的な取組結果(R2)',
  '令和3年度の取組計画',
];
const PUBLISHED_WIDTHS = [6, 34, 6, 6, 6, 12, 14, 24, 12, 12, 50, 50];

function publishedRow(item: SeedItem): Row {
  return [
    item.number,
    item.name,
    item.H30 || null,
    item.R1 || null,
    item.R2 || null,
    item.department,
    item.division,
    item.indicator,
    figure(item.target),
    figure(item.actual),
    item.result || null,
    item.nextPlan || null,
  ];
}

function writePublishedHeader(
  ws: ExcelJS.Worksheet,
  row: number,
  offset: number,
  captions: readonly string[],
): void {
  const c0 = offset + 1;
  writeRow(ws, row, c0, PUBLISHED_HEADER);
  writeRow(ws, row + 1, c0 + 2, [...captions]);
  for (let i = 0; i < PUBLISHED_HEADER.length; i += 1) {
    if (i >= 2 && i <= 4) continue;
    ws.mergeCells(row, c0 + i, row + 1, c0 + i);
  }
  ws.mergeCells(row, c0 + 2, row, c0 + 4);
  styleRange(ws, row, c0, c0 + PUBLISHED_HEADER.length - 1, true);
  styleRange(ws, row + 1, c0, c0 + PUBLISHED_HEADER.length - 1, true);
}

function writePublished(ws: ExcelJS.Worksheet, items: readonly SeedItem[], options: PublishedOptions): void {
  const c0 = options.offset + 1;
  PUBLISHED_WIDTHS.forEach((w, i) => (ws.getColumn(c0 + i).width = w));
  if (options.offset > 0) ws.getColumn(1).width = 2;
  ws.getCell(1, c0).value = options.title;
  ws.getCell(1, c0).font = { bold: true, size: 14 };
  let row = 3;
  let policy = '';
  for (const group of byMeasure(items)) {
    const first = group[0]!;
    if (first.policy !== policy) {
      policy = first.policy;
      ws.getCell(row, c0).value = policyHeading(first, options.fullWidthHeadings);
      ws.getCell(row, c0).font = { bold: true, size: 12 };
      row += 2;
    }
    ws.getCell(row, c0).value = measureHeading(first, options.fullWidthHeadings);
    ws.getCell(row, c0).font = { bold: true };
    row += 1;
    const split =
      options.splitMeasure === first.measure && options.splitAfter ? options.splitAfter : group.length;
    const parts = split < group.length ? [group.slice(0, split), group.slice(split)] : [group];
    for (const part of parts) {
      writePublishedHeader(ws, row, options.offset, options.yearCaptions);
      row += 2;
      for (const item of part) {
        writeRow(ws, row, c0, publishedRow(item));
        styleRange(ws, row, c0, c0 + PUBLISHED_HEADER.length - 1, false);
        for (let c = 2; c <= 4; c += 1)
          ws.getCell(row, c0 + c).alignment = { horizontal: 'center', vertical: 'middle' };
        row += 1;
      }
      row += 1;
    }
  }
  if (options.legend) {
    for (const line of [
      '◎：進んでいる',
      '○：計画どおり',
      '□：ほぼ計画どおり（計画の8割以上）',
      '▲：遅れている',
      '終了：事業終了',
    ]) {
      ws.getCell(row, c0).value = line;
      row += 1;
    }
    ws.getCell(row, c0).value =
      '※進捗率・・・実施項目数に対して、計画目標がほぼ計画どおり（計画の8割）以上進んでいる割合';
  }
  ws.views = [{ state: 'frozen', ySplit: 0, xSplit: c0 + 1 }];
  printSetup(ws);
}

// ---------------------------------------------------------------------------------------------
// Flat layout: one-row header with years in the header text, 基本方針 / 施策 as columns.

const FLAT_HEADER = [
  '基本方針',
  '施策',
  '番号',
  '実施項目',
  '進捗状況H30',
  '進捗状況R1',
  '進捗状況R2',
  '担当部',
  '担当課',
  '指標',
  '計画(R2)',
  '実績(R2)',
  '取組結果',
  '次年度計画',
];

function writeFlat(ws: ExcelJS.Worksheet, items: readonly SeedItem[], numberedCells: boolean): void {
  writeRow(ws, 1, 1, FLAT_HEADER);
  styleRange(ws, 1, 1, FLAT_HEADER.length, true);
  [18, 22, 6, 34, 8, 8, 8, 12, 14, 24, 10, 10, 40, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  items.forEach((item, i) => {
    const policy = numberedCells ? policyHeading(item) : item.policy;
    const measure = numberedCells ? measureHeading(item) : item.measure;
    writeRow(ws, i + 2, 1, [
      policy,
      measure,
      item.number,
      item.name,
      item.H30 || null,
      item.R1 || null,
      item.R2 || null,
      item.department,
      item.division,
      item.indicator,
      figure(item.target),
      figure(item.actual),
      item.result || null,
      item.nextPlan || null,
    ]);
    styleRange(ws, i + 2, 1, FLAT_HEADER.length, false);
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: items.length + 1, column: FLAT_HEADER.length } };
  printSetup(ws);
}

// ---------------------------------------------------------------------------------------------
// Reordered layout: 担当課 first, years after 担当部 with era captions, 指標 last,
// policy/measure written only where they change (blank means "same as above").

const REORDERED_HEADER = [
  '担当課',
  '番号',
  '実施項目',
  '担当部',
  '平成30年度',
  '令和元年度',
  '令和2年度',
  '実績(R2)',
  '計画(R2)',
  '基本方針',
  '施策',
  '指標',
];

function writeReordered(ws: ExcelJS.Worksheet, items: readonly SeedItem[]): void {
  ws.getCell('A1').value = '行財政改革実施計画 進捗状況調査票（令和2年度実績）';
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = '※進捗状況は ◎ ○ □ ▲ 終了 のいずれかを記入してください。';
  writeRow(ws, 4, 1, REORDERED_HEADER);
  styleRange(ws, 4, 1, REORDERED_HEADER.length, true);
  [14, 6, 34, 12, 10, 10, 10, 10, 10, 18, 22, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let previous: SeedItem | null = null;
  items.forEach((item, i) => {
    const samePolicy = previous?.policy === item.policy;
    const sameMeasure = samePolicy && previous?.measure === item.measure;
    writeRow(ws, i + 5, 1, [
      item.division,
      item.number,
      item.name,
      item.department,
      item.H30 || null,
      item.R1 || null,
      item.R2 || null,
      figure(item.actual),
      figure(item.target),
      samePolicy ? null : item.policy,
      sameMeasure ? null : item.measure,
      item.indicator,
    ]);
    styleRange(ws, i + 5, 1, REORDERED_HEADER.length, false);
    previous = item;
  });
  printSetup(ws);
}

// ---------------------------------------------------------------------------------------------

type Layout = 'published' | 'publishedOffset' | 'flat' | 'flatNumbered' | 'reordered';

interface DepartmentPlan {
  readonly department: string;
  readonly layout: Layout;
  /** One sheet per division rather than one sheet for the department. */
  readonly perDivision: boolean;
  /** An instructions sheet (no plan table) and a hidden helper sheet, as many offices have. */
  readonly extraSheets?: boolean;
}

const DEPARTMENTS: readonly DepartmentPlan[] = [
  { department: '市長公室', layout: 'published', perDivision: true },
  { department: '総務部', layout: 'flat', perDivision: true },
  { department: '市民生活部', layout: 'reordered', perDivision: false },
  { department: '保健福祉部', layout: 'publishedOffset', perDivision: false, extraSheets: true },
  { department: '都市建設部', layout: 'flatNumbered', perDivision: false },
  { department: '上下水道部', layout: 'publishedOffset', perDivision: true },
  { department: '教育委員会', layout: 'published', perDivision: false },
  { department: '消防本部', layout: 'reordered', perDivision: false },
  { department: '市立病院', layout: 'flat', perDivision: false },
];

function writeLayout(ws: ExcelJS.Worksheet, items: readonly SeedItem[], layout: Layout, title: string): void {
  switch (layout) {
    case 'published':
      return writePublished(ws, items, {
        offset: 0,
        fullWidthHeadings: false,
        yearCaptions: YEARS,
        legend: true,
        title,
      });
    case 'publishedOffset':
      return writePublished(ws, items, {
        offset: 1,
        fullWidthHeadings: true,
        yearCaptions: ['平成30年度', '令和元年度', '令和2年度'],
        legend: false,
        title,
      });
    case 'flat':
      return writeFlat(ws, items, false);
    case 'flatNumbered':
      return writeFlat(ws, items, true);
    case 'reordered':
      return writeReordered(ws, items);
  }
}

async function writeDepartment(plan: DepartmentPlan, items: readonly SeedItem[], dir: string): Promise<void> {
  const wb = newWorkbook();
  const mine = items.filter((item) => seedOwners(item).some((o) => o.department === plan.department));
  if (plan.extraSheets) {
    const notes = wb.addWorksheet('記入要領');
    notes.getCell('A1').value = '記入要領';
    notes.getCell('A3').value = '1. 進捗状況欄には ◎ ○ □ ▲ 終了 のいずれかを入力してください。';
    notes.getCell('A4').value =
      '2. 指標の実績が未確定の場合は、最新の数値と年度を（R1）のように記入してください。';
    notes.getColumn(1).width = 90;
  }
  if (plan.perDivision) {
    const divisions = [
      ...new Set(
        mine.map((item) => seedOwners(item).find((o) => o.department === plan.department)!.division),
      ),
    ];
    for (const division of divisions) {
      const ws = wb.addWorksheet(division);
      const theirs = mine.filter((item) =>
        seedOwners(item).some((o) => o.department === plan.department && o.division === division),
      );
      writeLayout(ws, theirs, plan.layout, `${plan.department} ${division} 実施計画 令和2年度実績`);
    }
  } else {
    const ws = wb.addWorksheet('実施計画');
    writeLayout(ws, mine, plan.layout, `${plan.department} 実施計画 令和2年度実績`);
  }
  if (plan.extraSheets) {
    const helper = wb.addWorksheet('作業用', { state: 'hidden' });
    ['◎', '○', '□', '▲', '終了'].forEach((mark, i) => (helper.getCell(i + 1, 1).value = mark));
  }
  await wb.xlsx.writeFile(join(dir, `${plan.department}.xlsx`));
}

const HISTORY: Row[] = [
  ['進捗状況', '平成29年度', '平成30年度', '令和元年度', '令和2年度'],
  ['実施項目数', 68, 68, 68, 70],
  ['進んでいる', 16, 13, 10, 9],
  ['計画どおり', 36, 32, 34, 27],
  ['ほぼ計画どおり', '—', 11, 16, 17],
  ['遅れている', 16, 12, 8, 17],
  ['進捗率', 0.765, 0.824, 0.882, 0.757],
];

function writeHistory(ws: ExcelJS.Worksheet): void {
  ws.getCell('A1').value = '第3次笠間市行財政改革大綱実施計画の進捗状況（平成29年度～令和3年度）';
  ws.getCell('A1').font = { bold: true, size: 13 };
  HISTORY.forEach((values, i) => {
    writeRow(ws, i + 3, 1, values);
    styleRange(ws, i + 3, 1, values.length, i === 0);
  });
  for (let c = 2; c <= 5; c += 1) {
    ws.getCell(9, c).numFmt = '0.0%';
    for (let r = 4; r <= 9; r += 1) ws.getCell(r, c).alignment = { horizontal: 'right' };
  }
  ws.getCell('A11').value =
    '※進捗率・・・実施項目数に対して、計画目標がほぼ計画どおり（計画の8割）以上進んでいる割合';
  [16, 12, 12, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws);
}

export async function makeSamples(outDir: string): Promise<void> {
  const items = loadSeed();
  mkdirSync(join(outDir, 'departments'), { recursive: true });
  const wb = newWorkbook();
  const main = wb.addWorksheet('令和2年度実績');
  writePublished(main, items, {
    offset: 0,
    fullWidthHeadings: false,
    yearCaptions: YEARS,
    splitMeasure: '業務改善',
    splitAfter: 6,
    legend: true,
    title: '第3次笠間市行財政改革大綱実施計画 令和2年度実績',
  });
  writeHistory(wb.addWorksheet('進捗状況の推移'));
  await wb.xlsx.writeFile(join(outDir, 'kasama-r2.xlsx'));
  for (const plan of DEPARTMENTS) await writeDepartment(plan, items, join(outDir, 'departments'));
  mkdirSync(join(outDir, 'plans'), { recursive: true });
  writeFileSync(
    join(outDir, 'plans', 'kasama-4th-plan.json'),
    `${JSON.stringify(plan4FromSeed(items), null, 2)}\n`,
  );
  await writeOtherCities(outDir);
}

if (require.main === module) {
  const outDir = process.argv[2] ?? join(repoRoot(), 'examples');
  makeSamples(outDir).then(
    () => process.stdout.write(`samples written to ${outDir}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}

/**
 * Synthetic plan grids in realistic layouts for the benchmarks: heading rows, two-row merged
 * headers repeated per measure, blank rows, ○ variants, indicator values with year tags.
 */
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/core/grid';

const MARKS = ['◎', '○', '□', '▲', '○', '○', '□', '〇'];
const CIRCLED = (n: number) => (n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n));

export function syntheticSheet(name: string, items: number, perMeasure = 12, seed = 1): SheetSnapshot {
  // Measures are named after the sheet, so items on different sheets are different items.
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  let r = 0;
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  values.push(['実施計画 令和2年度実績']);
  values.push([]);
  r = 2;
  let written = 0;
  let measure = 0;
  while (written < items) {
    if (measure % 5 === 0) {
      values.push([`${Math.floor(measure / 5) + 1}. 基本方針${Math.floor(measure / 5) + 1}`]);
      r += 1;
    }
    measure += 1;
    values.push([`(${((measure - 1) % 5) + 1}) ${name}の施策${measure}`]);
    values.push([
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
    ]);
    values.push([null, null, 'H30', 'R1', 'R2', null, null, null, null, null, null]);
    merges.push({ top: r + 1, left: 2, bottom: r + 1, right: 4 });
    for (const col of [0, 1, 5, 6, 7, 8, 9, 10])
      merges.push({ top: r + 1, left: col, bottom: r + 2, right: col });
    r += 3;
    for (let i = 1; i <= perMeasure && written < items; i += 1, written += 1) {
      const target = Math.round(rand() * 1000);
      values.push([
        CIRCLED(i),
        `項目${written + 1}【重点】`,
        MARKS[Math.floor(rand() * MARKS.length)]!,
        MARKS[Math.floor(rand() * MARKS.length)]!,
        MARKS[Math.floor(rand() * MARKS.length)]!,
        `部${(written % 9) + 1}`,
        `課${(written % 23) + 1}`,
        `☆指標${written % 50}(件)`,
        target,
        rand() < 0.1 ? `${Math.round(target * rand())} (R1)` : Math.round(target * (0.5 + rand())),
        '取組の結果を記載する。',
      ]);
      r += 1;
    }
    values.push([]);
    r += 1;
  }
  values.push(['◎：進んでいる']);
  return { name, top: 0, left: 0, values, merges, hidden: false };
}

export function syntheticWorkbook(file: string, items: number, sheets = 1): WorkbookSnapshot {
  const per = Math.ceil(items / sheets);
  return {
    file,
    sheets: Array.from({ length: sheets }, (_, i) =>
      syntheticSheet(`シート${i + 1}`, Math.min(per, items - per * i), 12, i + 1),
    ),
    ownedSheets: [],
  };
}

/**
 * A department's workbook as an .xlsx (ExcelJS): `sheets` division sheets of about `perSheet` items
 * each, with the two-row merged headers, headings and legend of the synthetic grid.
 */
export async function writeSyntheticXlsx(
  path: string,
  department: number,
  sheets: number,
  perSheet: number,
  perMeasure = 12,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s += 1) {
    const grid = syntheticSheet(`部${department}課${s + 1}`, perSheet, perMeasure, department * 100 + s + 1);
    const ws = workbook.addWorksheet(grid.name);
    grid.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined)
          ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  await workbook.xlsx.writeFile(path);
}

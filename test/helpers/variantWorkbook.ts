/** A plan sheet typed with 〇 (U+3007) and ◯ (U+25EF) where ○ is meant: the two marks 統一 rewrites (E2, D4). */
import ExcelJS from 'exceljs';

export const VARIANT_SHEET = '令和2年度';

export function variantWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(VARIANT_SHEET);
  for (const row of [
    ['施策', '番号', '実施項目', 'R1', 'R2'],
    ['業務改善', 1, '窓口の改善', '○', '〇'],
    ['業務改善', 2, '会議の改善', '○', '▲'],
    ['業務改善', 3, '研修', '◯', '○'],
  ])
    ws.addRow(row);
  return wb;
}

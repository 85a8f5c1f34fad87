/**
 * Values as `range.values` must receive them so that Excel stores exactly what we mean. Office.js
 * hands every string to Excel's en-US parser: `-3%`, `90,000`, `(1)`, `1/2`, `4-1`, `TRUE`, `=…`
 * would become numbers, dates, booleans or formulas. A leading apostrophe is Excel's mark for "this
 * is text": it is not part of the value, is not shown, and stops every such conversion. Numbers and
 * booleans go as they are; an empty string leaves the cell empty.
 */
export type ExcelCellValue = string | number | boolean;

export function asExcelValue(value: string | number | boolean | null | undefined): ExcelCellValue {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string' || value === '') return value;
  return `'${value}`;
}

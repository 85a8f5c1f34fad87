/**
 * Applies a write plan to an ExcelJS workbook: the add-in's own sheets are created or replaced, and
 * nothing else is touched. No Node imports: the browser preview uses it too.
 */
import type ExcelJS from 'exceljs';
import {
  checkPlan,
  isMarkerName,
  markerName,
  parseRange,
  printTitles,
  quoteSheetName,
  SHEET_FONT,
  type HeaderFooterSections,
  type PlanFormat,
  type PlanProtection,
  type PlanSheet,
  type PrintSetup,
  type WritePlan,
} from '../core';
import { PlanConflictError } from './write/planConflict';
import { addMarkDropdowns, forEachCell } from './markDropdowns';

export { PlanConflictError };

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export function applyFormat(ws: ExcelJS.Worksheet, format: PlanFormat): void {
  const range = parseRange(format.range);
  if (!range) return;
  for (let r = range.top; r <= range.bottom; r += 1) {
    for (let c = range.left; c <= range.right; c += 1) {
      const cell = ws.getCell(r + 1, c + 1);
      if (format.numberFormat) cell.numFmt = format.numberFormat;
      // The font's name on every style we write: a style without one falls back to a serif face.
      {
        cell.font = {
          ...SHEET_FONT,
          ...cell.font,
          ...(format.bold !== undefined ? { bold: format.bold } : {}),
          ...(format.italic !== undefined ? { italic: format.italic } : {}),
          ...(format.fontSize ? { size: format.fontSize } : {}),
          ...(format.fontColor ? { color: { argb: argb(format.fontColor) } } : {}),
        };
      }
      if (format.fill)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
      if (format.border === 'thin') {
        cell.border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        };
      }
      if (format.wrap !== undefined || format.align) {
        cell.alignment = {
          ...cell.alignment,
          vertical: 'top',
          ...(format.wrap !== undefined ? { wrapText: format.wrap } : {}),
          ...(format.align
            ? { horizontal: format.align === 'centerAcross' ? 'centerContinuous' : format.align }
            : {}),
        };
      }
    }
  }
}

/** Values, column widths and formats: what every sheet we write has. */
export function writeCellsAndFormats(
  ws: ExcelJS.Worksheet,
  sheet: Pick<PlanSheet, 'values' | 'columnWidths' | 'formats'>,
): void {
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      // A string is always stored as text: ExcelJS makes formulas only from {formula} objects.
      if (value === null || value === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      cell.font = { ...SHEET_FONT, ...cell.font };
    }),
  );
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const format of sheet.formats) applyFormat(ws, format);
}

export function pageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const titles = printTitles(print);
  return {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    ...(print.fitToWidth ? { fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(titles.rows ? { printTitlesRow: titles.rows } : {}),
    ...(titles.columns ? { printTitlesColumn: titles.columns } : {}),
  };
}

/** Excel's header/footer string: `&L…&C…&R…` (texts already in header/footer codes). */
export function headerFooterString(sections: HeaderFooterSections | undefined): string | undefined {
  if (!sections) return undefined;
  const font = `&"${SHEET_FONT.name},Regular"&9`;
  const parts = [
    sections.left ? `&L${font}${sections.left}` : '',
    sections.center ? `&C${font}${sections.center}` : '',
    sections.right ? `&R${font}${sections.right}` : '',
  ].join('');
  return parts === '' ? undefined : parts;
}

/** Sheet protection that still lets people add rows, format and sort: only the locked cells are guarded. */
const PROTECTION: Readonly<Record<PlanProtection['policy'], Partial<ExcelJS.WorksheetProtection>>> = {
  lockedHeaders: {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  },
};

function protect(ws: ExcelJS.Worksheet, sheet: PlanSheet, protection: PlanProtection): void {
  // The sheet's columns editable (rows people add inherit it), then the locked cells locked.
  sheet.columnWidths.forEach((_, i) => (ws.getColumn(i + 1).protection = { locked: false }));
  for (const range of protection.lockedRanges)
    forEachCell(range, (r, c) => (ws.getCell(r, c).protection = { locked: true }));
  // Without a password ExcelJS's protect does all its work before returning (no hashing to wait for).
  void ws.protect('', PROTECTION[protection.policy]);
}

/** One sheet of the model, summaries and templates alike. */
export function writeSheet(ws: ExcelJS.Worksheet, sheet: PlanSheet): void {
  writeCellsAndFormats(ws, sheet);
  for (const merge of sheet.merges ?? []) ws.mergeCells(merge);
  for (const dropdown of sheet.dropdowns ?? []) addMarkDropdowns(ws, dropdown.ranges, dropdown.list);
  if (sheet.protection) protect(ws, sheet, sheet.protection);
  for (const link of sheet.links) {
    const cell = ws.getCell(link.cell);
    const text = cell.value === null || cell.value === undefined ? link.targetCell : String(cell.value);
    cell.value = { text, hyperlink: `#${quoteSheetName(link.targetSheet)}!${link.targetCell}` };
    cell.font = { ...cell.font, color: { argb: 'FF0563C1' }, underline: true };
  }
  if (sheet.freeze) ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  ws.pageSetup = pageSetup(sheet.print);
  const header = headerFooterString(sheet.print.header);
  const footer = headerFooterString(sheet.print.footer);
  if (header || footer)
    ws.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}

interface DefinedNameEntry {
  readonly name: string;
  readonly ranges: readonly string[];
}

/**
 * Create or replace the plan's sheets. Refuses (PlanConflictError, before any change) when a planned
 * name belongs to a user's sheet. Owned sheets the plan no longer produces are left in place, still owned.
 */
export function writePlanToWorkbook(
  workbook: ExcelJS.Workbook,
  plan: WritePlan,
  owned: readonly string[],
): void {
  const check = checkPlan(plan, { sheetNames: workbook.worksheets.map((ws) => ws.name), ownedSheets: owned });
  if (check.conflicts.length > 0 || check.invalidNames.length > 0)
    throw new PlanConflictError(check.conflicts, check.invalidNames);

  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  for (const ws of [...workbook.worksheets]) {
    if (planned.has(ws.name.toLowerCase())) workbook.removeWorksheet(ws.id);
  }
  for (const sheet of plan.sheets) writeSheet(workbook.addWorksheet(sheet.name), sheet);

  // Markers: every owned sheet that exists after the write, numbered afresh so none dangles.
  const model = workbook.definedNames.model as readonly DefinedNameEntry[];
  for (const entry of model) if (isMarkerName(entry.name)) workbook.definedNames.removeAllNames(entry.name);
  const stillOwned = check.stale.filter((name) => workbook.getWorksheet(name));
  [...plan.sheets.map((s) => s.name), ...stillOwned].forEach((name, i) =>
    workbook.definedNames.add(`${quoteSheetName(name)}!$A$1`, markerName(i + 1)),
  );
}

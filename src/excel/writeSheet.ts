/**
 * One sheet of the sheet-content model written into a new worksheet, summaries and templates alike:
 * values (every string kept as text) in bands of rows, merges, formats, column widths and the font,
 * frozen panes, tab colour, print setup, dropdowns, locked cells, charts and links. Every request is
 * kept under the budget (payload.ts): a large sheet costs more round trips, never a refused request.
 * What the host lacks (an older ExcelApi) is left out, as `features` says.
 */
import {
  columnLetters,
  parseRange,
  printTitles,
  chartStyle,
  SHEET_FONT,
  type ChartSpec,
  type HeaderFooterSections,
  type PlanFormat,
  type PlanProtection,
  type PlanSheet,
} from '../core';
import { setMarkList } from './cells';
import { asExcelValue, type ExcelCellValue } from './cellText';
import type { ExcelEnv } from './env';
import {
  CELLS_PER_CHUNK,
  CHUNK_BYTES,
  groupBySize,
  jsonBytes,
  PROPERTY_OP_BYTES,
  RANGE_OP_BYTES,
} from './payload';

/** What people may still do on a protected sheet, per the model's protection policy. */
export const PROTECTION: Readonly<Record<PlanProtection['policy'], Excel.WorksheetProtectionOptions>> = {
  lockedHeaders: {
    allowFormatCells: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    allowInsertRows: true,
    allowDeleteRows: true,
    allowSort: true,
    allowAutoFilter: true,
  },
};

const CHART_TYPES: Readonly<Record<ChartSpec['type'], string>> = {
  doughnut: 'Doughnut',
  pie: 'Pie',
  barStacked: 'BarStacked',
  columnClustered: 'ColumnClustered',
  line: 'LineMarkers',
};

/** Points per character of column width (Excel's default font). */
export const POINTS_PER_CHAR = 7;

/** What the host supports of what a sheet may hold; a sheet is written without what it lacks. */
export interface Features {
  readonly charts: boolean;
  readonly links: boolean;
  readonly freeze: boolean;
  readonly tabColor: boolean;
  readonly pageLayout: boolean;
  readonly names: boolean;
  readonly workbookProtection: boolean;
  readonly chartFormats: boolean;
  readonly validation: boolean;
  readonly protection: boolean;
}

export function features(env: ExcelEnv): Features {
  return {
    charts: env.isSetSupported('ExcelApi', '1.7'),
    links: env.isSetSupported('ExcelApi', '1.7'),
    freeze: env.isSetSupported('ExcelApi', '1.7'),
    tabColor: env.isSetSupported('ExcelApi', '1.7'),
    pageLayout: env.isSetSupported('ExcelApi', '1.9'),
    names: env.isSetSupported('ExcelApi', '1.4'),
    workbookProtection: env.isSetSupported('ExcelApi', '1.2'),
    chartFormats: env.isSetSupported('ExcelApi', '1.8'),
    validation: env.isSetSupported('ExcelApi', '1.8'),
    protection: env.isSetSupported('ExcelApi', '1.2'),
  };
}

/** The sheet's values as rectangles from A1, in bands of rows that each fit in one request; every string kept as text. */
function bands(
  sheet: PlanSheet,
  maxBytes: number,
): { address: string; values: ExcelCellValue[][]; bytes: number }[] {
  let width = 0;
  for (const row of sheet.values) width = Math.max(width, row.length);
  if (width === 0) return [];
  const rows = sheet.values.map((planRow) =>
    Array.from({ length: width }, (_, c) => asExcelValue(planRow[c])),
  );
  const perRow = (row: ExcelCellValue[]) => jsonBytes(row) + 1 + (CHUNK_BYTES * width) / CELLS_PER_CHUNK;
  return groupBySize(rows, perRow, maxBytes - RANGE_OP_BYTES - CHUNK_BYTES).map((band) => ({
    address: `A${band.first + 1}:${columnLetters(width - 1)}${band.first + band.items.length}`,
    values: band.items,
    bytes: band.bytes + RANGE_OP_BYTES + CHUNK_BYTES,
  }));
}

/** Request bytes of one chart: title, position, axes; each series its values, categories, fill or line, labels; each point its fill. */
function chartBytes(spec: ChartSpec): number {
  const ops = 16 + spec.series.length * (12 + (spec.pointColors?.length ?? 0) * 4);
  return jsonBytes(spec) + ops * RANGE_OP_BYTES;
}

/**
 * Request bytes of a sheet's column widths, the font's name (a range), frozen panes, tab colour and
 * print setup with its header and footer (two objects, six texts).
 */
function layoutBytes(sheet: PlanSheet): number {
  return (
    sheet.columnWidths.length * (RANGE_OP_BYTES + PROPERTY_OP_BYTES) +
    jsonBytes([sheet.print.header ?? {}, sheet.print.footer ?? {}]) * 2 +
    3 * RANGE_OP_BYTES +
    20 * PROPERTY_OP_BYTES
  );
}

/** Request bytes of one format: a number format goes as one code per cell. */
function formatBytes(f: PlanFormat): number {
  const r = f.numberFormat ? parseRange(f.range) : null;
  const cells = r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
  return (
    jsonBytes(f) +
    cells * (jsonBytes(f.numberFormat ?? '') + 1) +
    Math.ceil(cells / CELLS_PER_CHUNK) * CHUNK_BYTES +
    RANGE_OP_BYTES +
    (f.border ? 6 * 2 * PROPERTY_OP_BYTES : 0) +
    8 * PROPERTY_OP_BYTES
  );
}

/** Request bytes of one hyperlink: its own range, the link object, and Office.js's _KeepReference. */
function linkBytes(link: PlanSheet['links'][number]): number {
  return jsonBytes(link) + RANGE_OP_BYTES + PROPERTY_OP_BYTES;
}

/** A format over many rows, in bands of rows that each fit in one request. */
function formatParts(f: PlanFormat, maxBytes: number): PlanFormat[] {
  const r = parseRange(f.range);
  const bytes = formatBytes(f);
  if (!r || bytes <= maxBytes / 2 || r.bottom === r.top) return [f];
  const rowsPerPart = Math.max(1, Math.floor(((r.bottom - r.top + 1) * maxBytes) / 2 / bytes));
  const parts: PlanFormat[] = [];
  for (let top = r.top; top <= r.bottom; top += rowsPerPart) {
    const bottom = Math.min(r.bottom, top + rowsPerPart - 1);
    parts.push({ ...f, range: `${columnLetters(r.left)}${top + 1}:${columnLetters(r.right)}${bottom + 1}` });
  }
  return parts;
}

export function applyFormat(ws: Excel.Worksheet, f: PlanFormat): void {
  const range = ws.getRange(f.range);
  if (f.numberFormat) {
    const r = parseRange(f.range);
    if (r)
      range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () =>
        Array.from({ length: r.right - r.left + 1 }, () => f.numberFormat!),
      );
  }
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.italic !== undefined) range.format.font.italic = f.italic;
  if (f.fontSize) range.format.font.size = f.fontSize;
  if (f.fontColor) range.format.font.color = f.fontColor;
  if (f.fill) range.format.fill.color = f.fill;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.align)
    range.format.horizontalAlignment =
      f.align === 'left'
        ? 'Left'
        : f.align === 'center'
          ? 'Center'
          : f.align === 'centerAcross'
            ? 'CenterAcrossSelection'
            : 'Right';
  if (f.border === 'thin') {
    for (const edge of [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'InsideVertical',
      'InsideHorizontal',
    ] as const) {
      range.format.borders.getItem(edge).style = 'Continuous';
    }
  }
}

/** A chart drawn as chartStyle decides (the same as the .xlsx shell): colours, labels, formats. */
function addChart(ws: Excel.Worksheet, spec: ChartSpec, labelFormats: boolean): void {
  const first = spec.series[0];
  if (!first) return;
  const style = chartStyle(spec);
  const chart = ws.charts.add(
    CHART_TYPES[spec.type] as Excel.ChartType,
    ws.getRange(first.values),
    'Columns',
  );
  chart.title.text = spec.title;
  chart.setPosition(spec.from, spec.to);
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    const look = style.series[i];
    series.name = s.name;
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(spec.categories));
    if (look?.fill) series.format.fill.setSolidColor(look.fill);
    if (look?.line) series.format.line.color = look.line;
    look?.pointFills.forEach((color, p) => series.points.getItemAt(p).format.fill.setSolidColor(color));
    // Series data labels and number formats are ExcelApi 1.8.
    if (labelFormats && look?.labels) {
      series.hasDataLabels = true;
      series.dataLabels.showValue = true;
      if (look.labels.showPercentage) series.dataLabels.showPercentage = true;
      if (look.labels.numberFormat) series.dataLabels.numberFormat = look.labels.numberFormat;
    }
  });
  if (labelFormats && style.valueAxisFormat) chart.axes.valueAxis.numberFormat = style.valueAxisFormat;
  if (style.valueAxisBounds) {
    chart.axes.valueAxis.minimum = style.valueAxisBounds.min;
    chart.axes.valueAxis.maximum = style.valueAxisBounds.max;
  }
}

function setHeaderFooter(
  page: Excel.PageLayout,
  header: HeaderFooterSections | undefined,
  footer: HeaderFooterSections | undefined,
): void {
  const all = page.headersFooters.defaultForAllPages;
  if (header?.left) all.leftHeader = header.left;
  if (header?.center) all.centerHeader = header.center;
  if (header?.right) all.rightHeader = header.right;
  if (footer?.left) all.leftFooter = footer.left;
  if (footer?.center) all.centerFooter = footer.center;
  if (footer?.right) all.rightFooter = footer.right;
}

function writeLinks(ws: Excel.Worksheet, links: PlanSheet['links']): void {
  for (const link of links) {
    ws.getRange(link.cell).hyperlink = {
      documentReference: `'${link.targetSheet.replace(/'/g, "''")}'!${link.targetCell}`,
      screenTip: link.targetCell,
    };
  }
}

/** Frozen panes as the plan means them: rows only, columns only, or both (freezeAt would freeze column A too). */
function freeze(ws: Excel.Worksheet, at: { rows: number; columns: number }): void {
  if (at.rows > 0 && at.columns > 0)
    ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(at.columns - 1)}${at.rows}`));
  else if (at.rows > 0) ws.freezePanes.freezeRows(at.rows);
  else if (at.columns > 0) ws.freezePanes.freezeColumns(at.columns);
}

function writeLayout(ws: Excel.Worksheet, sheet: PlanSheet, has: Features): void {
  sheet.columnWidths.forEach((width, i) => {
    ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = width * POINTS_PER_CHAR;
  });
  // The font's name on every cell written: a style without one may fall back to a serif face.
  let width = 0;
  for (const row of sheet.values) width = Math.max(width, row.length);
  if (width > 0 && sheet.values.length > 0)
    ws.getRange(`A1:${columnLetters(width - 1)}${sheet.values.length}`).format.font.name = SHEET_FONT.name;
  if (has.freeze && sheet.freeze) freeze(ws, sheet.freeze);
  if (has.tabColor && sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (has.pageLayout) {
    ws.pageLayout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const titles = printTitles(sheet.print, true);
    if (titles.rows) ws.pageLayout.setPrintTitleRows(titles.rows);
    if (titles.columns) ws.pageLayout.setPrintTitleColumns(titles.columns);
    if (sheet.print.header || sheet.print.footer)
      setHeaderFooter(ws.pageLayout, sheet.print.header, sheet.print.footer);
  }
}

/** Request bytes of one range got by address with a few properties set on it. */
const rangeBytes = (properties: number, payload: unknown = null) =>
  RANGE_OP_BYTES + properties * PROPERTY_OP_BYTES + jsonBytes(payload);

/**
 * Dropdowns (each range its rule and alert) and, on a sheet to be protected, which cells stay
 * editable (its columns open, the locked ranges locked), each one part of the write so a sheet of
 * many tables is split like any other.
 */
async function writeCellRules(ws: Excel.Worksheet, sheet: PlanSheet, has: Features, fit: Fit): Promise<void> {
  if (has.validation)
    for (const dropdown of sheet.dropdowns ?? [])
      for (const range of dropdown.ranges)
        await fit(rangeBytes(4, dropdown.list), () => setMarkList(ws.getRange(range), dropdown.list, true));
  if (!sheet.protection) return;
  // Whole columns unlocked, so rows people add inside the table stay editable too.
  const last = columnLetters(Math.max(1, sheet.columnWidths.length) - 1);
  await fit(rangeBytes(1), () => (ws.getRange(`A:${last}`).format.protection.locked = false));
  for (const range of sheet.protection.lockedRanges)
    await fit(rangeBytes(1), () => (ws.getRange(range).format.protection.locked = true));
}

/** Queues one part of the write, syncing first when the request would grow past its budget. */
export type Fit = (bytes: number, queue: () => void) => Promise<void>;

/** The whole sheet into `ws` (a new, empty worksheet); protection is the caller's last step (`protectSheet`). */
export async function writeSheet(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  has: Features,
  fit: Fit,
  maxBytes: number,
): Promise<void> {
  for (const band of bands(sheet, maxBytes))
    await fit(band.bytes, () => (ws.getRange(band.address).values = band.values));
  for (const merge of sheet.merges ?? []) await fit(rangeBytes(1), () => ws.getRange(merge).merge(false));
  for (const f of sheet.formats.flatMap((format) => formatParts(format, maxBytes)))
    await fit(formatBytes(f), () => applyFormat(ws, f));
  await fit(layoutBytes(sheet), () => writeLayout(ws, sheet, has));
  await writeCellRules(ws, sheet, has, fit);
  if (has.charts)
    for (const spec of sheet.charts) await fit(chartBytes(spec), () => addChart(ws, spec, has.chartFormats));
  // A findings sheet may link thousands of cells: links go in groups that each fit in one request.
  const linkGroups = has.links ? groupBySize(sheet.links, linkBytes, maxBytes) : [];
  for (const group of linkGroups) await fit(group.bytes, () => writeLinks(ws, group.items));
}

/** Protects the sheet as its model says, where the host can (no password: people can unprotect when they must). */
export function protectSheet(ws: Excel.Worksheet, sheet: PlanSheet, has: Features): void {
  if (sheet.protection && has.protection) ws.protection.protect(PROTECTION[sheet.protection.policy]);
}

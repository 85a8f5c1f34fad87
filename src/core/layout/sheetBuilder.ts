/**
 * Builds one sheet of the sheet-content model row by row, summaries and templates alike: titles,
 * tables with header styles and borders, number formats by column, notes; for templates a header of
 * two rows with merged cells, dropdowns, locked cells and a protection policy (a summary's tables are
 * machine-readable and merge nothing). Rows and columns are 0-based; A1 text is made here, for the
 * model's workbook addresses.
 */
import { a1, type CellRange } from '../grid';
import { fewestRanges } from '../validationRanges';
import { groupIntegerText } from '../values/numbers';
import type {
  ChartSpec,
  PlanDropdown,
  PlanFormat,
  PlanLink,
  PlanProtection,
  PlanSheet,
  PlanValue,
  PrintSetup,
} from '../writePlan';

export const HEADER_FILL = '#DDEBF7';
export const PERCENT = '0.0%';

/** Widest a column grows to fit its text; longer text wraps within it. */
export const MAX_COLUMN_WIDTH = 48;

/**
 * Width of text in Excel's column units (one unit ≈ one digit of the 11-point font): full-width
 * characters (kana, kanji, ◎ ○ □ ▲, full-width forms) take two, others one. Generous on purpose:
 * too wide costs a little paper, too narrow cuts the text.
 */
export function textUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character beyond U+FFFF (two units, like every code from U+2E80).
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    units +=
      code >= 0x2e80 || (code >= 0x2460 && code <= 0x27bf) || (code >= 0x2190 && code <= 0x21ff) ? 2 : 1;
  }
  return units;
}

/** Column width of text `units` wide (see textUnits) at `size` points. */
function widthOfUnits(units: number, size = 11): number {
  return Math.ceil(((units * 1.12 * size) / 11 + 2) * 10) / 10;
}

/** The most text units whose width (widthOfUnits) is at most `width`. */
function unitsFitting(width: number): number {
  let units = Math.max(0, Math.floor(((width - 2) * 11) / (1.12 * 11)));
  while (units > 0 && widthOfUnits(units) > width) units -= 1;
  while (widthOfUnits(units + 1) <= width) units += 1;
  return widthOfUnits(units) <= width ? units : -1;
}

/**
 * At least as many characters as `shown` writes for a number (sign, a digit carried by rounding,
 * thousands separators, decimals, `%`), without writing it; Infinity for numbers too large to bound.
 */
function shownLengthBound(value: number, numberFormat: string | undefined): number {
  const percent = numberFormat?.includes('%') === true;
  const magnitude = Math.abs(percent ? value * 100 : value);
  if (!(magnitude < 1e15)) return Infinity;
  let digits = 1;
  for (let limit = 10; limit <= magnitude; limit *= 10) digits += 1;
  // A minus sign only below 0 (neither 0 nor -0 is written with one); an integer is never rounded up.
  const sign = value < 0 ? 1 : 0;
  if (percent) return sign + digits + 1 + 2 + 1;
  if (Number.isInteger(value)) return sign + digits + Math.floor((digits - 1) / 3);
  return sign + digits + 1 + 3;
}

/** Column width that shows `text` on one line at `size` points (bold headers included). */
export function widthFor(text: string, size = 11): number {
  return widthOfUnits(textUnits(text), size);
}

/** An integer with thousands separators, as toLocaleString('en-US') writes it (Intl costs ~µs a call). */
function groupedInteger(value: number): string {
  const text = String(value);
  return text.includes('e') ? value.toLocaleString('en-US') : groupIntegerText(text);
}

function shown(value: PlanValue, numberFormat: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (numberFormat?.includes('%')) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? groupedInteger(value) : value.toFixed(2);
  }
  return String(value);
}

/** Where a table sits, 0-based: its header row, first and last body rows, first and last columns. */
export interface TableRange {
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly left: number;
  readonly right: number;
}

/** `B3:D7` for a rectangle given 0-based (both corners always written, a single cell too). */
export function span(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** `B3:B7` for a column of a table's body. */
export function columnRange(table: TableRange, col: number): string {
  return span(table.first, col, table.last, col);
}

/** `B3:F3` for part of a row. */
export function rowRange(row: number, fromCol: number, toCol: number): string {
  return span(row, fromCol, row, toCol);
}

/** The look of every table header the add-in writes (summaries' tables and templates' plan tables). */
const HEADER_STYLE = {
  bold: true,
  fill: HEADER_FILL,
  border: 'thin',
  wrap: true,
  align: 'center',
} as const satisfies Omit<PlanFormat, 'range'>;

export class SheetBuilder {
  private readonly rows: PlanValue[][] = [];
  private readonly formats: PlanFormat[] = [];
  private readonly links: PlanLink[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly merges: string[] = [];
  private readonly dropdowns = new Map<string, { list: readonly string[]; ranges: string[] }>();
  private readonly lockedRanges: string[] = [];
  private protection: PlanProtection['policy'] | undefined;
  private repeat: [number, number] | undefined;
  /** Rows of one text that may run across empty cells to the right (titles, headings, notes). */
  private readonly freeRows = new Set<number>();
  /** Rows of a table body, with the table's number formats by column (for fitting widths). */
  private readonly bodyRows = new Map<number, Readonly<Record<number, string>>>();
  private readonly headerRows = new Set<number>();

  constructor(private readonly name: string) {}

  /** The row the next `add` writes (0-based). */
  get nextRow(): number {
    return this.rows.length;
  }

  title(text: string): number {
    return this.textRow(text, { bold: true, fontSize: 14 });
  }

  heading(text: string): number {
    return this.textRow(text, { bold: true, fontSize: 12 });
  }

  /** A heading under a heading (a template's measure under its basic policy). */
  subheading(text: string): number {
    return this.textRow(text, { bold: true });
  }

  note(text: string): number {
    return this.textRow(text, { italic: true, fontColor: '#595959' });
  }

  private textRow(text: string, look: Omit<PlanFormat, 'range'>): number {
    const row = this.add([text]);
    this.freeRows.add(row);
    this.formats.push({ range: a1(row, 0), ...look });
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  /** A row of values from column A; its 0-based index. */
  add(values: PlanValue[]): number {
    this.rows.push(values);
    return this.rows.length - 1;
  }

  /** A table from column A: styled header, bordered body, number formats per column index. */
  table(
    header: string[],
    body: PlanValue[][],
    columnFormats: Readonly<Record<number, string>> = {},
    options: { repeatHeader?: boolean } = {},
  ): TableRange {
    const headerRow = this.add(header);
    this.headerRows.add(headerRow);
    for (const row of body) this.bodyRows.set(this.add(row), columnFormats);
    const last = Math.max(headerRow, this.rows.length - 1);
    const right = header.length - 1;
    this.formats.push({ range: rowRange(headerRow, 0, right), ...HEADER_STYLE });
    if (body.length > 0) this.formats.push({ range: span(headerRow + 1, 0, last, right), border: 'thin' });
    for (const [col, numberFormat] of Object.entries(columnFormats)) {
      if (body.length === 0) continue;
      this.formats.push({ range: span(headerRow + 1, Number(col), last, Number(col)), numberFormat });
    }
    if (options.repeatHeader && !this.repeat) this.repeat = [headerRow, headerRow];
    return { header: headerRow, first: headerRow + 1, last, left: 0, right };
  }

  /**
   * A header of several rows from column A (a template's plan table: 進捗状況 over the years, each
   * year over its 計画 / 実績), styled as a table's header, with `merges` given relative to its first
   * row. Its text is not fitted: a template's columns have the widths people fill them at.
   */
  mergedHeader(rows: PlanValue[][], merges: readonly CellRange[]): CellRange {
    const top = this.nextRow;
    for (const row of rows) this.add(row);
    const right = Math.max(0, ...rows.map((r) => r.length)) - 1;
    this.merges.push(...merges.map((m) => span(top + m.top, m.left, top + m.bottom, m.right)));
    const range = { top, left: 0, bottom: top + rows.length - 1, right };
    this.formats.push({ range: span(range.top, 0, range.bottom, right), ...HEADER_STYLE });
    return range;
  }

  format(format: PlanFormat): void {
    this.formats.push(format);
  }

  /** A link from the cell at (row, col) to a cell elsewhere in the workbook. */
  link(row: number, col: number, targetSheet: string, targetCell: string): void {
    this.links.push({ cell: a1(row, col), targetSheet, targetCell });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** An in-cell list of `list` on a range (A1); ranges of one list are joined into the fewest. */
  dropdown(range: string, list: readonly string[]): void {
    const key = list.join('\u0000');
    const entry = this.dropdowns.get(key) ?? { list, ranges: [] };
    entry.ranges.push(range);
    this.dropdowns.set(key, entry);
  }

  /** Cells (A1 range) that stay locked when the sheet is protected. */
  lock(range: string): void {
    this.lockedRanges.push(range);
  }

  /** Protect the sheet under `policy`: only the cells given to `lock` are locked. */
  protect(policy: PlanProtection['policy']): void {
    this.protection = policy;
  }

  /** Mark a row as part of a table (a total row added after `table`), so its text is fitted too. */
  tableRow(row: number, columnFormats: Readonly<Record<number, string>> = {}): void {
    this.bodyRows.set(row, columnFormats);
  }

  /**
   * The sheet. Column widths are at least `columnWidths` and wide enough for every table cell on one
   * line, up to MAX_COLUMN_WIDTH (or `maxWidths`); a column held below its text wraps that text, and a
   * header longer than its column wraps onto a second line.
   */
  build(
    columnWidths: readonly number[],
    freeze?: { rows: number; columns: number },
    print: Partial<PrintSetup> = {},
    maxWidths: readonly number[] = [],
  ): PlanSheet {
    const widths = [...columnWidths];
    const wrapColumns = new Set<number>();
    const max = (c: number) => maxWidths[c] ?? MAX_COLUMN_WIDTH;
    // Per column, the most text units that fit its width as it stands (-1: no width yet), so that a cell
    // that changes nothing is passed over without measuring its text or formatting its number.
    const fits: (number | undefined)[] = [];
    const settled: boolean[] = [];
    const fitOf = (c: number): number => {
      const width = widths[c];
      return (fits[c] ??= width === undefined ? -1 : unitsFitting(Math.min(width, max(c))));
    };
    this.rows.forEach((values, row) => {
      if (this.freeRows.has(row)) return;
      const formats = this.bodyRows.get(row);
      const header = this.headerRows.has(row);
      if (!formats && !header) return;
      for (let c = 0; c < values.length; c += 1) {
        const value = values[c];
        if (value === null || value === undefined || value === '') continue;
        if (!header) {
          const fit = fits[c] ?? fitOf(c);
          // Numbers are ASCII (a unit a character); text may be full-width (two units a character).
          if (typeof value === 'number') {
            if (shownLengthBound(value, formats?.[c]) <= fit) continue;
          } else if (2 * String(value).length <= fit) continue;
        }
        // As wide as it may grow and already wrapping: no cell can change the column any more.
        if (settled[c] === true) continue;
        const text = shown(value, formats?.[c]);
        const units = textUnits(text);
        if (!header && units <= fitOf(c)) continue;
        // A header may take two lines: half its width (and at least its longest run of half-width text).
        let need = widthOfUnits(units);
        if (header && need > Math.max(widths[c] ?? 0, 10)) need = Math.max(need / 2 + 1.5, 10);
        if (need > max(c)) {
          wrapColumns.add(c);
          need = max(c);
        }
        const width = Math.max(widths[c] ?? 8.43, need);
        if (width !== widths[c]) {
          widths[c] = width;
          fits[c] = undefined;
        }
        if (wrapColumns.has(c) && width >= max(c)) settled[c] = true;
      }
    });
    const formats = [...this.formats];
    if (wrapColumns.size > 0) {
      const runs = rowRuns(this.bodyRows);
      for (const c of wrapColumns)
        for (const [from, to] of runs) formats.push({ range: span(from, c, to, c), wrap: true });
    }
    const dropdowns: PlanDropdown[] = [...this.dropdowns.values()].map((d) => ({
      ranges: fewestRanges(d.ranges),
      list: d.list,
    }));
    return {
      name: this.name,
      values: this.rows,
      formats,
      columnWidths: widths,
      links: this.links,
      charts: this.charts,
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        ...(this.repeat ? { repeatRows: this.repeat } : {}),
        ...print,
      },
      ...(freeze ? { freeze } : {}),
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
      ...(dropdowns.length > 0 ? { dropdowns } : {}),
      ...(this.protection
        ? { protection: { policy: this.protection, lockedRanges: this.lockedRanges } }
        : {}),
    };
  }
}

/** A map's (distinct) number keys as [first, last] runs of consecutive ones, in order. */
export function rowRuns(rows: Pick<ReadonlyMap<number, unknown>, 'keys'>): [number, number][] {
  // Tables add their rows in order: read straight from the keys, sorted only when they came otherwise.
  const runs: [number, number][] = [];
  let previous = -Infinity;
  for (const row of rows.keys()) {
    if (!(row > previous)) return sortedRuns([...rows.keys()]);
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
    previous = row;
  }
  return runs;
}

function sortedRuns(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows.sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/**
 * Builds one sheet of a write plan row by row: titles, tables with header styles and borders,
 * number formats by column, notes. No merged cells anywhere (machine-readable tables forbid them).
 */
import { a1, columnLetters } from '../grid';
import type { ChartSpec, PlanFormat, PlanLink, PlanSheet, PlanValue, PrintSetup } from '../writePlan';

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
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units +=
      code >= 0x2e80 || (code >= 0x2460 && code <= 0x27bf) || (code >= 0x2190 && code <= 0x21ff) ? 2 : 1;
  }
  return units;
}

/** Column width that shows `text` on one line at `size` points (bold headers included). */
export function widthFor(text: string, size = 11): number {
  return Math.ceil(((textUnits(text) * 1.12 * size) / 11 + 2) * 10) / 10;
}

/** An integer with thousands separators, as toLocaleString('en-US') writes it, without Intl (which costs ~µs a call). */
function groupedInteger(value: number): string {
  const digits = String(Math.abs(value));
  if (digits.includes('e')) return value.toLocaleString('en-US');
  let out = '';
  for (let end = digits.length; end > 0; end -= 3)
    out = `${digits.slice(Math.max(0, end - 3), end)}${out === '' ? '' : ','}${out}`;
  return value < 0 ? `-${out}` : out;
}

function shown(value: PlanValue, numberFormat: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (numberFormat?.includes('%')) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? groupedInteger(value) : value.toFixed(2);
  }
  return String(value);
}

export interface TableRange {
  /** 1-based rows of the header and of the last body row. */
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly left: number;
  readonly right: number;
}

export class SheetBuilder {
  private readonly rows: PlanValue[][] = [];
  private readonly formats: PlanFormat[] = [];
  private readonly links: PlanLink[] = [];
  private readonly charts: ChartSpec[] = [];
  private repeat: [number, number] | undefined;
  /** Rows of one text that may run across empty cells to the right (titles, headings, notes). */
  private readonly freeRows = new Set<number>();
  /** Rows of a table body, with the table's number formats by column (for fitting widths). */
  private readonly bodyRows = new Map<number, Readonly<Record<number, string>>>();
  private readonly headerRows = new Set<number>();

  constructor(private readonly name: string) {}

  /** 1-based number of the next row. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  title(text: string): number {
    const row = this.add([text]);
    this.freeRows.add(row);
    this.formats.push({ range: `A${row}`, bold: true, fontSize: 14 });
    return row;
  }

  heading(text: string): number {
    const row = this.add([text]);
    this.freeRows.add(row);
    this.formats.push({ range: `A${row}`, bold: true, fontSize: 12 });
    return row;
  }

  note(text: string): number {
    const row = this.add([text]);
    this.freeRows.add(row);
    this.formats.push({ range: `A${row}`, italic: true, fontColor: '#595959' });
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  add(values: PlanValue[]): number {
    this.rows.push(values);
    return this.rows.length;
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
    const last = Math.max(headerRow, this.rows.length);
    const right = header.length - 1;
    const end = columnLetters(right);
    this.formats.push({
      range: `A${headerRow}:${end}${headerRow}`,
      bold: true,
      fill: HEADER_FILL,
      border: 'thin',
      wrap: true,
      align: 'center',
    });
    if (body.length > 0) this.formats.push({ range: `A${headerRow + 1}:${end}${last}`, border: 'thin' });
    for (const [col, numberFormat] of Object.entries(columnFormats)) {
      if (body.length === 0) continue;
      const letter = columnLetters(Number(col));
      this.formats.push({ range: `${letter}${headerRow + 1}:${letter}${last}`, numberFormat });
    }
    if (options.repeatHeader && !this.repeat) this.repeat = [headerRow - 1, headerRow - 1];
    return { header: headerRow, first: headerRow + 1, last, left: 0, right };
  }

  format(format: PlanFormat): void {
    this.formats.push(format);
  }

  link(row: number, col: number, targetSheet: string, targetCell: string): void {
    this.links.push({ cell: a1(row - 1, col), targetSheet, targetCell });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
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
    this.rows.forEach((values, i) => {
      const row = i + 1;
      if (this.freeRows.has(row)) return;
      const formats = this.bodyRows.get(row);
      const header = this.headerRows.has(row);
      if (!formats && !header) return;
      values.forEach((value, c) => {
        const text = shown(value, formats?.[c]);
        if (text === '') return;
        // A header may take two lines: half its width (and at least its longest run of half-width text).
        let need = widthFor(text);
        if (header && need > Math.max(widths[c] ?? 0, 10)) need = Math.max(widthFor(text) / 2 + 1.5, 10);
        if (need > max(c)) {
          wrapColumns.add(c);
          need = max(c);
        }
        widths[c] = Math.max(widths[c] ?? 8.43, need);
      });
    });
    const formats = [...this.formats];
    const runs = rowRuns([...this.bodyRows.keys()]);
    for (const c of wrapColumns) {
      const letter = columnLetters(c);
      for (const [from, to] of runs) formats.push({ range: `${letter}${from}:${letter}${to}`, wrap: true });
    }
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
    };
  }
}

/** Consecutive numbers as [first, last] runs. */
function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** `B3:B7` for a column of a table's body. */
export function columnRange(table: TableRange, col: number): string {
  const letter = columnLetters(col);
  return `${letter}${table.first}:${letter}${table.last}`;
}

/** `B3:F3` for part of a row. */
export function rowRange(row: number, fromCol: number, toCol: number): string {
  return `${columnLetters(fromCol)}${row}:${columnLetters(toCol)}${row}`;
}

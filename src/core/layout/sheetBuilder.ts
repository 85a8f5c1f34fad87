/**
 * Builds one sheet of a write plan row by row: titles, tables with header styles and borders,
 * number formats by column, notes. No merged cells anywhere (machine-readable tables forbid them).
 */
import { a1, columnLetters } from '../grid';
import type { ChartSpec, PlanFormat, PlanLink, PlanSheet, PlanValue } from '../writePlan';

export const HEADER_FILL = '#DDEBF7';
export const PERCENT = '0.0%';

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

  constructor(private readonly name: string) {}

  /** 1-based number of the next row. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  title(text: string): number {
    const row = this.add([text]);
    this.formats.push({ range: `A${row}`, bold: true, fontSize: 14 });
    return row;
  }

  heading(text: string): number {
    const row = this.add([text]);
    this.formats.push({ range: `A${row}`, bold: true, fontSize: 12 });
    return row;
  }

  note(text: string): number {
    const row = this.add([text]);
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
    for (const row of body) this.add(row);
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
    if (options.repeatHeader && !this.repeat) this.repeat = [headerRow, headerRow];
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

  build(columnWidths: number[], freeze?: { rows: number; columns: number }): PlanSheet {
    return {
      name: this.name,
      values: this.rows,
      formats: this.formats,
      columnWidths,
      links: this.links,
      charts: this.charts,
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        ...(this.repeat ? { repeatRows: this.repeat } : {}),
      },
      ...(freeze ? { freeze } : {}),
    };
  }
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

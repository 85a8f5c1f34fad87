/**
 * Read access to one sheet snapshot with merged cells resolved: a cell inside a merged area reads
 * as the area's top-left cell and is addressed by it (that is where Excel keeps the value).
 */
import { a1, cellAt, type CellRange, type CellValue, type SheetSnapshot, sheetColumnCount } from '../grid';
import { cellText, cleanText } from '../values/text';

export class SheetGrid {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** For every row, the merged areas that cover it (clipped to the used range). */
  private readonly mergesByRow = new Map<number, CellRange[]>();
  /** 1 for the rows (from top) that have any merged area: most rows have none, and need no map lookup. */
  private readonly rowMerged: Uint8Array;
  /** The row filledCount last counted, and its first filled column (-1: none). */
  private countedRow = -1;
  private countedFirst = -1;

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheet.top + sheet.values.length - 1;
    this.right = sheet.left + sheetColumnCount(sheet) - 1;
    this.rowMerged = new Uint8Array(sheet.values.length);
    for (let i = 0; i < sheet.merges.length; i += 1) {
      const merge = sheet.merges[i]!;
      const from = Math.max(merge.top, this.top);
      const to = Math.min(merge.bottom, this.bottom);
      for (let row = from; row <= to; row += 1) {
        const list = this.mergesByRow.get(row);
        if (list) list.push(merge);
        else this.mergesByRow.set(row, [merge]);
        this.rowMerged[row - this.top] = 1;
      }
    }
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, col: number): CellRange | null {
    if (this.rowMerged[row - this.top] !== 1) return null;
    const list = this.mergesByRow.get(row);
    if (!list) return null;
    for (let i = 0; i < list.length; i += 1) {
      const m = list[i]!;
      if (col >= m.left && col <= m.right) return m;
    }
    return null;
  }

  /** Position holding the value of a cell: the top-left of its merged area, or itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  value(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? cellAt(this.sheet, m.top, m.left) : cellAt(this.sheet, row, col);
  }

  /** The cell's own value, ignoring merges (a covered cell of a merge is empty). */
  ownValue(row: number, col: number): CellValue {
    return cellAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    return cleanText(cellText(this.value(row, col)));
  }

  ownText(row: number, col: number): string {
    return cleanText(cellText(this.ownValue(row, col)));
  }

  numberFormat(row: number, col: number): string | undefined {
    const formats = this.sheet.numberFormats;
    if (!formats) return undefined;
    const m = this.mergeAt(row, col);
    return m ? formats[m.top - this.top]?.[m.left - this.left] : formats[row - this.top]?.[col - this.left];
  }

  /** A1 address of the cell that holds the value (the merge's top-left for merged cells). */
  address(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? a1(m.top, m.left) : a1(row, col);
  }

  /** Whether the cell at index i of a row holds a value of its own (not blank, not covered by a merge). */
  private ownFilled(values: readonly CellValue[], i: number, row: number): boolean {
    const v = values[i];
    if (v === null || v === undefined) return false;
    if (typeof v === 'string' && cleanText(v) === '') return false;
    const col = this.left + i;
    const merge = this.mergeAt(row, col);
    return !merge || (merge.top === row && merge.left === col);
  }

  /** Columns of a row that hold a value of their own (cells covered by a merge excluded), left to right. */
  filledColumns(row: number): number[] {
    const values = this.sheet.values[row - this.top];
    if (!values) return [];
    const out: number[] = [];
    for (let i = 0; i < values.length; i += 1) if (this.ownFilled(values, i, row)) out.push(this.left + i);
    return out;
  }

  /** How many columns filledColumns would give, counting no further than `upTo` (the row walk needs no more). */
  filledCount(row: number, upTo: number): number {
    const values = this.sheet.values[row - this.top];
    if (!values) return 0;
    let count = 0;
    let first = -1;
    for (let i = 0; i < values.length && count < upTo; i += 1) {
      if (!this.ownFilled(values, i, row)) continue;
      if (count === 0) first = this.left + i;
      count += 1;
    }
    // The row walk asks for the first filled column next: it was just found (the grid never changes), unless
    // nothing was looked at.
    if (upTo > 0) {
      this.countedRow = row;
      this.countedFirst = first;
    }
    return count;
  }

  /** The first of filledColumns, or -1. */
  firstFilled(row: number): number {
    if (row === this.countedRow) return this.countedFirst;
    const values = this.sheet.values[row - this.top];
    if (!values) return -1;
    for (let i = 0; i < values.length; i += 1) if (this.ownFilled(values, i, row)) return this.left + i;
    return -1;
  }
}

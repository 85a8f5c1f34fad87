/**
 * One worksheet part streamed into a grid snapshot: cells as they come (shared and inline strings,
 * rich text without its furigana, cached formula results, booleans, errors, dates by number format),
 * then merged areas and data validations, with every limit counted as the XML goes by.
 */
import { parseRange, type CellRange, type CellValue, type SheetSnapshot } from '../../core';
import { decodeSpreadsheetText, decodeXml, XmlScanner } from './xml';
import type { Styles } from './styles';

/** Excel's grid: 1,048,576 rows × 16,384 columns. A reference beyond it is a damaged file. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export type LimitReason = 'tooManyCells' | 'tooManyMerges' | 'truncated';

/** A limit passed, or the part is damaged: the workbook is refused with this reason. */
export class ReadRefusal extends Error {
  constructor(
    readonly reason: LimitReason | 'tooLarge' | 'tooManySheets' | 'other',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ReadRefusal';
  }
}

/** What the whole workbook has used so far of the limits shared between its sheets. */
export interface WorkbookBudget {
  cells: number;
  merges: number;
  rangeCells: number;
  readonly maxCells: number;
  readonly maxMerges: number;
  readonly maxRangeCells: number;
}

export interface SheetContext {
  readonly name: string;
  readonly hidden: boolean;
  readonly sharedStrings: readonly string[];
  readonly styles: Styles;
  readonly date1904: boolean;
  readonly budget: WorkbookBudget;
}

/** Cells and row tags read in place at most per call (see SheetReader.takeCells). */
export const TAKE_AT_ONCE = 256;

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/**
 * Cells in file order, in parallel typed arrays held in fixed blocks (5 million cells must not be
 * 5 million objects, nor be copied each time the list grows): row (4 bytes), column and style (2 each).
 */
const FIRST_BLOCK = 1024;

function grown<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

class CellList {
  private readonly rowBlocks: Int32Array[] = [];
  private readonly colBlocks: Uint16Array[] = [];
  private readonly styleBlocks: Uint16Array[] = [];
  private readonly valueBlocks: CellValue[][] = [];
  // The block being filled (the last), held apart: adding a cell touches no list of blocks.
  private rows = new Int32Array(0);
  private cols = new Uint16Array(0);
  private styles = new Uint16Array(0);
  private values: CellValue[] = [];
  private fill = 0;
  length = 0;
  sorted = true;
  private lastRow = -1;
  private lastCol = -1;
  /** Columns of the cells, least and greatest. */
  minCol = EXCEL_COLUMNS;
  maxCol = -1;

  add(row: number, col: number, value: CellValue, style: number): void {
    let i = this.fill;
    if (i === this.rows.length) {
      this.grow();
      i = this.fill;
    }
    if (row < this.lastRow || (row === this.lastRow && col <= this.lastCol)) this.sorted = false;
    this.lastRow = row;
    this.lastCol = col;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
    this.rows[i] = row;
    this.cols[i] = col;
    this.styles[i] = style;
    this.values.push(value);
    this.fill = i + 1;
    this.length += 1;
  }

  /**
   * Room for more: the first block starts small and doubles (most sheets hold a few hundred cells, and
   * a workbook of two hundred of them must not zero 100 MB of blocks); past BLOCK cells, a new block.
   */
  private grow(): void {
    const n = this.fill;
    const b = this.rowBlocks.length - 1;
    if (b < 0 || n === BLOCK) {
      const size = b < 0 ? FIRST_BLOCK : BLOCK;
      this.rows = new Int32Array(size);
      this.cols = new Uint16Array(size);
      this.styles = new Uint16Array(size);
      this.values = [];
      this.rowBlocks.push(this.rows);
      this.colBlocks.push(this.cols);
      this.styleBlocks.push(this.styles);
      this.valueBlocks.push(this.values);
      this.fill = 0;
      return;
    }
    this.rows = this.rowBlocks[b] = grown(this.rows, new Int32Array(n * 2));
    this.cols = this.colBlocks[b] = grown(this.cols, new Uint16Array(n * 2));
    this.styles = this.styleBlocks[b] = grown(this.styles, new Uint16Array(n * 2));
  }

  row(k: number): number {
    return this.rowBlocks[k >>> BLOCK_BITS]![k & MASK]!;
  }
  col(k: number): number {
    return this.colBlocks[k >>> BLOCK_BITS]![k & MASK]!;
  }
  style(k: number): number {
    return this.styleBlocks[k >>> BLOCK_BITS]![k & MASK]!;
  }
  value(k: number): CellValue {
    return this.valueBlocks[k >>> BLOCK_BITS]![k & MASK]!;
  }

  /** The blocks, for a pass over every cell in file order without a lookup per cell. */
  get blocks(): readonly {
    rows: Int32Array;
    cols: Uint16Array;
    styles: Uint16Array;
    values: readonly CellValue[];
  }[] {
    return this.valueBlocks.map((values, b) => ({
      rows: this.rowBlocks[b]!,
      cols: this.colBlocks[b]!,
      styles: this.styleBlocks[b]!,
      values,
    }));
  }
}

/**
 * `AB12` → 0-based row and column packed as row × EXCEL_COLUMNS + column (no object per cell), or -1.
 * No regular expression: this runs on every cell.
 */
function parseRef(ref: string, from = 0, to = ref.length): number {
  let i = from;
  let col = 0;
  for (; i < to; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 /* $ */ && i === from) continue;
    else break;
    if (col > EXCEL_COLUMNS) return -1;
  }
  if (col === 0) return -1;
  if (i < to && ref.charCodeAt(i) === 36) i += 1;
  let row = 0;
  const digitsStart = i;
  for (; i < to; i += 1) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
    if (row > EXCEL_ROWS) return -1;
  }
  if (i === digitsStart || row === 0) return -1;
  return (row - 1) * EXCEL_COLUMNS + (col - 1);
}

/** 1 to `max` ASCII digits at buf[from, to) as a number; -1 otherwise. */
function digitsAt(buf: string, from: number, to: number, max: number): number {
  if (to <= from || to - from > max) return -1;
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = buf.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * An integer of at most 15 digits, optionally negative, at buf[from, to): exactly what parseFloat
 * gives for it. NaN for anything else (then the text is read as before).
 */
function integerAt(buf: string, from: number, to: number): number {
  const negative = buf.charCodeAt(from) === 45; /* - */
  const n = digitsAt(buf, negative ? from + 1 : from, to, 15);
  if (n < 0) return NaN;
  return negative ? -n : n;
}

/**
 * A cell's `t` as written at buf[from, to) (absent: ''); null for any other than these (and for inline
 * strings, whose text is not in a `<v>`): such a cell is read from its tokens.
 */
function cellTypeAt(buf: string, from: number, to: number): string | null {
  if (from < 0) return '';
  switch (to - from) {
    case 1: {
      const c = buf.charCodeAt(from);
      return c === 115 ? 's' : c === 110 ? 'n' : c === 98 ? 'b' : c === 101 ? 'e' : c === 100 ? 'd' : null;
    }
    case 3:
      return buf.startsWith('str', from) ? 'str' : null;
    default:
      return null;
  }
}

function rowNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  let n = 0;
  if (text.length === 0 || text.length > 8) return -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function excelDate(serial: number, date1904: boolean): Date {
  // As ExcelJS and Excel count: day 25,569 is 1970-01-01; the 1904 system starts 1,462 days later.
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Reads one worksheet: feed it the scanner's tokens (`feed` returns after each token), then `finish()`.
 * Kept as a state machine so the caller decides when to pull more input or give the event loop a turn.
 */
export class SheetReader {
  private readonly cells = new CellList();
  private readonly merges: CellRange[] = [];
  private readonly validations: string[] = [];
  private rowIndex = -1;
  private colIndex = -1;
  private lastRow = -1;
  private lastCol = -1;
  // The cell being read.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = '';
  private cellStyle = 0;
  private inValue = false;
  private value = '';
  private hasValue = false;
  private inInline = false;
  private inInlineText = false;
  private phoneticDepth = 0;
  private inline = '';

  constructor(private readonly context: SheetContext) {}

  /**
   * Handle the scanner's current token ('open', 'close' or 'text'). Returns how many cells and row
   * tags it took from the input beyond the token (see takeCells), for a caller that paces its work.
   */
  token(kind: 'open' | 'close' | 'text', s: XmlScanner): number {
    if (kind === 'text') {
      if (this.inValue) {
        this.value += s.text;
        this.hasValue = true;
      } else if (this.inInlineText && this.phoneticDepth === 0) this.inline += s.text;
      return 0;
    }
    const name = s.local;
    if (kind === 'open') {
      if (this.inCell) {
        if (name === 'v') {
          this.inValue = !s.selfClosing;
        } else if (name === 'is') {
          this.inInline = !s.selfClosing;
          this.hasValue = true;
        } else if (this.inInline) {
          if (name === 'rPh') {
            if (!s.selfClosing) this.phoneticDepth += 1;
          } else if (name === 't' && !s.selfClosing) this.inInlineText = true;
        }
        return 0;
      }
      switch (name) {
        case 'row':
          this.openRow(s);
          return this.takeCells(s);
        case 'c': {
          this.openCell(s);
          if (s.selfClosing) {
            this.closeCell();
            return 0;
          }
          // Most cells are `<v>…</v></c>`: taken at once, as the tokens one by one would have been.
          const plain = s.takePlainCellValue();
          if (plain === null) return 0;
          if (plain !== '') {
            this.value = plain;
            this.hasValue = true;
          }
          this.closeCell();
          return this.takeCells(s);
        }
        case 'mergeCell':
          this.addMerge(s.attr('ref') ?? '');
          return 0;
        case 'dataValidation':
          this.validations.push(s.attr('sqref') ?? '');
          return 0;
        default:
          return 0;
      }
    }
    // close
    if (this.inCell) {
      if (name === 'v') this.inValue = false;
      else if (name === 't') this.inInlineText = false;
      else if (name === 'rPh') this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
      else if (name === 'is') this.inInline = false;
      else if (name === 'c') {
        this.closeCell();
        return this.takeCells(s);
      }
    }
    return 0;
  }

  /**
   * After `token` or `more` returned TAKE_AT_ONCE: the cells and rows that follow, read in place as
   * far as they go (the same count returned), so that a sheet of plain cells is never read token by
   * token.
   */
  more(s: XmlScanner): number {
    return this.takeCells(s);
  }

  /**
   * The cells and rows that follow, as long as each is a whole plain cell, a row's open tag or a row's
   * end that the scanner finds (`peekCell`, `peekRow`): read from the text in place (reference, style,
   * type, a shared string's index or an integer), as the tokens one by one would have read them.
   * Anything else is left to the tokens. At most `TAKE_AT_ONCE` at a time (a caller paces its work by
   * the count returned).
   */
  private takeCells(s: XmlScanner): number {
    const buf = s.source;
    let taken = 0;
    for (; taken < TAKE_AT_ONCE; taken += 1) {
      if (!s.peekCell()) {
        if (s.takeRowEnd()) continue;
        if (!s.peekRow()) return taken;
        let r: number | null = null;
        if (s.cellRefStart >= 0) {
          r = digitsAt(buf, s.cellRefStart, s.cellRefEnd, 8);
          if (r < 0) return taken;
        }
        s.takePeeked();
        this.placeRow(r, r);
        continue;
      }
      const type = cellTypeAt(buf, s.cellTypeStart, s.cellTypeEnd);
      if (type === null) return taken;
      let at = -2;
      if (s.cellRefStart >= 0) {
        at = parseRef(buf, s.cellRefStart, s.cellRefEnd);
        if (at < 0) return taken;
      }
      let style = 0;
      if (s.cellStyleStart >= 0) {
        style = digitsAt(buf, s.cellStyleStart, s.cellStyleEnd, 9);
        if (style < 0) return taken;
      }
      s.takePeeked();
      this.placeCell(at);
      this.cellType = type;
      this.cellStyle = style < 65_536 ? style : 0;
      this.countCell();
      const from = s.cellValueStart;
      const to = s.cellValueEnd;
      if (from === to) continue;
      let value: CellValue;
      if (type === 's') {
        const index = digitsAt(buf, from, to, 8);
        value = index >= 0 ? (this.context.sharedStrings[index] ?? null) : this.textValue(buf, from, to);
      } else if (type === '' || type === 'n') {
        const n = integerAt(buf, from, to);
        value = Number.isNaN(n)
          ? this.textValue(buf, from, to)
          : this.context.styles.isDate(this.cellStyle)
            ? excelDate(n, this.context.date1904)
            : n;
      } else value = this.textValue(buf, from, to);
      if (value === null || value === '') continue;
      this.cells.add(this.cellRow, this.cellCol, value, this.cellStyle);
    }
    return taken;
  }

  /** The current cell's value from its `<v>` text as written (entities decoded here). */
  private textValue(buf: string, from: number, to: number): CellValue {
    this.value = decodeXml(buf.slice(from, to));
    return this.cellValue();
  }

  private openRow(s: XmlScanner): void {
    this.placeRow(rowNumber(s.attr('r')), s.attr('r'));
  }

  /** A row begins: its number (`r`, -1 when not a number, null when absent) as written (`shown`). */
  private placeRow(r: number | null, shown: unknown): void {
    if (r === -1 || (r !== null && (r < 1 || r > EXCEL_ROWS)))
      throw new ReadRefusal(
        'truncated',
        `${this.context.name}: row ${String(shown)} is outside Excel's grid`,
      );
    this.rowIndex = r !== null ? r - 1 : this.rowIndex + 1;
    if (this.rowIndex >= EXCEL_ROWS)
      throw new ReadRefusal('truncated', `${this.context.name}: more rows than Excel's grid holds`);
    this.colIndex = -1;
  }

  private openCell(s: XmlScanner): void {
    // Read in place; written with entities (no writer does) it is decoded first.
    const span = s.attrIndex('r');
    const inPlace = span < 0 ? -1 : parseRef(s.source, s.valueStart(span), s.valueEnd(span));
    const ref = span < 0 || inPlace >= 0 ? undefined : s.attr('r');
    let at = -2;
    if (span >= 0) {
      at = inPlace >= 0 ? inPlace : parseRef(ref!);
      if (at < 0)
        throw new ReadRefusal('truncated', `${this.context.name}: cell reference ${ref!.slice(0, 20)}`);
    }
    this.placeCell(at);
    this.cellType = s.attr('t') ?? '';
    const digits = s.attrDigits('s');
    let styleIndex = digits;
    if (digits === -1) styleIndex = 0;
    else if (digits === -2) styleIndex = Number(s.attr('s')) || 0;
    // Beyond the styles part's 65,536 entries an index names no style.
    this.cellStyle = styleIndex >= 0 && styleIndex < 65_536 ? styleIndex : 0;
    this.inCell = true;
    this.inValue = false;
    this.value = '';
    this.hasValue = false;
    this.inInline = false;
    this.inInlineText = false;
    this.phoneticDepth = 0;
    this.inline = '';
  }

  /** The cell's row and column: from its reference packed by parseRef, or (-2) after the previous cell. */
  private placeCell(at: number): void {
    if (at !== -2) {
      this.cellRow = Math.floor(at / EXCEL_COLUMNS);
      this.cellCol = at % EXCEL_COLUMNS;
      if (this.rowIndex < 0) this.rowIndex = this.cellRow;
    } else {
      this.cellRow = Math.max(this.rowIndex, 0);
      this.cellCol = this.colIndex + 1;
      if (this.cellCol >= EXCEL_COLUMNS)
        throw new ReadRefusal('truncated', `${this.context.name}: more columns than Excel's grid holds`);
    }
    this.colIndex = this.cellCol;
  }

  /**
   * The cell read ends: it extends the sheet's extent and counts toward the limit. Every cell the file
   * writes counts, empty or not: a part of nothing but `<c/>` (a size-lying entry inflating to a
   * gigabyte of them) is refused after the limit's worth, not after the whole part.
   */
  private countCell(): void {
    this.inCell = false;
    if (this.cellRow > this.lastRow) this.lastRow = this.cellRow;
    if (this.cellCol > this.lastCol) this.lastCol = this.cellCol;
    const budget = this.context.budget;
    budget.cells += 1;
    if (budget.cells > budget.maxCells) throw new ReadRefusal('tooManyCells', `> ${budget.maxCells}`);
  }

  private closeCell(): void {
    this.countCell();
    if (!this.hasValue) return;
    const value = this.cellValue();
    if (value === null || value === '') return;
    this.cells.add(this.cellRow, this.cellCol, value, this.cellStyle);
  }

  private cellValue(): CellValue {
    const text = this.value;
    switch (this.cellType) {
      case 's': {
        const index = rowNumber(text.trim());
        return index === null || index < 0 ? null : (this.context.sharedStrings[index] ?? null);
      }
      case 'inlineStr':
        return decodeSpreadsheetText(this.inline);
      case 'str':
        return text;
      case 'b':
        return text.trim() === '' ? null : Number.parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
      case 'd': {
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? null : date;
      }
      default: {
        if (text === '') return null;
        const n = Number.parseFloat(text);
        if (Number.isNaN(n)) return null;
        if (this.context.styles.isDate(this.cellStyle)) return excelDate(n, this.context.date1904);
        return n;
      }
    }
  }

  private addMerge(ref: string): void {
    const budget = this.context.budget;
    budget.merges += 1;
    if (budget.merges > budget.maxMerges) throw new ReadRefusal('tooManyMerges', `> ${budget.maxMerges}`);
    const range = parseRange(ref);
    if (!range) return;
    // An area overlapping an earlier one is dropped, as Excel's repair does (the count keeps this bounded).
    for (const kept of this.merges) if (overlaps(kept, range)) return;
    this.merges.push(range);
  }

  /** Cells under data validations, cut where the sheet's cells end (as the README says), counted. */
  private countValidations(): void {
    const budget = this.context.budget;
    for (const sqref of this.validations) {
      for (const piece of sqref.split(' ')) {
        if (piece === '') continue;
        const r = parseRange(piece);
        if (!r) continue;
        budget.rangeCells += cellCount({
          ...r,
          bottom: Math.min(r.bottom, Math.max(r.top, this.lastRow)),
          right: Math.min(r.right, Math.max(r.left, this.lastCol)),
        });
        if (budget.rangeCells > budget.maxRangeCells)
          throw new ReadRefusal(
            'tooManyCells',
            `${budget.rangeCells} cells under data validations and names`,
          );
      }
    }
  }

  finish(): SheetSnapshot {
    this.countValidations();
    const { name, hidden } = this.context;
    const merges = this.merges;
    const cells = this.cells;
    const order = cellOrder(cells);
    const covered = coveredCells(cells, order, merges);
    if (covered === null) return this.snapshotInFileOrder();
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let k = 0; k < cells.length; k += 1) {
      if (covered[k]) continue;
      const r = cells.row(k);
      const c = cells.col(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (bottom < 0) return { name, top: 0, left: 0, values: [], merges, hidden };
    const rows = new SnapshotRows(bottom - top + 1);
    const styles = this.context.styles;
    for (let i = 0; i < (order ? order.length : cells.length); i += 1) {
      const k = order ? order[i]! : i;
      if (covered[k]) continue;
      rows.put(cells.row(k) - top, cells.col(k) - left, cells.value(k), styles.format(cells.style(k)));
    }
    return rows.snapshot(name, top, left, merges, hidden);
  }

  /**
   * The snapshot when the cells came in (row, column) order, once each, none under a merged area
   * (Excel's files): the same rows as above, made in one pass over the blocks.
   */
  private snapshotInFileOrder(): SheetSnapshot {
    const { name, hidden } = this.context;
    const merges = this.merges;
    const cells = this.cells;
    if (cells.length === 0) return { name, top: 0, left: 0, values: [], merges, hidden };
    const top = cells.row(0);
    const bottom = cells.row(cells.length - 1);
    const left = cells.minCol;
    const snapshotRows = new SnapshotRows(bottom - top + 1);
    const styles = this.context.styles;
    for (const block of cells.blocks) {
      const { rows, cols, values } = block;
      for (let i = 0; i < values.length; i += 1)
        snapshotRows.put(rows[i]! - top, cols[i]! - left, values[i]!, styles.format(block.styles[i]!));
    }
    return snapshotRows.snapshot(name, top, left, merges, hidden);
  }
}

/** A snapshot's rows being filled in (row, column) order; number formats kept only once a cell has one. */
class SnapshotRows {
  private readonly values: CellValue[][];
  private formats: string[][] | undefined;

  constructor(private readonly height: number) {
    this.values = Array.from({ length: height }, () => []);
  }

  put(row: number, col: number, value: CellValue, format: string | undefined): void {
    const rowValues = this.values[row]!;
    while (rowValues.length < col) rowValues.push(null);
    rowValues[col] = value;
    if (format === undefined) return;
    this.formats ??= Array.from({ length: this.height }, () => []);
    const rowFormats = this.formats[row]!;
    while (rowFormats.length < col) rowFormats.push('');
    rowFormats[col] = format;
  }

  snapshot(
    name: string,
    top: number,
    left: number,
    merges: readonly CellRange[],
    hidden: boolean,
  ): SheetSnapshot {
    const { values, formats } = this;
    return { name, top, left, values, ...(formats ? { numberFormats: formats } : {}), merges, hidden };
  }
}

/** Cells in (row, column) order: null when the file already had them so (Excel writes them so). */
function cellOrder(cells: CellList): Uint32Array | null {
  if (cells.sorted) return null;
  const order = new Uint32Array(cells.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  // Stable: of two cells at the same address the later one wins, as when written one after the other.
  const keys = new Float64Array(cells.length);
  for (let i = 0; i < keys.length; i += 1) keys[i] = cells.row(i) * EXCEL_COLUMNS + cells.col(i);
  const sorted = [...order].sort((a, b) => keys[a]! - keys[b]! || a - b);
  // Keep only the last of each address.
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const k = sorted[i]!;
    const next = sorted[i + 1];
    if (next !== undefined && keys[next] === keys[k]) continue;
    out.push(k);
  }
  return Uint32Array.from(out);
}

/**
 * Cells inside a merged area other than its top-left: null in the snapshot, as Excel shows them; and
 * the earlier of two cells at one address. Null when there are none of either.
 * Merged areas are disjoint (overlaps were dropped), so a sweep over the rows keeps at most one
 * candidate per column: the work is the cells' count times a logarithm, whatever the areas' sizes.
 */
function coveredCells(
  cells: CellList,
  order: Uint32Array | null,
  merges: readonly CellRange[],
): Uint8Array | null {
  if (order === null && (merges.length === 0 || cells.length === 0)) return null;
  const covered = new Uint8Array(cells.length);
  if (merges.length === 0 || cells.length === 0) {
    if (order && order.length < cells.length) covered.fill(1); // superseded duplicates
    for (const k of order ?? []) covered[k] = 0;
    return covered;
  }
  let any = order !== null;
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const byBottom = [...merges].sort((a, b) => a.bottom - b.bottom);
  const active: CellRange[] = []; // sorted by left
  let nextTop = 0;
  let nextBottom = 0;
  let currentRow = -1;
  const indexOfLeft = (left: number): number => {
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (active[mid]!.left < left) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (order && order.length < cells.length) covered.fill(1); // superseded duplicates
  const count = order ? order.length : cells.length;
  for (let i = 0; i < count; i += 1) {
    const k = order ? order[i]! : i;
    if (order) covered[k] = 0;
    const row = cells.row(k);
    const col = cells.col(k);
    if (row !== currentRow) {
      currentRow = row;
      while (nextBottom < byBottom.length && byBottom[nextBottom]!.bottom < row) {
        const gone = byBottom[nextBottom]!;
        const at = indexOfLeft(gone.left);
        if (active[at] === gone) active.splice(at, 1);
        nextBottom += 1;
      }
      while (nextTop < byTop.length && byTop[nextTop]!.top <= row) {
        const m = byTop[nextTop]!;
        if (m.bottom >= row) active.splice(indexOfLeft(m.left), 0, m);
        nextTop += 1;
      }
    }
    if (active.length === 0) continue;
    // The area with the largest left edge at or before this column.
    const at = indexOfLeft(col + 1) - 1;
    const m = active[at];
    if (m && m.right >= col && m.bottom >= row && !(m.top === row && m.left === col)) {
      covered[k] = 1;
      any = true;
    }
  }
  return any ? covered : null;
}

/**
 * A simulated Excel behind Microsoft's real Excel client library. The shell runs unchanged on
 * `Excel.run` of the real library (web or Windows build); each `context.sync()` arrives here as the
 * serialized request the library hands to the host, and is answered with the response a host sends:
 * - the request's object paths and actions are executed on a workbook model (sheets, cells with
 *   Excel's en-US coercion of strings and number formats, merges, names, settings, data
 *   validations, sheet and workbook-structure protection, charts, hyperlinks, freeze panes);
 * - like Excel, a failed action stops the batch where it is (earlier actions stay done) and the
 *   response carries only the error, so the library invalidates the proxies made in that batch;
 * - requests and responses over `payloadLimit` are refused, measured on their real serialized
 *   UTF-8 bytes (Excel on the web: 5 MB), with the host's RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded;
 * - members above the configured ExcelApi version fail with ApiNotFound;
 * - error messages are Japanese (Excel's messages follow its display language), so nothing may
 *   depend on their wording.
 * It models what the shell uses; an unknown member fails the test loudly (UnknownMember).
 */
import { a1, columnLetters, parseA1, rangeToA1, type CellRange } from '../../src/core/grid';
import type { ExcelEnv } from '../../src/excel/env';
import { coerce } from './coercion';
import { loadExcelLibrary, type ExcelBuild, type RichApiCallback, type RichApiMessage } from './excelLibrary';

export type Value = string | number | boolean;

export interface Cell {
  value: Value;
  /** The cell's number format ('General' when absent). */
  format?: string;
  error?: boolean;
  formula?: string;
}

export interface ChartSeriesModel {
  name: string;
  values: string;
  categories: string;
  fill?: string;
  line?: string;
  pointFills: Map<number, string>;
  dataLabels?: Record<string, unknown>;
  hasDataLabels?: boolean;
}

export interface ChartModel {
  type: string;
  title: string;
  source: string;
  series: ChartSeriesModel[];
  position: [string, string];
  dataLabels?: Record<string, unknown>;
  legend?: Record<string, unknown>;
  valueAxis?: Record<string, unknown>;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, Cell>;
  merges: CellRange[];
  charts: ChartModel[];
  links: Map<string, string>;
  /** Data validations by range (A1), as Excel keeps them: a new rule takes its cells from older ones. */
  validations: Map<string, string>;
  /** Formats other than number formats, in the order written (for assertions). */
  formats: { range: string; what: string }[];
  columnWidths: Map<number, number>;
  /** Cells' locked flags, in the order set; a cell is locked unless the last rule covering it says not. */
  locks: { range: CellRange; locked: boolean }[];
  freeze: { rows: number; columns: number } | null;
  tabColor: string | null;
  print: Record<string, unknown>;
  protected: boolean;
  password?: string;
  protectionOptions?: Record<string, unknown>;
}

export interface BookModel {
  sheets: SheetModel[];
  /** Workbook-scoped names: a reference to a sheet's cell that follows the sheet's renames. */
  names: Map<string, { sheet: SheetModel; cell: string } | string>;
  settings: Map<string, unknown>;
  active: string | null;
  selected: string | null;
  /** Workbook structure protection: sheets cannot be added, deleted, renamed or moved. */
  structureProtected: boolean;
}

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Excel's error messages in Japanese (what a Japanese Excel shows); codes are what Office.js keys on. */
const JA_MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: 'このアクションを実行することはできません。保護されたシートまたはブックでは変更できません。',
  ApiNotFound:
    '検索しようとしている API が見つかりませんでした。新しいバージョンの Excel で利用できる可能性があります。',
  GeneralException: '要求の処理中に内部エラーが発生しました。',
  InvalidArgument: '引数が無効であるか、存在しないか、形式が正しくありません。',
  InvalidOperation: '操作が無効です。',
  ItemAlreadyExists: '作成しようとしているリソースは既に存在します。',
  ItemNotFound: '要求されたリソースは存在しません。',
  ConnectionFailure: 'ネットワーク接続に失敗しました。',
  RequestAborted: '要求は実行中に中止されました。',
  InvalidOperationInCellEditMode:
    'Excel はセル編集モードです。編集モードを終了してから操作を再試行してください。',
  RequestPayloadSizeLimitExceeded: '要求のペイロード サイズが上限を超えました。',
  ResponsePayloadSizeLimitExceeded: '応答のペイロード サイズが上限を超えました。',
};

/** The ExcelApi minor version that introduced a member (`Class.Member`); absent: ExcelApi 1.1. */
const REQUIREMENT: Readonly<Record<string, number>> = {
  'Workbook.Settings': 4,
  'Workbook.Protection': 2,
  'WorksheetCollection.GetItemOrNullObject': 4,
  'Worksheet.GetUsedRangeOrNullObject': 4,
  'Worksheet.GetRangeByIndexes': 7,
  'Worksheet.FreezePanes': 7,
  'Worksheet.TabColor': 7,
  'Worksheet.PageLayout': 9,
  'Worksheet.Protection': 2,
  'Range.GetMergedAreasOrNullObject': 13,
  'Range.Merge': 2,
  'Range.Unmerge': 2,
  'Range.Hyperlink': 7,
  'Range.DataValidation': 8,
  'Range.CopyFrom': 9,
  'Range.Select': 1,
  'RangeFormat.ColumnWidth': 2,
  'RangeFormat.Protection': 2,
  'NamedItemCollection.Add': 4,
  'NamedItemCollection.GetItemOrNullObject': 4,
  'NamedItem.Delete': 4,
  'ChartSeriesCollection.Add': 7,
  'ChartSeries.SetValues': 7,
  'ChartSeries.SetXAxisValues': 7,
  'ChartSeries.HasDataLabels': 8,
  'ChartSeries.DataLabels': 8,
  'Chart.Axes': 7,
  'PageLayout.HeadersFooters': 9,
  'ChartSeries.Points': 1,
  'ChartSeriesFormat.Line': 1,
  'ChartAxis.NumberFormat': 8,
  'ChartDataLabels.NumberFormat': 8,
};

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    detail = '',
  ) {
    super(`${JA_MESSAGES[code] ?? JA_MESSAGES.GeneralException!}${detail ? ` (${detail})` : ''}`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

export function newSheet(name: string, id: string): SheetModel {
  return {
    id,
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    charts: [],
    links: new Map(),
    validations: new Map(),
    formats: [],
    columnWidths: new Map(),
    locks: [],
    freeze: null,
    tabColor: null,
    print: {},
    protected: false,
  };
}

/** `A1`, `A1:C3`, `A:C`, `3:5` (with or without `$` or a sheet) → bounds. */
export function parseAddress(address: string): CellRange {
  const bang = address.lastIndexOf('!');
  const part = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(part);
  if (cols) {
    const l = parseA1(`${cols[1]}1`)!.col;
    const r = parseA1(`${cols[2]}1`)!.col;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rows = /^(\d+):(\d+)$/.exec(part);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  const [first, second] = part.split(':');
  const start = first ? parseA1(first) : null;
  const end = second ? parseA1(second) : start;
  if (!start || !end) throw new ExcelError('InvalidArgument', `address ${address}`);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

function addressOf(r: CellRange): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  return rangeToA1(r);
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const overlaps = (a: CellRange, b: CellRange) =>
  a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;
/** `a` minus `b`, as at most four rectangles. */
function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!overlaps(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** A merged area or rectangle after columns are inserted at `at` over rows (null: whole columns). */
function shifted(
  r: CellRange,
  at: number,
  count: number,
  rows: { top: number; bottom: number } | null,
): CellRange {
  const within = rows === null || (r.top >= rows.top && r.bottom <= rows.bottom);
  const crosses = r.right >= at && r.top <= (rows?.bottom ?? Infinity) && r.bottom >= (rows?.top ?? -1);
  if (!within) {
    if (crosses) throw new ExcelError('InvalidOperation', 'would move part of a merged cell');
    return r;
  }
  if (r.left >= at) return { ...r, left: r.left + count, right: r.right + count };
  if (r.right >= at) return { ...r, right: r.right + count };
  return r;
}

const transposed = (r: CellRange): CellRange => ({
  top: r.left,
  left: r.top,
  bottom: r.right,
  right: r.bottom,
});

/**
 * A rectangle's parts after rows are inserted at `at` over columns (null: entire rows), as Excel
 * moves data validations and locked flags: a rectangle spanning the inserted rows grows, one below
 * moves down, and one only partly over the columns is split (the part over them moves).
 */
function shiftedDown(
  r: CellRange,
  at: number,
  count: number,
  cols: { left: number; right: number } | null,
): CellRange[] {
  const move = (part: CellRange) =>
    transposed(shifted(transposed(part), at, count, cols && { top: cols.left, bottom: cols.right }));
  if (cols === null || (r.left >= cols.left && r.right <= cols.right)) return [move(r)];
  if (r.right < cols.left || r.left > cols.right || r.bottom < at) return [r];
  const inside = { ...r, left: Math.max(r.left, cols.left), right: Math.min(r.right, cols.right) };
  const outside = [
    ...(r.left < cols.left ? [{ ...r, right: cols.left - 1 }] : []),
    ...(r.right > cols.right ? [{ ...r, left: cols.right + 1 }] : []),
  ];
  return [...outside, move(inside)];
}

// ---------------------------------------------------------------------------------------------
// The object model the requests address. Each class answers properties (object paths), methods,
// property sets and queries by their wire names (PascalCase), as Excel's host does.

type Args = unknown[];

abstract class Node {
  abstract readonly className: string;
  constructor(readonly excel: SimulatedExcel) {}
  protected unknown(member: string): never {
    throw new ExcelError('UnknownMember', `${this.className}.${member} is not simulated`);
  }
  prop(name: string): Node | null {
    return this.unknown(name);
  }
  method(name: string, _args: Args): unknown {
    return this.unknown(name);
  }
  set(name: string, _value: unknown): void {
    this.unknown(name);
  }
  query(_select: string[] | null): Record<string, unknown> | null {
    return {};
  }
  index(key: unknown): Node | null {
    return this.unknown(`[${String(key)}]`);
  }
}

function pick(all: Record<string, unknown>, select: string[] | null): Record<string, unknown> {
  if (!select) return all;
  const out: Record<string, unknown> = {};
  for (const s of select) {
    const name = s.charAt(0).toUpperCase() + s.slice(1);
    if (name in all) out[name] = all[name];
  }
  return out;
}

class WorkbookNode extends Node {
  readonly className = 'Workbook';
  override prop(name: string): Node | null {
    if (name === 'Worksheets') return new WorksheetsNode(this.excel);
    if (name === 'Names') return new NamesNode(this.excel);
    if (name === 'Settings') return new SettingsNode(this.excel);
    if (name === 'Protection') return new WorkbookProtectionNode(this.excel);
    return super.prop(name);
  }
  override method(name: string, args: Args): unknown {
    // The library's own bookkeeping of kept references.
    if (name === '_RemoveReference' || name === '_RemoveAllReferences') {
      if (typeof args[0] === 'string') this.excel.refs.delete(args[0]);
      return null;
    }
    return super.method(name, args);
  }
}

class WorkbookProtectionNode extends Node {
  readonly className = 'WorkbookProtection';
  override query(select: string[] | null) {
    return pick({ Protected: this.excel.book.structureProtected }, select);
  }
  override method(name: string): unknown {
    if (name === 'Protect') this.excel.book.structureProtected = true;
    else if (name === 'Unprotect') this.excel.book.structureProtected = false;
    else return super.method(name, []);
    return null;
  }
}

class WorksheetsNode extends Node {
  readonly className = 'WorksheetCollection';
  private find(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.excel.book.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
  }
  override index(key: unknown): Node {
    const sheet = this.find(String(key));
    if (!sheet) throw new ExcelError('ItemNotFound', String(key));
    return new WorksheetNode(this.excel, sheet);
  }
  override method(name: string, args: Args): unknown {
    const book = this.excel.book;
    switch (name) {
      case 'GetItem':
        return this.index(args[0]);
      case 'GetItemOrNullObject': {
        const sheet = this.find(String(args[0]));
        return sheet ? new WorksheetNode(this.excel, sheet) : null;
      }
      case 'Add': {
        if (book.structureProtected) throw new ExcelError('AccessDenied', 'workbook structure');
        const name =
          typeof args[0] === 'string' && args[0] !== '' ? args[0] : `Sheet${book.sheets.length + 1}`;
        if (this.find(name)) throw new ExcelError('ItemAlreadyExists', name);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new ExcelError('InvalidArgument', name);
        const sheet = this.excel.makeSheet(name);
        book.sheets.push(sheet);
        return new WorksheetNode(this.excel, sheet);
      }
      case 'GetActiveWorksheet': {
        const sheet = this.find(book.active ?? '') ?? book.sheets[0];
        if (!sheet) throw new ExcelError('ItemNotFound');
        return new WorksheetNode(this.excel, sheet);
      }
      default:
        return super.method(name, args);
    }
  }
  override query(select: string[] | null) {
    return {
      _Items: this.excel.book.sheets.map((s) => ({
        ...new WorksheetNode(this.excel, s).query(select),
        _Id: s.id,
      })),
    };
  }
}

class WorksheetNode extends Node {
  readonly className = 'Worksheet';
  constructor(
    excel: SimulatedExcel,
    readonly sheetModel: SheetModel,
  ) {
    super(excel);
  }
  get sheet(): SheetModel {
    if (!this.excel.book.sheets.includes(this.sheetModel))
      throw new ExcelError('ItemNotFound', 'deleted sheet');
    return this.sheetModel;
  }
  private structure(): void {
    if (this.excel.book.structureProtected) throw new ExcelError('AccessDenied', 'workbook structure');
  }
  override prop(name: string): Node | null {
    const sheet = this.sheet;
    switch (name) {
      case 'Protection':
        return new SheetProtectionNode(this.excel, sheet);
      case 'Charts':
        return new ChartsNode(this.excel, sheet);
      case 'FreezePanes':
        return new FreezePanesNode(this.excel, sheet);
      case 'PageLayout':
        return new PageLayoutNode(this.excel, sheet);
      default:
        return super.prop(name);
    }
  }
  override method(name: string, args: Args): unknown {
    const sheet = this.sheet;
    switch (name) {
      case 'GetRange':
        return new RangeNode(
          this.excel,
          sheet,
          typeof args[0] === 'string' && args[0] !== ''
            ? parseAddress(args[0])
            : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 },
        );
      case 'GetRangeByIndexes': {
        const [row, col, rows, cols] = args as number[];
        if (rows! < 1 || cols! < 1) throw new ExcelError('InvalidArgument', 'empty range');
        return new RangeNode(this.excel, sheet, {
          top: row!,
          left: col!,
          bottom: row! + rows! - 1,
          right: col! + cols! - 1,
        });
      }
      case 'GetUsedRange':
      case 'GetUsedRangeOrNullObject': {
        const used = usedRange(sheet, args[0] === true);
        if (used) return new RangeNode(this.excel, sheet, used);
        if (name === 'GetUsedRange')
          return new RangeNode(this.excel, sheet, { top: 0, left: 0, bottom: 0, right: 0 });
        return null;
      }
      case 'Delete': {
        this.structure();
        const book = this.excel.book;
        if (
          book.sheets.filter((s) => s.visibility === 'Visible').length <= 1 &&
          sheet.visibility === 'Visible'
        )
          throw new ExcelError('InvalidOperation', 'the last visible sheet');
        book.sheets = book.sheets.filter((s) => s !== sheet);
        return null;
      }
      case 'Activate':
        this.excel.book.active = sheet.name;
        return null;
      default:
        return super.method(name, args);
    }
  }
  override set(name: string, value: unknown): void {
    const sheet = this.sheet;
    switch (name) {
      case 'Name': {
        this.structure();
        const text = String(value);
        const lower = text.toLowerCase();
        if (this.excel.book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === lower))
          throw new ExcelError('ItemAlreadyExists', text);
        if (this.excel.book.active === sheet.name) this.excel.book.active = text;
        sheet.name = text;
        return;
      }
      case 'TabColor':
        sheet.tabColor = String(value);
        return;
      case 'Visibility':
        this.structure();
        sheet.visibility = value as SheetModel['visibility'];
        return;
      default:
        super.set(name, value);
    }
  }
  override query(select: string[] | null) {
    const sheet = this.sheet;
    return pick(
      {
        Name: sheet.name,
        Visibility: sheet.visibility,
        Id: sheet.id,
        Position: this.excel.book.sheets.indexOf(sheet),
        TabColor: sheet.tabColor ?? '',
      },
      select,
    );
  }
}

function usedRange(sheet: SheetModel, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.value === '' && !cell.formula) continue;
    const [r, c] = k.split(',').map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

class SheetProtectionNode extends Node {
  readonly className = 'WorksheetProtection';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
  ) {
    super(excel);
  }
  override query(select: string[] | null) {
    return pick({ Protected: this.sheet.protected, Options: this.sheet.protectionOptions ?? {} }, select);
  }
  override method(name: string, args: Args): unknown {
    const sheet = this.sheet;
    if (name === 'Protect') {
      if (sheet.protected) throw new ExcelError('InvalidOperation', 'already protected');
      sheet.protected = true;
      sheet.protectionOptions = (args[0] as Record<string, unknown> | null) ?? {};
      if (typeof args[1] === 'string' && args[1] !== '') sheet.password = args[1];
      return null;
    }
    if (name === 'Unprotect') {
      if (sheet.password !== undefined && sheet.password !== args[0])
        throw new ExcelError('InvalidArgument', 'password');
      sheet.protected = false;
      delete sheet.password;
      return null;
    }
    return super.method(name, args);
  }
}

function isLocked(sheet: SheetModel, row: number, col: number): boolean {
  for (let i = sheet.locks.length - 1; i >= 0; i -= 1) {
    const rule = sheet.locks[i]!;
    const r = rule.range;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return rule.locked;
  }
  return true;
}

/** Sheet protection: changing a locked cell (or, without the option, formats, inserts…) is refused. */
function guardCells(sheet: SheetModel, range: CellRange, allow?: string): void {
  if (!sheet.protected) return;
  if (allow && sheet.protectionOptions?.[allow] === true) return;
  const rows = Math.min(range.bottom, range.top + 2000);
  const cols = Math.min(range.right, range.left + 200);
  for (let r = range.top; r <= rows; r += 1)
    for (let c = range.left; c <= cols; c += 1)
      if (isLocked(sheet, r, c)) throw new ExcelError('AccessDenied', 'protected sheet');
}

function effectiveFormat(sheet: SheetModel, row: number, col: number): string {
  return sheet.cells.get(key(row, col))?.format ?? 'General';
}

class RangeNode extends Node {
  readonly className = 'Range';
  constructor(
    excel: SimulatedExcel,
    readonly sheetModel: SheetModel,
    readonly range: CellRange,
  ) {
    super(excel);
  }
  get sheet(): SheetModel {
    if (!this.excel.book.sheets.includes(this.sheetModel))
      throw new ExcelError('ItemNotFound', 'deleted sheet');
    return this.sheetModel;
  }
  get address(): string {
    return addressOf(this.range);
  }
  private get cellCount(): number {
    return (this.range.bottom - this.range.top + 1) * (this.range.right - this.range.left + 1);
  }
  private grid<T>(f: (row: number, col: number) => T): T[][] {
    const r = this.range;
    if (this.cellCount > 5_000_000) throw new ExcelError('GeneralException', 'range too large to read');
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) => f(r.top + i, r.left + j)),
    );
  }
  /** Each cell of the range with the value the 2-D (or single) input gives it. */
  private each(input: unknown, write: (row: number, col: number, v: unknown) => void): void {
    const r = this.range;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (Array.isArray(input)) {
      const grid = input as unknown[][];
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new ExcelError('InvalidArgument', 'the input array does not match the size of the range');
      grid.forEach((row, i) => row.forEach((v, j) => write(r.top + i, r.left + j, v)));
      return;
    }
    if (this.cellCount > 2_000_000) throw new ExcelError('GeneralException', 'range too large to write');
    for (let i = 0; i < rows; i += 1) for (let j = 0; j < cols; j += 1) write(r.top + i, r.left + j, input);
  }
  override prop(name: string): Node | null {
    const sheet = this.sheet;
    if (name === 'Format') return new RangeFormatNode(this.excel, sheet, this.range);
    if (name === 'DataValidation') return new DataValidationNode(this.excel, sheet, this.range);
    return super.prop(name);
  }
  override set(name: string, value: unknown): void {
    const sheet = this.sheet;
    switch (name) {
      case 'Values':
        guardCells(sheet, this.range);
        this.each(value, (row, col, v) => {
          const k = key(row, col);
          const previous = sheet.cells.get(k);
          const result = coerce(v as Value | null, previous?.format ?? 'General');
          const format = previous?.format;
          if (result.kind === 'empty') {
            if (format === undefined) sheet.cells.delete(k);
            else sheet.cells.set(k, { value: '', format });
          } else if (result.kind === 'formula') {
            sheet.cells.set(k, {
              value: '#NAME?',
              error: true,
              formula: result.formula,
              ...(format ? { format } : {}),
            });
          } else {
            const newFormat =
              result.kind === 'number' && result.format && (format === undefined || format === 'General')
                ? result.format
                : format;
            sheet.cells.set(k, { value: result.value, ...(newFormat ? { format: newFormat } : {}) });
          }
        });
        return;
      case 'NumberFormat':
        guardCells(sheet, this.range, 'allowFormatCells');
        this.each(value, (row, col, f) => {
          const k = key(row, col);
          const cell = sheet.cells.get(k);
          sheet.cells.set(k, { ...(cell ?? { value: '' }), format: String(f) });
        });
        return;
      case 'Hyperlink': {
        guardCells(sheet, this.range);
        const link = value as { documentReference?: string; address?: string };
        sheet.links.set(this.address, link.documentReference ?? link.address ?? '');
        return;
      }
      default:
        super.set(name, value);
    }
  }
  override method(name: string, args: Args): unknown {
    const sheet = this.sheet;
    const book = this.excel.book;
    switch (name) {
      case '_ValidateArraySize': {
        // The library asks the host to check a 2-D input's size against the range before setting it.
        const [rows, cols] = args as number[];
        if (
          rows !== this.range.bottom - this.range.top + 1 ||
          cols !== this.range.right - this.range.left + 1
        )
          throw new ExcelError('InvalidArgument', 'the input array does not match the size of the range');
        return null;
      }
      case 'GetRow':
        return this.sub(Number(args[0]), 0, 1, this.range.right - this.range.left + 1);
      case 'GetColumn':
        return this.sub(0, Number(args[0]), this.range.bottom - this.range.top + 1, 1);
      case 'GetCell':
        return this.sub(Number(args[0]), Number(args[1]), 1, 1);
      case 'GetBoundingRect': {
        const other = args[0] instanceof RangeNode ? args[0].range : parseAddress(String(args[0]));
        const r = this.range;
        return new RangeNode(this.excel, sheet, {
          top: Math.min(r.top, other.top),
          left: Math.min(r.left, other.left),
          bottom: Math.max(r.bottom, other.bottom),
          right: Math.max(r.right, other.right),
        });
      }
      case 'Select':
        book.selected = `${sheet.name}!${this.address}`;
        book.active = sheet.name;
        return null;
      case 'Merge': {
        guardCells(sheet, this.range);
        const r = this.range;
        const across = args[0] === true;
        const areas: CellRange[] = across
          ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({
              ...r,
              top: r.top + i,
              bottom: r.top + i,
            }))
          : [r];
        for (const area of areas) {
          sheet.merges = sheet.merges.filter((m) => !overlaps(m, area));
          sheet.merges.push(area);
          // Excel keeps the top-left value of a merged area.
          for (const k of [...sheet.cells.keys()]) {
            const [row, col] = k.split(',').map(Number) as [number, number];
            if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right)
              if (row !== area.top || col !== area.left) {
                const cell = sheet.cells.get(k)!;
                if (cell.value !== '')
                  sheet.cells.set(k, { value: '', ...(cell.format ? { format: cell.format } : {}) });
              }
          }
        }
        return null;
      }
      case 'Unmerge':
        guardCells(sheet, this.range);
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, this.range));
        return null;
      case 'Insert':
        return this.insert(args[0] as string);
      case 'CopyFrom': {
        const source = args[0] as RangeNode;
        const type = String(args[1] ?? 'All');
        if (!(source instanceof RangeNode)) throw new ExcelError('InvalidArgument', 'copyFrom source');
        guardCells(sheet, this.range, type === 'Formats' ? 'allowFormatCells' : undefined);
        const s = source.range;
        const r = this.range;
        for (let i = 0; i <= r.bottom - r.top; i += 1)
          for (let j = 0; j <= r.right - r.left; j += 1) {
            const from = source.sheet.cells.get(
              key(s.top + (i % (s.bottom - s.top + 1)), s.left + (j % (s.right - s.left + 1))),
            );
            const k = key(r.top + i, r.left + j);
            const to = sheet.cells.get(k);
            if (type === 'Formats') {
              if (from?.format) sheet.cells.set(k, { ...(to ?? { value: '' }), format: from.format });
            } else if (from) sheet.cells.set(k, { ...from });
          }
        sheet.formats.push({ range: this.address, what: `copy ${type} from ${addressOf(s)}` });
        return null;
      }
      case 'GetMergedAreasOrNullObject': {
        const merged = sheet.merges.filter((m) => overlaps(m, this.range));
        return merged.length === 0 ? null : new MergedAreasNode(this.excel, sheet, merged);
      }
      case 'Clear':
        guardCells(sheet, this.range);
        for (const k of [...sheet.cells.keys()]) {
          const [row, col] = k.split(',').map(Number) as [number, number];
          if (
            row >= this.range.top &&
            row <= this.range.bottom &&
            col >= this.range.left &&
            col <= this.range.right
          )
            sheet.cells.delete(k);
        }
        return null;
      default:
        return super.method(name, args);
    }
  }
  private sub(row: number, col: number, rows: number, cols: number): RangeNode {
    const top = this.range.top + row;
    const left = this.range.left + col;
    return new RangeNode(this.excel, this.sheet, {
      top,
      left,
      bottom: top + rows - 1,
      right: left + cols - 1,
    });
  }
  /**
   * Rows inserted above this range (entire rows, or cells shifted down within its columns), as Excel
   * does: cells below move down; a validation, merge or locked rule spanning the inserted rows grows,
   * so a row added inside a table keeps the table's dropdowns; the new cells take the number
   * formats of the row above.
   */
  private insertDown(): null {
    const sheet = this.sheet;
    const r = this.range;
    const whole = r.left === 0 && r.right === MAX_COLUMNS - 1;
    if (sheet.protected && !(whole && sheet.protectionOptions?.allowInsertRows === true))
      throw new ExcelError('AccessDenied', 'protected sheet');
    const cols = whole ? null : { left: r.left, right: r.right };
    const at = r.top;
    const count = r.bottom - r.top + 1;
    const within = (col: number) => cols === null || (col >= cols.left && col <= cols.right);
    for (const k of sheet.cells.keys())
      if (Number(k.split(',')[0]) + count >= MAX_ROWS)
        throw new ExcelError('InvalidOperation', 'cells would move off the sheet');
    const merges = sheet.merges.map((m) => {
      const parts = shiftedDown(m, at, count, cols);
      if (parts.length !== 1) throw new ExcelError('InvalidOperation', 'would move part of a merged cell');
      return parts[0]!;
    });
    const validations = new Map<string, string>();
    for (const [address, source] of sheet.validations)
      for (const part of shiftedDown(parseAddress(address), at, count, cols))
        validations.set(addressOf(part), source);
    const locks = sheet.locks.flatMap((rule) =>
      shiftedDown(rule.range, at, count, cols).map((range) => ({ range, locked: rule.locked })),
    );
    const cells = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [row, col] = k.split(',').map(Number) as [number, number];
      cells.set(key(row >= at && within(col) ? row + count : row, col), cell);
    }
    if (at > 0)
      for (const [k, cell] of sheet.cells) {
        const [row, col] = k.split(',').map(Number) as [number, number];
        if (row !== at - 1 || !within(col) || !cell.format) continue;
        for (let i = 0; i < count; i += 1) cells.set(key(at + i, col), { value: '', format: cell.format });
      }
    sheet.cells = cells;
    sheet.merges = merges;
    sheet.validations = validations;
    sheet.locks = locks;
    return null;
  }
  private insert(direction: string): null {
    const sheet = this.sheet;
    if (direction === 'Down') return this.insertDown();
    if (direction !== 'Right') return this.unknown(`Insert(${direction})`);
    const whole = this.range.top === 0 && this.range.bottom === MAX_ROWS - 1;
    if (sheet.protected && !(whole && sheet.protectionOptions?.allowInsertColumns === true))
      throw new ExcelError('AccessDenied', 'protected sheet');
    const r = this.range;
    const rows = whole ? null : { top: r.top, bottom: r.bottom };
    const at = r.left;
    const count = r.right - r.left + 1;
    const merges = sheet.merges.map((m) => shifted(m, at, count, rows));
    const validations = new Map(
      [...sheet.validations].map(
        ([address, source]) => [addressOf(shifted(parseAddress(address), at, count, rows)), source] as const,
      ),
    );
    const cells = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [row, col] = k.split(',').map(Number) as [number, number];
      const moves = col >= at && (rows === null || (row >= rows.top && row <= rows.bottom));
      cells.set(key(row, moves ? col + count : col), cell);
    }
    sheet.cells = cells;
    sheet.merges = merges;
    sheet.validations = validations;
    if (whole) {
      const widths = new Map<number, number>();
      for (const [c, w] of sheet.columnWidths) widths.set(c >= at ? c + count : c, w);
      sheet.columnWidths = widths;
    }
    return null;
  }
  override query(select: string[] | null) {
    const sheet = this.sheet;
    const all: Record<string, () => unknown> = {
      Address: () => `${sheetPrefix(sheet.name)}!${this.address}`,
      AddressLocal: () => `${sheetPrefix(sheet.name)}!${this.address}`,
      Values: () => this.grid((row, col) => sheet.cells.get(key(row, col))?.value ?? ''),
      NumberFormat: () => this.grid((row, col) => effectiveFormat(sheet, row, col)),
      Formulas: () =>
        this.grid((row, col) => {
          const cell = sheet.cells.get(key(row, col));
          return cell?.formula ?? cell?.value ?? '';
        }),
      ValueTypes: () =>
        this.grid((row, col) => {
          const cell = sheet.cells.get(key(row, col));
          if (!cell || cell.value === '') return 'Empty';
          if (cell.error) return 'Error';
          return typeof cell.value === 'number'
            ? 'Double'
            : typeof cell.value === 'boolean'
              ? 'Boolean'
              : 'String';
        }),
      RowIndex: () => this.range.top,
      ColumnIndex: () => this.range.left,
      RowCount: () => this.range.bottom - this.range.top + 1,
      ColumnCount: () => this.range.right - this.range.left + 1,
    };
    const names = select ? select.map((s) => s.charAt(0).toUpperCase() + s.slice(1)) : Object.keys(all);
    const out: Record<string, unknown> = {};
    for (const n of names) {
      const get = all[n];
      if (!get) return this.unknown(`load ${n}`);
      out[n] = get();
    }
    return out;
  }
}

class MergedAreasNode extends Node {
  readonly className = 'RangeAreas';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
    readonly areas: CellRange[],
  ) {
    super(excel);
  }
  override query(select: string[] | null) {
    const prefix = sheetPrefix(this.sheet.name);
    return pick(
      {
        Address: this.areas.map((m) => `${prefix}!${addressOf(m)}`).join(','),
        AreaCount: this.areas.length,
      },
      select,
    );
  }
}

class RangeFormatNode extends Node {
  readonly className = 'RangeFormat';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
    readonly range: CellRange,
  ) {
    super(excel);
  }
  record(what: string): void {
    guardCells(this.sheet, this.range, 'allowFormatCells');
    this.sheet.formats.push({ range: addressOf(this.range), what });
  }
  override prop(name: string): Node | null {
    switch (name) {
      case 'Font':
        return new StyleNode(this.excel, 'RangeFont', this, 'font');
      case 'Fill':
        return new StyleNode(this.excel, 'RangeFill', this, 'fill');
      case 'Borders':
        return new BordersNode(this.excel, this);
      case 'Protection':
        return new FormatProtectionNode(this.excel, this.sheet, this.range);
      default:
        return super.prop(name);
    }
  }
  override set(name: string, value: unknown): void {
    if (name === 'ColumnWidth') {
      guardCells(this.sheet, this.range, 'allowFormatColumns');
      for (let c = this.range.left; c <= this.range.right; c += 1)
        this.sheet.columnWidths.set(c, Number(value));
      this.sheet.formats.push({ range: addressOf(this.range), what: 'width' });
      return;
    }
    if (name === 'WrapText') return this.record('wrap');
    if (name === 'HorizontalAlignment') return this.record('align');
    if (name === 'VerticalAlignment') return this.record('valign');
    if (name === 'RowHeight') return this.record('height');
    super.set(name, value);
  }
}

class StyleNode extends Node {
  constructor(
    excel: SimulatedExcel,
    readonly className: string,
    readonly format: RangeFormatNode,
    readonly prefix: string,
  ) {
    super(excel);
  }
  override set(name: string, value: unknown): void {
    this.format.record(`${this.prefix}.${name.charAt(0).toLowerCase()}${name.slice(1)}=${String(value)}`);
  }
  override method(name: string, args: Args): unknown {
    if (name === 'Clear') {
      this.format.record(`${this.prefix}.clear`);
      return null;
    }
    return super.method(name, args);
  }
}

class BordersNode extends Node {
  readonly className = 'RangeBorderCollection';
  constructor(
    excel: SimulatedExcel,
    readonly format: RangeFormatNode,
  ) {
    super(excel);
  }
  override index(key: unknown): Node {
    return new StyleNode(this.excel, 'RangeBorder', this.format, `border.${String(key)}`);
  }
  override method(name: string, args: Args): unknown {
    if (name === 'GetItem') return this.index(args[0]);
    return super.method(name, args);
  }
}

class FormatProtectionNode extends Node {
  readonly className = 'FormatProtection';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
    readonly range: CellRange,
  ) {
    super(excel);
  }
  override set(name: string, value: unknown): void {
    if (name !== 'Locked') return super.set(name, value);
    if (this.sheet.protected) throw new ExcelError('AccessDenied', 'protected sheet');
    this.sheet.locks.push({ range: this.range, locked: value === true });
    this.sheet.formats.push({ range: addressOf(this.range), what: value === true ? 'locked' : 'unlocked' });
  }
}

class DataValidationNode extends Node {
  readonly className = 'DataValidation';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
    readonly range: CellRange,
  ) {
    super(excel);
  }
  /** Excel keeps one rule per cell: the range's cells leave every older rule. */
  private release(): void {
    const next = new Map<string, string>();
    for (const [address, source] of this.sheet.validations)
      for (const part of subtract(parseAddress(address), this.range)) next.set(addressOf(part), source);
    this.sheet.validations = next;
  }
  override method(name: string, args: Args): unknown {
    if (name === 'Clear') {
      guardCells(this.sheet, this.range);
      this.release();
      return null;
    }
    return super.method(name, args);
  }
  override set(name: string, value: unknown): void {
    switch (name) {
      case 'Rule': {
        guardCells(this.sheet, this.range);
        const rule = value as { list?: { source?: string } };
        if (!rule.list || typeof rule.list.source !== 'string') return this.unknown('Rule (not a list)');
        this.release();
        this.sheet.validations.set(addressOf(this.range), rule.list.source);
        return;
      }
      case 'ErrorAlert':
      case 'Prompt':
      case 'IgnoreBlanks':
        guardCells(this.sheet, this.range);
        return;
      default:
        super.set(name, value);
    }
  }
}

class FreezePanesNode extends Node {
  readonly className = 'WorksheetFreezePanes';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
  ) {
    super(excel);
  }
  override method(name: string, args: Args): unknown {
    switch (name) {
      case 'FreezeAt': {
        const target = args[0];
        const r = target instanceof RangeNode ? target.range : parseAddress(String(target));
        this.sheet.freeze = { rows: r.bottom + 1, columns: r.right + 1 };
        return null;
      }
      case 'FreezeRows':
        this.sheet.freeze = { rows: Number(args[0] ?? 1), columns: 0 };
        return null;
      case 'FreezeColumns':
        this.sheet.freeze = { rows: 0, columns: Number(args[0] ?? 1) };
        return null;
      case 'Unfreeze':
        this.sheet.freeze = null;
        return null;
      default:
        return super.method(name, args);
    }
  }
}

class PageLayoutNode extends Node {
  readonly className = 'PageLayout';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
  ) {
    super(excel);
  }
  override set(name: string, value: unknown): void {
    this.sheet.print[name] = value;
  }
  override method(name: string, args: Args): unknown {
    if (name === 'SetPrintTitleRows') {
      this.sheet.print.titleRows = args[0];
      return null;
    }
    if (name === 'SetPrintTitleColumns') {
      this.sheet.print.titleColumns = args[0];
      return null;
    }
    return super.method(name, args);
  }
  override prop(name: string): Node | null {
    if (name !== 'HeadersFooters') return super.prop(name);
    const print = this.sheet.print;
    const excel = this.excel;
    return new (class extends Node {
      readonly className = 'HeaderFooterGroup';
      override prop(member: string): Node | null {
        if (member !== 'DefaultForAllPages') return super.prop(member);
        const record = ((print.headerFooter as Record<string, unknown> | undefined) ??= {});
        return new RecordNode(excel, 'HeaderFooter', (n, v) => (record[n] = v));
      }
    })(excel);
  }
}

class ChartsNode extends Node {
  readonly className = 'ChartCollection';
  constructor(
    excel: SimulatedExcel,
    readonly sheet: SheetModel,
  ) {
    super(excel);
  }
  override method(name: string, args: Args): unknown {
    if (name !== 'Add') return super.method(name, args);
    const source = args[1];
    if (!(source instanceof RangeNode)) throw new ExcelError('InvalidArgument', 'chart source');
    const chart: ChartModel = {
      type: String(args[0]),
      title: '',
      source: addressOf(source.range),
      series: [{ name: '', values: addressOf(source.range), categories: '', pointFills: new Map() }],
      position: ['', ''],
    };
    this.sheet.charts.push(chart);
    return new ChartNode(this.excel, chart);
  }
  override query() {
    return { Count: this.sheet.charts.length };
  }
}

class ChartNode extends Node {
  readonly className = 'Chart';
  constructor(
    excel: SimulatedExcel,
    readonly chart: ChartModel,
  ) {
    super(excel);
  }
  override prop(name: string): Node | null {
    const chart = this.chart;
    switch (name) {
      case 'Title':
        return new RecordNode(this.excel, 'ChartTitle', (n, v) => {
          if (n === 'Text') chart.title = String(v);
        });
      case 'Series':
        return new SeriesCollectionNode(this.excel, chart);
      case 'DataLabels':
        chart.dataLabels ??= {};
        return new RecordNode(this.excel, 'ChartDataLabels', (n, v) => (chart.dataLabels![n] = v));
      case 'Axes': {
        const excel = this.excel;
        return new (class extends Node {
          readonly className = 'ChartAxes';
          override prop(axis: string): Node | null {
            if (axis !== 'ValueAxis') return super.prop(axis);
            chart.valueAxis ??= {};
            return new RecordNode(excel, 'ChartAxis', (n, v) => (chart.valueAxis![n] = v));
          }
        })(this.excel);
      }
      case 'Legend':
        chart.legend ??= {};
        return new RecordNode(this.excel, 'ChartLegend', (n, v) => (chart.legend![n] = v));
      default:
        return super.prop(name);
    }
  }
  override method(name: string, args: Args): unknown {
    if (name === 'SetPosition') {
      const at = (a: unknown) => (a instanceof RangeNode ? addressOf(a.range) : String(a ?? ''));
      this.chart.position = [at(args[0]), at(args[1])];
      return null;
    }
    return super.method(name, args);
  }
}

/** A simple object whose property sets are recorded. */
class RecordNode extends Node {
  constructor(
    excel: SimulatedExcel,
    readonly className: string,
    private readonly onSet: (name: string, value: unknown) => void,
  ) {
    super(excel);
  }
  override set(name: string, value: unknown): void {
    this.onSet(name, value);
  }
}

class SeriesCollectionNode extends Node {
  readonly className = 'ChartSeriesCollection';
  constructor(
    excel: SimulatedExcel,
    readonly chart: ChartModel,
  ) {
    super(excel);
  }
  override method(name: string, args: Args): unknown {
    if (name === 'GetItemAt') {
      const series = this.chart.series[Number(args[0])];
      if (!series) throw new ExcelError('ItemNotFound', `series ${String(args[0])}`);
      return new SeriesNode(this.excel, series);
    }
    if (name === 'Add') {
      const series: ChartSeriesModel = {
        name: String(args[0] ?? ''),
        values: '',
        categories: '',
        pointFills: new Map(),
      };
      this.chart.series.push(series);
      return new SeriesNode(this.excel, series);
    }
    return super.method(name, args);
  }
  override query() {
    return { Count: this.chart.series.length };
  }
}

class SeriesNode extends Node {
  readonly className = 'ChartSeries';
  constructor(
    excel: SimulatedExcel,
    readonly series: ChartSeriesModel,
  ) {
    super(excel);
  }
  override set(name: string, value: unknown): void {
    if (name === 'Name') this.series.name = String(value);
    else if (name === 'HasDataLabels') this.series.hasDataLabels = value === true;
    else super.set(name, value);
  }
  override method(name: string, args: Args): unknown {
    const at = (a: unknown) => {
      if (!(a instanceof RangeNode)) throw new ExcelError('InvalidArgument', 'series source');
      return addressOf(a.range);
    };
    if (name === 'SetValues') this.series.values = at(args[0]);
    else if (name === 'SetXAxisValues') this.series.categories = at(args[0]);
    else return super.method(name, args);
    return null;
  }
  override prop(name: string): Node | null {
    const series = this.series;
    if (name === 'Format')
      return new SeriesFormatNode(
        this.excel,
        (c) => (series.fill = c),
        (c) => (series.line = c),
      );
    if (name === 'DataLabels') {
      series.dataLabels ??= {};
      return new RecordNode(this.excel, 'ChartDataLabels', (n, v) => (series.dataLabels![n] = v));
    }
    if (name === 'Points') return new PointsNode(this.excel, series);
    return super.prop(name);
  }
}

class SeriesFormatNode extends Node {
  readonly className = 'ChartSeriesFormat';
  constructor(
    excel: SimulatedExcel,
    private readonly fill: (color: string) => void,
    private readonly line: ((color: string) => void) | null,
  ) {
    super(excel);
  }
  override prop(name: string): Node | null {
    if (name === 'Fill') {
      const fill = this.fill;
      return new (class extends Node {
        readonly className = 'ChartFill';
        override method(m: string, args: Args): unknown {
          if (m === 'SetSolidColor') fill(String(args[0]));
          else if (m !== 'Clear') return super.method(m, args);
          return null;
        }
      })(this.excel);
    }
    if (name === 'Line' && this.line) {
      const line = this.line;
      return new RecordNode(this.excel, 'ChartLineFormat', (n, v) => {
        if (n === 'Color') line(String(v));
      });
    }
    return super.prop(name);
  }
}

class PointsNode extends Node {
  readonly className = 'ChartPointsCollection';
  constructor(
    excel: SimulatedExcel,
    readonly series: ChartSeriesModel,
  ) {
    super(excel);
  }
  override method(name: string, args: Args): unknown {
    if (name !== 'GetItemAt') return super.method(name, args);
    const index = Number(args[0]);
    const series = this.series;
    return new (class extends Node {
      readonly className = 'ChartPoint';
      override prop(p: string): Node | null {
        if (p === 'Format')
          return new SeriesFormatNode(this.excel, (c) => series.pointFills.set(index, c), null);
        return super.prop(p);
      }
    })(this.excel);
  }
}

class NamesNode extends Node {
  readonly className = 'NamedItemCollection';
  override index(key: unknown): Node {
    const name = [...this.excel.book.names.keys()].find((n) => n.toLowerCase() === String(key).toLowerCase());
    if (name === undefined) throw new ExcelError('ItemNotFound', String(key));
    return new NamedItemNode(this.excel, name);
  }
  override method(name: string, args: Args): unknown {
    const names = this.excel.book.names;
    switch (name) {
      case 'GetItem':
        return this.index(args[0]);
      case 'GetItemOrNullObject': {
        const found = [...names.keys()].find((n) => n.toLowerCase() === String(args[0]).toLowerCase());
        return found === undefined ? null : new NamedItemNode(this.excel, found);
      }
      case 'Add': {
        const itemName = String(args[0]);
        if ([...names.keys()].some((n) => n.toLowerCase() === itemName.toLowerCase()))
          throw new ExcelError('ItemAlreadyExists', itemName);
        const ref = args[1];
        if (ref instanceof RangeNode)
          names.set(itemName, {
            sheet: ref.sheet,
            cell: `$${a1(ref.range.top, ref.range.left).replace(/(\d+)$/, '$$$1')}`,
          });
        else names.set(itemName, String(ref));
        return new NamedItemNode(this.excel, itemName);
      }
      default:
        return super.method(name, args);
    }
  }
  override query(select: string[] | null) {
    return {
      _Items: [...this.excel.book.names.keys()].map((n) => ({
        ...new NamedItemNode(this.excel, n).query(select),
        _Id: n,
      })),
    };
  }
}

class NamedItemNode extends Node {
  readonly className = 'NamedItem';
  constructor(
    excel: SimulatedExcel,
    readonly name: string,
  ) {
    super(excel);
  }
  override method(name: string, args: Args): unknown {
    if (name === 'Delete') {
      this.excel.book.names.delete(this.name);
      return null;
    }
    return super.method(name, args);
  }
  override query(select: string[] | null) {
    return pick(
      { Name: this.name, Value: this.excel.nameValue(this.name), Type: 'Range', Visible: true },
      select,
    );
  }
}

class SettingsNode extends Node {
  readonly className = 'SettingCollection';
  override method(name: string, args: Args): unknown {
    const settings = this.excel.book.settings;
    const k = String(args[0]);
    switch (name) {
      case 'Add':
        settings.set(k, args[1]);
        return new SettingNode(this.excel, k);
      case 'GetItem':
        if (!settings.has(k)) throw new ExcelError('ItemNotFound', k);
        return new SettingNode(this.excel, k);
      case 'GetItemOrNullObject':
        return settings.has(k) ? new SettingNode(this.excel, k) : null;
      default:
        return super.method(name, args);
    }
  }
}

class SettingNode extends Node {
  readonly className = 'Setting';
  constructor(
    excel: SimulatedExcel,
    readonly key: string,
  ) {
    super(excel);
  }
  override query(select: string[] | null) {
    return pick({ Key: this.key, Value: this.excel.book.settings.get(this.key) }, select);
  }
  override method(name: string, args: Args): unknown {
    if (name === 'Delete') {
      this.excel.book.settings.delete(this.key);
      return null;
    }
    return super.method(name, args);
  }
}

// ---------------------------------------------------------------------------------------------

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[] };
}

/** Which object kinds each path type may name, checked against the requirement table. */
function requirementOf(node: Node, member: string): number {
  return REQUIREMENT[`${node.className}.${member}`] ?? 1;
}

/** The simulated Excel whose Excel.run is under way (the library has one transport per global). */
const running: { host: SimulatedExcel | null } = { host: null };

export class SimulatedExcel {
  readonly Excel: typeof Excel;
  book: BookModel = {
    sheets: [],
    names: new Map(),
    settings: new Map(),
    active: null,
    selected: null,
    structureProtected: false,
  };
  /** Requests that carried the shell's work (each a round trip). */
  syncs = 0;
  /** The library's own requests that only release kept references at the end of Excel.run. */
  releases = 0;
  /** UTF-8 bytes of each request body and each response body, as serialized. */
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** The serialized requests, for inspection. */
  requests: string[] = [];
  payloadLimit: number | null = WEB_PAYLOAD_LIMIT;
  runs: { delayForCellEdit: boolean }[] = [];
  /** A failure at the n-th request after k of its actions (instantiations not counted): Excel's error code. */
  fault: { sync: number; afterOps: number; code: string; message?: string } | null = null;
  /** Highest ExcelApi minor version this host supports (17: ExcelApi 1.17). */
  apiMinor = 17;
  documentSettings: Map<string, unknown> | null = null;
  refs = new Map<string, Node>();
  /** Members called above the configured requirement set (each refused with ApiNotFound). */
  apiNotFound: string[] = [];
  /** Gaps in the simulation met while running (each also fails its request); tests assert none. */
  simulationErrors: Error[] = [];
  private nextId = 1;

  constructor(readonly build: ExcelBuild) {
    this.Excel = loadExcelLibrary(build, (message, callback) => {
      const host = running.host;
      if (!host) throw new Error('no simulated Excel is running a batch');
      host.receive(message, callback);
    });
  }

  makeSheet(name: string): SheetModel {
    const id = `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, '0')}}`;
    return newSheet(name, id);
  }

  nameValue(name: string): string {
    const ref = this.book.names.get(name);
    if (ref === undefined) return '';
    if (typeof ref === 'string') return ref;
    if (!this.book.sheets.includes(ref.sheet)) return `=#REF!${ref.cell}`;
    return `=${sheetPrefix(ref.sheet.name)}!${ref.cell}`;
  }

  /** Load a grid of values into a new sheet (what a workbook file holds); values kept as given. */
  addSheet(
    name: string,
    rows: (Value | null)[][],
    origin = { row: 0, col: 0 },
    merges: CellRange[] = [],
  ): SheetModel {
    const sheet = this.makeSheet(name);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '') sheet.cells.set(key(origin.row + i, origin.col + j), { value: v });
      }),
    );
    sheet.merges = merges;
    this.book.sheets.push(sheet);
    return sheet;
  }

  resetCounters(): void {
    this.syncs = 0;
    this.releases = 0;
    this.requestBytes = [];
    this.responseBytes = [];
    this.requests = [];
    this.runs = [];
  }

  env(maxRequestBytes = 4 * 1024 * 1024): ExcelEnv {
    return {
      run: (options, batch) => {
        this.runs.push(options);
        running.host = this;
        // The library asks Office which requirement sets the host has (e.g. before splitting large
        // writes); Office.context comes from the app factory that Office.js's host start-up sets.
        const osf = (globalThis as unknown as { OSF: { _OfficeAppFactory?: { getContext: () => unknown } } })
          .OSF;
        const context = {
          requirements: { isSetSupported: this.env().isSetSupported },
          displayLanguage: 'ja-JP',
        };
        osf._OfficeAppFactory = { ...(osf._OfficeAppFactory ?? {}), getContext: () => context };
        return this.Excel.run(options, batch);
      },
      isSetSupported: (name, version) =>
        name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= this.apiMinor,
      documentSettings: this.documentSettings
        ? ({
            get: (k: string) => this.documentSettings!.get(k),
            set: (k: string, v: unknown) => this.documentSettings!.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
          } as unknown as Office.Settings)
        : null,
      maxRequestBytes,
    };
  }

  sheet(name: string): SheetModel | undefined {
    return this.book.sheets.find((s) => s.name === name);
  }

  /** Values of a sheet as A1-addressed cells, for comparisons (empty cells left out). */
  dump(name: string): Record<string, Value> {
    const sheet = this.sheet(name);
    const out: Record<string, Value> = {};
    if (!sheet) return out;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      out[a1(r, c)] = cell.formula ? `FORMULA:${cell.formula}` : cell.value;
    }
    return out;
  }

  /** Names as A1 → value, for comparisons. */
  nameValues(): Record<string, string> {
    return Object.fromEntries([...this.book.names.keys()].map((n) => [n, this.nameValue(n)]));
  }

  private receive(message: RichApiMessage, callback: RichApiCallback): void {
    const text = String(message[4]);
    const bytes = Buffer.byteLength(text, 'utf8');
    const body = JSON.parse(text) as { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> };
    const onlyReleases = body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference');
    const reply = (result: Parameters<RichApiCallback>[0]) => setTimeout(() => callback(result), 0);
    if (onlyReleases) this.releases += 1;
    else {
      this.syncs += 1;
      this.requestBytes.push(bytes);
      this.requests.push(text);
    }
    if (this.payloadLimit !== null && bytes > this.payloadLimit) {
      reply({
        status: 'failed',
        error: { code: 5103, message: JA_MESSAGES.RequestPayloadSizeLimitExceeded! },
      });
      return;
    }
    const response = this.execute(body, onlyReleases ? null : this.syncs);
    const responseText = JSON.stringify(response);
    const responseSize = Buffer.byteLength(responseText, 'utf8');
    if (!onlyReleases) this.responseBytes.push(responseSize);
    if (this.payloadLimit !== null && responseSize > this.payloadLimit) {
      reply({
        status: 'failed',
        error: { code: 5104, message: JA_MESSAGES.ResponsePayloadSizeLimitExceeded! },
      });
      return;
    }
    reply({ status: 'succeeded', value: { data: [200, [], responseText] } });
  }

  private execute(
    body: { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> },
    syncNumber: number | null,
  ): Record<string, unknown> {
    const resolved = new Map<number, Node | null>();
    const resolve = (id: number): Node | null => {
      if (resolved.has(id)) return resolved.get(id)!;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new ExcelError('InvalidArgument', `object path ${id}`);
      let node: Node | null;
      switch (info.ObjectPathType) {
        case 1:
          node = new WorkbookNode(this);
          break;
        case 6:
          node = this.refs.get(info.Name) ?? null;
          if (!node) throw new ExcelError('InvalidArgument', `reference ${info.Name}`);
          break;
        case 7:
          node = null;
          break;
        default: {
          const parent = resolve(info.ParentObjectPathId!);
          if (!parent) {
            node = null;
            break;
          }
          const args = this.args(info.ArgumentInfo, resolve);
          this.require(parent, info.Name);
          if (info.ObjectPathType === 4) node = parent.prop(info.Name);
          else if (info.ObjectPathType === 5) node = parent.index(args[0]);
          else {
            const out = parent.method(info.Name, args);
            node = out instanceof Node ? out : null;
          }
        }
      }
      resolved.set(id, node);
      return node;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    const fault = this.fault && syncNumber !== null && this.fault.sync === syncNumber ? this.fault : null;
    let ops = 0;
    try {
      for (const action of body.Actions) {
        if (action.ActionType !== 1) {
          if (fault && ops >= fault.afterOps) throw new ExcelError(fault.code, fault.message ?? 'injected');
          ops += 1;
        }
        const node = resolve(action.ObjectPathId);
        switch (action.ActionType) {
          case 1: {
            const info = body.ObjectPaths[String(action.ObjectPathId)]!;
            if (node === null) results.push({ ActionId: action.Id, Value: null });
            else if (info.ObjectPathType === 3 || info.ObjectPathType === 5) {
              const ref = `ref${this.nextId++}`;
              this.refs.set(ref, node);
              results.push({ ActionId: action.Id, Value: { _ReferenceId: ref } });
            }
            break;
          }
          case 2:
            results.push({
              ActionId: action.Id,
              Value: node === null ? null : node.query(action.QueryInfo?.Select ?? null),
            });
            break;
          case 3: {
            if (action.Name === '_KeepReference') break;
            if (!node) throw new ExcelError('InvalidArgument', 'null object');
            this.require(node, action.Name);
            const out = node.method(action.Name, this.args(action.ArgumentInfo, resolve));
            results.push({ ActionId: action.Id, Value: out instanceof Node ? null : (out ?? null) });
            break;
          }
          case 4:
            if (!node) throw new ExcelError('InvalidArgument', 'null object');
            this.require(node, action.Name);
            node.set(action.Name, action.ArgumentInfo?.Arguments?.[0]);
            break;
          default:
            break;
        }
      }
    } catch (err) {
      if (!(err instanceof ExcelError) || err.code === 'UnknownMember') {
        // A gap in the simulation, not Excel's behaviour: make the test fail with it, whatever the shell does.
        this.simulationErrors.push(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      // Like Excel: what ran before the failing action stays done; the response carries only the error.
      if (process.env.SIM_DEBUG) console.log('simulated Excel error', err.code, err.message);
      return { Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, Location: '' } };
    }
    return { Results: results };
  }

  private require(node: Node, member: string): void {
    if (requirementOf(node, member) > this.apiMinor) {
      this.apiNotFound.push(`${node.className}.${member}`);
      throw new ExcelError('ApiNotFound', `${node.className}.${member}`);
    }
  }

  private args(
    info: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] } | undefined,
    resolve: (id: number) => Node | null,
  ): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    info?.ReferencedObjectPathIds?.forEach((id, i) => {
      if (id) args[i] = resolve(id);
    });
    return args;
  }
}

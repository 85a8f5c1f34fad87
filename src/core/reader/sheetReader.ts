/**
 * Reads every plan table of one sheet: walks the rows once, taking heading rows (1. 基本方針,
 * (1) 施策) as context, headers (repeated or not) as the start of a table, and item rows as items.
 * Blank rows, notes (※…) and legend rows are passed over.
 */
import { a1, type CellValue, type SheetSnapshot } from '../grid';
import type { Finding, FiscalYear, MarkEntry, Owner, TableInfo } from '../model';
import { finding } from '../findings/finding';
import { gradesOf, type MarkSymbol, scaleOf, type Settings } from '../settings';
import { presetFitting } from '../scales';
// Straight from the modules, not the values barrel: CommonJS re-exports are getters, called per cell.
import { cellText, cleanText, foldForMatch, isDashOnly } from '../values/text';
import { compareFiscalYears, findFiscalYear } from '../values/years';
import { parseHeading, stripHeadingNumber } from '../values/headings';
import { parseItemNumber } from '../values/itemNumber';
import { parseMark, type MarkParse } from '../values/marks';
import { parseOwners } from '../values/owners';
import { stripItemTags } from '../values/tags';
import { type ColumnMap, headerWords, type HeaderWords } from './headers';
import { type HeaderAttempt, type HeaderBlock, tryHeaderAt } from './headerBlock';
import { SheetGrid } from './sheetGrid';
import { ItemTable, ReadItem, ReadMark } from './items';
import { type ColumnEvidence, isItemName, isStatusColumn, statusEvidence } from './evidence';

export interface SheetRead {
  /** The items of the sheet's plan tables, not yet finalized for a target year (see finalizeItems). */
  readonly items: ReadItem[];
  /** The latest year any item of the sheet has a recognised mark for. */
  readonly latestMarkedYear: FiscalYear | null;
  readonly tables: TableInfo[];
  readonly findings: Finding[];
  /** True when a row looked like a plan header but no status column with a year could be found. */
  readonly incompleteHeader: boolean;
  /** Tables whose header read like a plan's but whose cells are no plan (see evidence.ts); nothing read from them. */
  readonly rejected: readonly RejectedTable[];
}

export interface RejectedTable {
  /** A1 address of the header's first cell. */
  readonly cell: string;
  readonly reason: 'statusNotMarks' | 'rowsNotItems';
}

interface Context {
  policy: string | null;
  policyNo: number | null;
  measure: string | null;
  measureNo: number | null;
}

/** A table being walked: its rows are read only once the whole table is known to be a plan table. */
interface OpenTable {
  readonly map: ColumnMap;
  readonly info: MutableTable;
  readonly headerCell: string;
  /** Item-shaped rows, each with the heading context (1. 基本方針, (1) 施策) in force above it. */
  readonly rows: { readonly row: number; readonly context: Readonly<Context> }[];
}

const NO_CONTEXT: Readonly<Context> = { policy: null, policyNo: null, measure: null, measureNo: null };

const TOTAL_ROW_NAMES = new Set(['合計', '計', '小計', '総計', 'total', 'subtotal']);

/** Legend rows such as `◎：進んでいる` or `終了:事業終了`, and the word 凡例. */
function isLegendText(text: string, symbols: readonly string[]): boolean {
  const t = cleanText(text);
  if (/^[(（]?凡例/.test(t)) return true;
  return symbols.some((s) => t.startsWith(s) && /^[\s\u3000]*[:：・＝=]/.test(t.slice(s.length)));
}

function isNoteText(text: string): boolean {
  return /^(※|＊|\*|注[)）:：\s]|[(（]注[)）])/.test(cleanText(text));
}

export function readSheet(sheet: SheetSnapshot, file: string, settings: Settings): SheetRead {
  const grid = new SheetGrid(sheet);
  const items: ReadItem[] = [];
  let latestMarked: FiscalYear | null = null;
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  const rejected: RejectedTable[] = [];
  const grades = gradesOf(settings);
  const words = headerWordsOf(settings);
  const symbols = grades.flatMap((m) => [m.symbol, ...m.variants]);
  const markTexts = new Set(symbols);
  // Replaced, never changed, when a heading is read: the rows below share it.
  let context: Readonly<Context> = NO_CONTEXT;
  const sheetYear = findFiscalYear(sheet.name);
  let titleYear: FiscalYear | null = null;
  let table: OpenTable | null = null;
  let incompleteHeader = false;

  const close = (open: OpenTable | null) => {
    if (!open) return;
    const verdict = judgeTable(grid, open, settings);
    if (verdict.kind === 'rejected') {
      rejected.push({ cell: open.headerCell, reason: verdict.reason });
      return;
    }
    tables.push(open.info);
    const ignored = new Set(verdict.notMarkColumns.map((c) => c.col));
    const itemTable = new ItemTable(grid, file, open.map);
    const rows = new ItemRowReader(itemTable, settings, ignored, findings);
    for (const { row, context: above } of verdict.rows) {
      items.push(rows.read(row, above));
      open.info.items += 1;
      open.info.lastRow = row;
    }
    const tableMarked = rows.latestMarkedYear();
    if (tableMarked !== null && (latestMarked === null || compareFiscalYears(tableMarked, latestMarked) > 0))
      latestMarked = tableMarked;
    // The year a 計画 / 実績 pair without a year belongs to: the sheet's (from its name or title), else
    // the latest year the table has marks for.
    itemTable.tableYear =
      sheetYear ?? titleYear ?? tableMarked ?? open.info.years[open.info.years.length - 1]!;
    const otherScale = otherScaleOf(rows.unknownTexts, scaleOf(settings).name);
    if (otherScale) {
      findings.push(
        finding(
          'table.otherScale',
          { file, sheet: sheet.name, cell: open.headerCell },
          { sheet: sheet.name, scale: otherScale.scale, examples: otherScale.examples },
        ),
      );
    }
    if (verdict.notMarkColumns.length > 0) {
      const columns = verdict.notMarkColumns;
      findings.push(
        finding(
          'table.statusNotMarks',
          { file, sheet: sheet.name, cell: open.headerCell },
          {
            sheet: sheet.name,
            years: columns.map((c) => c.year),
            year: columns[0]!.year,
            cells: columns.reduce(
              (n, c) => n + c.evidence.filled - c.evidence.marks - c.evidence.gradeLike,
              0,
            ),
            symbols: grades.map((m) => m.symbol),
          },
        ),
      );
    }
  };

  for (let row = grid.top; row <= grid.bottom; row += 1) {
    const filled = grid.filledColumns(row);
    if (filled.length === 0) continue;

    // A row with a mark in one of the table's status columns is an item, never a repeated header:
    // skipping the header test there keeps a 100,000-row sheet fast.
    const itemLike: boolean = table !== null && hasMark(grid, row, table.map, markTexts);
    const attempt: HeaderAttempt = itemLike
      ? NO_HEADER
      : tryHeaderAt(grid, row, sheetYear ?? titleYear, words);
    if (attempt.kind === 'header') {
      const { map, top, bottom }: HeaderBlock = attempt.block;
      close(table);
      const info: MutableTable = {
        file,
        sheet: sheet.name,
        headerTop: top,
        headerBottom: bottom,
        lastRow: bottom,
        years: [...map.status.keys()],
        markColumns: Object.fromEntries(map.status),
        items: 0,
      };
      table = { map, info, headerCell: grid.address(top, firstColumn(map)), rows: [] };
      row = bottom;
      continue;
    }
    if (attempt.kind === 'incomplete' || attempt.kind === 'implausible') {
      incompleteHeader = true;
      if (attempt.kind === 'incomplete') continue;
    }

    const firstText = grid.text(row, filled[0]!);
    if (filled.length <= 2) {
      const heading = parseHeading(firstText);
      if (heading && !(table && isItemRowShape(grid, row, table.map))) {
        context =
          heading.level === 'policy'
            ? { policy: heading.title, policyNo: heading.no, measure: null, measureNo: null }
            : { ...context, measure: heading.title, measureNo: heading.no };
        continue;
      }
    }
    if (isNoteText(firstText) || isLegendText(firstText, symbols)) continue;
    if (!table) {
      // Title rows above the first table may say which year the sheet is about.
      titleYear = titleYear ?? findFiscalYear(firstText);
      continue;
    }
    if (!isItemRowShape(grid, row, table.map)) continue;
    table.rows.push({ row, context });
  }
  close(table);
  return { items, latestMarkedYear: latestMarked, tables, findings, incompleteHeader, rejected };
}

/**
 * A table whose unknown marks are all grades of one other preset (S A B C read with ◎○□▲): say which
 * scale it looks like, once for the table, beside the mark.unknown errors (never a silent 0 %).
 */
function otherScaleOf(
  unknown: ReadonlySet<string>,
  inForce: string,
): { scale: string; examples: readonly string[] } | null {
  if (unknown.size === 0) return null;
  const texts = [...unknown];
  const scale = presetFitting(texts);
  if (!scale || scale === inForce) return null;
  return { scale, examples: texts.slice(0, 5) };
}

/** The header words of the scale in force, with the settings' own added. */
export function headerWordsOf(settings: Settings): HeaderWords {
  return headerWords(scaleOf(settings).headers);
}

/** The leftmost column a table's header names. */
function firstColumn(map: ColumnMap): number {
  let first = map.name;
  for (const col of [map.number, map.policy, map.measure, ...map.status.values()])
    if (col !== null && col < first) first = col;
  return first;
}

interface NotMarkColumn {
  readonly year: FiscalYear;
  readonly col: number;
  readonly evidence: ColumnEvidence;
}

type Verdict =
  | { readonly kind: 'rejected'; readonly reason: RejectedTable['reason'] }
  | {
      readonly kind: 'plan';
      readonly rows: OpenTable['rows'];
      /** Status columns of a plan table that hold something other than marks: reported once, per table. */
      readonly notMarkColumns: readonly NotMarkColumn[];
    };

/**
 * A plan table needs rows that name items (most of them: a stray unit row is passed over) and, when its
 * status columns hold anything, at least one that holds mostly marks.
 */
function judgeTable(grid: SheetGrid, open: OpenTable, settings: Settings): Verdict {
  const grades = gradesOf(settings);
  const rows = open.rows.filter(({ row }) => isItemName(stripItemTags(grid.text(row, open.map.name)).name));
  if (rows.length * 2 < open.rows.length) return { kind: 'rejected', reason: 'rowsNotItems' };
  const notMarkColumns: NotMarkColumn[] = [];
  let markColumns = 0;
  for (const [year, col] of open.map.status) {
    const evidence: ColumnEvidence = { filled: 0, marks: 0, gradeLike: 0 };
    for (const { row } of rows) {
      const value = grid.value(row, col);
      const kind = statusEvidence(value, parseMark(value, grades));
      if (kind === 'empty') continue;
      evidence.filled += 1;
      if (kind === 'mark') evidence.marks += 1;
      else if (kind === 'gradeLike') evidence.gradeLike += 1;
    }
    if (!isStatusColumn(evidence)) notMarkColumns.push({ year, col, evidence });
    else if (evidence.filled > 0) markColumns += 1;
  }
  if (notMarkColumns.length > 0 && markColumns === 0) return { kind: 'rejected', reason: 'statusNotMarks' };
  return { kind: 'plan', rows, notMarkColumns };
}

const NO_HEADER: HeaderAttempt = { kind: 'none' };

/** A table's status columns as an array, made once per table: the row tests below run on every row. */
const statusColumnsByMap = new WeakMap<ColumnMap, readonly number[]>();

function statusColumns(map: ColumnMap): readonly number[] {
  let columns = statusColumnsByMap.get(map);
  if (!columns) {
    columns = [...map.status.values()];
    statusColumnsByMap.set(map, columns);
  }
  return columns;
}

function hasMark(grid: SheetGrid, row: number, map: ColumnMap, markTexts: ReadonlySet<string>): boolean {
  const columns = statusColumns(map);
  for (let i = 0; i < columns.length; i += 1) if (markTexts.has(grid.text(row, columns[i]!))) return true;
  return false;
}

type MutableTable = { -readonly [K in keyof TableInfo]: TableInfo[K] };

/** An item row has a name and at least one of: a number, an owner, a status cell. */
function isItemRowShape(grid: SheetGrid, row: number, map: ColumnMap): boolean {
  const name = grid.text(row, map.name);
  if (name === '' || (name.length <= 8 && TOTAL_ROW_NAMES.has(foldForMatch(name)))) return false;
  const filled = (col: number | null) => col !== null && grid.text(row, col) !== '';
  if (filled(map.number) || filled(map.department) || filled(map.division) || filled(map.owner)) return true;
  const columns = statusColumns(map);
  for (let i = 0; i < columns.length; i += 1) if (filled(columns[i]!)) return true;
  return false;
}

/** Marks parsed once per distinct cell text of a table (a 100,000-row table has a handful). */
const MARK_CACHE_LIMIT = 256;
/** Owners parsed once per distinct pair of cell texts; the arrays are shared by the items (read-only). */
const OWNER_CACHE_LIMIT = 1024;

/**
 * Reads the item rows of one plan table: the table's columns, the settings and the sheet stay put
 * while rows go by; 基本方針 / 施策 columns carry down from row to row (a blank means "as above").
 */
class ItemRowReader {
  /** 基本方針 / 施策 as last written in their columns, carried to the rows below. */
  private readonly carry: Context = { policy: null, policyNo: null, measure: null, measureNo: null };
  private readonly grid: SheetGrid;
  private readonly map: ColumnMap;
  private readonly file: string;
  private readonly sheet: string;
  private readonly grades: readonly MarkSymbol[];
  private readonly symbols: readonly string[];
  // The table's status columns as arrays, made once: iterating the map's entries made an array per cell.
  private readonly years: readonly FiscalYear[];
  private readonly columns: readonly number[];
  /** Per status column: whether any row has a recognised mark in it. */
  private readonly marked: boolean[];
  private readonly markParses = new Map<string, MarkParse>();
  private readonly ownerLists = new Map<string, readonly Owner[]>();
  /** Unknown marks' texts, spaces removed (for table.otherScale). */
  readonly unknownTexts = new Set<string>();

  constructor(
    private readonly table: ItemTable,
    settings: Settings,
    /** Status columns of numbers or text, reported once for the table rather than per cell. */
    private readonly ignored: ReadonlySet<number>,
    /** Where the cell-level findings (unknown marks, variants) go. */
    private readonly findings: Finding[],
  ) {
    this.grid = table.grid;
    this.map = table.map;
    this.file = table.file;
    this.sheet = table.sheet;
    this.grades = gradesOf(settings);
    this.symbols = this.grades.map((m) => m.symbol);
    this.years = [...table.map.status.keys()];
    this.columns = [...table.map.status.values()];
    this.marked = this.columns.map(() => false);
  }

  /** The latest year whose column has a recognised mark in any row read so far. */
  latestMarkedYear(): FiscalYear | null {
    let latest: FiscalYear | null = null;
    for (let i = 0; i < this.years.length; i += 1) {
      const year = this.years[i]!;
      if (this.marked[i] && (latest === null || compareFiscalYears(year, latest) > 0)) latest = year;
    }
    return latest;
  }

  private text(row: number, col: number | null): string {
    return col === null ? '' : this.grid.text(row, col);
  }

  /** One item row; `above` is the heading context (1. 基本方針, (1) 施策) in force above it. */
  read(row: number, above: Context): ReadItem {
    const { grid, map, carry } = this;
    // 基本方針 / 施策 from their columns (carried down) when the table has them, else from the headings above.
    if (map.policy !== null) {
      const policyCell = stripHeadingNumber(this.text(row, map.policy));
      if (policyCell.title !== '') {
        carry.policy = policyCell.title;
        carry.policyNo = policyCell.no;
        carry.measure = null;
        carry.measureNo = null;
      }
    }
    if (map.measure !== null) {
      const measureCell = stripHeadingNumber(this.text(row, map.measure));
      if (measureCell.title !== '') {
        carry.measure = measureCell.title;
        carry.measureNo = measureCell.no;
      }
    }
    const fromColumns = map.policy !== null || map.measure !== null;
    const fromPolicy = fromColumns && carry.policy;
    const fromMeasure = fromColumns && carry.measure;
    const policy = fromPolicy ? carry.policy : above.policy;
    const policyNo = fromPolicy ? carry.policyNo : above.policyNo;
    const measure = fromMeasure ? carry.measure : above.measure;
    const measureNo = fromMeasure ? carry.measureNo : above.measureNo;

    const numberText = this.text(row, map.number);
    const numberValue = map.number === null ? null : parseItemNumber(grid.value(row, map.number)).value;
    const { name, priority } = stripItemTags(this.text(row, map.name));
    const marks = this.marks(row, name);
    const owners =
      map.department !== null || map.division !== null
        ? this.owners(this.text(row, map.department), this.text(row, map.division))
        : map.owner !== null
          ? this.owners(this.text(row, map.owner), '')
          : NO_OWNERS;
    const result = this.text(row, map.result);
    const nextPlan = this.text(row, map.nextPlan);
    const key =
      (policy !== null || measure !== null) && (numberValue !== null || numberText !== '')
        ? `${policy ?? ''}|${measure ?? ''}|${numberValue ?? numberText}`
        : `${this.file}|${this.sheet}|${a1(row, map.name)}`;

    return new ReadItem(this.table, row, {
      key,
      policy,
      policyNo,
      measure,
      measureNo,
      number: numberText,
      numberValue,
      name,
      priority,
      marks,
      owners,
      result: result === '' || isDashOnly(result) ? null : result,
      nextPlan: nextPlan === '' || isDashOnly(nextPlan) ? null : nextPlan,
    });
  }

  private owners(department: string, division: string): readonly Owner[] {
    const id = `${department}\u0000${division}`;
    let owners = this.ownerLists.get(id);
    if (!owners) {
      owners = parseOwners(department, division);
      if (this.ownerLists.size >= OWNER_CACHE_LIMIT) this.ownerLists.clear();
      this.ownerLists.set(id, owners);
    }
    return owners;
  }

  private parseMark(value: CellValue): MarkParse {
    // Only text is cached: parseMark reads a number or a date differently from the same text.
    if (typeof value !== 'string') return parseMark(value, this.grades);
    let parsed = this.markParses.get(value);
    if (!parsed) {
      parsed = parseMark(value, this.grades);
      if (this.markParses.size >= MARK_CACHE_LIMIT) this.markParses.clear();
      this.markParses.set(value, parsed);
    }
    return parsed;
  }

  /** The row's status cells, one entry per year column; unknown marks and variants reported. */
  private marks(row: number, item: string): MarkEntry[] {
    const { grid, file, sheet, table, years, columns } = this;
    const marks: MarkEntry[] = new Array<MarkEntry>(columns.length);
    for (let i = 0; i < columns.length; i += 1) {
      const year = years[i]!;
      const col = columns[i]!;
      const value = grid.value(row, col);
      const raw = cleanText(cellText(value));
      const parsed = this.parseMark(value);
      if (this.ignored.has(col) && parsed.kind !== 'mark') {
        // A column of numbers or text under a year header: one finding for the table, not one per cell.
        marks[i] = new ReadMark(year, parsed.kind, raw, null, null, table, row, col);
        if (parsed.kind === 'unknown') this.unknownTexts.add(raw.replace(/[\s\u3000]+/g, ''));
      } else if (parsed.kind === 'mark') {
        this.marked[i] = true;
        marks[i] = new ReadMark(year, 'mark', raw, parsed.key, parsed.symbol, table, row, col);
        if (parsed.variant) {
          this.findings.push(
            finding(
              'mark.variant',
              { file, sheet, cell: grid.address(row, col) },
              { year, raw, symbol: parsed.symbol, item },
            ),
          );
        }
      } else if (parsed.kind === 'unknown') {
        marks[i] = new ReadMark(year, 'unknown', raw, null, null, table, row, col);
        this.unknownTexts.add(raw.replace(/[\s\u3000]+/g, ''));
        this.findings.push(
          finding(
            'mark.unknown',
            { file, sheet, cell: grid.address(row, col) },
            { year, raw, item, suggested: parsed.suggestion ?? null, symbols: this.symbols },
          ),
        );
      } else {
        marks[i] = new ReadMark(year, parsed.kind, raw, null, null, table, row, col);
      }
    }
    return marks;
  }
}

const NO_OWNERS: readonly Owner[] = [];

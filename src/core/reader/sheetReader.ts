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
import { itemNumberValue } from '../values/itemNumber';
import { parseMark, type MarkParse } from '../values/marks';
import { parseOwners } from '../values/owners';
import { stripItemTags } from '../values/tags';
import { type ColumnMap, headerWords, type HeaderWords } from './headers';
import { type HeaderAttempt, type HeaderBlock, tryHeaderAt } from './headerBlock';
import { SheetGrid } from './sheetGrid';
import { type Headings, ItemTable, ReadItem } from './items';
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

/** A table being walked: its rows are read only once the whole table is known to be a plan table. */
interface OpenTable {
  readonly map: ColumnMap;
  readonly info: MutableTable;
  readonly headerCell: string;
  /** The status columns as an array, made once: the row tests run on every row. */
  readonly statusColumns: readonly number[];
  /**
   * Item-shaped rows, each with the heading context (1. 基本方針, (1) 施策) in force above it and the text
   * of its name cell (read once: the grid does not change while a sheet is read).
   */
  readonly rows: { readonly row: number; readonly context: Headings; readonly name: string }[];
}

const NO_CONTEXT: Headings = { policy: null, policyNo: null, measure: null, measureNo: null };

const TOTAL_ROW_NAMES = new Set(['合計', '計', '小計', '総計', 'total', 'subtotal']);

/** Legend rows such as `◎：進んでいる` or `終了:事業終了`, and the word 凡例. */
export function isLegendText(text: string, symbols: readonly string[]): boolean {
  const t = cleanText(text);
  if (/^[(（]?凡例/.test(t)) return true;
  return symbols.some((s) => t.startsWith(s) && /^[\s\u3000]*[:：・＝=]/.test(t.slice(s.length)));
}

export function isNoteText(text: string): boolean {
  return /^(※|＊|\*|注[)）:：\s]|[(（]注[)）])/.test(cleanText(text));
}

/** What a note (※ ＊ * 注 (注) （注）) or a legend (凡例 (凡例 （凡例, or a symbol) starts with. */
const NOTE_OR_LEGEND_STARTS = ['※', '＊', '*', '注', '(', '（', '凡'];

/**
 * Whether a cleaned text may be a note or a legend: isNoteText and isLegendText can only hold for a text
 * whose first character is one their patterns start with (with no empty symbol, a symbol that starts the
 * text shares its first character). Most rows are items: this spares them two regular expressions and a
 * scan of the symbols.
 */
export function mayBeNoteOrLegend(text: string, starts: ReadonlySet<number> | null): boolean {
  return starts === null || (text !== '' && starts.has(text.charCodeAt(0)));
}

/**
 * What reading needs from the settings, made once for all the sheets read together (an analysis):
 * the scale's words and the parse caches. The caches hold pure results of cell texts (marks, owners,
 * mark entries and rows of them), so sharing them across sheets changes no result; it only lets equal
 * values of different sheets be one object (fewer long-lived objects per item).
 */
export class ReadContext {
  readonly grades: readonly MarkSymbol[];
  readonly parsers: SheetParsers;
  readonly words: HeaderWords;
  /** Every symbol and variant of the scale. */
  readonly symbols: readonly string[];
  readonly markTexts: ReadonlySet<string>;
  /** The first characters a note or a legend can start with (null: any; see mayBeNoteOrLegend). */
  readonly noteOrLegendStarts: ReadonlySet<number> | null;

  constructor(settings: Settings) {
    this.grades = gradesOf(settings);
    this.parsers = new SheetParsers(this.grades);
    this.words = headerWordsOf(settings);
    this.symbols = this.grades.flatMap((m) => [m.symbol, ...m.variants]);
    this.markTexts = new Set(this.symbols);
    this.noteOrLegendStarts = this.symbols.includes('')
      ? null
      : new Set([...NOTE_OR_LEGEND_STARTS, ...this.symbols].map((s) => s.charCodeAt(0)));
  }
}

export function readSheet(
  sheet: SheetSnapshot,
  file: string,
  settings: Settings,
  shared: ReadContext = new ReadContext(settings),
): SheetRead {
  const grid = new SheetGrid(sheet);
  const items: ReadItem[] = [];
  let latestMarked: FiscalYear | null = null;
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  const rejected: RejectedTable[] = [];
  const { grades, parsers, words, symbols, markTexts } = shared;
  // Replaced, never changed, when a heading is read: the rows below share it.
  let context: Headings = NO_CONTEXT;
  const sheetYear = findFiscalYear(sheet.name);
  let titleYear: FiscalYear | null = null;
  let table: OpenTable | null = null;
  let incompleteHeader = false;

  const close = (open: OpenTable | null) => {
    if (!open) return;
    const verdict = judgeTable(grid, open, parsers);
    if (verdict.kind === 'rejected') {
      rejected.push({ cell: open.headerCell, reason: verdict.reason });
      return;
    }
    tables.push(open.info);
    const ignored = new Set(verdict.notMarkColumns.map((c) => c.col));
    const itemTable = new ItemTable(grid, file, open.map);
    const rows = new ItemRowReader(itemTable, parsers, ignored, findings, verdict.status);
    for (let i = 0; i < verdict.rows.length; i += 1) {
      const { row, context: above } = verdict.rows[i]!;
      items.push(rows.read(row, i, above, verdict.names[i]!));
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
    // How many cells the row fills matters only up to three (none: skipped; one or two: maybe a heading).
    const filled = grid.filledCount(row, 3);
    if (filled === 0) continue;

    // A row with a mark in one of the table's status columns is an item, never a repeated header:
    // skipping the header test there keeps a 100,000-row sheet fast.
    const itemLike: boolean = table !== null && hasMark(grid, row, table.statusColumns, markTexts);
    // A header needs an item column and a status (or two other) columns: one filled cell (merged or not,
    // its one label) never makes one, so heading rows skip the test too.
    const attempt: HeaderAttempt =
      itemLike || filled < 2 ? NO_HEADER : tryHeaderAt(grid, row, sheetYear ?? titleYear, words);
    if (attempt.kind === 'header') {
      const { map, top, bottom }: HeaderBlock = attempt.block;
      close(table);
      const info: MutableTable = {
        file,
        sheet: sheet.name,
        headerTop: top,
        headerBottom: bottom,
        lastRow: bottom,
        ...columnSpan(map),
        years: [...map.status.keys()],
        markColumns: markColumnsOf(map),
        items: 0,
      };
      table = {
        map,
        info,
        headerCell: grid.address(top, firstColumn(map)),
        statusColumns: [...map.status.values()],
        rows: [],
      };
      row = bottom;
      continue;
    }
    if (attempt.kind === 'incomplete' || attempt.kind === 'implausible') {
      incompleteHeader = true;
      if (attempt.kind === 'incomplete') continue;
    }

    const firstText = grid.text(row, grid.firstFilled(row));
    if (filled <= 2) {
      const heading = parseHeading(firstText);
      if (heading && !(table && isItemRowShape(grid, row, table))) {
        context =
          heading.level === 'policy'
            ? { policy: heading.title, policyNo: heading.no, measure: null, measureNo: null }
            : { ...context, measure: heading.title, measureNo: heading.no };
        continue;
      }
    }
    if (
      mayBeNoteOrLegend(firstText, shared.noteOrLegendStarts) &&
      (isNoteText(firstText) || isLegendText(firstText, symbols))
    )
      continue;
    if (!table) {
      // Title rows above the first table may say which year the sheet is about.
      titleYear = titleYear ?? findFiscalYear(firstText);
      continue;
    }
    const name = itemRowName(grid, row, table);
    if (name === null) continue;
    table.rows.push({ row, context, name });
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

/** The column a table's findings point at: the leftmost of its number, item, policy, measure and status columns. */
function firstColumn(map: ColumnMap): number {
  let first = map.name;
  // No array of the columns and no for-of over it: this runs once per table, mostly not yet optimized.
  if (map.number !== null && map.number < first) first = map.number;
  if (map.policy !== null && map.policy < first) first = map.policy;
  if (map.measure !== null && map.measure < first) first = map.measure;
  map.status.forEach((col) => {
    if (col < first) first = col;
  });
  return first;
}

/** The leftmost and rightmost columns a table's header names, whatever they hold. */
function columnSpan(map: ColumnMap): { firstColumn: number; lastColumn: number } {
  let first = map.name;
  let last = map.name;
  const take = (col: number | null) => {
    if (col === null) return;
    if (col < first) first = col;
    if (col > last) last = col;
  };
  take(map.number);
  take(map.policy);
  take(map.measure);
  take(map.department);
  take(map.division);
  take(map.owner);
  take(map.indicator);
  take(map.result);
  take(map.nextPlan);
  map.status.forEach(take);
  map.target.forEach(take);
  map.actual.forEach(take);
  return { firstColumn: first, lastColumn: last };
}

/** The status columns by year, as Object.fromEntries(map.status) makes them, without its iterator. */
function markColumnsOf(map: ColumnMap): Record<FiscalYear, number> {
  const columns: Record<FiscalYear, number> = {};
  map.status.forEach((col, year) => {
    columns[year] = col;
  });
  return columns;
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
      /** Each row's item name, tags taken out (as the test read it; the row reader takes it from here). */
      readonly names: readonly ItemName[];
      /** Status columns of a plan table that hold something other than marks: reported once, per table. */
      readonly notMarkColumns: readonly NotMarkColumn[];
      /** The status cells as the test read them (the row reader takes them from here). */
      readonly status: StatusCells;
    };

/**
 * The status cells of a table's item rows, each value with its mark as parsed, row by row: the cell of
 * rows[i] in the table's status column c is at i × width + c.
 */
interface StatusCells {
  readonly width: number;
  readonly values: readonly CellValue[];
  readonly parses: readonly MarkParse[];
}

/**
 * A plan table needs rows that name items (most of them: a stray unit row is passed over) and, when its
 * status columns hold anything, at least one that holds mostly marks.
 */
function judgeTable(grid: SheetGrid, open: OpenTable, parsers: SheetParsers): Verdict {
  const rows: OpenTable['rows'][number][] = [];
  const names: ItemName[] = [];
  // Loops by index here and below: a for-of makes an iterator result per row until the code is optimized.
  for (let i = 0; i < open.rows.length; i += 1) {
    const entry = open.rows[i]!;
    const name = stripItemTags(entry.name);
    if (!isItemName(name.name)) continue;
    rows.push(entry);
    names.push(name);
  }
  if (rows.length * 2 < open.rows.length) return { kind: 'rejected', reason: 'rowsNotItems' };
  const notMarkColumns: NotMarkColumn[] = [];
  let markColumns = 0;
  // Every status cell of the item rows is read here once, and kept with its parse for the row reader.
  const width = open.statusColumns.length;
  const values = new Array<CellValue>(rows.length * width);
  const parses = new Array<MarkParse>(rows.length * width);
  let c = 0;
  for (const [year, col] of open.map.status) {
    const evidence: ColumnEvidence = { filled: 0, marks: 0, gradeLike: 0 };
    for (let i = 0; i < rows.length; i += 1) {
      const value = grid.value(rows[i]!.row, col);
      const parsed = parsers.parseMark(value);
      values[i * width + c] = value;
      parses[i * width + c] = parsed;
      const kind = statusEvidence(value, parsed);
      if (kind === 'empty') continue;
      evidence.filled += 1;
      if (kind === 'mark') evidence.marks += 1;
      else if (kind === 'gradeLike') evidence.gradeLike += 1;
    }
    if (!isStatusColumn(evidence)) notMarkColumns.push({ year, col, evidence });
    else if (evidence.filled > 0) markColumns += 1;
    c += 1;
  }
  if (notMarkColumns.length > 0 && markColumns === 0) return { kind: 'rejected', reason: 'statusNotMarks' };
  return { kind: 'plan', rows, names, notMarkColumns, status: { width, values, parses } };
}

const NO_HEADER: HeaderAttempt = { kind: 'none' };

function hasMark(
  grid: SheetGrid,
  row: number,
  columns: readonly number[],
  markTexts: ReadonlySet<string>,
): boolean {
  for (let i = 0; i < columns.length; i += 1) if (markTexts.has(grid.text(row, columns[i]!))) return true;
  return false;
}

type MutableTable = { -readonly [K in keyof TableInfo]: TableInfo[K] };

/** An item row has a name and at least one of: a number, an owner, a status cell. */
function isItemRowShape(grid: SheetGrid, row: number, table: OpenTable): boolean {
  return itemRowName(grid, row, table) !== null;
}

/** The item name of a row of item shape (its name cell's text, as judgeTable reads it), else null. */
function itemRowName(grid: SheetGrid, row: number, table: OpenTable): string | null {
  const map = table.map;
  const name = grid.text(row, map.name);
  if (name === '' || (name.length <= 8 && TOTAL_ROW_NAMES.has(foldForMatch(name)))) return null;
  if (
    filledAt(grid, row, map.number) ||
    filledAt(grid, row, map.department) ||
    filledAt(grid, row, map.division) ||
    filledAt(grid, row, map.owner)
  )
    return name;
  const columns = table.statusColumns;
  for (let i = 0; i < columns.length; i += 1) if (filledAt(grid, row, columns[i]!)) return name;
  return null;
}

function filledAt(grid: SheetGrid, row: number, col: number | null): boolean {
  return col !== null && grid.text(row, col) !== '';
}

/**
 * Reads the item rows of one plan table: the table's columns, the settings and the sheet stay put
 * while rows go by; 基本方針 / 施策 columns carry down from row to row (a blank means "as above").
 */
class ItemRowReader {
  /** 基本方針 / 施策 as last written in their columns, carried to the rows below (replaced, never changed). */
  private carry: Headings = NO_CONTEXT;
  /** The last headings made from `carry` and the headings above, with those two: rows in a run share them. */
  private mixed: { carry: Headings; above: Headings; headings: Headings } | null = null;
  private prefixOf: Headings | null = null;
  private prefix = '';
  private readonly grid: SheetGrid;
  private readonly map: ColumnMap;
  private readonly file: string;
  private readonly sheet: string;
  private readonly years: readonly FiscalYear[];
  private readonly columns: readonly number[];
  /** Per status column: whether the column's cells are numbers or text (see judgeTable), and the entries read. */
  private readonly entries: readonly Map<string, MarkEntry>[];
  /** Per status column: whether it is one of the ignored columns (numbers or text, see judgeTable). */
  private readonly ignoredAt: readonly boolean[];
  /** Per status column: whether any row has a recognised mark in it. */
  private readonly marked: boolean[];
  private readonly scratch: MarkEntry[];
  /** Unknown marks' texts, spaces removed (for table.otherScale). */
  readonly unknownTexts = new Set<string>();

  constructor(
    private readonly table: ItemTable,
    private readonly parsers: SheetParsers,
    /** Status columns of numbers or text, reported once for the table rather than per cell. */
    ignored: ReadonlySet<number>,
    /** Where the cell-level findings (unknown marks, variants) go. */
    private readonly findings: Finding[],
    /** The status cells of the rows to read, in the order they will be read (see judgeTable). */
    private readonly status: StatusCells,
  ) {
    this.grid = table.grid;
    this.map = table.map;
    this.file = table.file;
    this.sheet = table.sheet;
    this.years = [...table.map.status.keys()];
    this.columns = table.statusColumns;
    this.ignoredAt = this.columns.map((col) => ignored.has(col));
    this.entries = this.columns.map((col, i) => parsers.entriesFor(this.years[i]!, this.ignoredAt[i]!));
    this.marked = this.columns.map(() => false);
    this.scratch = new Array<MarkEntry>(this.columns.length);
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

  /** 基本方針 / 施策 from their columns (carried down) when the table has them, else from the headings above. */
  private headings(row: number, above: Headings): Headings {
    const { map } = this;
    if (map.policy === null && map.measure === null) return above;
    if (map.policy !== null) {
      const policyCell = stripHeadingNumber(this.text(row, map.policy));
      if (policyCell.title !== '')
        this.carry = { policy: policyCell.title, policyNo: policyCell.no, measure: null, measureNo: null };
    }
    if (map.measure !== null) {
      const measureCell = stripHeadingNumber(this.text(row, map.measure));
      if (measureCell.title !== '')
        this.carry = { ...this.carry, measure: measureCell.title, measureNo: measureCell.no };
    }
    const { carry, mixed } = this;
    if (mixed && mixed.carry === carry && mixed.above === above) return mixed.headings;
    const headings: Headings = {
      policy: carry.policy ? carry.policy : above.policy,
      policyNo: carry.policy ? carry.policyNo : above.policyNo,
      measure: carry.measure ? carry.measure : above.measure,
      measureNo: carry.measure ? carry.measureNo : above.measureNo,
    };
    this.mixed = { carry, above, headings };
    return headings;
  }

  /** `policy|measure|`, made once per headings: the items under them share it in their keys. */
  private keyPrefix(headings: Headings): string {
    if (this.prefixOf !== headings) {
      this.prefixOf = headings;
      this.prefix = `${headings.policy ?? ''}|${headings.measure ?? ''}|`;
    }
    return this.prefix;
  }

  /**
   * One item row, the index-th of the table's rows; `above` is the heading context (1. 基本方針, (1) 施策)
   * in force above it.
   */
  read(row: number, index: number, above: Headings, { name, priority }: ItemName): ReadItem {
    const { grid, map } = this;
    const headings = this.headings(row, above);
    const { policy, measure } = headings;
    // The number cell read once for its text (as grid.text reads it) and its value.
    let numberText = '';
    let numberValue: number | null = null;
    if (map.number !== null) {
      const numberCell = grid.value(row, map.number);
      numberText = cleanText(cellText(numberCell));
      numberValue = itemNumberValue(numberCell, numberText);
    }
    const marks = this.marks(row, index * this.status.width, name);
    const owners =
      map.department !== null || map.division !== null
        ? this.parsers.owners(this.text(row, map.department), this.text(row, map.division))
        : map.owner !== null
          ? this.parsers.owners(this.text(row, map.owner), '')
          : NO_OWNERS;
    const result = this.text(row, map.result);
    const nextPlan = this.text(row, map.nextPlan);
    const key =
      (policy !== null || measure !== null) && (numberValue !== null || numberText !== '')
        ? this.keyPrefix(headings) + String(numberValue ?? numberText)
        : `${this.file}|${this.sheet}|${a1(row, map.name)}`;

    return new ReadItem(this.table, row, {
      key,
      headings,
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

  /**
   * The row's status cells, one entry per year column (their values and parses from `at` in the status
   * cells); unknown marks and variants reported.
   */
  private marks(row: number, at: number, item: string): readonly MarkEntry[] {
    const { grid, file, sheet, years, columns, scratch } = this;
    const { values, parses } = this.status;
    for (let i = 0; i < columns.length; i += 1) {
      const year = years[i]!;
      const col = columns[i]!;
      const value = values[at + i] ?? null;
      const parsed = parses[at + i]!;
      const ignored = this.ignoredAt[i]! && parsed.kind !== 'mark';
      let entry = typeof value === 'string' ? this.entries[i]!.get(value) : undefined;
      if (!entry) {
        const raw = cleanText(cellText(value));
        // A column of numbers or text under a year header: one finding for the table, not one per cell.
        entry =
          parsed.kind === 'mark' && !ignored
            ? { year, state: 'mark', raw, mark: parsed.key, grade: parsed.symbol }
            : { year, state: parsed.kind, raw, mark: null, grade: null };
        if (typeof value === 'string') this.parsers.remember(this.entries[i]!, value, entry);
      }
      scratch[i] = entry;
      if (parsed.kind === 'mark' && !ignored) {
        this.marked[i] = true;
        if (parsed.variant) {
          this.findings.push(
            finding(
              'mark.variant',
              { file, sheet, cell: grid.address(row, col) },
              { year, raw: entry.raw, symbol: parsed.symbol, item },
            ),
          );
        }
      } else if (parsed.kind === 'unknown') {
        this.unknownTexts.add(entry.raw.replace(/[\s\u3000]+/g, ''));
        if (!ignored) {
          this.findings.push(
            finding(
              'mark.unknown',
              { file, sheet, cell: grid.address(row, col) },
              {
                year,
                raw: entry.raw,
                item,
                suggested: parsed.suggestion ?? null,
                symbols: this.parsers.symbols,
              },
            ),
          );
        }
      }
    }
    return this.parsers.shareList(scratch);
  }
}

const NO_OWNERS: readonly Owner[] = [];

/** Cache sizes: a sheet's marks and owners have a handful of distinct texts, but a hostile one may not. */
const PARSE_CACHE_LIMIT = 256;
const OWNER_CACHE_LIMIT = 1024;
const LIST_CACHE_LIMIT = 4096;

/**
 * Per analysis (see ReadContext): marks and owners parsed once per distinct text, equal mark entries (and
 * equal rows of them) made once and shared by the items. They are read-only values, so sharing them is safe.
 */
class SheetParsers {
  readonly symbols: readonly string[];
  private readonly parses = new Map<string, MarkParse>();
  private readonly ownerLists = new Map<string, Map<string, readonly Owner[]>>();
  private readonly entryMaps = new Map<string, Map<string, MarkEntry>>();
  private remembered = 0;
  /** Rows of entries by length, then entry by entry (a trie keyed by the shared entries). */
  private readonly lists = new Map<number, Map<MarkEntry, unknown>>();
  private listCount = 0;

  constructor(readonly grades: readonly MarkSymbol[]) {
    this.symbols = grades.map((m) => m.symbol);
  }

  parseMark(value: CellValue): MarkParse {
    // Only text is cached: parseMark reads a number or a date differently from the same text.
    if (typeof value !== 'string') return parseMark(value, this.grades);
    let parsed = this.parses.get(value);
    if (!parsed) {
      parsed = parseMark(value, this.grades);
      if (this.parses.size >= PARSE_CACHE_LIMIT) this.parses.clear();
      this.parses.set(value, parsed);
    }
    return parsed;
  }

  /** The entries read so far for a year's column, by cell text (columns of numbers or text apart). */
  entriesFor(year: FiscalYear, ignored: boolean): Map<string, MarkEntry> {
    const id = `${ignored ? 1 : 0}${year}`;
    let entries = this.entryMaps.get(id);
    if (!entries) {
      entries = new Map();
      this.entryMaps.set(id, entries);
    }
    return entries;
  }

  remember(entries: Map<string, MarkEntry>, text: string, entry: MarkEntry): void {
    if (this.remembered >= PARSE_CACHE_LIMIT) {
      for (const map of this.entryMaps.values()) map.clear();
      this.remembered = 0;
    }
    entries.set(text, entry);
    this.remembered += 1;
  }

  /** A row's entries as a shared array: the same array for every row with the same entries. */
  shareList(row: readonly MarkEntry[]): readonly MarkEntry[] {
    if (row.length === 0) return NO_MARKS;
    let node = this.lists.get(row.length);
    if (!node) {
      node = new Map();
      this.lists.set(row.length, node);
    }
    for (let i = 0; i < row.length - 1; i += 1) {
      let next = node.get(row[i]!) as Map<MarkEntry, unknown> | undefined;
      if (!next) {
        next = new Map();
        node.set(row[i]!, next);
      }
      node = next;
    }
    const last = row[row.length - 1]!;
    const found = node.get(last) as readonly MarkEntry[] | undefined;
    if (found) return found;
    const list = row.slice();
    if (this.listCount >= LIST_CACHE_LIMIT) {
      this.lists.clear();
      this.listCount = 0;
    } else {
      node.set(last, list);
      this.listCount += 1;
    }
    return list;
  }

  owners(department: string, division: string): readonly Owner[] {
    // By department, then division: the cells' own strings are the keys, no joined key made per row.
    let byDivision = this.ownerLists.get(department);
    if (!byDivision) {
      if (this.ownerLists.size >= OWNER_CACHE_LIMIT) this.ownerLists.clear();
      byDivision = new Map();
      this.ownerLists.set(department, byDivision);
    }
    let owners = byDivision.get(division);
    if (!owners) {
      owners = parseOwners(department, division);
      if (byDivision.size >= OWNER_CACHE_LIMIT) byDivision.clear();
      byDivision.set(division, owners);
    }
    return owners;
  }
}

const NO_MARKS: readonly MarkEntry[] = [];

type ItemName = ReturnType<typeof stripItemTags>;

/**
 * Reads every plan table of one sheet: walks the rows once, taking heading rows (1. 基本方針,
 * (1) 施策) as context, headers (repeated or not) as the start of a table, and item rows as items.
 * Blank rows, notes (※…) and legend rows are passed over.
 */
import { a1, type SheetSnapshot } from '../grid';
import type { Finding, FiscalYear, MarkEntry, Owner, SourceRef, TableInfo } from '../model';
import { finding } from '../findings/finding';
import { gradesOf, scaleOf, type Settings } from '../settings';
import { presetFitting } from '../scales';
import {
  cellText,
  cleanText,
  compareFiscalYears,
  findFiscalYear,
  foldForMatch,
  isDashOnly,
  parseHeading,
  parseItemNumber,
  parseMark,
  parseOwners,
  stripHeadingNumber,
  stripItemTags,
} from '../values';
import { type ColumnMap, headerWords, type HeaderWords } from './headers';
import { type HeaderAttempt, type HeaderBlock, tryHeaderAt } from './headerBlock';
import { SheetGrid } from './sheetGrid';
import type { DraftItem, ValueCell } from './draft';
import { type ColumnEvidence, isItemName, isStatusColumn, statusEvidence } from './evidence';

export interface SheetRead {
  readonly items: DraftItem[];
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
  readonly rows: { readonly row: number; readonly context: Context }[];
}

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
  const items: DraftItem[] = [];
  const tables: TableInfo[] = [];
  const findings: Finding[] = [];
  const rejected: RejectedTable[] = [];
  const grades = gradesOf(settings);
  const words = headerWordsOf(settings);
  const symbols = grades.flatMap((m) => [m.symbol, ...m.variants]);
  const markTexts = new Set(symbols);
  const context: Context = { policy: null, policyNo: null, measure: null, measureNo: null };
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
    const rows = new ItemRowReader(grid, open.map, settings, file, ignored, findings);
    const read: DraftItem[] = [];
    for (const { row, context: above } of verdict.rows) {
      const item = rows.read(row, above);
      read.push(item);
      open.info.items += 1;
      open.info.lastRow = row;
    }
    // The year a 計画 / 実績 pair without a year belongs to: the sheet's (from its name or title), else
    // the latest year the table has marks for.
    const tableYear =
      sheetYear ?? titleYear ?? latestMarkedYear(read) ?? open.info.years[open.info.years.length - 1]!;
    for (const item of read) items.push({ ...item, tableYear });
    const otherScale = otherScaleOf(read, scaleOf(settings).name);
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
        if (heading.level === 'policy') {
          context.policy = heading.title;
          context.policyNo = heading.no;
          context.measure = null;
          context.measureNo = null;
        } else {
          context.measure = heading.title;
          context.measureNo = heading.no;
        }
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
    table.rows.push({ row, context: { ...context } });
  }
  close(table);
  return { items, tables, findings, incompleteHeader, rejected };
}

/**
 * A table whose unknown marks are all grades of one other preset (S A B C read with ◎○□▲): say which
 * scale it looks like, once for the table, beside the mark.unknown errors (never a silent 0 %).
 */
function otherScaleOf(
  items: readonly DraftItem[],
  inForce: string,
): { scale: string; examples: readonly string[] } | null {
  const unknown = new Set<string>();
  for (const item of items)
    for (const m of item.marks) if (m.state === 'unknown') unknown.add(m.raw.replace(/[\s\u3000]+/g, ''));
  const texts = [...unknown];
  const scale = presetFitting(texts);
  if (!scale || scale === inForce) return null;
  return { scale, examples: texts.slice(0, 5) };
}

function latestMarkedYear(items: readonly DraftItem[]): FiscalYear | null {
  let latest: FiscalYear | null = null;
  for (const item of items)
    for (const m of item.marks)
      if (m.state === 'mark' && (latest === null || compareFiscalYears(m.year, latest) > 0)) latest = m.year;
  return latest;
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

/**
 * Reads the item rows of one plan table: the table's columns, the settings and the sheet stay put
 * while rows go by; 基本方針 / 施策 columns carry down from row to row (a blank means "as above").
 */
class ItemRowReader {
  /** 基本方針 / 施策 as last written in their columns, carried to the rows below. */
  private readonly carry: Context = { policy: null, policyNo: null, measure: null, measureNo: null };
  private readonly sheet: string;
  // The table's columns as arrays, made once: iterating the maps' entries made an array per cell.
  private readonly statusEntries: readonly (readonly [FiscalYear, number])[];
  private readonly targetEntries: readonly (readonly [FiscalYear | null, number])[];
  private readonly actualEntries: readonly (readonly [FiscalYear | null, number])[];
  private readonly lastYear: FiscalYear;

  constructor(
    private readonly grid: SheetGrid,
    private readonly map: ColumnMap,
    private readonly settings: Settings,
    private readonly file: string,
    /** Status columns of numbers or text, reported once for the table rather than per cell. */
    private readonly ignored: ReadonlySet<number>,
    /** Where the cell-level findings (unknown marks, variants) go. */
    private readonly findings: Finding[],
  ) {
    this.sheet = grid.sheet.name;
    this.statusEntries = [...map.status];
    this.targetEntries = [...map.target];
    this.actualEntries = [...map.actual];
    this.lastYear = year0(map);
  }

  private source(row: number, col: number): SourceRef {
    return { file: this.file, sheet: this.sheet, cell: this.grid.address(row, col) };
  }

  private cell(row: number, col: number | null): ValueCell | null {
    if (col === null) return null;
    return {
      value: this.grid.value(row, col),
      numberFormat: this.grid.numberFormat(row, col),
      source: this.source(row, col),
    };
  }

  /** One item row; `above` is the heading context (1. 基本方針, (1) 施策) in force above it. */
  read(row: number, above: Context): DraftItem {
    const { grid, map, file, sheet } = this;
    const sources: DraftItem['sources'] = {};
    const textAt = (col: number | null, field: keyof DraftItem['sources']): string => {
      if (col === null) return '';
      sources[field] = this.source(row, col);
      return grid.text(row, col);
    };

    const { policy, policyNo, measure, measureNo } = this.headings(
      textAt(map.policy, 'policy'),
      textAt(map.measure, 'measure'),
      above,
    );
    const numberText = textAt(map.number, 'number');
    const parsedNumber =
      map.number === null ? { text: '', value: null } : parseItemNumber(grid.value(row, map.number));
    const { name, priority } = stripItemTags(textAt(map.name, 'name'));
    const marks = this.marks(row, name);
    const owners: Owner[] =
      map.department !== null || map.division !== null
        ? parseOwners(textAt(map.department, 'department'), textAt(map.division, 'division'))
        : map.owner !== null
          ? parseOwners(textAt(map.owner, 'department'), '')
          : [];

    const indicatorName = this.cell(row, map.indicator);
    if (indicatorName) sources.indicator = indicatorName.source;
    const targets = new Map<FiscalYear | null, ValueCell>();
    const actuals = new Map<FiscalYear | null, ValueCell>();
    for (const [year, col] of this.targetEntries) targets.set(year, this.cell(row, col)!);
    for (const [year, col] of this.actualEntries) actuals.set(year, this.cell(row, col)!);

    const result = textAt(map.result, 'result');
    const nextPlan = textAt(map.nextPlan, 'nextPlan');
    const numberValue = parsedNumber.value;
    const identity =
      (policy !== null || measure !== null) && (numberValue !== null || numberText !== '')
        ? `${policy ?? ''}|${measure ?? ''}|${numberValue ?? numberText}`
        : `${file}|${sheet}|${a1(row, map.name)}`;

    return {
      key: identity,
      file,
      sheet,
      row,
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
      sources,
      indicatorName,
      targets,
      actuals,
      tableYear: this.lastYear,
    };
  }

  /** 基本方針 / 施策 from their columns (carried down) when the table has them, else from the headings above. */
  private headings(policyText: string, measureText: string, above: Context): Context {
    const { map, carry } = this;
    const policyCell = stripHeadingNumber(policyText);
    if (map.policy !== null && policyCell.title !== '') {
      carry.policy = policyCell.title;
      carry.policyNo = policyCell.no;
      carry.measure = null;
      carry.measureNo = null;
    }
    const measureCell = stripHeadingNumber(measureText);
    if (map.measure !== null && measureCell.title !== '') {
      carry.measure = measureCell.title;
      carry.measureNo = measureCell.no;
    }
    const fromColumns = map.policy !== null || map.measure !== null;
    return {
      policy: fromColumns && carry.policy ? carry.policy : above.policy,
      policyNo: fromColumns && carry.policy ? carry.policyNo : above.policyNo,
      measure: fromColumns && carry.measure ? carry.measure : above.measure,
      measureNo: fromColumns && carry.measure ? carry.measureNo : above.measureNo,
    };
  }

  /** The row's status cells, one entry per year column; unknown marks and variants reported. */
  private marks(row: number, item: string): MarkEntry[] {
    const { grid, file, sheet } = this;
    const grades = gradesOf(this.settings);
    const marks: MarkEntry[] = [];
    const entries = this.statusEntries;
    for (let i = 0; i < entries.length; i += 1) {
      const [year, col] = entries[i]!;
      const value = grid.value(row, col);
      const raw = cleanText(cellText(value));
      const parsed = parseMark(value, grades);
      const ref = this.source(row, col);
      if (this.ignored.has(col) && parsed.kind !== 'mark') {
        // A column of numbers or text under a year header: one finding for the table, not one per cell.
        const state = parsed.kind === 'unknown' ? 'unknown' : parsed.kind;
        marks.push({ year, state, raw, mark: null, grade: null, source: ref });
      } else if (parsed.kind === 'mark') {
        marks.push({ year, state: 'mark', raw, mark: parsed.key, grade: parsed.symbol, source: ref });
        if (parsed.variant) {
          this.findings.push(
            finding(
              'mark.variant',
              { file, sheet, cell: ref.cell },
              { year, raw, symbol: parsed.symbol, item },
            ),
          );
        }
      } else if (parsed.kind === 'unknown') {
        marks.push({ year, state: 'unknown', raw, mark: null, grade: null, source: ref });
        this.findings.push(
          finding(
            'mark.unknown',
            { file, sheet, cell: ref.cell },
            {
              year,
              raw,
              item,
              suggested: parsed.suggestion ?? null,
              symbols: grades.map((m) => m.symbol),
            },
          ),
        );
      } else {
        marks.push({ year, state: parsed.kind, raw, mark: null, grade: null, source: ref });
      }
    }
    return marks;
  }
}

/** Placeholder until the table is read whole (see close in readSheet). */
function year0(map: ColumnMap): FiscalYear {
  return [...map.status.keys()].pop()!;
}

/**
 * Year rollover: on every plan table of a sheet, a column for the next fiscal year's 進捗状況 after
 * the last year (and 計画 / 実績 columns where the table keeps them per year), with the header
 * written the way the table writes it, the formats of the last year's column and the mark dropdown.
 * Per-year narrative headers (具体的な取組結果(R2), 令和3年度の取組計画) are renamed only when asked.
 * A plan, not an action: the shell inserts the columns and writes exactly the cells listed here.
 */
import { a1, rangeToA1, type CellRange, type SheetSnapshot, type WorkbookSnapshot } from '../grid';
import type { FiscalYear, TableInfo } from '../model';
import type { ColumnMap, HeaderWords } from '../reader/headers';
import { tryHeaderAt } from '../reader/headerBlock';
import { SheetGrid } from '../reader/sheetGrid';
import { headerWordsOf, readSheet } from '../reader/sheetReader';
import type { Settings } from '../settings';
import { compareFiscalYears, findFiscalYear, nextFiscalYear, shiftYearInText } from '../values';
import { fewestRanges } from '../validationRanges';

/** Columns inserted at `at` (0-based, before any insertion); the cells at and right of it move right. */
export interface ColumnInsertion {
  readonly at: number;
  readonly count: number;
  /** 0-based rows the insertion spans (the table), or null for whole columns. */
  readonly rows: { readonly top: number; readonly bottom: number } | null;
}

/** A cell to write after the insertions, with the value it replaces ('' for a new cell). */
export interface RolloverCell {
  readonly cell: string;
  readonly from: string;
  readonly value: string;
}

export interface SheetRollover {
  readonly sheet: string;
  /** The years added, one per table (usually the same). */
  readonly years: readonly FiscalYear[];
  readonly tables: number;
  /** Right to left, so each insertion's column is still where the snapshot saw it. */
  readonly insertions: readonly ColumnInsertion[];
  /** After the insertions: copy number formats, fills, borders and alignment from one column to another over rows top–bottom. */
  readonly formatCopies: readonly {
    readonly from: number;
    readonly to: number;
    readonly top: number;
    readonly bottom: number;
  }[];
  /** Header cells of the new columns. */
  readonly headers: readonly RolloverCell[];
  /** Merged group headers (進捗状況 over the years) grown to cover the new column: unmerge `from`, merge `to`. */
  readonly merges: readonly { readonly from: string | null; readonly to: string }[];
  /** New mark cells that get the dropdown. */
  readonly markRanges: readonly string[];
  /** Header texts renamed to the next year (only when asked). */
  readonly renames: readonly RolloverCell[];
  /** Cells (before insertion) that must still hold what the plan saw: the last year's header cells. */
  readonly checks: readonly RolloverCell[];
}

export interface RolloverPlan {
  readonly sheets: readonly SheetRollover[];
  /** Sheets whose tables already have their next year's column… or have no table. */
  readonly unchanged: readonly string[];
}

export interface RolloverOptions {
  readonly renameHeaders: boolean;
}

interface TableRoll {
  readonly map: ColumnMap;
  /** 0-based header rows and last row. */
  readonly top: number;
  readonly bottom: number;
  readonly last: number;
  readonly lastYear: FiscalYear;
  readonly year: FiscalYear;
  readonly statusCol: number;
  /** The last year's 計画 and 実績 columns when the table keeps them for several years. */
  readonly figures: readonly [number, number] | null;
}

function tableRoll(grid: SheetGrid, info: TableInfo, words: HeaderWords): TableRoll | null {
  const attempt = tryHeaderAt(grid, info.headerTop, findFiscalYear(grid.sheet.name), words);
  if (attempt.kind !== 'header') return null;
  const map = attempt.block.map;
  const years = [...map.status.keys()].sort(compareFiscalYears);
  const lastYear = years[years.length - 1]!;
  const target = map.target.get(lastYear);
  const actual = map.actual.get(lastYear);
  const yearKeyed = [...map.target.keys()].filter((y) => y !== null).length;
  return {
    map,
    top: info.headerTop,
    bottom: info.headerBottom,
    last: info.lastRow,
    lastYear,
    year: nextFiscalYear(lastYear),
    statusCol: map.status.get(lastYear)!,
    figures:
      yearKeyed >= 2 && target !== undefined && actual !== undefined
        ? [Math.min(target, actual), Math.max(target, actual)]
        : null,
  };
}

const text = (grid: SheetGrid, row: number, col: number) => grid.ownText(row, col);

/** Where original column `col` ends up after the insertions (only those that reach its row). */
function shifter(insertions: readonly ColumnInsertion[]) {
  return (col: number, row: number) =>
    col +
    insertions
      .filter(
        (ins) => ins.at <= col && (ins.rows === null || (row >= ins.rows.top && row <= ins.rows.bottom)),
      )
      .reduce((n, ins) => n + ins.count, 0);
}

/** The columns a table inserts: its new status column, and 計画 / 実績 after the last year's. */
function insertionsOf(t: TableRoll, rows: ColumnInsertion['rows']): ColumnInsertion[] {
  const list: ColumnInsertion[] = [{ at: t.statusCol + 1, count: 1, rows }];
  if (t.figures) list.push({ at: t.figures[1] + 1, count: 2, rows });
  return list;
}

function sameColumns(a: readonly ColumnInsertion[], b: readonly ColumnInsertion[]): boolean {
  return a.length === b.length && a.every((x, i) => x.at === b[i]!.at && x.count === b[i]!.count);
}

/** The header cells of a new column: each header row's text for the last year, moved to the new year. */
function newHeaderCells(
  grid: SheetGrid,
  t: TableRoll,
  columns: { readonly from: number; readonly to: number; readonly pair: CellRange | null },
  finalCol: (c: number, r: number) => number,
  merges: SheetRollover['merges'][number][],
): RolloverCell[] {
  const { from: fromCol, to: toCol, pair } = columns;
  const cells: RolloverCell[] = [];
  for (let row = t.top; row <= t.bottom; row += 1) {
    const merge = grid.mergeAt(row, fromCol);
    if (merge && merge !== pair && merge.left < fromCol && merge.right === fromCol) {
      // A group header (進捗状況, 指標) merged over the years: grow it over the new column.
      const left = finalCol(merge.left, row);
      merges.push({
        from: rangeToA1({ ...merge, left, right: finalCol(merge.right, row) }),
        to: rangeToA1({ ...merge, left, right: toCol }),
      });
      continue;
    }
    const own = text(grid, row, fromCol);
    if (own === '') continue;
    const year = findFiscalYear(own);
    const value = year ? (shiftYearInText(own, t.year) ?? t.year) : own;
    cells.push({ cell: a1(row, toCol), from: '', value });
  }
  return cells;
}

function renamesOf(
  grid: SheetGrid,
  t: TableRoll,
  finalCol: (c: number, r: number) => number,
): RolloverCell[] {
  const columns = [t.map.result, t.map.nextPlan];
  // A table with one year's 計画(R2) / 実績(R2) reports the next year in the same columns.
  if (!t.figures)
    for (const m of [t.map.target, t.map.actual])
      if (m.size === 1 && [...m.keys()][0]) columns.push([...m.values()][0]!);
  const out: RolloverCell[] = [];
  for (const col of columns) {
    if (col === null || col === undefined) continue;
    for (let row = t.top; row <= t.bottom; row += 1) {
      const own = text(grid, row, col);
      const year = own === '' ? null : findFiscalYear(own);
      if (!year) continue;
      const renamed = shiftYearInText(own, nextFiscalYear(year));
      if (renamed && renamed !== own)
        out.push({ cell: a1(row, finalCol(col, row)), from: own, value: renamed });
    }
  }
  return out;
}

function sheetRollover(
  sheet: SheetSnapshot,
  file: string,
  settings: Settings,
  options: RolloverOptions,
): SheetRollover | null {
  const grid = new SheetGrid(sheet);
  const tables = readSheet(sheet, file, settings)
    .tables.map((info) => tableRoll(grid, info, headerWordsOf(settings)))
    .filter((t): t is TableRoll => t !== null && !t.map.status.has(t.year));
  if (tables.length === 0) return null;

  // Tables that all take their new columns at the same place get whole columns (widths move along);
  // otherwise each table's rows are shifted on their own, leaving the rest of the sheet where it is.
  const whole = tables.every((t) => sameColumns(insertionsOf(t, null), insertionsOf(tables[0]!, null)));
  const insertions = whole
    ? insertionsOf(tables[0]!, null)
    : tables.flatMap((t) => insertionsOf(t, { top: t.top, bottom: t.last }));
  insertions.sort((a, b) => b.at - a.at);
  const finalCol = shifter(insertions);

  const headers: RolloverCell[] = [];
  const merges: SheetRollover['merges'][number][] = [];
  const formatCopies: SheetRollover['formatCopies'][number][] = [];
  const markRanges: string[] = [];
  const renames: RolloverCell[] = [];
  const checks: RolloverCell[] = [];
  for (const t of tables) {
    // The new status column sits right after the last year's.
    const statusTo = finalCol(t.statusCol, t.top) + 1;
    headers.push(
      ...newHeaderCells(grid, t, { from: t.statusCol, to: statusTo, pair: null }, finalCol, merges),
    );
    formatCopies.push({ from: finalCol(t.statusCol, t.top), to: statusTo, top: t.top, bottom: t.last });
    if (t.last > t.bottom) markRanges.push(`${a1(t.bottom + 1, statusTo)}:${a1(t.last, statusTo)}`);
    for (let row = t.top; row <= t.bottom; row += 1) {
      const own = text(grid, row, t.statusCol);
      if (own !== '') checks.push({ cell: a1(row, t.statusCol), from: own, value: own });
    }
    if (t.figures) {
      const [target, actual] = t.figures;
      const newTarget = finalCol(actual, t.top) + 1;
      // A year merged over its own 計画 / 実績 pair (令和2年度 over 計画 | 実績): the new pair gets its own.
      const merged = grid.mergeAt(t.top, target);
      const pair =
        merged && merged.left === target && merged.right === actual && t.top < t.bottom ? merged : null;
      for (const [from, to] of [
        [target, newTarget],
        [actual, newTarget + 1],
      ] as const) {
        headers.push(...newHeaderCells(grid, t, { from, to, pair }, finalCol, merges));
        formatCopies.push({ from: finalCol(from, t.top), to, top: t.top, bottom: t.last });
      }
      if (pair) merges.push({ from: null, to: `${a1(t.top, newTarget)}:${a1(t.top, newTarget + 1)}` });
    }
    if (options.renameHeaders) renames.push(...renamesOf(grid, t, finalCol));
  }
  return {
    sheet: sheet.name,
    years: [...new Set(tables.map((t) => t.year))].sort(compareFiscalYears),
    tables: tables.length,
    insertions,
    formatCopies,
    headers: dedupeCells(headers),
    merges,
    markRanges: fewestRanges(markRanges),
    renames: dedupeCells(renames),
    checks: dedupeCells(checks),
  };
}

function dedupeCells(cells: readonly RolloverCell[]): RolloverCell[] {
  const seen = new Set<string>();
  return cells.filter((c) => !seen.has(c.cell) && seen.add(c.cell));
}

/** The rollover of every visible, user-owned sheet that has plan tables. */
export function planRollover(
  workbook: WorkbookSnapshot,
  settings: Settings,
  options: RolloverOptions,
): RolloverPlan {
  const owned = new Set(workbook.ownedSheets);
  const sheets: SheetRollover[] = [];
  const unchanged: string[] = [];
  for (const sheet of workbook.sheets) {
    if (owned.has(sheet.name) || sheet.hidden) continue;
    const roll = sheetRollover(sheet, workbook.file, settings, options);
    if (roll) sheets.push(roll);
    else unchanged.push(sheet.name);
  }
  return { sheets, unchanged };
}

/**
 * Finding a plan table's header at a row: one row (`進捗状況H30`, `H30`, `平成30年度`) or two rows
 * (進捗状況 merged, or centred, over H30 / R1 / R2; 指標 over 計画 / 実績).
 */
import type { FiscalYear } from '../model';
import {
  classifyHeader,
  columnMapOf,
  combineLabels,
  type ColumnMap,
  type HeaderLabel,
  headerWords,
  type HeaderWords,
} from './headers';
import type { SheetGrid } from './sheetGrid';

export interface HeaderBlock {
  readonly map: ColumnMap;
  /** 0-based first and last rows of the header. */
  readonly top: number;
  readonly bottom: number;
}

export type HeaderAttempt =
  | { readonly kind: 'none' }
  /** It reads like a header, but no status column with a year could be found. */
  | { readonly kind: 'incomplete' }
  /**
   * Its item and year words are a few cells among many others: a data row where a unit (項目) and an era
   * year (昭和49) happen to read like header words, not a header.
   */
  | { readonly kind: 'implausible' }
  | { readonly kind: 'header'; readonly block: HeaderBlock };

/**
 * Labels of a row's own cells (`own`: the row's filled columns), with horizontally merged group headers
 * spread over their columns.
 */
function rowLabels(
  grid: SheetGrid,
  row: number,
  own: readonly number[],
  words: HeaderWords,
): Map<number, HeaderLabel | null> {
  const labels = new Map<number, HeaderLabel | null>();
  for (let i = 0; i < own.length; i += 1) {
    const col = own[i]!;
    const label = classifyHeader(grid.ownText(row, col), words);
    labels.set(col, label);
    const merge = grid.mergeAt(row, col);
    if (merge && merge.top === row && merge.left === col) {
      for (let c = merge.left + 1; c <= merge.right; c += 1) labels.set(c, label);
    }
  }
  return labels;
}

/** A second header row holds only header words and years, in cells not covered by the row above's merges. */
function continuationLabels(
  grid: SheetGrid,
  row: number,
  words: HeaderWords,
): Map<number, HeaderLabel> | null {
  if (row > grid.bottom) return null;
  const labels = new Map<number, HeaderLabel>();
  const own = grid.filledColumns(row);
  for (let i = 0; i < own.length; i += 1) {
    const col = own[i]!;
    const merge = grid.mergeAt(row, col);
    if (merge && merge.top < row) continue;
    const label = classifyHeader(grid.ownText(row, col), words);
    if (!label) return null;
    labels.set(col, label);
  }
  return labels.size > 0 ? labels : null;
}

/** looksLikeHeader over the row's labels, without copying them into an array. */
function labelsLookLikeHeader(labels: ReadonlyMap<number, HeaderLabel | null>): boolean {
  let name = false;
  let status = false;
  let others = 0;
  labels.forEach((label) => {
    if (!label) return;
    if (label.field === 'name') name = true;
    else if (label.field === 'status' || label.field === 'year') status = true;
    else others += 1;
  });
  return name && (status || others >= 2);
}

/** At least a third of a header row's own cells are header words or years. */
function mostlyHeaderWords(own: readonly number[], labels: ReadonlyMap<number, HeaderLabel | null>): boolean {
  let known = 0;
  for (let i = 0; i < own.length; i += 1) if (labels.get(own[i]!)) known += 1;
  return known * 3 >= own.length;
}

/** The columns of both rows, each once, in ascending order (sorted only when they are not already). */
function columnsOf(
  top: ReadonlyMap<number, HeaderLabel | null>,
  below: ReadonlyMap<number, HeaderLabel> | null,
): number[] {
  const columns: number[] = [];
  top.forEach((_, col) => columns.push(col));
  if (below)
    below.forEach((_, col) => {
      if (!top.has(col)) columns.push(col);
    });
  for (let i = 1; i < columns.length; i += 1) {
    if (columns[i - 1]! > columns[i]!) return columns.sort((a, b) => a - b);
  }
  return columns;
}

const NONE: HeaderAttempt = { kind: 'none' };
const IMPLAUSIBLE: HeaderAttempt = { kind: 'implausible' };
const INCOMPLETE: HeaderAttempt = { kind: 'incomplete' };

export function tryHeaderAt(
  grid: SheetGrid,
  row: number,
  fallbackYear: FiscalYear | null,
  words: HeaderWords = headerWords(),
): HeaderAttempt {
  const own = grid.filledColumns(row);
  const top = rowLabels(grid, row, own, words);
  if (!labelsLookLikeHeader(top)) return NONE;
  if (!mostlyHeaderWords(own, top)) return IMPLAUSIBLE;
  const below = continuationLabels(grid, row + 1, words);
  const sorted = columnsOf(top, below);
  // The combined labels in column order, as buildColumnMap would sort them.
  const columns: number[] = [];
  const labels: HeaderLabel[] = [];
  let groupAbove: HeaderLabel | null = null;
  for (let i = 0; i < sorted.length; i += 1) {
    const col = sorted[i]!;
    let upper = top.get(col) ?? null;
    const lower = below?.get(col) ?? null;
    // A group header centred across columns without a merge: 進捗状況 | (blank) | (blank) over H30 | R1 | R2.
    if (upper === null && lower?.field === 'year' && groupAbove) upper = groupAbove;
    if (upper && lower?.field === 'year') groupAbove = upper;
    else if (upper !== null) groupAbove = null;
    let label = combineLabels(upper, lower);
    if (!label) continue;
    // A status column with no year anywhere takes the sheet's year (from its name or title).
    if (fallbackYear && label.field === 'status' && !label.year)
      label = { field: 'status', year: fallbackYear };
    columns.push(col);
    labels.push(label);
  }
  const map = columnMapOf(columns, labels);
  if (!map) return INCOMPLETE;
  return { kind: 'header', block: { map, top: row, bottom: below ? row + 1 : row } };
}

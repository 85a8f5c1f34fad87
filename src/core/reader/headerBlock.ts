/**
 * Finding a plan table's header at a row: one row (`進捗状況H30`, `H30`, `平成30年度`) or two rows
 * (進捗状況 merged, or centred, over H30 / R1 / R2; 指標 over 計画 / 実績).
 */
import type { FiscalYear } from '../model';
import {
  buildColumnMap,
  classifyHeader,
  combineLabels,
  type ColumnMap,
  type HeaderLabel,
  headerWords,
  type HeaderWords,
  looksLikeHeader,
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

/** Labels of a row's own cells, with horizontally merged group headers spread over their columns. */
function rowLabels(grid: SheetGrid, row: number, words: HeaderWords): Map<number, HeaderLabel | null> {
  const labels = new Map<number, HeaderLabel | null>();
  for (const col of grid.filledColumns(row)) {
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
  for (const col of grid.filledColumns(row)) {
    const merge = grid.mergeAt(row, col);
    if (merge && merge.top < row) continue;
    const label = classifyHeader(grid.ownText(row, col), words);
    if (!label) return null;
    labels.set(col, label);
  }
  return labels.size > 0 ? labels : null;
}

/** At least a third of a header row's own cells are header words or years. */
function mostlyHeaderWords(
  grid: SheetGrid,
  row: number,
  labels: ReadonlyMap<number, HeaderLabel | null>,
): boolean {
  const own = grid.filledColumns(row);
  let known = 0;
  for (const col of own) if (labels.get(col)) known += 1;
  return known * 3 >= own.length;
}

export function tryHeaderAt(
  grid: SheetGrid,
  row: number,
  fallbackYear: FiscalYear | null,
  words: HeaderWords = headerWords(),
): HeaderAttempt {
  const top = rowLabels(grid, row, words);
  if (!looksLikeHeader([...top.values()])) return { kind: 'none' };
  if (!mostlyHeaderWords(grid, row, top)) return { kind: 'implausible' };
  const below = continuationLabels(grid, row + 1, words);
  const columns = new Set<number>([...top.keys(), ...(below ? below.keys() : [])]);
  const combined = new Map<number, HeaderLabel>();
  const sorted = [...columns].sort((a, b) => a - b);
  let groupAbove: HeaderLabel | null = null;
  for (const col of sorted) {
    let upper = top.get(col) ?? null;
    const lower = below?.get(col) ?? null;
    // A group header centred across columns without a merge: 進捗状況 | (blank) | (blank) over H30 | R1 | R2.
    if (upper === null && lower?.field === 'year' && groupAbove) upper = groupAbove;
    if (upper && lower?.field === 'year') groupAbove = upper;
    else if (upper !== null) groupAbove = null;
    const label = combineLabels(upper, lower);
    if (label) combined.set(col, label);
  }
  if (fallbackYear) {
    // A status column with no year anywhere takes the sheet's year (from its name or title).
    for (const [col, label] of combined) {
      if (label.field === 'status' && !label.year) combined.set(col, { field: 'status', year: fallbackYear });
    }
  }
  const map = buildColumnMap(combined);
  if (!map) return { kind: 'incomplete' };
  return { kind: 'header', block: { map, top: row, bottom: below ? row + 1 : row } };
}

/**
 * tryHeaderAt without its maps of labels, copies and sorts, held to the definition it replaced on random
 * header-like rows (merged, centred and overlapping group headers, second rows, sheet years).
 */
import fc from 'fast-check';
import type { CellRange, CellValue, SheetSnapshot } from '../../../src/core/grid';
import type { FiscalYear } from '../../../src/core/model';
import { type HeaderAttempt, tryHeaderAt } from '../../../src/core/reader/headerBlock';
import {
  buildColumnMap,
  classifyHeader,
  combineLabels,
  type ColumnMap,
  type HeaderLabel,
  headerWords,
  type HeaderWords,
} from '../../../src/core/reader/headers';
import { SheetGrid } from '../../../src/core/reader/sheetGrid';

// ---- The definition before, as it was written.
function looksLikeHeader(labels: readonly (HeaderLabel | null)[]): boolean {
  let name = false;
  let status = false;
  let others = 0;
  for (const label of labels) {
    if (!label) continue;
    if (label.field === 'name') name = true;
    else if (label.field === 'status' || label.field === 'year') status = true;
    else others += 1;
  }
  return name && (status || others >= 2);
}

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

function mostlyHeaderWords(grid: SheetGrid, row: number, labels: ReadonlyMap<number, HeaderLabel | null>) {
  const own = grid.filledColumns(row);
  let known = 0;
  for (const col of own) if (labels.get(col)) known += 1;
  return known * 3 >= own.length;
}

function tryHeaderAtBefore(
  grid: SheetGrid,
  row: number,
  fallbackYear: FiscalYear | null,
  words: HeaderWords,
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
    if (upper === null && lower?.field === 'year' && groupAbove) upper = groupAbove;
    if (upper && lower?.field === 'year') groupAbove = upper;
    else if (upper !== null) groupAbove = null;
    const label = combineLabels(upper, lower);
    if (label) combined.set(col, label);
  }
  if (fallbackYear) {
    for (const [col, label] of combined) {
      if (label.field === 'status' && !label.year) combined.set(col, { field: 'status', year: fallbackYear });
    }
  }
  const map = buildColumnMap(combined);
  if (!map) return { kind: 'incomplete' };
  return { kind: 'header', block: { map, top: row, bottom: below ? row + 1 : row } };
}
// ----

/** A column map with its maps' entries in order (the order of status years is the table's). */
function plain(map: ColumnMap) {
  return { ...map, status: [...map.status], target: [...map.target], actual: [...map.actual] };
}

function plainAttempt(attempt: HeaderAttempt) {
  return attempt.kind === 'header' ? { ...attempt.block, map: plain(attempt.block.map) } : attempt;
}

const WORDS: CellValue[] = [
  null,
  null,
  '番号',
  'No.',
  '実施項目',
  '項目',
  '進捗状況',
  '進捗',
  '評価',
  'H30',
  'R1',
  'R2',
  '令和2年度',
  '進捗状況H30',
  '担当部',
  '担当課',
  '担当',
  '指標',
  '計画',
  '実績',
  '計画(R2)',
  '実績(R1)',
  '目標値',
  '取組結果',
  '次年度計画',
  '基本方針',
  '施策',
  '千円',
  '昭和49',
  '○',
  'その他',
  12,
];

const cells = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 });
const merge = fc
  .record({
    top: fc.integer({ min: 0, max: 2 }),
    left: fc.integer({ min: 0, max: 8 }),
    height: fc.integer({ min: 0, max: 1 }),
    width: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ top, left, height, width }): CellRange => ({
    top,
    left,
    bottom: top + height,
    right: left + width,
  }));

test('tryHeaderAt reads every header as the definition before it', () => {
  const words = headerWords();
  let headers = 0;
  fc.assert(
    fc.property(
      fc.array(cells, { minLength: 1, maxLength: 3 }),
      fc.array(merge, { maxLength: 5 }),
      fc.constantFrom<FiscalYear | null>(null, 'R2', 'H30'),
      fc.integer({ min: 0, max: 2 }),
      (values, merges, fallbackYear, row) => {
        const sheet: SheetSnapshot = { name: 'S', top: 0, left: 0, values, merges, hidden: false };
        const grid = new SheetGrid(sheet);
        if (row > grid.bottom) return;
        const before = tryHeaderAtBefore(grid, row, fallbackYear, words);
        if (before.kind === 'header') headers += 1;
        expect(plainAttempt(tryHeaderAt(grid, row, fallbackYear, words))).toEqual(plainAttempt(before));
      },
    ),
    { seed: 20261201, numRuns: 20000 },
  );
  // The random rows must hold real headers, not only rows that are none.
  expect(headers).toBeGreaterThan(500);
});

/**
 * The cells a dropdown goes on, as the fewest non-overlapping rectangles: Excel keeps one rule per
 * cell and asks to "repair" a file whose validations overlap, and one range per table (not one per
 * row or per cell) is what makes a row inserted inside the table get the dropdown too. Cells are
 * grouped column by column into row runs, and equal runs in adjacent columns join into one
 * rectangle. Linear in the number of ranges and columns; no cell is visited.
 */
import { parseRange, rangeToA1, type CellRange } from './grid';

/** The union of the ranges as disjoint rectangles, in reading order (top, then left). */
export function fewestRanges(addresses: readonly string[]): string[] {
  const ranges = addresses.map((a) => parseRange(a)).filter((r): r is CellRange => r !== null);
  if (ranges.length === 0) return [];
  // Each column's cells as sorted, merged runs of rows.
  const columns = new Map<number, { top: number; bottom: number }[]>();
  for (const r of ranges)
    for (let c = r.left; c <= r.right; c += 1) {
      const runs = columns.get(c) ?? [];
      runs.push({ top: r.top, bottom: r.bottom });
      columns.set(c, runs);
    }
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: CellRange[] = [];
  for (const col of [...columns.keys()].sort((a, b) => a - b)) {
    const runs = columns.get(col)!.sort((a, b) => a.top - b.top);
    const merged: { top: number; bottom: number }[] = [];
    for (const run of runs) {
      const last = merged[merged.length - 1];
      if (last && run.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, run.bottom);
      else merged.push({ ...run });
    }
    const seen = new Set<string>();
    for (const run of merged) {
      const key = `${run.top}:${run.bottom}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.right === col - 1) rect.right = col;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: run.top, bottom: run.bottom, left: col, right: col });
      }
    }
    // A run not continued in this column is finished.
    for (const [key, rect] of open)
      if (!seen.has(key)) {
        done.push(rect);
        open.delete(key);
      }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left).map(rangeToA1);
}

/** Pure helpers behind the pane's confirmed actions. */
import type { CellEdit } from '../hostPort';
import { hasCode } from '../findings/finding';
import type { Finding, TableInfo } from '../model';
import { gradesOf, type Settings } from '../settings';
import { a1 } from '../grid';
import { fewestRanges } from '../validationRanges';

/** 〇 → ○ and the like: exactly the cells of mark.variant findings, each with what it holds now. */
export function markVariantEdits(findings: readonly Finding[], settings: Settings): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const f of findings.filter(hasCode('mark.variant'))) {
    if (!f.sheet || !f.cell) continue;
    const { symbol, raw } = f.params;
    if (!gradesOf(settings).some((m) => m.symbol === symbol)) continue;
    edits.push({ sheet: f.sheet, cell: f.cell, expected: raw, value: symbol });
  }
  return edits;
}

/** The status columns' item rows of every table on a sheet, as A1 ranges (one per year column). */
export function dropdownTargets(tables: readonly TableInfo[], sheet: string): string[] {
  const ranges: string[] = [];
  for (const t of tables) {
    if (t.sheet !== sheet || t.lastRow <= t.headerBottom) continue;
    for (const col of Object.values(t.markColumns)) {
      ranges.push(`${a1(t.headerBottom + 1, col)}:${a1(t.lastRow, col)}`);
    }
  }
  return fewestRanges(ranges);
}

/**
 * One item read in several places (the kasama workbook and a department file, or the same item in
 * two owners' files) is counted once. Same content: `item.duplicate` (info). Different marks for
 * the same year: `item.conflict` (error naming both cells); the first reading (files in name order, then sheet and row) is kept.
 * Same identity but a different name is not the same item: both are kept.
 */
import { a1 } from '../grid';
import type { Finding, PlanItem } from '../model';
import { finding } from '../findings/finding';
import { foldForMatch } from '../values/text';
import type { ReadItem } from './items';

function markSignature(item: PlanItem, year: string): string {
  const entry = item.marks.find((m) => m.year === year);
  if (!entry) return '';
  return entry.mark ?? (entry.state === 'unknown' ? `?${entry.raw}` : '');
}

function place(item: PlanItem, cell: string | null | undefined): string {
  return `${item.file} ${item.sheet}!${cell ?? a1(item.row, 0)}`;
}

export function dedupeItems(items: readonly ReadItem[]): { items: ReadItem[]; findings: Finding[] } {
  const kept = new Map<string, ReadItem>();
  const out: ReadItem[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const first = kept.get(item.key);
    if (!first) {
      kept.set(item.key, item);
      out.push(item);
      continue;
    }
    if (foldForMatch(first.name) !== foldForMatch(item.name)) {
      // Same number under the same measure, but another item: keep both under distinct keys.
      const distinct = item.withKey(`${item.key}|${item.file}|${item.sheet}|${item.row}`);
      kept.set(distinct.key, distinct);
      out.push(distinct);
      continue;
    }
    const years = new Set([...first.marks, ...item.marks].map((m) => m.year));
    let conflicted = false;
    for (const year of years) {
      const a = markSignature(first, year);
      const b = markSignature(item, year);
      if (a === '' || b === '' || a === b) continue;
      conflicted = true;
      const mine = item.marks.findIndex((m) => m.year === year);
      const theirs = first.marks.findIndex((m) => m.year === year);
      const cell = item.markCell(mine);
      findings.push(
        finding(
          'item.conflict',
          { file: item.file, sheet: item.sheet, cell },
          {
            item: item.name,
            year,
            raw: item.marks[mine]!.raw,
            cell: `${item.sheet}!${cell}`,
            other: place(first, first.markCell(theirs)),
            otherRaw: first.marks[theirs]!.raw,
          },
        ),
      );
    }
    if (!conflicted) {
      findings.push(
        finding(
          'item.duplicate',
          { file: item.file, sheet: item.sheet, cell: item.cellOf('name') },
          { item: item.name, other: place(first, first.cellOf('name')) },
        ),
      );
    }
  }
  return { items: out, findings };
}

import type { WorkbookSnapshot } from './grid';
import type { Finding, Severity } from './model';
import { parseA1 } from './grid';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings in reading order: files and sheets as the workbooks list them, then row, column, severity.
 * Sheet-level findings come before the sheet's cells; file-level findings before the file's sheets.
 */
export function sortFindings(
  findings: readonly Finding[],
  workbooks: readonly Pick<WorkbookSnapshot, 'file' | 'sheets'>[],
): Finding[] {
  const fileOrder = new Map<string, number>();
  const sheetOrder = new Map<string, number>();
  workbooks.forEach((w, i) => {
    if (!fileOrder.has(w.file)) fileOrder.set(w.file, i);
    w.sheets.forEach((s, j) => sheetOrder.set(`${w.file}\u0000${s.name}`, j));
  });
  const rank = (f: Finding): number[] => {
    const pos = f.cell ? parseA1(f.cell) : null;
    return [
      fileOrder.get(f.file) ?? Number.MAX_SAFE_INTEGER,
      f.sheet === null ? -1 : (sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? Number.MAX_SAFE_INTEGER),
      pos ? pos.row : -1,
      pos ? pos.col : -1,
      SEVERITY_ORDER[f.severity],
    ];
  };
  return findings
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => {
      for (let k = 0; k < a.r.length; k += 1) if (a.r[k] !== b.r[k]) return a.r[k]! - b.r[k]!;
      if (a.f.file !== b.f.file) return a.f.file < b.f.file ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.f);
}

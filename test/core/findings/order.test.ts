/**
 * Findings in reading order: files as the workbooks list them, then sheets (sheet-level findings first),
 * rows, columns and severity; ties by file name, then as they came. Unknown files and sheets go last.
 */
import fc from 'fast-check';
import { finding, sortFindings, type Finding } from '../../../src/core';
import { a1, parseA1, type WorkbookSnapshot } from '../../../src/core/grid';

const workbooks = [
  { file: 'b.xlsx', sheets: [{ name: 'S1' }, { name: 'S2' }] },
  { file: 'a.xlsx', sheets: [{ name: 'T' }] },
] as const;

function at(
  file: string,
  sheet: string | null,
  cell: string | null,
  code: 'mark.unknown' | 'mark.variant' = 'mark.unknown',
): Finding {
  const params =
    code === 'mark.unknown'
      ? { year: 'R2', raw: 'x', item: 'i', suggested: null, symbols: ['○'] }
      : { year: 'R2', raw: '〇', symbol: '○', item: 'i' };
  return finding(code, { file, sheet, cell }, params as never);
}

test('file, sheet, row, column, severity; unknown files and sheets after the known ones', () => {
  const given: Finding[] = [
    at('zzz.xlsx', null, null),
    at('a.xlsx', 'T', 'B2'),
    at('b.xlsx', 'S2', 'A1'),
    at('b.xlsx', 'unlisted', 'A1'),
    at('b.xlsx', 'S1', 'AA10', 'mark.variant'),
    at('b.xlsx', 'S1', 'AA10'),
    at('b.xlsx', 'S1', 'ZZZ9999999'),
    at('b.xlsx', 'S1', null),
    at('b.xlsx', null, null),
    at('b.xlsx', 'S1', 'B10'),
    at('b.xlsx', 'S1', 'A11'),
    at('a.xlsx', null, null),
  ];
  const sorted = sortFindings(given, workbooks as never);
  expect(sorted.map((f) => `${f.file}|${f.sheet}|${f.cell}|${f.severity}`)).toEqual([
    'b.xlsx|null|null|error',
    'b.xlsx|S1|null|error',
    'b.xlsx|S1|B10|error',
    'b.xlsx|S1|AA10|error',
    'b.xlsx|S1|AA10|warning',
    'b.xlsx|S1|A11|error',
    'b.xlsx|S1|ZZZ9999999|error',
    'b.xlsx|S2|A1|error',
    'b.xlsx|unlisted|A1|error',
    'a.xlsx|null|null|error',
    'a.xlsx|T|B2|error',
    'zzz.xlsx|null|null|error',
  ]);
  // Stable: equal places keep the order they came in.
  const twins = [at('a.xlsx', 'T', 'C3'), at('a.xlsx', 'T', 'C3')];
  expect(sortFindings(twins, workbooks as never)).toEqual(twins);
  expect(sortFindings(twins, workbooks as never)[0]).toBe(twins[0]);
});

describe('the order kept in small integers, as the definition before it', () => {
  // ---- The definition before, as it was written (one Float64Array key for row, column and severity).
  const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
  function cellPosition(cell: string | null): number {
    if (!cell) return 0;
    let i = 0;
    let col = 0;
    for (; i < cell.length && i < 3; i += 1) {
      const c = cell.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else break;
    }
    const digitsFrom = i;
    let row = 0;
    for (; i < cell.length && i - digitsFrom < 7; i += 1) {
      const c = cell.charCodeAt(i);
      if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
      else break;
    }
    if (digitsFrom > 0 && i > digitsFrom && i === cell.length) return row * 2 ** 15 + col;
    const pos = parseA1(cell);
    return pos ? (pos.row + 1) * 2 ** 15 + (pos.col + 1) : 0;
  }

  function sortFindingsBefore(
    findings: readonly Finding[],
    workbooks: readonly Pick<WorkbookSnapshot, 'file' | 'sheets'>[],
  ): Finding[] {
    const fileOrder = new Map<string, number>();
    const sheetOrder = new Map<string, Map<string, number>>();
    let mostSheets = 0;
    workbooks.forEach((w, i) => {
      if (!fileOrder.has(w.file)) fileOrder.set(w.file, i);
      let sheets = sheetOrder.get(w.file);
      if (!sheets) sheetOrder.set(w.file, (sheets = new Map()));
      w.sheets.forEach((s, j) => sheets.set(s.name, j));
      mostSheets = Math.max(mostSheets, w.sheets.length);
    });
    // The order is file, sheet, row, column, severity: packed into two numbers per finding (each part
    // shifted by one so that "none" (-1) and "unknown" (after every known one) keep their places),
    // instead of an array and a wrapper object per finding.
    const unknownFile = workbooks.length;
    const unknownSheet = mostSheets + 1;
    const sheetSpan = unknownSheet + 1;
    const major = new Float64Array(findings.length);
    const minor = new Float64Array(findings.length);
    for (let i = 0; i < findings.length; i += 1) {
      const f = findings[i]!;
      const file = fileOrder.get(f.file) ?? unknownFile;
      const sheet = f.sheet === null ? -1 : (sheetOrder.get(f.file)?.get(f.sheet) ?? unknownSheet - 1);
      major[i] = file * sheetSpan + (sheet + 1);
      // parseA1 gives rows < 10^7 and columns < 18,279 (< 2^15): exact in a double.
      minor[i] = cellPosition(f.cell) * 4 + SEVERITY_ORDER[f.severity];
    }
    const order = Array.from({ length: findings.length }, (_, i) => i);
    order.sort((a, b) => {
      if (major[a] !== major[b]) return major[a]! - major[b]!;
      if (minor[a] !== minor[b]) return minor[a]! - minor[b]!;
      const fa = findings[a]!.file;
      const fb = findings[b]!.file;
      if (fa !== fb) return fa < fb ? -1 : 1;
      return a - b;
    });
    return order.map((i) => findings[i]!);
  }
  // ----

  const files = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'zzz.xlsx'];
  const sheets = ['S1', 'S2', 'T', 'unlisted'];
  const cells = fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      'A1',
      'B1',
      'C2',
      'B3',
      'B10',
      'AA10',
      'A11',
      'ZZZ9999999',
      '$B$2',
      '$A$2',
      'S1!C3',
      'S1!A3',
      'bad',
      'ABCD1',
      'XFD1048576',
    ),
    fc
      .record({ row: fc.integer({ min: 0, max: 9_999_998 }), col: fc.integer({ min: 0, max: 18_277 }) })
      .map(({ row, col }) => a1(row, col)),
  );
  const findingArb = fc
    .record({
      file: fc.constantFrom(...files),
      sheet: fc.option(fc.constantFrom(...sheets)),
      cell: cells,
      variant: fc.boolean(),
    })
    .map(({ file, sheet, cell, variant }) =>
      at(file, sheet, cell, variant ? 'mark.variant' : 'mark.unknown'),
    );

  test('on random findings', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 60 }), (given) => {
        expect(sortFindings(given, workbooks as never)).toEqual(
          sortFindingsBefore(given, workbooks as never),
        );
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
});

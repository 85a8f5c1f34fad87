/**
 * Findings in reading order: files as the workbooks list them, then sheets (sheet-level findings first),
 * rows, columns and severity; ties by file name, then as they came. Unknown files and sheets go last.
 */
import { finding, sortFindings, type Finding } from '../../../src/core';

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

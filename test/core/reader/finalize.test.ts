/**
 * Items are finalized for the target year: the year's target and actual cells, never another year's,
 * and nothing of one analysis leaks into another of the same workbook for another year.
 */
import { analyse } from '../../../src/core/analyse';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { workbook } from '../../helpers/snapshot';

const book = workbook('a.xlsx', [
  {
    name: '令和2年度',
    rows: [
      ['施策', '番号', '実施項目', '指標', '計画', '実績', 'R1', 'R2'],
      ['業務改善', 1, '窓口の改善', '処理件数', 10, 12, '○', '◎'],
    ],
  },
]);

test('the undated 計画/実績 columns are the table year’s: its item carries them for that year only', () => {
  const r2 = analyse([book], DEFAULT_SETTINGS, { year: 'R2' });
  const r1 = analyse([book], DEFAULT_SETTINGS, { year: 'R1' });
  const again = analyse([book], DEFAULT_SETTINGS, { year: 'R2' });
  const first = r2.items[0]!;
  expect(first.sources.target?.cell).toBe('E2');
  expect(first.sources.actual?.cell).toBe('F2');
  expect(first.indicator).toMatchObject({ name: '処理件数', target: { value: 10 }, actual: { value: 12 } });
  expect(first.indicator?.actual.source).toEqual({ file: 'a.xlsx', sheet: '令和2年度', cell: 'F2' });
  expect(first.indicator?.source).toEqual({ file: 'a.xlsx', sheet: '令和2年度', cell: 'D2' });
  // Finalized for R1 the item has no figures (a 計画 without a year is R2's), only the indicator's name.
  const second = r1.items[0]!;
  expect(second.sources.target).toBeUndefined();
  expect(second.sources.actual).toBeUndefined();
  expect(second.indicator).toMatchObject({ name: '処理件数', target: { kind: 'blank', source: null } });
  expect(JSON.stringify(again.items[0]!.sources)).toBe(JSON.stringify(first.sources));
  expect(Object.keys(first.sources)).toEqual(['measure', 'number', 'name', 'indicator', 'target', 'actual']);
});

test('equal rows of marks are one shared array; each item still knows its own cells', () => {
  const shared = workbook('b.xlsx', [
    {
      name: 'S',
      rows: [
        ['施策', '番号', '実施項目', 'R1', 'R2'],
        ['業務改善', 1, '窓口の改善', '○', '〇'],
        ['業務改善', 2, '電子申請', '○', '〇'],
        ['業務改善', 3, '庁舎管理', '○', '◎'],
      ],
    },
  ]);
  const result = analyse([shared], DEFAULT_SETTINGS);
  const [a, b, c] = result.items;
  expect(a!.marks).toBe(b!.marks);
  expect(c!.marks).not.toBe(a!.marks);
  expect(c!.marks[0]).toBe(a!.marks[0]);
  expect(a!.marks.map((m) => [m.raw, m.mark, m.grade])).toEqual([
    ['○', 'onPlan', '○'],
    ['〇', 'onPlan', '○'],
  ]);
  expect(b!.markSources.map((s) => s.cell)).toEqual(['D3', 'E3']);
  expect(c!.markSources.map((s) => s.cell)).toEqual(['D4', 'E4']);
  expect(result.findings.filter((f) => f.code === 'mark.variant').map((f) => f.cell)).toEqual(['E2', 'E3']);
});

/** Year rollover on the example workbook: the plan, and the sheet as the reader sees it afterwards. */
import { analyse } from '../../src/core/analyse';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { applyRolloverToSnapshot } from '../../src/core/rollover/applyToSnapshot';
import { planRollover } from '../../src/core/rollover/planRollover';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { exampleSnapshot, workbook } from '../helpers/snapshot';

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  kasama = await exampleSnapshot();
});

test('kasama-r2.xlsx: an R3 column after R2 in every table; the reader then sees H30–R3', () => {
  const plan = planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false });
  expect(plan.sheets.map((s) => [s.sheet, s.years, s.tables])).toEqual([['令和2年度実績', ['R3'], 11]]);
  const roll = plan.sheets[0]!;
  // Every table has its years in C–E: one whole column F, which keeps widths lined up.
  expect(roll.insertions).toEqual([{ at: 5, count: 1, rows: null }]);
  expect(roll.renames).toEqual([]);
  expect(roll.headers.every((h) => h.value === 'R3' && h.cell.startsWith('F'))).toBe(true);
  expect(roll.merges[0]).toEqual({ from: 'C6:E6', to: 'C6:F6' });

  const after = applyRolloverToSnapshot(kasama, plan);
  const before = analyse([kasama], DEFAULT_SETTINGS);
  const rolled = analyse([after], DEFAULT_SETTINGS);
  expect(rolled.years).toEqual(['H30', 'R1', 'R2', 'R3']);
  expect(rolled.tables.every((t) => t.years.join() === 'H30,R1,R2,R3')).toBe(true);
  expect(rolled.items).toHaveLength(70);
  // Target year R2 (the latest with marks): nothing to report for R3, and every R2 figure unchanged.
  expect(rolled.year).toBe('R2');
  expect(rolled.findings.filter((f) => f.code === 'mark.missing')).toEqual([]);
  expect(
    rolled.items.map((i) => [
      i.name,
      i.owners,
      i.indicator?.name ?? null,
      i.marks.slice(0, 3).map((m) => m.raw),
    ]),
  ).toEqual(
    before.items.map((i) => [i.name, i.owners, i.indicator?.name ?? null, i.marks.map((m) => m.raw)]),
  );
  // With R3 as the target year, every item's empty R3 mark is missing, at its new cell — except the
  // two items that ended in R2.
  const r3 = analyse([after], DEFAULT_SETTINGS, { year: 'R3' });
  const missing = r3.findings.filter((f) => f.code === 'mark.missing');
  expect(missing).toHaveLength(68);
  expect(before.items.filter((i) => i.marks.some((m) => m.mark === 'ended'))).toHaveLength(2);
  expect(missing.every((f) => f.cell!.startsWith('F'))).toBe(true);
  // Rolling over again adds R4, not a second R3.
  const again = planRollover(after, DEFAULT_SETTINGS, { renameHeaders: false });
  expect(again.sheets[0]!.years).toEqual(['R4']);
});

test('headers are renamed only when asked: 具体的な取組結果(R2) → (R3), 令和3年度の取組計画 → 令和4年度, 計画(R2) → 計画(R3)', () => {
  const plan = planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: true });
  const renames = plan.sheets[0]!.renames;
  const first = renames.filter((r) => /^[A-Z]+6$/.test(r.cell));
  // Columns after the insertion: 計画 J → K, 実績 K → L, 取組結果 L → M, 取組計画 M → N (from I, J, K, L).
  expect(first).toEqual([
    { cell: 'L6', from: '具体的な取組結果(R2)', value: '具体的な取組結果(R3)' },
    { cell: 'M6', from: '令和3年度の取組計画', value: '令和4年度の取組計画' },
    { cell: 'J6', from: '計画(R2)', value: '計画(R3)' },
    { cell: 'K6', from: '実績(R2)', value: '実績(R3)' },
  ]);
  const after = analyse([applyRolloverToSnapshot(kasama, plan)], DEFAULT_SETTINGS, { year: 'R3' });
  expect(after.items.find((i) => i.indicator)?.indicator?.target.source?.cell.startsWith('J')).toBe(true);
});

test("a table with 計画 / 実績 for several years gets the next year's pair; tables in different columns shift only their own rows", () => {
  const book = workbook('plan.xlsx', [
    {
      name: '計画',
      rows: [
        ['番号', '実施項目', '進捗状況', null, '指標', '令和4年度', null, '令和5年度', null],
        [null, null, 'R4', 'R5', null, '計画', '実績', '計画', '実績'],
        [1, '窓口の改善', '○', '◎', '待ち時間', 10, 12, 9, 8],
        [],
        ['番号', '実施項目', 'R5'],
        [1, '会議の削減', '○'],
      ],
      merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:G1', 'H1:I1'],
    },
  ]);
  const plan = planRollover(book, DEFAULT_SETTINGS, { renameHeaders: false });
  const roll = plan.sheets[0]!;
  expect(roll.years).toEqual(['R6']);
  expect(roll.insertions).toEqual([
    { at: 9, count: 2, rows: { top: 0, bottom: 2 } },
    { at: 4, count: 1, rows: { top: 0, bottom: 2 } },
    { at: 3, count: 1, rows: { top: 4, bottom: 5 } },
  ]);
  const after = applyRolloverToSnapshot(book, plan);
  expect(after.sheets[0]!.values.slice(0, 2)).toEqual([
    ['番号', '実施項目', '進捗状況', null, null, '指標', '令和4年度', null, '令和5年度', null, '令和6年度'],
    [null, null, 'R4', 'R5', 'R6', null, '計画', '実績', '計画', '実績', '計画', '実績'],
  ]);
  expect(after.sheets[0]!.values[4]).toEqual(['番号', '実施項目', 'R5', 'R6']);
  const read = analyse([after], DEFAULT_SETTINGS, { year: 'R6' });
  expect(read.tables.map((t) => t.years)).toEqual([
    ['R4', 'R5', 'R6'],
    ['R5', 'R6'],
  ]);
  expect(read.findings.filter((f) => f.code === 'mark.missing').map((f) => f.cell)).toEqual(['E3', 'D6']);
});

import { parseYearRange } from '../../../src/core';

test('a plan’s years as people write them, 令和4〜8年度 included', () => {
  const r4r8 = ['R4', 'R5', 'R6', 'R7', 'R8'];
  expect(parseYearRange('R4-R8')).toEqual(r4r8);
  expect(parseYearRange('令和4年度〜令和8年度')).toEqual(r4r8);
  expect(parseYearRange('令和4〜8年度')).toEqual(r4r8);
  expect(parseYearRange('令和４～８年度')).toEqual(r4r8);
  expect(parseYearRange('2022-2026')).toEqual(r4r8);
  expect(parseYearRange('令和8〜4年度')).toBeNull();
  expect(parseYearRange('4〜8')).toBeNull();
});

import { a1, parseA1, columnLetters } from '../src/core/grid';
test('a1 round trip', () => {
  expect(a1(0, 0)).toBe('A1');
  expect(columnLetters(26)).toBe('AA');
  expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
});

/** A1 addresses, the only place the core turns 0-based coordinates into text and back. */
import { a1, columnLetters, parseA1 } from '../../src/core/grid';

test('A1 text and 0-based coordinates round-trip, absolute markers ignored', () => {
  expect(a1(0, 0)).toBe('A1');
  expect(columnLetters(25)).toBe('Z');
  expect(columnLetters(26)).toBe('AA');
  expect(columnLetters(16383)).toBe('XFD');
  expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
  for (const [row, col] of [
    [0, 0],
    [9, 701],
    [1048575, 16383],
  ] as const)
    expect(parseA1(a1(row, col))).toEqual({ row, col });
});

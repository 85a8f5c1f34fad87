/** The fewest disjoint rectangles for a set of dropdown ranges (core, used by both shells). */
import { fewestRanges, parseRange, type CellRange } from '../../src/core';

const cells = (ranges: readonly string[]) => {
  const out = new Set<string>();
  for (const r of ranges.map((a) => parseRange(a)!))
    for (let row = r.top; row <= r.bottom; row += 1)
      for (let col = r.left; col <= r.right; col += 1) out.add(`${row},${col}`);
  return out;
};
const overlaps = (a: CellRange, b: CellRange) =>
  a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;

test('a row inside a table range, and a table split by rows, become the one table range', () => {
  expect(fewestRanges(['C8:G10', 'C10:G10'])).toEqual(['C8:G10']);
  expect(fewestRanges(['C8:G9', 'C10:G10'])).toEqual(['C8:G10']);
  expect(fewestRanges(['C8:C10', 'D8:D10', 'E8:E10'])).toEqual(['C8:E10']);
});

test('1,001 one-cell validations down a column become one range', () => {
  const one = Array.from({ length: 1001 }, (_, i) => `F${i + 8}`);
  expect(fewestRanges(one)).toEqual(['F8:F1008']);
});

test('random sets: the same cells, no two rectangles overlapping, none mergeable with the one below', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
  for (let round = 0; round < 200; round += 1) {
    const input = Array.from({ length: 1 + rand(6) }, () => {
      const top = rand(12);
      const left = rand(6);
      return `${String.fromCharCode(65 + left)}${top + 1}:${String.fromCharCode(65 + left + rand(3))}${top + 1 + rand(4)}`;
    });
    const out = fewestRanges(input);
    expect(cells(out)).toEqual(cells(input));
    const rects = out.map((a) => parseRange(a)!);
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  }
});

import fc from 'fast-check';
/** A1 addresses, the only place the core turns 0-based coordinates into text and back. */
import { a1, columnLetters, parseA1, parseRange } from '../../src/core/grid';

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

describe('A1 text read by a scan, as the patterns read it', () => {
  // The definitions the scan replaced: a pattern for a cell, a split for a range.
  const patternA1 = (address: string) => {
    const bang = address.lastIndexOf('!');
    const cellPart = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
    const match = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(cellPart);
    if (!match) return null;
    let col = 0;
    for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, col: col - 1 };
  };
  const patternRange = (address: string) => {
    const bang = address.lastIndexOf('!');
    const [first, second] = (bang >= 0 ? address.slice(bang + 1) : address).split(':');
    const start = first ? patternA1(first) : null;
    const end = second ? patternA1(second) : start;
    if (!start || !end) return null;
    return {
      top: Math.min(start.row, end.row),
      left: Math.min(start.col, end.col),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.col, end.col),
    };
  };
  const text = fc.string({
    unit: fc.constantFrom('A', 'z', 'Q', 'x', '0', '1', '9', '$', ':', '!', ' ', 'あ', '１'),
    maxLength: 16,
  });

  test('parseA1 and parseRange agree with the patterns on any text', () => {
    fc.assert(
      fc.property(text, (address) => {
        expect(parseA1(address)).toEqual(patternA1(address));
        expect(parseRange(address)).toEqual(patternRange(address));
      }),
      { numRuns: 20_000 },
    );
    for (const address of [
      'XFD1048576',
      'ZZZ9999999',
      'AAAA1',
      'A12345678',
      'A0',
      "'S'!$B$2:$A$1",
      'A1:',
      ':A1',
    ])
      expect([parseA1(address), parseRange(address)]).toEqual([patternA1(address), patternRange(address)]);
  });
});

/** The CLI's native SHA-256 gives the core's digest for any text (lone surrogates included). */
import fc from 'fast-check';
import { sha256Hex } from '../../src/core';
import { nodeSha256 } from '../../src/cli/sha256';

const anyUtf16 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
  .map((units) => String.fromCharCode(...units));

test('the same digest as the core for any sequence of UTF-16 units', () => {
  fc.assert(
    fc.property(fc.oneof(anyUtf16, fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
      expect(nodeSha256(text)).toBe(sha256Hex(text));
    }),
    { numRuns: 500 },
  );
  for (const text of ['', 'abc', '\ud800', 'a\udc00b', '令和2年度\t◎', 'x'.repeat(100_000)])
    expect(nodeSha256(text)).toBe(sha256Hex(text));
});

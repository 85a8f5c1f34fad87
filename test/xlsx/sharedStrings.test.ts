/**
 * The shared-strings part written in batches into a sink is the text the writer made whole before, and
 * white space at a text's ends is told by character code as /^\s|\s$/ told it.
 */
import fc from 'fast-check';
import { encodeSpreadsheetText } from '../../src/xlsx/package/xml';
import { isSpaceCode } from '../../src/core/values/text';
import { NS_MAIN, writeSharedStrings } from '../../src/xlsx/write/sheetXml';

test('isSpaceCode is \\s for every UTF-16 code unit', () => {
  for (let code = 0; code <= 0xffff; code += 1)
    expect([code, isSpaceCode(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
});

/** The definition: the whole part as one string, ends tested with a regular expression. */
function sharedStringsXml(texts: readonly string[]): string {
  const textXml = (text: string) => {
    const encoded = encodeSpreadsheetText(text);
    const edge = /^\s|\s$/.test(text) || text.includes('\n');
    return edge ? `<t xml:space="preserve">${encoded}</t>` : `<t>${encoded}</t>`;
  };
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="${NS_MAIN}" count="${texts.length}" uniqueCount="${texts.length}">` +
    texts.map((t) => `<si>${textXml(t)}</si>`).join('') +
    '</sst>'
  );
}

test('the part written in batches is the part made whole', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({
      unit: fc.constantFrom(' ', '\u3000', '\n', '\t', 'a', '進', '&', '<', '_x0041_', '\u0001'),
      maxLength: 20,
    }),
    fc.string({ unit: fc.constantFrom('あ', 'b', ' '), minLength: 3000, maxLength: 9000 }),
  );
  fc.assert(
    fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
      const pieces: string[] = [];
      writeSharedStrings(texts, { write: (piece) => pieces.push(piece) });
      expect(pieces.join('')).toBe(sharedStringsXml(texts));
    }),
    { numRuns: 200 },
  );
});

/**
 * formatMessage cuts each text into pieces once: it must give exactly what filling plurals in the whole
 * text and then placeholders in the result gives (the definition, kept here as the reference), for
 * the catalogues' texts and for any text and params.
 */
import fc from 'fast-check';
import { cliMessages } from '../../../src/cli/messages';
import { formatList, formatMessage, type Lang, type ListStyle, type MessageParams } from '../../../src/core';
import { FINDINGS } from '../../../src/core/findings/catalogue';

function reference(text: string, lang: Lang, params: MessageParams): string {
  const plurals = text.replace(
    /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
    (whole, name: string, one: string, many: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
    },
  );
  return plurals.replace(/\{(\w+)(?::(quoted|spaced))?\}/g, (whole, name: string, style?: ListStyle) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return formatList(value, lang, style ?? 'plain');
  });
}

const NAMES = ['n', 'count', 'file', 'x'];
const params: fc.Arbitrary<MessageParams> = fc.dictionary(
  fc.constantFrom(...NAMES),
  fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(0, 1, 2),
    fc.integer({ min: -100_000, max: 100_000 }),
    fc.double({ noNaN: false }),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  ),
);
/** Texts made of the pieces that matter: braces, bars, colons, names and words. */
const text = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '|',
      ':',
      ':quoted',
      ':spaced',
      ':alternatives',
      ...NAMES,
      'item',
      'items',
      ' ',
      '、',
      '5',
      '{n|item|items}',
      '{count}',
      '{x:quoted}',
      '{file:spaced}',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

test('any text and params: the same as the two-pass definition', () => {
  fc.assert(
    fc.property(text, text, params, fc.constantFrom<Lang>('ja', 'en'), (ja, en, p, lang) => {
      const message = { ja, en };
      expect(formatMessage(message, lang, p)).toBe(reference(message[lang], lang, p));
      // Twice: the second call uses the pieces cut by the first.
      expect(formatMessage(message, lang, p)).toBe(reference(message[lang], lang, p));
    }),
    { numRuns: 2000 },
  );
});

test('the catalogues: the same as the two-pass definition, with numbers, texts and lists', () => {
  const messages = [
    ...Object.values(cliMessages),
    ...Object.values(FINDINGS).flatMap((entry) => [
      entry.message,
      ...(typeof entry.suggestion === 'function' ? [] : [entry.suggestion]),
    ]),
  ];
  expect(messages.length).toBeGreaterThan(50);
  for (const message of messages)
    for (const lang of ['ja', 'en'] as const) {
      const names = [...message[lang].matchAll(/\{(\w+)/g)].map((m) => m[1]!);
      for (const value of [1, 1234567, 'テキスト', ['A1', 'B2']] as const) {
        const p = Object.fromEntries(names.map((n) => [n, value]));
        expect(formatMessage(message, lang, p)).toBe(reference(message[lang], lang, p));
      }
      expect(formatMessage(message, lang)).toBe(reference(message[lang], lang, {}));
    }
});

/**
 * The reader's shortcuts, held to the definitions they stand in front of: a shortcut may only skip work
 * whose answer it knows (never a note, a legend or a unit it would have missed).
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import {
  isLegendText,
  isNoteText,
  mayBeNoteOrLegend,
  ReadContext,
} from '../../../src/core/reader/sheetReader';
import { cellText, cleanText } from '../../../src/core/values/text';
import { itemNumberValue, parseItemNumber } from '../../../src/core/values/itemNumber';
import { stripItemTags } from '../../../src/core/values/tags';
import type { CellValue } from '../../../src/core/grid';
import { SheetGrid } from '../../../src/core/reader/sheetGrid';
import { UNIT_RE, unitMatch } from '../../../src/core/values/numbers';
import { isUnitText, UNIT_TEXT } from '../../../src/core/reader/evidence';
import { PRESET_SCALES } from '../../../src/core/scales';

const SEED = 20261201;

/** Texts made of the characters the patterns look for, and a few others. */
function textOf(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 6 })
    .map((parts) => parts.join(''));
}

describe('rows that cannot be a note or a legend', () => {
  const contexts = Object.keys(PRESET_SCALES).map(
    (scale) => new ReadContext({ ...DEFAULT_SETTINGS, scale } as typeof DEFAULT_SETTINGS),
  );

  test('are neither, for every preset scale', () => {
    for (const context of contexts) {
      const pieces = [
        ...context.symbols,
        '※',
        '＊',
        '*',
        '注',
        '(',
        '（',
        ')',
        '）',
        '凡例',
        '：',
        ':',
        '・',
        '＝',
        '=',
        ' ',
        '\u3000',
        '項目',
        '1',
      ];
      fc.assert(
        fc.property(textOf(pieces), (raw) => {
          const text = cleanText(raw);
          if (mayBeNoteOrLegend(text, context.noteOrLegendStarts)) return;
          expect(isNoteText(text)).toBe(false);
          expect(isLegendText(text, context.symbols)).toBe(false);
        }),
        { seed: SEED, numRuns: 3000 },
      );
    }
  });

  test('still include real notes and legends', () => {
    const context = contexts[0]!;
    for (const text of [
      '※注記',
      '＊印',
      '注）',
      '(注)',
      '凡例',
      '（凡例）',
      '◎：進んでいる',
      '終了:事業終了',
    ])
      expect(mayBeNoteOrLegend(text, context.noteOrLegendStarts)).toBe(true);
    expect(mayBeNoteOrLegend('項目1', context.noteOrLegendStarts)).toBe(false);
  });
});

test('a unit is looked for only where one can end the text, with the same match', () => {
  const units = [
    '千円',
    '万円',
    '円',
    '人',
    '件',
    '時間',
    '箇所',
    'ヶ所',
    'km',
    'm',
    't',
    'kg',
    'g',
    '店',
    '戸',
  ];
  fc.assert(
    fc.property(textOf([...units, '1', '2,000', '.5', ' ', '約', 'x']), (text) => {
      expect(unitMatch(text)).toEqual(UNIT_RE.exec(text));
    }),
    { seed: SEED, numRuns: 5000 },
  );
  expect(unitMatch('1,200千円')?.[2]).toBe('千円');
  expect(unitMatch('1200')).toBeNull();
});

test('a name is matched against the units only where one can end it, with the same answer', () => {
  // The pattern as it was written, character for character.
  expect(UNIT_TEXT.source).toBe(
    '^(千|百万|万|億|十)?(円|人|件|回|日|時間|分|t|kg|g|l|m|km|㎡|m2|ha|%|箇所|か所|ヶ所|カ所|世帯|団体|団地|基|地点|海域|個|本|台|冊|校|園|施設|社|戸|棟|名|枚|頭|匹|項目|品目|点|路線|区間|日数|人日|人回|件数|ポイント|倍|割|年|月|週|床|席|区画|筆|kw|kwh|mwh)([/／・](円|人|件|回|日|時間|分|t|kg|g|l|m|km|㎡|m2|ha|%|箇所|か所|ヶ所|カ所|世帯|団体|団地|基|地点|海域|個|本|台|冊|校|園|施設|社|戸|棟|名|枚|頭|匹|項目|品目|点|路線|区間|日数|人日|人回|件数|ポイント|倍|割|年|月|週|床|席|区画|筆|kw|kwh|mwh))?$',
  );
  const units = [
    '千',
    '百万',
    '円',
    '人',
    '時間',
    'm2',
    '%',
    '項目',
    'ポイント',
    'kwh',
    '区画',
    '筆',
    '/',
    '・',
  ];
  fc.assert(
    fc.property(textOf([...units, '1', '施策', 'x']), (text) => {
      expect(isUnitText(text)).toBe(UNIT_TEXT.test(text));
    }),
    { seed: SEED, numRuns: 5000 },
  );
  expect(isUnitText('千円')).toBe(true);
  expect(isUnitText('個/㎡')).toBe(true);
  expect(isUnitText('項目1')).toBe(false);
});

test('the first filled column remembered from counting a row is the one a fresh look finds', () => {
  const cell = fc.constantFrom<CellValue>(null, '', ' ', '\u3000', 'x', 0, 12, '項目');
  const merge = fc
    .record({ top: fc.nat(3), left: fc.nat(4), height: fc.nat(1), width: fc.nat(2) })
    .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
      fc.array(merge, { maxLength: 3 }),
      fc.array(fc.record({ row: fc.nat(5), upTo: fc.nat(4) }), { maxLength: 6 }),
      fc.nat(1),
      fc.nat(2),
      (values, merges, asks, top, left) => {
        const sheet = { name: 'S', top, left, values, merges, hidden: false };
        const grid = new SheetGrid(sheet);
        for (const { row, upTo } of asks) {
          const fresh = new SheetGrid(sheet);
          expect(grid.filledCount(row, upTo)).toBe(fresh.filledCount(row, upTo));
          expect(grid.firstFilled(row)).toBe(new SheetGrid(sheet).firstFilled(row));
        }
      },
    ),
    { seed: SEED, numRuns: 3000 },
  );
});

test('an item number read from the text the row reader has, as parseItemNumber read the cell', () => {
  // parseItemNumber as it was written.
  const circledValue = (ch: string): number | null => {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
    if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
    if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
    if (c >= 0x2474 && c <= 0x2487) return c - 0x2474 + 1;
    if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1;
    return null;
  };
  const before = (v: CellValue): number | null => {
    if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
    const text = cleanText(cellText(v));
    if (text === '') return null;
    if ([...text].length === 1) {
      const circled = circledValue(text);
      if (circled !== null) return circled;
    }
    const t = text.normalize('NFKC').replace(/\s+/g, '');
    const m = /^(?:no\.?|№|#)?[(]?(\d{1,4})[)]?[.、:]?$/i.exec(t);
    return m ? Number(m[1]) : null;
  };
  const value = fc.oneof(
    textOf(['①', '⑫', '㉑', '⑴', '❶', 'No.', 'no', '#', '№', '(', ')', '12', '１２', ' ', '.', '、', '🀄']),
    fc.integer({ min: -5, max: 20_000 }),
    fc.double({ noNaN: false }),
    fc.constantFrom<CellValue>(null, true, false, new Date(0), { error: '#N/A' }),
  );
  fc.assert(
    fc.property(value, (v) => {
      expect(itemNumberValue(v, cleanText(cellText(v)))).toBe(before(v));
      expect(parseItemNumber(v).value).toBe(before(v));
    }),
    { seed: SEED, numRuns: 5000 },
  );
});

test('priority tags found and taken out in one pass, as the test and the replace before', () => {
  const before = (name: string): { name: string; priority: boolean } => {
    const re = /[【[〔［(（]\s*重点\s*[】\]〕］)）]/g;
    if (!name.includes('重点')) return { name: cleanText(name), priority: false };
    const priority = re.test(name);
    re.lastIndex = 0;
    return { name: cleanText(name.replace(re, '')), priority };
  };
  fc.assert(
    fc.property(
      textOf([
        '【重点】',
        '( 重点 )',
        '重点',
        '【',
        '】',
        '[',
        ']',
        '〔',
        '〕',
        '［',
        '］',
        '(',
        ')',
        '（',
        '）',
        ' ',
        '\u3000',
        '項目',
      ]),
      (name) => {
        expect(stripItemTags(name)).toEqual(before(name));
        // Twice: the pattern's state must not carry over from one name to the next.
        expect(stripItemTags(name)).toEqual(before(name));
      },
    ),
    { seed: SEED, numRuns: 5000 },
  );
});

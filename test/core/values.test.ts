import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  findFiscalYear,
  foldForMatch,
  foldsToItself,
  formatFiscalYear,
  isDashOnly,
  parseFiscalYear,
  parseHeading,
  parseIndicatorValue,
  parseItemNumber,
  parseMark,
  parseOwners,
  stripIndicatorTags,
  stripItemTags,
  directionFromName,
  groupIntegerText,
} from '../../src/core/values';

const marks = DEFAULT_SETTINGS.marks;

test.each([
  ['H30', 'H30'],
  ['Ｈ３０', 'H30'],
  ['h30', 'H30'],
  ['R1', 'R1'],
  ['R元', 'R1'],
  ['令和元年度', 'R1'],
  ['令和元', 'R1'],
  ['令和７', 'R7'],
  ['平成31年度', 'R1'],
  ['平成13', 'H13'],
  ['2020年度', 'R2'],
  ['FY2020', 'R2'],
  ['2018', 'H30'],
  ['進捗状況H30', null],
  ['No.12', null],
])('parseFiscalYear(%s) = %s', (text, year) => expect(parseFiscalYear(text)).toBe(year));

test.each([
  ['進捗状況H30', 'H30'],
  ['進捗状況 R1', 'R1'],
  ['計画(R2)', 'R2'],
  ['実績（Ｒ２）', 'R2'],
  ['令和3年度の取組計画', 'R3'],
  ['2020年度目標', 'R2'],
  ['No.12', null],
  ['(1)', null],
  ['HR2', null],
])('findFiscalYear(%s) = %s', (text, year) => expect(findFiscalYear(text)).toBe(year));

test('formatFiscalYear', () => {
  expect(formatFiscalYear('R1', 'ja', 'long')).toBe('令和元年度');
  expect(formatFiscalYear('H30', 'ja', 'long')).toBe('平成30年度');
  expect(formatFiscalYear('R2', 'en', 'long')).toBe('FY2020 (R2)');
});

test.each([
  ['○', { kind: 'mark', key: 'onPlan', variant: false }],
  ['〇', { kind: 'mark', key: 'onPlan', variant: true }],
  ['◯', { kind: 'mark', key: 'onPlan', variant: true }],
  [' ○\u3000', { kind: 'mark', key: 'onPlan', variant: false }],
  ['終 了', { kind: 'mark', key: 'ended', variant: true }],
  ['△', { kind: 'unknown', suggestion: '▲' }],
  ['済', { kind: 'unknown', suggestion: '終了' }],
  ['完了', { kind: 'unknown', suggestion: '終了' }],
  ['○□', { kind: 'unknown', suggestion: null }],
  ['○/□', { kind: 'unknown', suggestion: null }],
  ['－', { kind: 'notApplicable' }],
  ['', { kind: 'blank' }],
])('parseMark(%j)', (raw, expected) => expect(parseMark(raw, marks)).toMatchObject(expected));

test('a number in a status cell is unknown without a suggestion', () => {
  expect(parseMark(3, marks)).toMatchObject({ kind: 'unknown', suggestion: null });
});

test.each([
  ['▲3%', { kind: 'number', value: -3, percent: true }],
  ['４０．１', { kind: 'number', value: 40.1 }],
  ['1,234', { kind: 'number', value: 1234 }],
  ['39.6 (R1)', { kind: 'number', value: 39.6, yearTag: 'R1' }],
  ['90.5(R1)', { kind: 'number', value: 90.5, yearTag: 'R1' }],
  ['(Ｒ１)', { kind: 'notApplicable', yearTag: 'R1' }],
  ['(年度毎に決定)', { kind: 'text', value: null }],
  ['-', { kind: 'notApplicable' }],
  ['―', { kind: 'notApplicable' }],
  ['—', { kind: 'notApplicable' }],
  ['2人', { kind: 'number', value: 2, unit: '人' }],
  ['88,210千円', { kind: 'number', value: 88210, unit: '千円' }],
  ['約40', { kind: 'text' }],
])('parseIndicatorValue(%j)', (raw, expected) => expect(parseIndicatorValue(raw)).toMatchObject(expected));

test('a real negative number with a ▲ number format is the number; percent formats scale', () => {
  expect(parseIndicatorValue(-1234, '"▲"#,##0;"▲"#,##0')).toMatchObject({
    kind: 'number',
    value: -1234,
    percent: false,
  });
  expect(parseIndicatorValue(0.401, '0.0%')).toMatchObject({ kind: 'number', value: 40.1, percent: true });
});

test('every seed target and actual parses to a sensible kind; every seed mark parses', () => {
  const lines = readFileSync('examples/data/kasama-r2-items.tsv', 'utf8').trim().split('\n').slice(1);
  const kinds = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split('\t');
    for (const col of [4, 5, 6]) expect(['mark', 'blank']).toContain(parseMark(cells[col] ?? '', marks).kind);
    for (const col of [10, 11]) kinds.set(cells[col]!, parseIndicatorValue(cells[col]!).kind);
  }
  for (const [raw, kind] of kinds) {
    if (raw === '') expect(kind).toBe('blank');
    else if (/^-?\d+(\.\d+)?$/.test(raw) || raw === '▲3%' || /\d\s*\(R1\)$/.test(raw))
      expect(kind).toBe('number');
    else if (raw === '-' || raw === '(R1)') expect(kind).toBe('notApplicable');
    else expect([raw, kind]).toEqual([raw, 'text']);
  }
});

test('item numbers, headings, tags, owners, direction', () => {
  expect(parseItemNumber('⑫')).toEqual({ text: '⑫', value: 12 });
  expect(parseItemNumber('㉑').value).toBe(21);
  expect(parseItemNumber('(3)').value).toBe(3);
  expect(parseItemNumber('No.4').value).toBe(4);
  expect(parseItemNumber(7).value).toBe(7);
  expect(parseHeading('1. 効率的な行政運営')).toEqual({ level: 'policy', no: 1, title: '効率的な行政運営' });
  expect(parseHeading('１．効率的な行政運営')).toEqual({ level: 'policy', no: 1, title: '効率的な行政運営' });
  expect(parseHeading('（２）組織機構の見直し')).toEqual({
    level: 'measure',
    no: 2,
    title: '組織機構の見直し',
  });
  expect(parseHeading('⑴ 人材育成')).toEqual({ level: 'measure', no: 1, title: '人材育成' });
  expect(parseHeading('III 令和2年度の取り組み状況の概要')).toBeNull();
  expect(parseHeading('①')).toBeNull();
  expect(stripItemTags('職員研修の充実【重点】')).toEqual({ name: '職員研修の充実', priority: true });
  expect(stripIndicatorTags('☆収納率(現年度)')).toEqual({ name: '収納率(現年度)', key: true });
  expect(parseOwners('総務部 総務課', '教育委員会 学務課')).toEqual([
    { department: '総務部', division: '総務課' },
    { department: '教育委員会', division: '学務課' },
  ]);
  expect(parseOwners('\u3000市長公室\u3000', '秘書課')).toEqual([
    { department: '市長公室', division: '秘書課' },
  ]);
  expect(parseOwners('総務部\n教育委員会', '総務課\n学務課')).toHaveLength(2);
  expect(parseOwners('', '')).toEqual([]);
  const words = DEFAULT_SETTINGS.lowerIsBetterWords;
  expect(directionFromName('温室効果ガス排出量の削減(%)', words)).toBe('lowerIsBetter');
  expect(directionFromName('☆年間時間外勤務(時間)', words)).toBe('lowerIsBetter');
  expect(directionFromName('経常収支比率', words)).toBe('lowerIsBetter');
  expect(directionFromName('☆収納率(現年度)', words)).toBeNull();
  expect(isDashOnly('－')).toBe(true);
  expect(isDashOnly('‐')).toBe(true);
  expect(foldForMatch('進捗 状況\n')).toBe('進捗状況');
});

test('foldsToItself holds only for text that NFKC, spaces, dashes and case leave as it is', () => {
  // Every character it accepts, one by one and next to each other: the slow fold changes none of them.
  const ranges: [number, number][] = [
    [0x4e00, 0x9fff],
    [0x3041, 0x3096],
    [0x30a1, 0x30f6],
    [0x3010, 0x3011],
    [0x30, 0x39],
    [0x61, 0x7a],
  ];
  const slowFold = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\u3000\u00a0]+/g, '')
      .replace(/[-－―‐—−–‑ー─━]/g, '-')
      .toLowerCase();
  let accepted = '';
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c += 1) {
      const ch = String.fromCharCode(c);
      expect(foldsToItself(ch)).toBe(true);
      if (slowFold(ch) !== ch) throw new Error(`U+${c.toString(16)} folds`);
      accepted += ch;
    }
  }
  expect(slowFold(accepted)).toBe(accepted);
  // Text it refuses still folds as before.
  for (const text of ['項目 1', 'ＡＢＣ', 'Total', '合\u3000計', 'ー', 'か\u3099', '⼩計', '①'])
    expect(foldsToItself(text)).toBe(false);
  expect(foldForMatch('⼩計')).toBe('小計');
  expect(foldForMatch('項目1【重点】')).toBe('項目1【重点】');
});

test('groupIntegerText groups a whole number as en-US does, and leaves other text as it is', () => {
  fc.assert(
    fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
      expect(groupIntegerText(String(n))).toBe(n.toLocaleString('en-US'));
    }),
  );
  for (const text of ['', '-', '1e+21', '-1.5', '12a', '１２３４']) expect(groupIntegerText(text)).toBe(text);
});

/**
 * The findings table against the code that emits findings, and every text a user can be shown —
 * finding messages, host errors, CLI and pane texts — through both languages: English never carries
 * Japanese brackets or commas, Japanese never an English list join.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FINDING_CODES,
  FINDINGS,
  finding,
  renderFinding,
  type FindingCode,
  type FindingParamsByCode,
  type UnreadableReason,
} from '../../../src/core/findings';
import {
  describeError,
  HostError,
  hostErrorMessages,
  type HostErrorCode,
  type HostErrorDetails,
} from '../../../src/core/hostErrors';
import { formatMessage, LANGS, type Lang, type Message } from '../../../src/core/messages';
import * as domainTexts from '../../../src/core/messages';
import { cliMessages } from '../../../src/cli/messages';
import { paneMessages } from '../../../src/taskpane/messages';

const SRC = join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Codes passed to `finding(...)` anywhere in src/ (the test reads our own code, not user files). */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(/\bfinding\(\s*'([\w.]+)'/g)) codes.add(m[1]!);
  return codes;
}

test('every table entry is emitted somewhere, and every emitted code is in the table', () => {
  const emitted = emittedCodes();
  expect([...emitted].sort()).toEqual([...FINDING_CODES].sort());
});

test('findings are made only by finding(): no hand-written severity outside the table', () => {
  const handMade = sourceFiles(SRC)
    .filter((f) => !f.endsWith(join('findings', 'catalogue.ts')))
    .filter((f) => /severity:\s*'(error|warning|info)'/.test(readFileSync(f, 'utf8')));
  expect(handMade).toEqual([]);
});

test('finding() takes the severity from the table', () => {
  const at = { file: 'a.xlsx', sheet: 'S', cell: 'B2' };
  for (const code of FINDING_CODES)
    expect(finding(code, at, SAMPLES[code][0] as never).severity).toBe(FINDINGS[code].severity);
});

const TWO_SYMBOLS = ['◎', '○'];
const REASONS: readonly UnreadableReason[] = [
  'notZip',
  'truncated',
  'encrypted',
  'tooLarge',
  'tooManySheets',
  'tooManyCells',
  'tooManyMerges',
  'notFound',
  'other',
];

/** At least one sample per code (the compiler asks for every code), more where the text varies. */
const SAMPLES: { readonly [C in FindingCode]: readonly FindingParamsByCode[C][] } = {
  'mark.unknown': [
    { year: 'R2', raw: 'x', item: 'Item', suggested: '○', symbols: TWO_SYMBOLS },
    { year: 'R2', raw: 'x', item: 'Item', suggested: null, symbols: TWO_SYMBOLS },
  ],
  'mark.missing': [{ year: 'R2', item: 'Item', symbols: TWO_SYMBOLS }],
  'mark.variant': [{ year: 'R2', raw: '〇', symbol: '○', item: 'Item' }],
  'mark.afterEnded': [{ item: 'Item', endedYear: 'R1', year: 'R2', raw: '○' }],
  'value.unparsable': [
    { field: 'target', raw: '1O', item: 'Item' },
    { field: 'actual', raw: '1O', item: 'Item' },
  ],
  'value.yearTag': [{ field: 'actual', raw: '39.6 (R1)', tag: 'R1', year: 'R2', item: 'Item' }],
  'item.duplicate': [{ item: 'Item', other: 'a.xlsx S!C5' }],
  'item.conflict': [
    { item: 'Item', year: 'R2', raw: '○', cell: 'S!E5', other: 'a.xlsx T!E9', otherRaw: '▲' },
  ],
  'item.noMeasure': [{ item: 'Item' }],
  'table.notFound': [{ sheet: 'S' }, { sheet: '' }],
  'table.rejected': [
    { sheet: 'S', cell: 'A10', tableReason: 'statusNotMarks' },
    { sheet: 'S', cell: 'A10', tableReason: 'rowsNotItems' },
  ],
  'table.otherScale': [{ sheet: 'S', scale: 'sabc', examples: ['S', 'A', 'B'] }],
  'table.statusNotMarks': [{ sheet: 'S', years: ['R1', 'R2'], year: 'R1', cells: 12, symbols: TWO_SYMBOLS }],
  'file.unreadable': REASONS.flatMap((reasonCode) => [
    { reasonCode, detail: '' },
    { reasonCode, detail: '2001 sheets' },
  ]),
  'file.macros': [{}],
  'settings.conflict': [{ files: ['a.xlsx', 'b.xlsx'] }],
  'indicator.markMismatch': (['pass', 'fail', ''] as const).map((pass) => ({
    item: 'Item',
    year: 'R2',
    symbol: '▲',
    target: '40%',
    actual: '45%',
    achievement: '112.5%',
    mark: 'behind',
    pass,
  })),
  'indicator.zeroTarget': [{ item: 'Item' }],
  'summary.mismatch': (['on-plan', 'exclude', 'not-achieved'] as const).map((rule) => ({
    year: 'R2',
    label: 'Rate',
    written: '75.0%',
    computed: '75.7%',
    rule,
  })),
};

/** At least one detail per host error, with lists of two names so that joins show. */
const HOST_SAMPLES: { readonly [C in HostErrorCode]: HostErrorDetails[C] } = {
  conflict: { sheets: ['RP_Summary', 'RP_History'] },
  protected: { sheets: ['Plan', 'Results'] },
  notSupported: { feature: 'ExcelApi 1.8' },
  notGraftable: { part: 'xl/styles.xml' },
  cellEdit: {},
  payloadTooLarge: {},
  network: {},
  notFound: { detail: 'Plan' },
  invalidArgument: { detail: 'A1' },
  accessDenied: {},
  changedMeanwhile: { cells: ['Plan!E5', 'Plan!E6'] },
  rolloverRefused: { reasons: ['Plan!E5', 'xl/pivotCache/pivotCacheDefinition1.xml'] },
  unknown: { detail: 'boom' },
};

const JAPANESE_PUNCTUATION = /[「」、。]/;
/** An English-style list join in Japanese text: `a, b` or `"a", "b"`. */
const ENGLISH_JOIN = /", "|[\w」], [\w「]/;

function checkLanguage(text: string, lang: Lang, what: string): void {
  if (lang === 'en') expect([what, text.match(JAPANESE_PUNCTUATION)?.[0] ?? null]).toEqual([what, null]);
  else expect([what, text.match(ENGLISH_JOIN)?.[0] ?? null]).toEqual([what, null]);
}

test('every finding, in every variant, reads as its own language', () => {
  let rendered = 0;
  for (const code of FINDING_CODES)
    for (const params of SAMPLES[code])
      for (const lang of LANGS) {
        const f = finding(code, { file: 'a.xlsx', sheet: 'S', cell: 'B2' }, params as never);
        const { message, suggestion } = renderFinding(f, lang);
        expect(message).not.toMatch(/\{\w+(:\w+)?\}/);
        expect(suggestion).not.toMatch(/\{\w+(:\w+)?\}/);
        checkLanguage(`${message} ${suggestion}`, lang, `${code} ${JSON.stringify(params)} ${lang}`);
        rendered += 1;
      }
  expect(rendered).toBeGreaterThanOrEqual(FINDING_CODES.length * 2);
});

test('every host error reads as its own language, sheet lists joined the language’s way', () => {
  for (const code of Object.keys(hostErrorMessages) as HostErrorCode[])
    for (const lang of LANGS) {
      const text = describeError(new HostError(code, 'detail', HOST_SAMPLES[code] as never), lang);
      expect(text).not.toMatch(/\{\w+(:\w+)?\}/);
      checkLanguage(text, lang, `${code} ${lang}`);
    }
  const conflict = new HostError('conflict', 'x', { sheets: ['RP_集計', 'RP_推移'] });
  expect(describeError(conflict, 'en')).toContain('Sheet "RP_集計", "RP_推移" is yours');
  expect(describeError(conflict, 'ja')).toContain('シート「RP_集計」「RP_推移」は利用者のシート');
});

test('HostError details are checked by the compiler: a conflict must name its sheets', () => {
  // Never run: the ts-expect-error lines fail the type check if the detail ever becomes optional.
  const typed = () => [
    // @ts-expect-error a conflict without the sheets it is about
    new HostError('conflict', 'x'),
    // @ts-expect-error lists are arrays, never pre-joined text
    new HostError('changedMeanwhile', 'x', { cells: 'A1, B2' }),
    new HostError('network', 'x'),
  ];
  expect(typeof typed).toBe('function');
});

/** Every text of a catalogue with each placeholder filled by a two-item list. */
function* catalogueTexts(name: string, catalogue: Readonly<Record<string, unknown>>) {
  for (const [key, value] of Object.entries(catalogue)) {
    const message = value as Partial<Message>;
    if (typeof message?.ja !== 'string' || typeof message.en !== 'string') continue;
    for (const lang of LANGS) {
      const names = [...message[lang]!.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, ['one', 'two']]));
      yield { what: `${name}.${key} ${lang}`, lang, text: formatMessage(message as Message, lang, params) };
    }
  }
}

test('CLI, pane and workbook texts read as their own language, lists included', () => {
  const catalogues: [string, Readonly<Record<string, unknown>>][] = [
    ['cli', cliMessages],
    ['pane', paneMessages],
    ...Object.entries(domainTexts)
      .filter(([, v]) => typeof v === 'object' && v !== null)
      .map(
        ([k, v]) =>
          [k, v as Readonly<Record<string, unknown>>] as [string, Readonly<Record<string, unknown>>],
      ),
  ];
  let checked = 0;
  for (const [name, catalogue] of catalogues)
    for (const { what, lang, text } of catalogueTexts(name, catalogue)) {
      checkLanguage(text, lang, what);
      checked += 1;
    }
  expect(checked).toBeGreaterThan(200);
});

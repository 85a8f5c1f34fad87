/**
 * Property-based tests (fast-check, fixed seed): random grids never make the reader, validator,
 * summarizer or layout throw; every finding points inside its grid; the summary is deterministic,
 * does not depend on the order files are given in, and is the same again when summarized from a
 * workbook that holds it. `npm run fuzz` runs many more cases.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateSummary } from '../../src/core/flows/generateSummary';
import {
  parseA1,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { WritePlan } from '../../src/core/writePlan';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbookBuffer';
import { summaryInCopy } from '../../src/xlsx/rollover/summaryInCopy';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const WORDS = [
  '実施項目',
  '項目名',
  '番号',
  'No.',
  '進捗状況',
  '進捗状況H30',
  'H30',
  'R1',
  'R2',
  '令和2年度',
  '平成30年度',
  '指標',
  '計画',
  '実績',
  '計画(R2)',
  '担当部',
  '担当課',
  '基本方針',
  '施策',
  '1. 基本方針',
  '(1) 施策',
  '①',
  '⑫',
  '【重点】',
  '☆指標',
  '凡例',
  '※注',
  '合計',
  '実施項目数',
  '進んでいる',
  '計画どおり',
  '遅れている',
  '進捗率',
];
const MARKS = ['◎', '○', '□', '▲', '終了', '〇', '◯', '△', '済', '-', '―', '○□', '該当なし', ' ○ '];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }).map((s) => `=${s}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => '長'.repeat(n * 100)) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 2000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('40.1%', '１２３', '▲3%', '39.6 (R1)', '約40', '1,234人', '―', 'R2', '0'),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#REF!').map((error) => ({ error })) },
);

/** A plausible plan table (header, item rows) with random cells mixed in, so that most cases read items. */
const planRows: fc.Arbitrary<CellValue[][]> = fc
  .record({
    years: fc.subarray(['H30', 'R1', 'R2', '令和3年度'], { minLength: 1 }),
    heading: fc.option(fc.constantFrom('1. 業務改革', '(2) 施策の見直し', '２　財政健全化'), { nil: null }),
    items: fc.array(
      fc.record({
        no: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom('①', '⑫', '３', '')),
        name: fc.oneof(
          fc.constantFrom('窓口の改善', '会議の削減【重点】', 'ＤＸ推進', '合計'),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
        ),
        marks: fc.array(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MARKS) }, { weight: 1, arbitrary: cellValue }),
          { minLength: 4, maxLength: 4 },
        ),
        owner: fc.constantFrom('総務部', '総務部・企画部', '', '市長公室'),
        indicator: fc.oneof(fc.constantFrom('☆窓口待ち時間(分)', '経常収支比率', '参加者数', ''), cellValue),
        target: cellValue,
        actual: cellValue,
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ years, heading, items }) => [
    ...(heading ? [[heading]] : []),
    ['番号', '実施項目', ...years.map((y) => `進捗状況${y}`), '担当部', '指標', '計画', '実績'],
    ...items.map((i) => [
      i.no,
      i.name,
      ...i.marks.slice(0, years.length),
      i.owner,
      i.indicator,
      i.target,
      i.actual,
    ]),
  ]);

const sheet = (name: string): fc.Arbitrary<SheetSnapshot> =>
  fc
    .record({
      top: fc.integer({ min: 0, max: 4 }),
      left: fc.integer({ min: 0, max: 3 }),
      rows: fc.oneof(planRows, fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 24 })),
      hidden: fc.boolean(),
      rawMerges: fc.array(fc.tuple(fc.nat(30), fc.nat(12), fc.nat(3), fc.nat(3)), { maxLength: 6 }),
    })
    .map(({ top, left, rows, hidden, rawMerges }) => {
      // Merges anywhere, overlapping or not, even reaching past the used range: files have them all.
      const merges: CellRange[] = rawMerges.map(([r, c, h, w]) => ({
        top: top + r,
        left: left + c,
        bottom: top + r + h,
        right: left + c + w,
      }));
      return { name, top, left, values: rows, merges, hidden };
    });

const workbook = (file: string): fc.Arbitrary<WorkbookSnapshot> =>
  fc
    .array(fc.constantFrom('令和2年度', '総務課', 'Sheet1', 'H30実績', '企画政策課'), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((names) => fc.tuple(...[...new Set(names)].map((n) => sheet(n))))
    .map((sheets) => ({ file, sheets, ownedSheets: [] }));

const run = (workbooks: readonly WorkbookSnapshot[]) =>
  generateSummary({ workbooks, settings: DEFAULT_SETTINGS, lang: 'ja', now: '2026-11-24T00:00:00Z' });

function insideGrid(book: WorkbookSnapshot, sheetName: string, cell: string): boolean {
  const s = book.sheets.find((x) => x.name === sheetName);
  const p = parseA1(cell);
  if (!s || !p) return false;
  const width = Math.max(0, ...s.values.map((r) => r.length));
  const inUsed =
    p.row >= s.top && p.row < s.top + s.values.length && p.col >= s.left && p.col < s.left + width;
  // A merged cell is addressed by its top-left, which may lie outside the used range's values.
  const inMerge = s.merges.some((m) => p.row === m.top && p.col === m.left);
  return inUsed || inMerge;
}

const params = { seed: SEED, numRuns: RUNS };

test('random workbooks: nothing throws, and every finding names a file, a sheet and a cell inside that grid', () => {
  fc.assert(
    fc.property(workbook('a.xlsx'), workbook('b.xlsx'), (a, b) => {
      const result = run([a, b]);
      const findings = result.ok ? result.findings : result.analysis.findings;
      for (const f of findings) {
        const book = [a, b].find((w) => w.file === f.file);
        expect(book).toBeDefined();
        if (f.sheet !== null && f.cell !== null)
          expect({ f, inside: insideGrid(book!, f.sheet, f.cell) }).toMatchObject({ inside: true });
      }
    }),
    params,
  );
});

test('most generated cases read items (the properties are not vacuous)', () => {
  const books = fc.sample(workbook('a.xlsx'), { seed: 20261124, numRuns: 60 });
  const withItems = books.filter((b) => run([b]).analysis.items.length > 0).length;
  expect(withItems).toBeGreaterThan(books.length / 4);
});

test('found by fuzzing: an invalid date in a cell (a corrupt file) is read, not a crash', () => {
  const book: WorkbookSnapshot = {
    file: 'x.xlsx',
    sheets: [
      {
        name: 'S',
        top: 0,
        left: 0,
        values: [
          ['番号', '実施項目', '進捗状況R2', '計画'],
          [1, '窓口', '○', new Date(Number.NaN)],
        ],
        merges: [],
        hidden: false,
      },
    ],
    ownedSheets: [],
  };
  const result = run([book]);
  expect(result.ok && result.model.items.map((i) => [i.name, i.indicator])).toEqual([['窓口', null]]);
});

test('found by fuzzing: an indicator named like an Object method (valueOf, constructor) is a plain name, not a crash', () => {
  const book: WorkbookSnapshot = {
    file: 'x.xlsx',
    sheets: [
      {
        name: 'S',
        top: 0,
        left: 0,
        values: [
          ['番号', '実施項目', '進捗状況R2', '指標', '計画', '実績'],
          [1, '窓口', '○', 'valueOf', 10, 12],
          [2, '会議', '○', 'constructor', 10, 12],
        ],
        merges: [],
        hidden: false,
      },
    ],
    ownedSheets: [],
  };
  const result = run([book]);
  expect(result.ok && result.model.indicators.map((r) => [r.name, r.direction])).toEqual([
    ['valueOf', 'higherIsBetter'],
    ['constructor', 'higherIsBetter'],
  ]);
});

test('the summary is deterministic and does not depend on the order of the files', () => {
  fc.assert(
    fc.property(workbook('a.xlsx'), workbook('b.xlsx'), (a, b) => {
      const first = run([a, b]);
      expect(run([a, b])).toEqual(first);
      const swapped = run([b, a]);
      expect(swapped.ok).toBe(first.ok);
      if (first.ok && swapped.ok) {
        expect(swapped.model.years).toEqual(first.model.years);
        expect(swapped.model.groups).toEqual(first.model.groups);
        expect(swapped.model.items.map((i) => `${i.file}!${i.sheet}!${i.row}`)).toEqual(
          first.model.items.map((i) => `${i.file}!${i.sheet}!${i.row}`),
        );
        expect(new Set(swapped.findings.map((f) => JSON.stringify(f)))).toEqual(
          new Set(first.findings.map((f) => JSON.stringify(f))),
        );
      }
    }),
    params,
  );
});

/** The workbook as it is after the add-in wrote the plan into it: the plan's sheets, marked as the add-in's own. */
function withPlanSheets(book: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const written: SheetSnapshot[] = plan.sheets.map((s) => ({
    name: s.name,
    top: 0,
    left: 0,
    values: s.values.map((row) => [...row]),
    merges: [],
    hidden: false,
  }));
  return {
    ...book,
    sheets: [...book.sheets, ...written],
    ownedSheets: [...book.ownedSheets, ...plan.sheets.map((s) => s.name)],
  };
}

/** Summarize `books`, then summarize again with the first book holding the first run's output: nothing may change. */
function expectIdempotent(books: readonly [WorkbookSnapshot, ...WorkbookSnapshot[]]): boolean {
  const first = run(books);
  if (!first.ok) return false;
  const [head, ...rest] = books;
  const again = run([withPlanSheets(head, first.plan), ...rest]);
  expect(again.ok).toBe(true);
  if (!again.ok) return true;
  expect(again.model.years).toEqual(first.model.years);
  expect(again.model.groups).toEqual(first.model.groups);
  expect(again.model.items).toEqual(first.model.items);
  expect(again.model.findings).toEqual(first.model.findings);
  expect(again.findings).toEqual(first.findings);
  expect(again.plan).toEqual(first.plan);
  return true;
}

test('summarize of its own output equals the first run', () => {
  let checked = 0;
  fc.assert(
    fc.property(workbook('a.xlsx'), workbook('b.xlsx'), (a, b) => {
      if (expectIdempotent([a, b])) checked += 1;
    }),
    params,
  );
  // Most cases summarize; a property that only ever saw failed runs would prove nothing.
  expect(checked).toBeGreaterThan(RUNS / 4);
});

test('summarize of its own output equals the first run: the real example', async () => {
  const bytes = readFileSync('examples/kasama-r2.xlsx');
  const outcome = await readWorkbookBuffer(bytes, 'kasama-r2.xlsx');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.finding));
  expect(expectIdempotent([outcome.snapshot])).toBe(true);

  // The same through the file: the summary written into the workbook, the file read back and summarized again.
  const first = run([outcome.snapshot]);
  if (!first.ok) throw new Error(first.reason);
  const written = await readWorkbookBuffer(
    summaryInCopy(bytes, first.plan, outcome.snapshot),
    'kasama-r2.xlsx',
  );
  if (!written.ok) throw new Error(JSON.stringify(written.finding));
  expect(written.snapshot.ownedSheets).toEqual(first.plan.sheets.map((sh) => sh.name));
  const again = run([written.snapshot]);
  expect(again.ok && { model: again.model, plan: again.plan, findings: again.findings }).toEqual({
    model: first.model,
    plan: first.plan,
    findings: first.findings,
  });
});

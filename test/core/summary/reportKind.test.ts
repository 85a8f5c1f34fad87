/**
 * 中間実績 (October) and 実績 (March): the summary records which report it is, and a later year-end
 * summary keeps the mid-year report that the workbook's earlier summary recorded.
 */
import { generateSummary, type GenerateResult } from '../../../src/core/flows/generateSummary';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';
import type { WritePlan } from '../../../src/core/writePlan';
import { exampleSnapshot } from '../../helpers/snapshot';

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  kasama = await exampleSnapshot();
});

const settings = (reportKind: Settings['reportKind']): Settings => ({ ...DEFAULT_SETTINGS, reportKind });

function run(book: WorkbookSnapshot, kind: Settings['reportKind']): Extract<GenerateResult, { ok: true }> {
  const result = generateSummary({
    workbooks: [book],
    settings: settings(kind),
    lang: 'ja',
    now: '2026-11-24T00:00:00Z',
  });
  if (!result.ok) throw new Error('no summary');
  return result;
}

/** The workbook after the plan was written: its sheets replaced or added, marked as the add-in's own. */
function written(book: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const planned = plan.sheets.map((s): SheetSnapshot => ({
    name: s.name,
    top: 0,
    left: 0,
    values: s.values.map((r) => [...r]),
    merges: [],
    hidden: false,
  }));
  const names = new Set(planned.map((s) => s.name));
  return {
    ...book,
    sheets: [...book.sheets.filter((s) => !names.has(s.name)), ...planned],
    ownedSheets: [...new Set([...book.ownedSheets, ...names])],
  };
}

/** Three ▲ of R2 become ○, as happens between October and March. */
function laterMarks(book: WorkbookSnapshot): WorkbookSnapshot {
  let changed = 0;
  const sheets = book.sheets.map((s) =>
    s.name !== '令和2年度実績'
      ? s
      : {
          ...s,
          values: s.values.map((row) =>
            row.map((v, c) => (c === 4 && v === '▲' && changed < 3 ? ((changed += 1), '○') : v)),
          ),
        },
  );
  return { ...book, sheets };
}

const historyLabels = (result: Extract<GenerateResult, { ok: true }>) =>
  result.plan.sheets
    .find((s) => s.name === 'RP_推移')!
    .values.map((r) => r[0])
    .filter((v) => typeof v === 'string' && v.startsWith('令和2'));

test('the report kind comes from the settings and is written in the history and the provenance', () => {
  const mid = run(kasama, 'midYear');
  expect(mid.model.years.map((y) => [y.year, y.kind])).toEqual([
    ['H30', 'yearEnd'],
    ['R1', 'yearEnd'],
    ['R2', 'midYear'],
  ]);
  expect(mid.model.provenance.reportKind).toBe('midYear');
  expect(historyLabels(mid)).toEqual(['令和2年度（中間実績）']);
  expect(mid.model.earlierReports).toEqual([]);
});

test('a year-end summary keeps the mid-year report the workbook recorded in October; both are in the history', () => {
  const october = run(kasama, 'midYear');
  const march = run(laterMarks(written(kasama, october.plan)), 'yearEnd');
  expect(march.model.earlierReports).toEqual([
    {
      ...october.model.years[2]!,
      progress: { ...october.model.years[2]!.progress, rate: expect.closeTo(53 / 70, 10) as number },
    },
  ]);
  const r2 = march.model.years[2]!;
  expect([r2.kind, r2.counts.behind, r2.counts.onPlan]).toEqual(['yearEnd', 14, 28]);
  expect(historyLabels(march)).toEqual(['令和2年度（中間実績）', '令和2年度']);

  // Summarizing again keeps it (now read from March's history); a new mid-year run replaces it.
  const again = run(written(laterMarks(written(kasama, october.plan)), march.plan), 'yearEnd');
  expect(again.model.earlierReports.map((r) => [r.year, r.kind, r.counts.behind])).toEqual([
    ['R2', 'midYear', 17],
  ]);
  const redo = run(written(laterMarks(written(kasama, october.plan)), march.plan), 'midYear');
  expect(redo.model.earlierReports).toEqual([]);
  expect(redo.model.years[2]).toMatchObject({ kind: 'midYear', counts: { behind: 14 } });
});

test('a history row that does not add up (edited by hand) is not carried over', () => {
  const october = run(kasama, 'midYear');
  const book = written(kasama, october.plan);
  const tampered = {
    ...book,
    sheets: book.sheets.map((s) =>
      s.name !== 'RP_推移'
        ? s
        : {
            ...s,
            values: s.values.map((r) => (r[0] === '令和2年度（中間実績）' ? [r[0], 99, ...r.slice(2)] : r)),
          },
    ),
  };
  expect(run(tampered, 'yearEnd').model.earlierReports).toEqual([]);
  // A sheet named RP_推移 that is not the add-in's own is never read as a history.
  expect(run({ ...book, ownedSheets: [] }, 'yearEnd').model.earlierReports).toEqual([]);
});

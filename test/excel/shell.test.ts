/**
 * The Office.js shell against the fake Excel, on the example workbooks' data: sync budgets, the
 * ownership rules, the temporary-name strategy, literal text, settings, confirmed edits.
 */
import { readFileSync } from 'node:fs';
import { generateSummary } from '../../src/core/flows/generateSummary';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { HostError } from '../../src/core/hostPort';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createExcelHost } from '../../src/excel/host';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbook';
import { FakeExcel, OfficeError, type Value } from '../fakes/fakeExcel';
import { syntheticSheet } from '../../bench/synthetic';

async function example(path: string): Promise<WorkbookSnapshot> {
  const outcome = await readWorkbookBuffer(readFileSync(path), path);
  if (!outcome.ok) throw new Error(path);
  return outcome.snapshot;
}

/** A fake Excel holding a workbook's cells (dates as serial-free text is not needed: the examples have none). */
function fakeFrom(snapshots: WorkbookSnapshot[], copies = 1): FakeExcel {
  const excel = new FakeExcel();
  for (let n = 0; n < copies; n += 1) {
    for (const snap of snapshots) {
      for (const sheet of snap.sheets) {
        const name =
          copies === 1 && snapshots.length === 1
            ? sheet.name
            : `${sheet.name}_${excel.book.sheets.length}`.slice(0, 31);
        const rows = sheet.values.map((r) =>
          r.map((v) => (v === null || v instanceof Date || typeof v === 'object' ? null : (v as Value))),
        );
        const s = excel.addSheet(name, rows, { row: sheet.top, col: sheet.left }, [...sheet.merges]);
        if (sheet.hidden) s.visibility = 'Hidden';
      }
    }
  }
  return excel;
}

let kasama: WorkbookSnapshot;
let departments: WorkbookSnapshot[];
beforeAll(async () => {
  kasama = await example('examples/kasama-r2.xlsx');
  departments = await Promise.all(
    ['総務部', '市長公室', '保健福祉部', '市民生活部', '上下水道部'].map((d) =>
      example(`examples/departments/${d}.xlsx`),
    ),
  );
});

function planFor(snapshot: WorkbookSnapshot) {
  const result = generateSummary({
    workbooks: [snapshot],
    settings: DEFAULT_SETTINGS,
    lang: 'ja',
    now: '2026-11-24T00:00:00Z',
    linkableFile: snapshot.file,
  });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('reading', () => {
  test("the snapshot matches the file reader's on the example, in at most 2 syncs", async () => {
    const excel = fakeFrom([kasama]);
    const snapshot = await createExcelHost(excel.env(), 'examples/kasama-r2.xlsx').readSnapshot();
    expect(excel.syncs).toBeLessThanOrEqual(2);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(kasama.sheets.map((s) => s.name));
    const [a, b] = [snapshot.sheets[0]!, kasama.sheets[0]!];
    expect([a.top, a.left]).toEqual([b.top, b.left]);
    expect(a.values).toEqual(
      b.values.map((row) => [...row, ...Array(Math.max(0, a.values[0]!.length - row.length)).fill(null)]),
    );
    expect(a.merges).toEqual(b.merges);
    expect(excel.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
  });

  test.each([1, 50])('%i sheets: 2 syncs', async (copies) => {
    const excel = fakeFrom([departments[0]!], copies === 1 ? 1 : 13);
    if (copies === 1) excel.book.sheets.splice(1);
    const sheets = excel.book.sheets.length;
    const snapshot = await createExcelHost(excel.env()).readSnapshot();
    expect(snapshot.sheets).toHaveLength(sheets);
    expect(copies === 1 ? sheets : sheets >= 50).toBe(copies === 1 ? 1 : true);
    expect(excel.syncs).toBe(2);
  });

  test('without ExcelApi 1.13 there are no merged areas, and it still reads', async () => {
    const excel = fakeFrom([kasama]);
    excel.apiMinor = 1;
    const snapshot = await createExcelHost(excel.env()).readSnapshot();
    expect(snapshot.sheets[0]!.merges).toEqual([]);
    expect(excel.syncs).toBe(2);
  });
});

describe('writing the summary', () => {
  test("at most 3 syncs; the user's sheets unchanged; markers written; a re-run replaces", async () => {
    const excel = fakeFrom([kasama]);
    const before = Object.fromEntries(kasama.sheets.map((s) => [s.name, excel.dump(s.name)]));
    const { plan } = planFor(kasama);
    const host = createExcelHost(excel.env(), kasama.file);
    const result = await host.applyPlan(plan);
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(result.written).toEqual(plan.sheets.map((s) => s.name));
    for (const s of kasama.sheets) expect(excel.dump(s.name)).toEqual(before[s.name]);
    expect(excel.book.sheets.map((s) => s.name)).toEqual([
      ...kasama.sheets.map((s) => s.name),
      ...plan.sheets.map((s) => s.name),
    ]);
    expect([...excel.book.names.keys()]).toHaveLength(plan.sheets.length);
    expect(excel.dump('RP_集計表').C5).toBe(9);
    expect(excel.sheet('RP_集計表')!.charts[0]).toMatchObject({
      type: 'Doughnut',
      title: '令和2年度の進捗状況',
    });
    expect(excel.book.sheets.some((s) => s.name.startsWith('RP_tmp_'))).toBe(false);

    excel.resetCounters();
    const again = await createExcelHost(excel.env(), kasama.file).readSnapshot();
    expect(again.ownedSheets).toEqual(plan.sheets.map((s) => s.name));
    excel.resetCounters();
    const second = await host.applyPlan(plan);
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(second.replaced).toEqual(plan.sheets.map((s) => s.name));
    expect(excel.book.sheets.filter((s) => s.name === 'RP_集計表')).toHaveLength(1);
    expect([...excel.book.names.keys()]).toHaveLength(plan.sheets.length);
  });

  test('a workbook of 50 sheets: still at most 3 syncs, requests under 5 MB', async () => {
    const excel = fakeFrom(departments, 11);
    expect(excel.book.sheets.length).toBeGreaterThanOrEqual(50);
    const host = createExcelHost(excel.env());
    const snapshot = await host.readSnapshot();
    const { plan } = planFor(snapshot);
    excel.resetCounters();
    await host.applyPlan(plan);
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(5 * 1024 * 1024);
  });

  test('a user sheet named like ours: refused before anything is written', async () => {
    const excel = fakeFrom([kasama]);
    excel.addSheet('RP_集計表', [['私のメモ']]);
    const { plan } = planFor(kasama);
    const names = excel.book.sheets.map((s) => s.name);
    await expect(createExcelHost(excel.env()).applyPlan(plan)).rejects.toMatchObject({
      code: 'conflict',
      detail: { sheets: ['RP_集計表'] },
    });
    expect(excel.book.sheets.map((s) => s.name)).toEqual(names);
    expect(excel.dump('RP_集計表')).toEqual({ A1: '私のメモ' });
  });

  test('a connection lost while writing leaves the previous summary intact and no half-written sheet', async () => {
    const excel = fakeFrom([kasama]);
    const { plan } = planFor(kasama);
    const host = createExcelHost(excel.env());
    await host.applyPlan(plan);
    const previous = excel.dump('RP_集計表');
    excel.resetCounters();
    excel.fault = { sync: 2, afterOps: 40, error: new OfficeError('ConnectionFailure', 'network dropped') };
    await expect(host.applyPlan(plan)).rejects.toMatchObject({ code: 'network' });
    expect(excel.dump('RP_集計表')).toEqual(previous);
    expect(excel.book.sheets.filter((s) => s.name === 'RP_集計表')).toHaveLength(1);
    expect(excel.book.sheets.some((s) => s.name.startsWith('RP_tmp_'))).toBe(false);
  });

  test.each([
    ['ItemNotFound', 'notFound'],
    ['InvalidArgument', 'invalidArgument'],
    ['AccessDenied', 'accessDenied'],
    ['GeneralException', 'unknown'],
    ['RequestPayloadSizeLimitExceeded', 'payloadTooLarge'],
    ['ConnectionFailure', 'network'],
  ])(
    "fault injection: %s midway through the write → a %s error, the previous summary and the user's sheets as they were",
    async (officeCode, hostCode) => {
      const excel = fakeFrom([kasama]);
      const { plan } = planFor(kasama);
      const host = createExcelHost(excel.env());
      await host.applyPlan(plan);
      const before = excel.book.sheets.map((s) => [s.name, excel.dump(s.name)] as const);
      for (const afterOps of [0, 25, 400]) {
        excel.resetCounters();
        excel.fault = { sync: 2, afterOps, error: new OfficeError(officeCode, `${officeCode} injected`) };
        const error = await host.applyPlan(plan).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HostError);
        expect((error as HostError).code).toBe(hostCode);
        excel.fault = null;
        expect(excel.book.sheets.map((s) => [s.name, excel.dump(s.name)] as const)).toEqual(before);
      }
    },
  );

  test('a protected sheet: a clear error', async () => {
    const excel = fakeFrom([kasama]);
    const { plan } = planFor(kasama);
    const host = createExcelHost(excel.env());
    await host.applyPlan(plan);
    excel.sheet('RP_集計表')!.protected = true;
    const error = await host.applyPlan(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('protected');
  });

  test('text that looks like a formula is written as text', async () => {
    const excel = new FakeExcel();
    excel.addSheet('S', [
      ['施策', '番号', '実施項目', 'R2'],
      ['業務改善', 1, '=1+1', '○'],
      ['業務改善', 2, '@cmd', '○'],
      ['業務改善', 3, "'quoted", '○'],
    ]);
    const host = createExcelHost(excel.env(), 'book');
    const { plan } = planFor(await host.readSnapshot());
    await host.applyPlan(plan);
    const cells = Object.values(excel.dump('RP_項目一覧'));
    expect(cells).toContain('=1+1');
    expect(cells).toContain('@cmd');
    expect(cells).toContain("'quoted");
    expect(cells.some((v) => typeof v === 'string' && v.startsWith('FORMULA:'))).toBe(false);
  });

  test('a large summary is split into requests under the limit', async () => {
    const excel = fakeFrom([kasama]);
    const { plan } = planFor(kasama);
    const host = createExcelHost(excel.env(20_000));
    await host.applyPlan(plan);
    expect(excel.syncs).toBeGreaterThan(3);
    expect(excel.book.sheets.filter((s) => s.name.startsWith('RP_'))).toHaveLength(plan.sheets.length);
  });
});

describe("Excel on the web's 5 MB payload limit", () => {
  /** 20,000 items over 20 sheets: about 10 MB of cells to read, and a summary of several MB to write. */
  function largeBook(): FakeExcel {
    const excel = new FakeExcel();
    for (let s = 0; s < 20; s += 1) {
      const grid = syntheticSheet(`課${s + 1}`, 1000, 12, s + 1);
      excel.addSheet(
        grid.name,
        grid.values.map((row) => row.map((v) => (v === null || typeof v === 'object' ? null : v))),
        { row: 0, col: 0 },
        [...grid.merges],
      );
    }
    return excel;
  }

  test('a workbook too large for one response is read in bands, to the same snapshot', async () => {
    const desktop = largeBook();
    desktop.payloadLimit = null;
    const whole = await createExcelHost(desktop.env(), 'big.xlsx').readSnapshot();
    expect(desktop.syncs).toBe(2);
    expect(Math.max(...desktop.responseBytes)).toBeGreaterThan(5 * 1024 * 1024);

    const web = largeBook();
    const banded = await createExcelHost(web.env(), 'big.xlsx').readSnapshot();
    expect(banded).toEqual(whole);
    expect(Math.max(...web.responseBytes.slice(2))).toBeLessThan(5 * 1024 * 1024);
    expect(
      generateSummary({ workbooks: [banded], settings: DEFAULT_SETTINGS, lang: 'ja', now: 'x' }).analysis
        .items,
    ).toHaveLength(20_000);
  });

  test('a summary of 20,000 items is written in requests under 5 MB, the same as in one', async () => {
    const excel = largeBook();
    const host = createExcelHost(excel.env(), 'big.xlsx');
    const { plan } = planFor(await host.readSnapshot());
    excel.resetCounters();
    await host.applyPlan(plan);
    expect(excel.syncs).toBeGreaterThan(3);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    const itemSheet = plan.sheets.find((s) => s.name === 'RP_項目一覧')!;
    const dump = excel.dump('RP_項目一覧');
    expect(dump[`C${itemSheet.values.length}`]).toBe(itemSheet.values[itemSheet.values.length - 1]![2]);
    const findings = plan.sheets.find((s) => s.name === 'RP_検証結果')!;
    expect(findings.links.length).toBeGreaterThan(10_000);
    expect(excel.sheet('RP_検証結果')!.links.size).toBe(findings.links.length);
  });
});

describe('confirmed edits, dropdowns, settings', () => {
  test('writeCells writes exactly the confirmed cells in 2 syncs, and refuses when a cell changed meanwhile', async () => {
    const excel = new FakeExcel();
    excel.addSheet('S', [['〇', '◯', 'x']]);
    const host = createExcelHost(excel.env());
    await host.writeCells([
      { sheet: 'S', cell: 'A1', expected: '〇', value: '○' },
      { sheet: 'S', cell: 'B1', expected: '◯', value: '○' },
    ]);
    expect(excel.syncs).toBe(2);
    expect(excel.dump('S')).toEqual({ A1: '○', B1: '○', C1: 'x' });
    await expect(
      host.writeCells([{ sheet: 'S', cell: 'C1', expected: '〇', value: '○' }]),
    ).rejects.toMatchObject({ code: 'changedMeanwhile' });
    expect(excel.dump('S').C1).toBe('x');
  });

  test('dropdowns need ExcelApi 1.8', async () => {
    const excel = new FakeExcel();
    excel.addSheet('S', [['a']]);
    await createExcelHost(excel.env()).installDropdowns('S', ['C5:E20'], ['◎', '○', '□', '▲', '終了']);
    expect(excel.sheet('S')!.validations.get('C5:E20')).toBe('◎,○,□,▲,終了');
    excel.apiMinor = 7;
    const old = createExcelHost(excel.env());
    expect(old.capabilities().dataValidation).toBe(false);
    await expect(old.installDropdowns('S', ['C5'], ['○'])).rejects.toMatchObject({ code: 'notSupported' });
  });

  test('settings round trip in the workbook (1.4) and in document settings (older hosts)', async () => {
    const excel = new FakeExcel();
    const host = createExcelHost(excel.env());
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ endedRule: 'exclude' });
    expect(await host.loadSettings()).toEqual({ endedRule: 'exclude' });
    const legacy = new FakeExcel();
    legacy.apiMinor = 3;
    legacy.documentSettings = new Map();
    const old = createExcelHost(legacy.env());
    await old.saveSettings({ targetYear: 'R1' });
    expect(await old.loadSettings()).toEqual({ targetYear: 'R1' });
  });

  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const excel = new FakeExcel();
    excel.addSheet('令和2年度実績', [['x']]);
    await createExcelHost(excel.env()).selectCell('令和2年度実績', 'E117');
    expect(excel.syncs).toBe(1);
    expect(excel.book.selected).toBe('令和2年度実績!E117');
    expect(excel.book.active).toBe('令和2年度実績');
  });
});

test("the fake enforces Excel's rule: reading before load and sync throws", async () => {
  const excel = new FakeExcel();
  excel.addSheet('S', [['a']]);
  await excel.env().run({ delayForCellEdit: true }, async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange('A1');
    expect(() => range.values).toThrow(/not available/);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([['a']]);
  });
});

/**
 * The Office.js shell against Microsoft's real Excel client library (loaded in jsdom) and a
 * simulated workbook answering its requests (test/officejs/simulatedExcel.ts). Run once per client
 * build by shell.web.test.ts and shell.win32.test.ts: reads, summary writes, unify, dropdowns,
 * templates, rollover, settings, failures and fault injection, each on the examples' data.
 */
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/analyse';
import { generateSummary } from '../../src/core/flows/generateSummary';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { HostError } from '../../src/core/hostPort';
import { describeError } from '../../src/core/hostErrors';
import { planRollover } from '../../src/core/rollover/planRollover';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { columnLetters, fewestRanges } from '../../src/core';
import { dropdownTargets } from '../../src/core/flows/edits';
import { parsePlanDefinition, planDepartments } from '../../src/core/template/planDefinition';
import { templateSheets } from '../../src/core/template/templateSheet';
import { createExcelHost } from '../../src/excel/host';
import { chartXml } from '../../src/xlsx/chartXml';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbook';
import { syntheticSheet } from '../../bench/synthetic';
import type { ExcelBuild } from '../officejs/excelLibrary';
import { workbook } from '../helpers/snapshot';
import { parseAddress, SimulatedExcel, WEB_PAYLOAD_LIMIT, type Value } from '../officejs/simulatedExcel';

const SYMBOLS = DEFAULT_SETTINGS.marks.map((m) => m.symbol);
/** Strings Excel's en-US parser would turn into numbers, dates, booleans or formulas. */
const LOOKS_LIKE_DATA = [
  '-3%',
  '90,000',
  '5.2',
  '53875',
  '(1)',
  '1/2',
  '4-1',
  'TRUE',
  '=1+1',
  '@cmd',
  "'quoted",
  '+81',
];

async function example(path: string): Promise<WorkbookSnapshot> {
  const outcome = await readWorkbookBuffer(readFileSync(path), path);
  if (!outcome.ok) throw new Error(path);
  return outcome.snapshot;
}

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

function examplePlan() {
  const parsed = parsePlanDefinition(JSON.parse(readFileSync('examples/plans/kasama-4th-plan.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.plan;
}

function planWithItems(names: readonly string[]) {
  const parsed = parsePlanDefinition({
    title: '計画',
    years: 'R4-R5',
    policies: [
      {
        title: '方針',
        measures: [
          {
            title: '施策',
            items: names.map((name) => ({ name, owners: [{ department: '総務部', division: '総務課' }] })),
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.plan;
}

export function shellSuite(build: ExcelBuild): void {
  /** A simulated Excel holding workbooks' cells (the values a file holds, typed as in the file). */
  function excelFrom(snapshots: WorkbookSnapshot[], copies = 1): SimulatedExcel {
    const excel = new SimulatedExcel(build);
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

  /** After every test: the simulation met nothing it does not model. */
  let excels: SimulatedExcel[] = [];
  const track = (excel: SimulatedExcel) => (excels.push(excel), excel);
  afterEach(() => {
    for (const excel of excels) expect(excel.simulationErrors).toEqual([]);
    excels = [];
  });

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

  describe(`${build}: reading`, () => {
    test("the snapshot matches the file reader's on the example, in 2 round trips", async () => {
      const excel = track(excelFrom([kasama]));
      const snapshot = await createExcelHost(excel.env(), 'examples/kasama-r2.xlsx').readSnapshot();
      expect(excel.syncs).toBe(2);
      expect(snapshot.sheets.map((s) => s.name)).toEqual(kasama.sheets.map((s) => s.name));
      const [a, b] = [snapshot.sheets[0]!, kasama.sheets[0]!];
      expect([a.top, a.left]).toEqual([b.top, b.left]);
      expect(a.values).toEqual(
        b.values.map((row) => [...row, ...Array(Math.max(0, a.values[0]!.length - row.length)).fill(null)]),
      );
      expect(a.merges).toEqual(b.merges);
      expect(excel.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
    });

    test('50 sheets: 2 round trips', async () => {
      const oneSheet = { ...departments[0]!, sheets: departments[0]!.sheets.slice(0, 1) };
      const excel = track(excelFrom([oneSheet], 50));
      const snapshot = await createExcelHost(excel.env()).readSnapshot();
      expect(snapshot.sheets.length).toBe(50);
      expect(excel.syncs).toBe(2);
    });

    test('without ExcelApi 1.13 there are no merged areas, and it still reads', async () => {
      const excel = track(excelFrom([kasama]));
      excel.apiMinor = 12;
      const snapshot = await createExcelHost(excel.env()).readSnapshot();
      expect(snapshot.sheets[0]!.merges).toEqual([]);
      expect(excel.syncs).toBe(2);
    });
  });

  describe(`${build}: writing the summary`, () => {
    test("at most 3 round trips; the user's sheets unchanged; markers written; a re-run replaces", async () => {
      const excel = track(excelFrom([kasama]));
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
      expect(Object.keys(excel.nameValues())).toHaveLength(plan.sheets.length);
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
      expect(Object.keys(excel.nameValues())).toHaveLength(plan.sheets.length);
    });

    test('every string the plan writes stays that text, every number a number (Excel parses strings en-US)', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      await createExcelHost(excel.env(), kasama.file).applyPlan(plan);
      const changed: string[] = [];
      for (const sheet of plan.sheets) {
        const dump = excel.dump(sheet.name);
        sheet.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null || v === '') return;
            const cell = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (c < 26 && dump[cell] !== v)
              changed.push(`${sheet.name}!${cell}: ${String(v)} → ${String(dump[cell])}`);
          }),
        );
      }
      expect(changed).toEqual([]);
    });

    test('frozen panes as planned: rows only where only rows are meant', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      await createExcelHost(excel.env(), kasama.file).applyPlan(plan);
      const frozen = plan.sheets.filter((s) => s.freeze);
      expect(frozen.length).toBeGreaterThan(0);
      for (const sheet of frozen) expect(excel.sheet(sheet.name)!.freeze).toEqual(sheet.freeze);
    });

    test('each chart is the chart the .xlsx shell writes from the same spec: mark colours, fills and lines, data labels, number formats', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      await createExcelHost(excel.env(), kasama.file).applyPlan(plan);
      const hex = (c: string | undefined) => (c ?? '').replace('#', '').toUpperCase();
      let charts = 0;
      for (const sheet of plan.sheets) {
        sheet.charts.forEach((spec, c) => {
          charts += 1;
          const xml = chartXml(spec, sheet);
          const drawn = excel.sheet(sheet.name)!.charts[c]!;
          const fromXml = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, ser]) => ({
            points: [...ser!.matchAll(/<c:dPt><c:idx val="\d+"\/>.*?<a:srgbClr val="(\w+)"/g)].map(
              (m) => m[1],
            ),
            fill: /<\/c:tx><c:spPr><a:solidFill><a:srgbClr val="(\w+)"/.exec(ser!)?.[1] ?? '',
            line: /<a:ln[^>]*><a:solidFill><a:srgbClr val="(\w+)"/.exec(ser!)?.[1] ?? '',
            labels: /<c:dLbls>.*?<c:showVal val="1"/.test(ser!),
            labelFormat:
              /<c:dLbls>(?:<c:dLbl>.*?<\/c:dLbl>)*<c:numFmt formatCode="([^"]+)"/.exec(ser!)?.[1] ?? '',
          }));
          const fromExcel = drawn.series.map((ser) => ({
            points: [...ser.pointFills.entries()].sort(([a], [b]) => a - b).map(([, color]) => hex(color)),
            fill: hex(ser.fill),
            line: hex(ser.line),
            labels: ser.dataLabels?.ShowValue === true,
            labelFormat: String(ser.dataLabels?.NumberFormat ?? ''),
          }));
          expect(fromExcel).toEqual(fromXml);
          const axisFormat = /<c:valAx>.*?<c:numFmt formatCode="([^"]+)"/.exec(xml)?.[1];
          expect(drawn.valueAxis?.NumberFormat).toEqual(axisFormat);
        });
      }
      expect(charts).toBeGreaterThanOrEqual(4);
    });

    test('a workbook of 50 sheets: still at most 3 round trips, requests under 5 MB', async () => {
      const excel = track(excelFrom(departments, 11));
      const host = createExcelHost(excel.env());
      const snapshot = await host.readSnapshot();
      const { plan } = planFor(snapshot);
      excel.resetCounters();
      await host.applyPlan(plan);
      expect(excel.syncs).toBeLessThanOrEqual(3);
      expect(Math.max(...excel.requestBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    });

    test('a user sheet named like ours: refused before anything is written', async () => {
      const excel = track(excelFrom([kasama]));
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

    test.each([
      ['ItemNotFound', 'notFound'],
      ['InvalidArgument', 'invalidArgument'],
      ['AccessDenied', 'accessDenied'],
      ['GeneralException', 'unknown'],
      ['ConnectionFailure', 'network'],
    ])(
      "fault injection: %s midway through the write → a %s error, the previous summary and the user's sheets as they were, no temporary sheet",
      async (officeCode, hostCode) => {
        const excel = track(excelFrom([kasama]));
        const { plan } = planFor(kasama);
        const host = createExcelHost(excel.env());
        await host.applyPlan(plan);
        const before = excel.book.sheets.map((s) => [s.name, excel.dump(s.name)] as const);
        for (const afterOps of [0, 25, 400]) {
          excel.resetCounters();
          excel.fault = { sync: 2, afterOps, code: officeCode };
          const error = await host.applyPlan(plan).catch((e: unknown) => e);
          excel.fault = null;
          expect(error).toBeInstanceOf(HostError);
          expect((error as HostError).code).toBe(hostCode);
          expect(excel.book.sheets.map((s) => [s.name, excel.dump(s.name)] as const)).toEqual(before);
        }
      },
    );

    test('a protected summary sheet is replaced (sheet protection does not stop deleting a sheet)', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      const host = createExcelHost(excel.env());
      await host.applyPlan(plan);
      excel.sheet('RP_集計表')!.protected = true;
      await host.applyPlan(plan);
      expect(excel.sheet('RP_集計表')!.protected).toBe(false);
      expect(excel.dump('RP_集計表').C5).toBe(9);
    });

    test("a workbook whose structure is protected: a 'protected' error whatever the language of Excel's message, nothing written", async () => {
      const excel = track(excelFrom([kasama]));
      excel.book.structureProtected = true;
      const names = excel.book.sheets.map((s) => s.name);
      const error = await createExcelHost(excel.env())
        .applyPlan(planFor(kasama).plan)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'protected' });
      expect(excel.book.sheets.map((s) => s.name)).toEqual(names);
    });

    test('text that looks like data or a formula is written as that text', async () => {
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('S', [['x']]);
      const sheet = {
        name: 'RP_項目一覧',
        values: [['実施項目', '番号'], ...LOOKS_LIKE_DATA.map((text, i) => [text, i + 1])],
        formats: [],
        columnWidths: [20, 6],
        links: [],
        charts: [],
        print: { orientation: 'portrait', fitToWidth: false },
      } as const;
      await createExcelHost(excel.env(), 'book').applyPlan({ sheets: [sheet] });
      const dump = excel.dump('RP_項目一覧');
      LOOKS_LIKE_DATA.forEach((text, i) => {
        expect(dump[`A${i + 2}`]).toBe(text);
        expect(dump[`B${i + 2}`]).toBe(i + 1);
      });
    });

    test('print and chart quality: header and footer, rate axis 0–100 %, shares on the doughnut', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      await createExcelHost(excel.env()).applyPlan(plan);
      const sheet = (name: string) => excel.book.sheets.find((s) => s.name === name)!;
      const footer = sheet('RP_公表用').print.headerFooter as Record<string, unknown>;
      expect(footer.CenterFooter).toBe('&P / &N ページ');
      expect(String(footer.RightFooter)).toMatch(/^作成日 \d{4}年\d{1,2}月\d{1,2}日$/);
      expect(footer.LeftHeader).toBe('第3次笠間市行財政改革大綱実施計画');
      const line = sheet('RP_推移').charts.find((c) => c.type === 'LineMarkers')!;
      expect(line.valueAxis).toMatchObject({ Minimum: 0, Maximum: 1 });
      const doughnut = sheet('RP_集計表').charts[0]!;
      expect(doughnut.series[0]!.dataLabels).toMatchObject({ ShowValue: true, ShowPercentage: true });
      const stacked = sheet('RP_内訳').charts[0]!;
      expect(stacked.series[0]!.dataLabels).toMatchObject({ NumberFormat: '0;-0;;@' });
      expect(stacked.series.map((s) => s.name)[0]).toBe('◎ 進んでいる');
    });

    test('a large summary is split into requests under the budget', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      await createExcelHost(excel.env(20_000)).applyPlan(plan);
      expect(excel.syncs).toBeGreaterThan(3);
      expect(Math.max(...excel.requestBytes)).toBeLessThan(20_000);
      expect(excel.book.sheets.filter((s) => s.name.startsWith('RP_'))).toHaveLength(plan.sheets.length);
    });

    test('templates go through the same writer: split into requests under the budget, the same sheets', async () => {
      const plan = examplePlan();
      const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
      const whole = track(new SimulatedExcel(build));
      await createExcelHost(whole.env()).createSheets(sheets);
      expect(whole.syncs).toBe(3);
      const split = track(new SimulatedExcel(build));
      await createExcelHost(split.env(20_000)).createSheets(sheets);
      expect(split.syncs).toBeGreaterThan(3);
      expect(Math.max(...split.requestBytes)).toBeLessThan(20_000);
      for (const sheet of sheets) {
        const [a, b] = [whole.sheet(sheet.name)!, split.sheet(sheet.name)!];
        expect(split.dump(sheet.name)).toEqual(whole.dump(sheet.name));
        expect([b.merges, b.validations, b.locks, b.protected]).toEqual([
          a.merges,
          a.validations,
          a.locks,
          a.protected,
        ]);
      }
    });
  });

  describe(`${build}: Excel on the web's 5 MB payload limit, on the serialized bytes`, () => {
    /** 20,000 items over 20 sheets: about 10 MB of cells to read, and a summary of several MB to write. */
    function largeBook(): SimulatedExcel {
      const excel = track(new SimulatedExcel(build));
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
      expect(Math.max(...desktop.responseBytes)).toBeGreaterThan(WEB_PAYLOAD_LIMIT);

      const web = largeBook();
      const banded = await createExcelHost(web.env(), 'big.xlsx').readSnapshot();
      expect(banded).toEqual(whole);
      expect(Math.max(...web.responseBytes.slice(2))).toBeLessThan(WEB_PAYLOAD_LIMIT);
    });

    test('a summary of 20,000 items is written in requests under 5 MB (measured), complete', async () => {
      const excel = largeBook();
      const host = createExcelHost(excel.env(), 'big.xlsx');
      const { plan } = planFor(await host.readSnapshot());
      excel.resetCounters();
      await host.applyPlan(plan);
      expect(Math.max(...excel.requestBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
      const itemSheet = plan.sheets.find((s) => s.name === 'RP_項目一覧')!;
      const dump = excel.dump('RP_項目一覧');
      expect(dump[`C${itemSheet.values.length}`]).toBe(itemSheet.values[itemSheet.values.length - 1]![2]);
      const findings = plan.sheets.find((s) => s.name === 'RP_検証結果')!;
      expect(findings.links.length).toBeGreaterThan(10_000);
      expect(excel.sheet('RP_検証結果')!.links.size).toBe(findings.links.length);
    });

    test('a host refusing a request as too large: written again at half the budget, complete', async () => {
      const excel = track(excelFrom([kasama]));
      const { plan } = planFor(kasama);
      // A host with a lower limit than the shell's budget (the budget's estimate can be off).
      excel.payloadLimit = 150_000;
      await createExcelHost(excel.env(200_000)).applyPlan(plan);
      expect(excel.book.sheets.filter((s) => s.name.startsWith('RP_'))).toHaveLength(plan.sheets.length);
      expect(excel.book.sheets.some((s) => s.name.startsWith('RP_tmp_'))).toBe(false);
      expect(excel.dump('RP_集計表').C5).toBe(9);
    });
  });

  describe(`${build}: on an ExcelApi 1.4 host (the manifest's minimum)`, () => {
    test('reading, the summary, templates and the rollover all run; nothing above 1.4 is called', async () => {
      const excel = track(excelFrom([kasama]));
      excel.apiMinor = 4;
      const host = createExcelHost(excel.env(), kasama.file);
      expect(host.capabilities()).toMatchObject({ dataValidation: false, hyperlinks: false, charts: false });
      const snapshot = await host.readSnapshot();
      await host.applyPlan(planFor(snapshot).plan);
      expect(excel.dump('RP_集計表').C5).toBe(9);
      const plan = examplePlan();
      await host.createSheets(templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS));
      expect(excel.sheet('総務部')!.protected).toBe(true);
      await host.applyRollover(planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false }), SYMBOLS);
      expect(excel.dump('令和2年度実績').F7).toBe('R3');
      await host.saveSettings({ endedRule: 'exclude' });
      expect(await host.loadSettings()).toEqual({ endedRule: 'exclude' });
    });

    test('rollover, templates and dropdowns on ExcelApi 1.4: they work, or refuse with "needs ExcelApi 1.8"; never ApiNotFound', async () => {
      const excel = track(excelFrom([kasama]));
      excel.apiMinor = 4;
      const host = createExcelHost(excel.env(), kasama.file);
      await host.applyRollover(planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false }), SYMBOLS);
      expect(excel.dump('令和2年度実績').F7).toBe('R3');
      const sheet = excel.sheet('令和2年度実績')!;
      expect(sheet.merges).toContainEqual({ top: 5, left: 2, bottom: 5, right: 5 });
      // Tables in different columns: each table's rows shifted on their own (a band, not whole columns).
      const banded = workbook('plan.xlsx', [
        {
          name: '計画',
          rows: [
            ['番号', '実施項目', '進捗状況', null, '指標', '令和4年度', null, '令和5年度', null],
            [null, null, 'R4', 'R5', null, '計画', '実績', '計画', '実績'],
            [1, '窓口の改善', '○', '◎', '待ち時間', 10, 12, 9, 8],
            [],
            ['番号', '実施項目', 'R5'],
            [1, '会議の削減', '○'],
          ],
          merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:G1', 'H1:I1'],
        },
      ]);
      const bandExcel = track(excelFrom([banded]));
      bandExcel.apiMinor = 4;
      const bandPlan = planRollover(banded, DEFAULT_SETTINGS, { renameHeaders: false });
      expect(bandPlan.sheets[0]!.insertions.every((i) => i.rows !== null)).toBe(true);
      await createExcelHost(bandExcel.env()).applyRollover(bandPlan, SYMBOLS);
      expect(bandExcel.dump('計画')).toMatchObject({ E2: 'R6', D5: 'R6', K1: '令和6年度' });
      expect(bandExcel.apiNotFound).toEqual([]);
      const plan = examplePlan();
      await host.createSheets(templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS));
      expect(excel.sheet('総務部')!.validations.size).toBe(0);
      const syncs = excel.syncs;
      const refusal = await host
        .installDropdowns('令和2年度実績', ['F8:F11'], SYMBOLS)
        .catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: 'notSupported', detail: { feature: 'ExcelApi 1.8' } });
      expect(describeError(refusal, 'en')).toBe(
        'This version of Excel does not support this feature (needs ExcelApi 1.8).',
      );
      expect(describeError(refusal, 'ja')).toContain('ExcelApi 1.8 が必要');
      expect(excel.syncs).toBe(syncs);
      expect(excel.apiNotFound).toEqual([]);
    });
  });

  describe(`${build}: confirmed edits, dropdowns, settings`, () => {
    test('writeCells writes exactly the confirmed cells in 2 round trips, as text, and refuses when a cell changed meanwhile', async () => {
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('S', [['〇', '◯', 'x', '1']]);
      const host = createExcelHost(excel.env());
      await host.writeCells([
        { sheet: 'S', cell: 'A1', expected: '〇', value: '○' },
        { sheet: 'S', cell: 'B1', expected: '◯', value: '○' },
        { sheet: 'S', cell: 'D1', expected: '1', value: '4-1' },
      ]);
      expect(excel.syncs).toBe(2);
      expect(excel.dump('S')).toEqual({ A1: '○', B1: '○', C1: 'x', D1: '4-1' });
      await expect(
        host.writeCells([{ sheet: 'S', cell: 'C1', expected: '〇', value: '○' }]),
      ).rejects.toMatchObject({ code: 'changedMeanwhile' });
      expect(excel.dump('S').C1).toBe('x');
    });

    test('dropdowns need ExcelApi 1.8', async () => {
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('S', [['a']]);
      await createExcelHost(excel.env()).installDropdowns('S', ['C5:E20'], SYMBOLS);
      expect(excel.sheet('S')!.validations.get('C5:E20')).toBe(SYMBOLS.join(','));
      excel.apiMinor = 7;
      const old = createExcelHost(excel.env());
      expect(old.capabilities().dataValidation).toBe(false);
      await expect(old.installDropdowns('S', ['C5'], ['○'])).rejects.toMatchObject({ code: 'notSupported' });
    });

    test('settings round trip in the workbook (1.4) and in document settings (older hosts)', async () => {
      const excel = track(new SimulatedExcel(build));
      const host = createExcelHost(excel.env());
      expect(await host.loadSettings()).toBeNull();
      await host.saveSettings({ endedRule: 'exclude' });
      expect(await host.loadSettings()).toEqual({ endedRule: 'exclude' });
      const legacy = track(new SimulatedExcel(build));
      legacy.apiMinor = 3;
      legacy.documentSettings = new Map();
      const old = createExcelHost(legacy.env());
      await old.saveSettings({ targetYear: 'R1' });
      expect(await old.loadSettings()).toEqual({ targetYear: 'R1' });
      expect(legacy.syncs).toBe(0);
    });

    test('selectCell activates the sheet and selects the cell in one round trip', async () => {
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('令和2年度実績', [['x']]);
      await createExcelHost(excel.env()).selectCell('令和2年度実績', 'E117');
      expect(excel.syncs).toBe(1);
      expect(excel.book.selected).toBe('令和2年度実績!E117');
      expect(excel.book.active).toBe('令和2年度実績');
    });

    test("an error's class comes from its code, never from the words of its message", async () => {
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('S', [['a']]);
      const host = createExcelHost(excel.env());
      // A GeneralException whose detail happens to mention the network or protection.
      excel.fault = {
        sync: 1,
        afterOps: 0,
        code: 'GeneralException',
        message: 'network connection (protected)',
      };
      const error = await host.selectCell('S', 'A1').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unknown' });
      excel.fault = { sync: 1, afterOps: 0, code: 'AccessDenied', message: 'protected' };
      excel.resetCounters();
      await expect(host.selectCell('S', 'A1')).rejects.toMatchObject({ code: 'accessDenied' });
      excel.resetCounters();
      excel.fault = { sync: 1, afterOps: 0, code: 'ConnectionFailure' };
      await expect(host.selectCell('S', 'A1')).rejects.toMatchObject({ code: 'network' });
    });
  });

  describe(`${build}: templates in the open workbook`, () => {
    test('a row inserted later inside a table keeps the dropdown (templates and 入力規則), ranges still disjoint', async () => {
      /** The list a cell's validation offers, if any validation covers it. */
      const listAt = (excel: SimulatedExcel, sheet: string, cell: string) => {
        const at = parseAddress(cell);
        const hits = [...excel.sheet(sheet)!.validations].filter(([address]) => {
          const r = parseAddress(address);
          return at.top >= r.top && at.top <= r.bottom && at.left >= r.left && at.left <= r.right;
        });
        expect(hits.length).toBeLessThanOrEqual(1);
        return hits[0]?.[1] ?? null;
      };
      const disjoint = (excel: SimulatedExcel, sheet: string) => {
        const ranges = [...excel.sheet(sheet)!.validations.keys()];
        expect([...fewestRanges(ranges)].sort()).toEqual([...ranges].sort());
      };
      /** Entire rows inserted above `row` (1-based), as a user does with 行の挿入. */
      const insertRowAbove = (excel: SimulatedExcel, sheet: string, address: string) =>
        excel.env().run({ delayForCellEdit: true }, async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(address).insert('Down');
          await context.sync();
        });

      // Templates: the department sheet is protected, inserting rows is allowed.
      const plan = examplePlan();
      const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
      const excel = track(new SimulatedExcel(build));
      await createExcelHost(excel.env()).createSheets(sheets);
      const general = sheets.find((s) => s.name === '総務部')!;
      const range = parseAddress(
        general.dropdowns![0]!.ranges.find((r) => parseAddress(r).bottom > parseAddress(r).top)!,
      );
      const row = range.top + 2; // 1-based: the table's second item row
      const mark = `${columnLetters(range.left)}${row}`;
      const below = `${columnLetters(range.left)}${range.bottom + 2}`;
      const lastItem = excel.dump('総務部')[`B${range.bottom + 1}`];
      expect(listAt(excel, '総務部', `${columnLetters(range.left)}${range.bottom + 2}`)).toBeNull();
      await insertRowAbove(excel, '総務部', `${row}:${row}`);
      expect(excel.sheet('総務部')!.protected).toBe(true);
      expect(listAt(excel, '総務部', mark)).toBe(SYMBOLS.join(','));
      expect(excel.dump('総務部')[mark]).toBeUndefined();
      // The table's last item moved down one row and kept its dropdown; nothing grew past the table.
      expect(excel.dump('総務部')[`B${range.bottom + 2}`]).toBe(lastItem);
      expect(listAt(excel, '総務部', below)).toBe(SYMBOLS.join(','));
      expect(listAt(excel, '総務部', `${columnLetters(range.left)}${range.bottom + 3}`)).toBeNull();
      disjoint(excel, '総務部');
      // The new row's mark cell can be typed in on the protected sheet, like the rows around it.
      expect(excel.sheet('総務部')!.locks.length).toBeGreaterThan(0);
      await createExcelHost(excel.env()).writeCells([
        { sheet: '総務部', cell: mark, expected: '', value: '○' },
      ]);
      expect(excel.dump('総務部')[mark]).toBe('○');

      // 入力規則 on a workbook of the field (kasama): a row inserted in the middle of a table.
      const field = track(excelFrom([kasama]));
      const tables = analyse([kasama], DEFAULT_SETTINGS).tables;
      const targets = dropdownTargets(tables, '令和2年度実績');
      await createExcelHost(field.env()).installDropdowns('令和2年度実績', targets, SYMBOLS);
      disjoint(field, '令和2年度実績');
      const first = parseAddress(targets.find((r) => parseAddress(r).bottom - parseAddress(r).top >= 2)!);
      const at = first.top + 2;
      await insertRowAbove(field, '令和2年度実績', `${at}:${at}`);
      for (let col = first.left; col <= first.right; col += 1)
        expect(listAt(field, '令和2年度実績', `${columnLetters(col)}${at}`)).toBe(SYMBOLS.join(','));
      disjoint(field, '令和2年度実績');
      // Cells shifted down within a table's columns (not entire rows): only that part grows.
      const band = track(new SimulatedExcel(build));
      band.addSheet('S', [['a']]);
      await createExcelHost(band.env()).installDropdowns('S', ['C2:E5'], SYMBOLS);
      await insertRowAbove(band, 'S', 'A3:D3');
      expect([...band.sheet('S')!.validations.keys()].sort()).toEqual(['C2:D6', 'E2:E5']);
      // The new row holds no item: reading the book again counts exactly the items it had.
      const reread = analyse([await createExcelHost(field.env()).readSnapshot()], DEFAULT_SETTINGS);
      expect(reread.items).toHaveLength(analyse([kasama], DEFAULT_SETTINGS).items.length);
    });

    test('one sheet per department in three round trips, read back as the plan, headers locked', async () => {
      const plan = examplePlan();
      const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('メモ', [['私のメモ']]);
      const host = createExcelHost(excel.env(), 'book.xlsx');
      const result = await host.createSheets(sheets);
      expect(excel.syncs).toBe(3);
      expect(result).toEqual({ created: sheets.map((s) => s.name), protectedHeaders: true });
      expect(excel.book.sheets.map((s) => s.name)).toEqual(['メモ', ...sheets.map((s) => s.name)]);
      expect(excel.dump('メモ')).toEqual({ A1: '私のメモ' });
      const general = excel.sheet('総務部')!;
      expect(general.protected).toBe(true);
      expect(general.validations.size).toBeGreaterThan(0);
      expect([...general.validations.values()][0]).toBe(SYMBOLS.join(','));
      // One dropdown range per table, none overlapping (rows inserted inside a table keep it).
      for (const sheet of sheets)
        expect([...excel.sheet(sheet.name)!.validations.keys()].sort()).toEqual(
          [...fewestRanges(sheet.dropdowns![0]!.ranges)].sort(),
        );
      expect(general.validations.size).toBe(
        sheets.find((s) => s.name === '総務部')!.dropdowns![0]!.ranges.length,
      );
      expect(general.formats.filter((f) => f.what === 'locked').length).toBeGreaterThan(0);

      excel.resetCounters();
      const read = analyse([await host.readSnapshot()], DEFAULT_SETTINGS, { year: 'R4' });
      expect(read.items).toHaveLength(70);
      expect(read.years).toEqual(['R4', 'R5', 'R6', 'R7', 'R8']);
      expect(new Set(read.findings.map((f) => f.code))).toEqual(new Set(['mark.missing', 'item.duplicate']));
    });

    test('a sheet already named like a department: refused, nothing added', async () => {
      const plan = examplePlan();
      const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
      const excel = track(new SimulatedExcel(build));
      excel.addSheet('総務部', [['去年の表']]);
      const host = createExcelHost(excel.env());
      await expect(host.createSheets(sheets)).rejects.toMatchObject({
        code: 'conflict',
        detail: { sheets: ['総務部'] },
      });
      expect(excel.book.sheets.map((s) => s.name)).toEqual(['総務部']);
      expect(excel.dump('総務部')).toEqual({ A1: '去年の表' });
      expect(excel.syncs).toBe(1);
    });

    test.each([0, 40, 400])(
      'a dropped connection after %i actions of the write: the original error, no temporary or half-written sheet',
      async (afterOps) => {
        const plan = examplePlan();
        const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
        const excel = track(new SimulatedExcel(build));
        excel.addSheet('メモ', [['私のメモ']]);
        excel.fault = { sync: 2, afterOps, code: 'ConnectionFailure' };
        await expect(createExcelHost(excel.env()).createSheets(sheets)).rejects.toMatchObject({
          code: 'network',
        });
        expect(excel.book.sheets.map((s) => s.name)).toEqual(['メモ']);
      },
    );

    test('item names that look like data or formulas stay text', async () => {
      const excel = track(new SimulatedExcel(build));
      await createExcelHost(excel.env()).createSheets(
        templateSheets(planWithItems(LOOKS_LIKE_DATA), ['総務部'], DEFAULT_SETTINGS),
      );
      const values = Object.values(excel.dump('総務部'));
      for (const text of LOOKS_LIKE_DATA) expect(values).toContain(text);
    });
  });

  describe(`${build}: year rollover in the open workbook`, () => {
    test('kasama: R3 in every table in two round trips; the shell reads H30–R3 back; the other sheet untouched', async () => {
      const excel = track(excelFrom([kasama]));
      const host = createExcelHost(excel.env(), 'kasama-r2.xlsx');
      const history = excel.dump('進捗状況の推移');
      const plan = planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false });
      await host.applyRollover(plan, SYMBOLS);
      expect(excel.syncs).toBe(2);
      expect(excel.dump('進捗状況の推移')).toEqual(history);
      const sheet = excel.sheet('令和2年度実績')!;
      expect(sheet.merges).toContainEqual({ top: 5, left: 2, bottom: 5, right: 5 });
      expect(sheet.validations.get('F8:F11')).toBe(SYMBOLS.join(','));
      const read = analyse([await host.readSnapshot()], DEFAULT_SETTINGS, { year: 'R3' });
      expect(read.years).toEqual(['H30', 'R1', 'R2', 'R3']);
      expect(read.findings.filter((f) => f.code === 'mark.missing')).toHaveLength(68);
    });

    test('a header changed since the preview: nothing is inserted or written', async () => {
      const excel = track(excelFrom([kasama]));
      const host = createExcelHost(excel.env());
      const plan = planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: true });
      excel.sheet('令和2年度実績')!.cells.set('6,4', { value: 'R3' });
      const before = excel.dump('令和2年度実績');
      await expect(host.applyRollover(plan, SYMBOLS)).rejects.toMatchObject({ code: 'changedMeanwhile' });
      expect(excel.dump('令和2年度実績')).toEqual(before);
      expect(excel.syncs).toBe(1);
    });

    test('a template protected without a password is unprotected for the change and protected again', async () => {
      const excel = track(excelFrom([kasama]));
      const sheet = excel.sheet('令和2年度実績')!;
      sheet.protected = true;
      sheet.protectionOptions = { allowInsertRows: true };
      await createExcelHost(excel.env()).applyRollover(
        planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false }),
        SYMBOLS,
      );
      expect(excel.syncs).toBe(3);
      expect(sheet.protected).toBe(true);
      expect(sheet.protectionOptions).toEqual({ allowInsertRows: true });
      expect(excel.dump('令和2年度実績').F7).toBe('R3');
    });

    test('a sheet protected with a password: a clear refusal, nothing written, still protected', async () => {
      const excel = track(excelFrom([kasama]));
      const sheet = excel.sheet('令和2年度実績')!;
      sheet.protected = true;
      sheet.password = 'secret';
      const before = excel.dump('令和2年度実績');
      await expect(
        createExcelHost(excel.env()).applyRollover(
          planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false }),
          SYMBOLS,
        ),
      ).rejects.toMatchObject({ code: 'protected', detail: { sheets: ['令和2年度実績'] } });
      expect(excel.dump('令和2年度実績')).toEqual(before);
      expect(sheet.protected).toBe(true);
    });
  });
}

/**
 * The Office.js shell's department templates and year rollover, against the fake Excel that
 * enforces load/sync rules and counts round trips.
 */
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/core/analyse';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { HostError } from '../../src/core/hostPort';
import { planRollover } from '../../src/core/rollover/planRollover';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parsePlanDefinition, planDepartments } from '../../src/core/template/planDefinition';
import { templateSheets } from '../../src/core/template/templateSheet';
import { createExcelHost } from '../../src/excel/host';
import { FakeExcel, OfficeError, type Value } from '../fakes/fakeExcel';
import { exampleSnapshot } from '../helpers/snapshot';

const SYMBOLS = DEFAULT_SETTINGS.marks.map((m) => m.symbol);

function examplePlan() {
  const parsed = parsePlanDefinition(JSON.parse(readFileSync('examples/plans/kasama-4th-plan.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.plan;
}

function fakeWith(snapshot: WorkbookSnapshot): FakeExcel {
  const excel = new FakeExcel();
  for (const sheet of snapshot.sheets) {
    const rows = sheet.values.map((r) =>
      r.map((v) => (v === null || v instanceof Date || typeof v === 'object' ? null : (v as Value))),
    );
    excel.addSheet(sheet.name, rows, { row: sheet.top, col: sheet.left }, [...sheet.merges]);
  }
  return excel;
}

let kasama: WorkbookSnapshot;
beforeAll(async () => {
  kasama = await exampleSnapshot();
});

describe('templates in the open workbook', () => {
  test('one sheet per department in three round trips, read back as the plan, headers locked', async () => {
    const plan = examplePlan();
    const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
    const excel = new FakeExcel();
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
    const excel = new FakeExcel();
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

  test('a dropped connection while writing: the temporary sheets are removed, no template under a department name', async () => {
    const plan = examplePlan();
    const sheets = templateSheets(plan, planDepartments(plan), DEFAULT_SETTINGS);
    const excel = new FakeExcel();
    excel.fault = { sync: 2, afterOps: 40, error: new OfficeError('ConnectionFailure', 'network') };
    await expect(createExcelHost(excel.env()).createSheets(sheets)).rejects.toBeInstanceOf(HostError);
    expect(excel.book.sheets).toEqual([]);
  });

  test('text that looks like a formula in a plan stays text', async () => {
    const parsed = parsePlanDefinition({
      title: '計画',
      years: 'R4-R5',
      policies: [
        {
          title: '方針',
          measures: [
            {
              title: '施策',
              items: [{ name: '=HYPERLINK("x")', owners: [{ department: '総務部', division: '総務課' }] }],
            },
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const excel = new FakeExcel();
    await createExcelHost(excel.env()).createSheets(
      templateSheets(parsed.plan, ['総務部'], DEFAULT_SETTINGS),
    );
    const values = Object.values(excel.dump('総務部'));
    expect(values).toContain('=HYPERLINK("x")');
    expect(values.some((v) => String(v).startsWith('FORMULA:'))).toBe(false);
  });
});

describe('year rollover in the open workbook', () => {
  test('kasama: R3 in every table in two round trips; the shell reads H30–R3 back; the other sheet untouched', async () => {
    const excel = fakeWith(kasama);
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
    const excel = fakeWith(kasama);
    const host = createExcelHost(excel.env());
    const plan = planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: true });
    excel.sheet('令和2年度実績')!.cells.set('6,4', { value: 'R3' });
    const before = excel.dump('令和2年度実績');
    await expect(host.applyRollover(plan, SYMBOLS)).rejects.toMatchObject({ code: 'changedMeanwhile' });
    expect(excel.dump('令和2年度実績')).toEqual(before);
    expect(excel.syncs).toBe(1);
  });

  test('a template protected without a password is unprotected for the change and protected again', async () => {
    const excel = fakeWith(kasama);
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
    const excel = fakeWith(kasama);
    const sheet = excel.sheet('令和2年度実績')!;
    sheet.protected = true;
    sheet.password = 'secret';
    const before = excel.dump('令和2年度実績');
    await expect(
      createExcelHost(excel.env()).applyRollover(
        planRollover(kasama, DEFAULT_SETTINGS, { renameHeaders: false }),
        SYMBOLS,
      ),
    ).rejects.toMatchObject({
      code: 'protected',
      detail: { sheets: ['令和2年度実績'] },
    });
    expect(excel.dump('令和2年度実績')).toEqual(before);
    expect(sheet.protected).toBe(true);
  });
});

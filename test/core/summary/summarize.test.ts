import { analyse } from '../../../src/core/analyse';
import { createHash } from 'node:crypto';
import { sha256Hex, snapshotContentHash } from '../../../src/core/hash';
import { workbook } from '../../helpers/snapshot';
import { DEFAULT_SETTINGS, type EndedRule } from '../../../src/core/settings';
import { findHandMadeSummaries, reconcile } from '../../../src/core/summary/reconcile';
import { summarize } from '../../../src/core/summary/summarize';
import type { WorkbookSnapshot } from '../../../src/core/grid';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';
import { readdirSync } from 'node:fs';

async function load(path: string): Promise<WorkbookSnapshot> {
  const outcome = await readWorkbookFile(path, path);
  if (!outcome.ok) throw new Error(path);
  return outcome.snapshot;
}

const provenance = {
  tool: 'reform-progress',
  version: 'test',
  generatedAt: '2026-11-24T00:00:00Z',
  inputs: [],
};

async function model(paths: string[], ended: EndedRule = 'on-plan') {
  const snapshots = await Promise.all(paths.map(load));
  const settings = { ...DEFAULT_SETTINGS, endedRule: ended };
  const analysis = analyse(snapshots, settings);
  return {
    snapshots,
    model: summarize(analysis.items, { year: analysis.year!, years: analysis.years, settings, provenance }),
  };
}

const departments = readdirSync('examples/departments').map((n) => `examples/departments/${n}`);

describe.each([
  ['kasama-r2.xlsx', ['examples/kasama-r2.xlsx']],
  ['departments', departments],
])('%s', (_name, paths) => {
  test('R2, H30 and R1 figures from the items; the published 75.7 % under the default rule', async () => {
    const { model: m } = await model(paths);
    const byYear = Object.fromEntries(m.years.map((y) => [y.year, y]));
    expect(m.year).toBe('R2');
    expect(byYear.R2).toMatchObject({
      items: 70,
      counts: { ahead: 9, onPlan: 25, nearlyOnPlan: 17, behind: 17, ended: 2 },
      unmarked: 0,
      progress: { numerator: 53, denominator: 70 },
    });
    expect(byYear.R2!.progress.rate).toBeCloseTo(0.757, 3);
    expect(byYear.H30).toMatchObject({
      items: 68,
      counts: { ahead: 13, onPlan: 33, nearlyOnPlan: 11, behind: 11, ended: 0 },
    });
    expect(byYear.R1).toMatchObject({
      items: 68,
      counts: { ahead: 11, onPlan: 33, nearlyOnPlan: 14, behind: 10, ended: 0 },
    });
  });

  test('the other ended rules', async () => {
    expect((await model(paths, 'exclude')).model.years.at(-1)!.progress).toMatchObject({
      numerator: 51,
      denominator: 68,
    });
    expect((await model(paths, 'not-achieved')).model.years.at(-1)!.progress).toMatchObject({
      numerator: 51,
      denominator: 70,
    });
  });

  test("breakdowns: the two-owner item in both owners' rows, once in totals", async () => {
    const { model: m } = await model(paths);
    const policy = m.groups.policy.map((g) => [g.key, g.items]);
    expect(policy).toEqual([
      ['効率的な行政運営', 27],
      ['持続可能な財政運営', 33],
      ['市民協働の推進', 10],
    ]);
    const dept = Object.fromEntries(m.groups.department.map((g) => [g.key, g]));
    expect(dept['教育委員会']!.items).toBe(2);
    expect(m.groups.department.reduce((n, g) => n + g.items, 0)).toBe(71);
    const general = m.groups.division.filter((g) => g.key === '総務課').map((g) => [g.parent, g.items]);
    expect(general).toEqual(
      expect.arrayContaining([
        ['総務部', 9],
        ['消防本部', 2],
      ]),
    );
    expect(m.groups.measure).toHaveLength(10);
  });

  test('lists: behind, ended, rises and falls', async () => {
    const { model: m } = await model(paths);
    expect(m.behind).toHaveLength(17);
    expect(m.endedItems.map((i) => i.name)).toEqual(['給与計算事務の外部委託', '地域ポイント制度の拡充']);
    const falls = m.changes.filter((c) => c.direction === 'down').map((c) => c.item.name);
    expect(falls).toContain('ふるさと寄附金(納税)制度の推進');
    expect(m.changes.every((c) => c.fromYear === 'R1')).toBe(true);
  });
});

test('reconciliation flags the hand-typed history exactly where it differs from the items', async () => {
  const { snapshots, model: m } = await model(['examples/kasama-r2.xlsx']);
  const tables = findHandMadeSummaries(snapshots[0]!);
  const findings = reconcile(tables, m.years, 'on-plan', 'examples/kasama-r2.xlsx');
  const cells = findings.map((f) => f.cell).sort();
  expect(cells).toEqual(['C6', 'C8', 'C9', 'D5', 'D6', 'D7', 'D8', 'D9']);
  expect(findings.every((f) => f.code === 'summary.mismatch' && f.severity === 'warning')).toBe(true);
  const h30Rate = findings.find((f) => f.cell === 'C9')!;
  expect(h30Rate.params).toMatchObject({ year: 'H30', written: '82.4%', computed: '83.8%' });
  // Under another rule, R2's 計画どおり 27 (= 25 + 2 ended) no longer matches.
  const excluded = reconcile(
    tables,
    (await model(['examples/kasama-r2.xlsx'], 'not-achieved')).model.years,
    'not-achieved',
    'x',
  );
  expect(excluded.map((f) => f.cell)).toContain('E6');
});

test('an item table full of ○ □ ▲ is not taken for a hand-made summary, however long', () => {
  const rows: (string | number | null)[][] = [['施策', '番号', '実施項目', 'H30', 'R1', 'R2']];
  const marks = ['○', '□', '▲', '◎'];
  for (let i = 0; i < 3000; i += 1)
    rows.push(['業務改善', i + 1, `項目${i}`, marks[i % 4]!, marks[(i + 1) % 4]!, marks[(i + 2) % 4]!]);
  // A real summary below it, beside the item columns, still is (and its one wrong figure is found).
  const pad = [null, null, null, null, null, null, null];
  rows.push(
    [],
    [...pad, '区分', 'R1', 'R2'],
    [...pad, '実施項目数', 3000, 3000],
    [...pad, '進んでいる', 750, 750],
    [...pad, '計画どおり', 700, 750],
    [...pad, '遅れている', 750, 750],
  );
  const book: WorkbookSnapshot = {
    file: 'long.xlsx',
    sheets: [{ name: 'S', top: 0, left: 0, values: rows, merges: [], hidden: false }],
    ownedSheets: [],
  };
  const analysis = analyse([book], DEFAULT_SETTINGS);
  expect(analysis.tables).toMatchObject([{ headerTop: 0, lastRow: 3000, firstColumn: 0, lastColumn: 5 }]);
  // The same table whether the plan table's cells are read for labels or passed over (as a summary does).
  const tables = findHandMadeSummaries(book);
  expect(findHandMadeSummaries(book, undefined, analysis.tables)).toEqual(tables);
  expect(tables).toHaveLength(1);
  expect(tables[0]!.figures.map((f) => `${f.kind}:${f.year}:${f.value}`)).toEqual([
    'items:R1:3000',
    'items:R2:3000',
    'ahead:R1:750',
    'ahead:R2:750',
    'onPlan:R1:700',
    'onPlan:R2:750',
    'behind:R1:750',
    'behind:R2:750',
  ]);
  const m = summarize(analysis.items, {
    year: 'R2',
    years: ['H30', 'R1', 'R2'],
    settings: DEFAULT_SETTINGS,
    provenance,
  });
  expect(reconcile(tables, m.years, 'on-plan', 'long.xlsx').map((f) => f.cell)).toEqual(['I3006']);
});

test('SHA-256 known vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('a'.repeat(1000))).toBe(
    '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
  );
});

test('SHA-256 agrees with Node at every length around the block boundaries, and so does the content hash', () => {
  const native = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  for (let n = 0; n <= 200; n += 1) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
    expect([n, sha256Hex(bytes)]).toEqual([n, native(bytes)]);
  }
  const book = workbook('a.xlsx', [{ name: 'S', rows: [['名前', '◎', 3, true, null], ['x']] }]);
  expect(snapshotContentHash(book)).toBe(snapshotContentHash(book, native));
});

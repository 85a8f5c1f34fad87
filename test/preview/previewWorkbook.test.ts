/**
 * The preview's workbook is the package itself: every host call is a package edit (the CLI's graft,
 * rollover and sheet edits), read back by our reader; every part it does not own stays byte for byte.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyse } from '../../src/core/analyse';
import { generateSummary } from '../../src/core/flows/generateSummary';
import { dropdownTargets } from '../../src/core/flows/edits';
import { describeError, HostError } from '../../src/core/hostErrors';
import { planRollover } from '../../src/core/rollover/planRollover';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { buildTemplates } from '../../src/core/template/buildTemplates';
import { createPreviewHost, PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { readXlsx } from '../../src/xlsx/package/readXlsx';
import { packageProblems } from '../helpers/packageRules';

const FILE = 'examples/kasama-r2.xlsx';
const SHEET = '令和2年度実績';

async function openExample() {
  const bytes = readFileSync(FILE);
  const opened = await PreviewWorkbook.open(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    'kasama-r2.xlsx',
  );
  if (!opened.ok) throw new Error('the example does not open');
  return { book: opened.book, host: createPreviewHost(opened.book), original: new Uint8Array(bytes) };
}

/** Zip entries whose bytes differ (or that are new or gone) between two packages. */
function changedEntries(a: Uint8Array, b: Uint8Array): string[] {
  const x = unzipSync(a);
  const y = unzipSync(b);
  const names = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...names].filter((n) => !x[n] || !y[n] || Buffer.compare(x[n]!, y[n]!) !== 0).sort();
}

function cellXml(bytes: Uint8Array, part: string, ref: string): string {
  const xml = strFromU8(unzipSync(bytes)[part]!);
  const start = xml.indexOf(`<c r="${ref}"`);
  return xml.slice(start, xml.indexOf('</c>', start) + 4);
}

test('the summary is grafted as `summarize --out` does: the user parts untouched, charts written, read back', async () => {
  const { book, host, original } = await openExample();
  const generated = generateSummary({
    workbooks: [book.snapshot()],
    settings: DEFAULT_SETTINGS,
    lang: 'ja',
    now: '2026-12-01T00:00:00Z',
  });
  if (!generated.ok) throw new Error(generated.reason);
  const result = await host.applyPlan(generated.plan);
  expect(result.replaced).toEqual([]);
  const bytes = await book.toXlsx();
  expect(packageProblems(bytes)).toEqual([]);
  const changed = changedEntries(original, bytes);
  // Only what a graft must change, and our own new parts.
  expect(
    changed.filter(
      (n) =>
        !/^xl\/(worksheets\/sheet\d+|drawings\/.*|charts\/chart\d+)\.xml/.test(n) &&
        !n.includes('drawings/_rels') &&
        !n.includes('worksheets/_rels'),
    ),
  ).toEqual([
    '[Content_Types].xml',
    'docProps/app.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/workbook.xml',
  ]);
  expect(changed.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(4);
  const read = await readXlsx(bytes, 'kasama-r2.xlsx');
  if (!read.ok) throw new Error('not read back');
  expect(read.snapshot.ownedSheets).toEqual(generated.plan.sheets.map((s) => s.name));
  expect(book.snapshot().sheets.map((s) => s.name)).toEqual(read.snapshot.sheets.map((s) => s.name));

  // Written again: our sheets replaced, not added twice; the user's sheet untouched still.
  const again = await host.applyPlan(generated.plan);
  expect(again.replaced).toEqual(generated.plan.sheets.map((s) => s.name));
  expect(book.snapshot().sheets).toHaveLength(read.snapshot.sheets.length);
  expect(packageProblems(await book.toXlsx())).toEqual([]);
});

test('cell values: checked against the workbook first, written with their style, nothing else changed', async () => {
  const { book, host, original } = await openExample();
  const sheet = book.snapshot().sheets.find((s) => s.name === SHEET)!;
  const at = (ref: string) => book.valueAt(SHEET, ref);
  // A status cell holding ○ (0-based row 7 onwards; the example's R2 column).
  const ref = ['E9', 'E10', 'E11', 'E12'].find((r) => at(r) === '○')!;
  expect(ref).toBeDefined();
  await expect(
    host.writeCells([{ sheet: SHEET, cell: ref, expected: '◎', value: '○' }]),
  ).rejects.toMatchObject({
    code: 'changedMeanwhile',
  });
  const part = 'xl/worksheets/sheet1.xml';
  const style = /\ss="\d+"/.exec(cellXml(original, part, ref))?.[0];
  await host.writeCells([{ sheet: SHEET, cell: ref, expected: '○', value: '◎' }]);
  expect(at(ref)).toBe('◎');
  const bytes = await book.toXlsx();
  expect(cellXml(bytes, part, ref)).toBe(
    `<c r="${ref}"${style ?? ''} t="inlineStr"><is><t xml:space="preserve">◎</t></is></c>`,
  );
  expect(changedEntries(original, bytes)).toEqual([part]);
  expect(packageProblems(bytes)).toEqual([]);
  expect(sheet.name).toBe(SHEET);
});

test('dropdowns, department sheets and the rollover, each a package edit read back', async () => {
  const { book, host } = await openExample();
  const userSheets = book.snapshot().sheets.map((s) => s.name);
  const analysis = analyse([book.snapshot()], DEFAULT_SETTINGS, {});
  const targets = dropdownTargets(analysis.tables, SHEET);
  expect(targets.length).toBeGreaterThan(0);
  await host.installDropdowns(SHEET, targets, ['◎', '○', '□', '▲', '終了']);
  const dropped = strFromU8(unzipSync(await book.toXlsx())['xl/worksheets/sheet1.xml']!);
  expect(dropped).toContain('<formula1>"◎,○,□,▲,終了"</formula1>');
  expect(packageProblems(await book.toXlsx())).toEqual([]);

  const plan = planRollover(book.snapshot(), DEFAULT_SETTINGS, { renameHeaders: false });
  await host.applyRollover(plan, ['◎', '○', '□', '▲', '終了']);
  expect([book.valueAt(SHEET, 'E7'), book.valueAt(SHEET, 'F7'), book.valueAt(SHEET, 'G6')]).toEqual([
    'R2',
    'R3',
    '担当部',
  ]);

  const templates = buildTemplates(
    { kind: 'workbooks', snapshots: [book.snapshot()] },
    { years: 'R4-R8', title: '' },
    DEFAULT_SETTINGS,
  );
  if (!templates.ok) throw new Error(templates.problem);
  const created = await host.createSheets(templates.sheets);
  expect(created.created).toEqual(templates.sheets.map((s) => s.name));
  await expect(host.createSheets(templates.sheets.slice(0, 1))).rejects.toBeInstanceOf(HostError);
  const bytes = await book.toXlsx();
  expect(packageProblems(bytes)).toEqual([]);
  const read = await readXlsx(bytes, 'kasama-r2.xlsx');
  if (!read.ok) throw new Error('not read back');
  // Department sheets are the user's: no ownership marker.
  expect(read.snapshot.ownedSheets).toEqual([]);
  expect(read.snapshot.sheets.map((s) => s.name)).toEqual([
    ...userSheets,
    ...templates.sheets.map((s) => s.name),
  ]);
  const first = read.snapshot.sheets.find((s) => s.name === templates.sheets[0]!.name)!;
  expect(first.values.flat()).toContain('R4');
});

test('a file whose styles the summary cannot be added to: refused in the user’s language, the file unchanged', async () => {
  const files = unzipSync(readFileSync(FILE));
  const styles = strFromU8(files['xl/styles.xml']!);
  files['xl/styles.xml'] = strToU8(
    styles.slice(0, styles.indexOf('<fonts')) + styles.slice(styles.indexOf('</fonts>') + '</fonts>'.length),
  );
  const bytes = zipSync(files);
  const opened = await PreviewWorkbook.open(bytes.slice().buffer, 'nofonts.xlsx');
  if (!opened.ok) throw new Error('the file does not open');
  const generated = generateSummary({
    workbooks: [opened.book.snapshot()],
    settings: DEFAULT_SETTINGS,
    lang: 'ja',
    now: '2026-12-01T00:00:00Z',
  });
  if (!generated.ok) throw new Error(generated.reason);
  const failure = await createPreviewHost(opened.book)
    .applyPlan(generated.plan)
    .then(
      () => null,
      (err: unknown) => err,
    );
  expect(failure).toBeInstanceOf(HostError);
  expect((failure as HostError).code).toBe('notGraftable');
  expect(describeError(failure, 'ja')).toBe(
    'ブック内の xl/styles.xml が想定外の形式のため、集計表を追加できません。何も変更していません。Excel でブックを開き、アドインで集計表を作成してください。',
  );
  expect(Buffer.compare(Buffer.from(await opened.book.toXlsx()), Buffer.from(bytes))).toBe(0);
});

/**
 * The direct writer (src/xlsx/write) against the ExcelJS writer it replaced, on the real examples'
 * summaries and on templates. What the ExcelJS writer's packages read back as (with ExcelJS, an
 * independent reader) was recorded in test/golden/exceljs-writer.json before that writer left the
 * project; the direct writer's packages, read back the same way, give the same cell values, number formats, fonts, fills, borders, alignments, links, column widths, freeze
 * panes, print settings, headers and footers, tab colours and print titles; templates the same merges,
 * dropdowns and locked cells; the chart parts are the chart writer's, byte for byte.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { generateSummary } from '../../src/core/flows/generateSummary';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { WorkbookSnapshot } from '../../src/core/grid';
import { buildTemplates } from '../../src/core/template/buildTemplates';
import { chartXml } from '../../src/xlsx/chartXml';
import { decodeXml } from '../../src/xlsx/package/xml';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbookBuffer';
import { newSummaryWorkbook, templateWorkbook } from '../../src/xlsx/write/summaryWorkbook';
import { packageProblems } from '../helpers/packageRules';

interface Recorded {
  readonly sheets: Record<string, ReturnType<typeof describe>>;
  readonly links: Record<string, string[]>;
}
const recorded = JSON.parse(readFileSync('test/golden/exceljs-writer.json', 'utf8')) as Record<
  string,
  unknown
>;
/** As recorded: through JSON (dates as text, absent fields dropped). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Everything a reader sees of a sheet, as plain data. */
function describe(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const font = cell.font ?? {};
      const value = cell.value;
      cells[cell.address] = {
        value:
          value !== null && typeof value === 'object' && 'hyperlink' in value
            ? { text: value.text, hyperlink: value.hyperlink }
            : value !== null && typeof value === 'object' && 'richText' in value
              ? value.richText.map((r) => r.text).join('')
              : value,
        numFmt: cell.numFmt ?? 'General',
        font: {
          name: font.name,
          size: font.size,
          bold: !!font.bold,
          italic: !!font.italic,
          underline: !!font.underline,
          color: font.color?.argb,
        },
        fill: cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? null) : null,
        border: cell.border?.top?.style ?? null,
        alignment: {
          horizontal: cell.alignment?.horizontal,
          vertical: cell.alignment?.vertical,
          wrap: !!cell.alignment?.wrapText,
        },
        locked: cell.protection?.locked !== false,
      };
    }),
  );
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c += 1) widths.push(ws.getColumn(c).width);
  const view = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations.model;
  return {
    cells,
    widths,
    freeze: view?.state === 'frozen' ? { x: view.xSplit ?? 0, y: view.ySplit ?? 0 } : null,
    page: {
      orientation: ws.pageSetup.orientation,
      paperSize: ws.pageSetup.paperSize,
      fitToPage: !!ws.pageSetup.fitToPage,
      fitToWidth: ws.pageSetup.fitToPage ? ws.pageSetup.fitToWidth : undefined,
      fitToHeight: ws.pageSetup.fitToPage ? ws.pageSetup.fitToHeight : undefined,
      printTitlesRow: ws.pageSetup.printTitlesRow,
      printTitlesColumn: ws.pageSetup.printTitlesColumn,
    },
    header: ws.headerFooter?.oddHeader,
    footer: ws.headerFooter?.oddFooter,
    tab: ws.properties.tabColor?.argb,
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    validations: Object.fromEntries(
      Object.entries(validations).map(([k, v]) => [
        k,
        { ...(v as object), showErrorMessage: true, errorStyle: 'warning' },
      ]),
    ),
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  };
}

/** Each sheet's in-workbook links, as ref → location, read from the sheet parts' XML. */
function links(bytes: Uint8Array): Record<string, string[]> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const out: Record<string, string[]> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(
      rels,
    )!;
    const xml = strFromU8(files[`xl/${(target[1] ?? target[2])!.replace(/^\/xl\//, '')}`]!);
    out[m[1]!] = [...xml.matchAll(/<hyperlink [^>]*>/g)].map(
      (h) =>
        `${/ref="([^"]*)"/.exec(h[0])![1]} → ${decodeXml(/location="([^"]*)"/.exec(h[0])?.[1] ?? '')} ${/r:id=/.test(h[0])}`,
    );
  }
  return out;
}

async function snapshot(file: string): Promise<WorkbookSnapshot> {
  const outcome = await readWorkbookBuffer(readFileSync(file), file.split('/').pop()!);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.finding));
  return outcome.snapshot;
}

test.each([
  ['examples/kasama-r2.xlsx', true],
  ['examples/departments/上下水道部.xlsx', false],
])(
  "%s: the summary's sheets read back the same from the direct writer as from ExcelJS",
  async (file, withLinks) => {
    const book = await snapshot(file);
    const result = generateSummary({
      workbooks: [book],
      linkableFile: book.file,
      settings: DEFAULT_SETTINGS,
      lang: 'ja',
      now: '2026-11-24T09:00:00+09:00',
    });
    if (!result.ok) throw new Error(result.reason);
    // The old pipeline whole (ExcelJS, then the charts and the in-workbook links), as recorded.
    const before = recorded[file] as Recorded;
    const bytes = newSummaryWorkbook(result.plan, '2026-11-24T09:00:00+09:00');
    expect(packageProblems(bytes)).toEqual([]);
    const after = await load(bytes);
    expect(after.worksheets.map((w) => w.name)).toEqual(result.plan.sheets.map((s) => s.name));
    let cells = 0;
    for (const sheet of result.plan.sheets) {
      const expected = before.sheets[sheet.name]!;
      cells += Object.keys(expected.cells).length;
      expect([sheet.name, plain(describe(after.getWorksheet(sheet.name)!))]).toEqual([sheet.name, expected]);
    }
    expect(cells).toBeGreaterThan(300);
    expect(result.plan.sheets.some((s) => s.links.length > 0)).toBe(withLinks);
    // The charts: the chart writer's parts, byte for byte, one per planned chart.
    const files = unzipSync(bytes);
    const charts = Object.keys(files)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((n) => strFromU8(files[n]!));
    expect(charts).toEqual(result.plan.sheets.flatMap((s) => s.charts.map((c) => chartXml(c, s))));
    expect(charts.length).toBeGreaterThan(2);
    // Links to cells: the same cells, the same places.
    const linksOld = before.links;
    expect(links(bytes)).toEqual(linksOld);
    expect(Object.values(linksOld).flat().length > 0).toBe(withLinks);
  },
);

test('a template reads back the same from the direct writer as from ExcelJS: merges, dropdowns, locked cells, protection', async () => {
  const text = readFileSync('examples/plans/kasama-4th-plan.json', 'utf8');
  const built = buildTemplates({ kind: 'file', text }, { years: '', title: '' }, DEFAULT_SETTINGS);
  if (!built.ok) throw new Error(JSON.stringify(built));
  const sheet = built.sheets[0]!;
  const before = recorded['template'];
  const bytes = templateWorkbook(sheet);
  expect(packageProblems(bytes)).toEqual([]);
  const after = describe((await load(bytes)).worksheets[0]!);
  expect(after.protected).toBe(true);
  expect(after.merges.length).toBeGreaterThan(0);
  expect(Object.keys(after.validations).length).toBeGreaterThan(0);
  expect(Object.values(after.cells).some((c) => !(c as { locked: boolean }).locked)).toBe(true);
  expect(Object.values(after.cells).some((c) => (c as { locked: boolean }).locked)).toBe(true);
  expect(plain(after)).toEqual(before);
});

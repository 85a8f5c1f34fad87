/**
 * Applies a write plan in three round trips whatever the number of sheets and rows:
 * (1) read sheet names and ownership markers and check the plan (a user's sheet is never touched);
 * (2) write every planned sheet under a temporary name: values and formats as 2-D blocks, charts,
 *     links, print setup;
 * (3) delete the old owned sheets, give the new ones their final names, renew the markers.
 * A failure before (3) leaves the previous summary intact and no half-written sheet under a final name.
 * Requests above the web's payload limit are split: one more round trip per ~4 MB of cell data.
 */
import { columnLetters, parseRange } from '../core/grid';
import { HostError, type ApplyResult } from '../core/hostPort';
import { checkPlan, isMarkerName, markerName } from '../core/ownership';
import { asLiteralText } from '../core/textSafety';
import type { ChartSpec, PlanFormat, PlanSheet, WritePlan } from '../core/writePlan';
import { type ExcelEnv, runBatch } from './env';
import { guarded, toHostError } from './errors';
import { ownedFromNames } from './readSnapshot';

const CHART_TYPES: Readonly<Record<ChartSpec['type'], string>> = {
  doughnut: 'Doughnut',
  pie: 'Pie',
  barStacked: 'BarStacked',
  columnClustered: 'ColumnClustered',
  line: 'LineMarkers',
};

/** Points per character of column width (Excel's default font). */
const POINTS_PER_CHAR = 7;

interface Features {
  readonly charts: boolean;
  readonly links: boolean;
  readonly freeze: boolean;
  readonly tabColor: boolean;
  readonly pageLayout: boolean;
  readonly names: boolean;
}

function features(env: ExcelEnv): Features {
  return {
    charts: env.isSetSupported('ExcelApi', '1.7'),
    links: env.isSetSupported('ExcelApi', '1.7'),
    freeze: env.isSetSupported('ExcelApi', '1.7'),
    tabColor: env.isSetSupported('ExcelApi', '1.7'),
    pageLayout: env.isSetSupported('ExcelApi', '1.9'),
    names: env.isSetSupported('ExcelApi', '1.4'),
  };
}

/** The sheet's values as one rectangle from A1, text kept literal. */
function block(sheet: PlanSheet): { address: string; values: (string | number | boolean)[][] } | null {
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  if (width === 0 || sheet.values.length === 0) return null;
  const values = sheet.values.map((row) => Array.from({ length: width }, (_, c) => asLiteralText(row[c] ?? '') ?? ''));
  return { address: `A1:${columnLetters(width - 1)}${sheet.values.length}`, values: values as (string | number | boolean)[][] };
}

function applyFormat(ws: Excel.Worksheet, f: PlanFormat): void {
  const range = ws.getRange(f.range);
  if (f.numberFormat) {
    const r = parseRange(f.range);
    if (r) range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => f.numberFormat!));
  }
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.italic !== undefined) range.format.font.italic = f.italic;
  if (f.fontSize) range.format.font.size = f.fontSize;
  if (f.fontColor) range.format.font.color = f.fontColor;
  if (f.fill) range.format.fill.color = f.fill;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.align) range.format.horizontalAlignment = f.align === 'left' ? 'Left' : f.align === 'center' ? 'Center' : 'Right';
  if (f.border === 'thin') {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      range.format.borders.getItem(edge).style = 'Continuous';
    }
  }
}

function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const first = spec.series[0];
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPES[spec.type] as Excel.ChartType, ws.getRange(first.values), 'Columns');
  chart.title.text = spec.title;
  chart.setPosition(spec.from, spec.to);
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(spec.categories));
    if (s.color && spec.type !== 'doughnut' && spec.type !== 'pie') series.format.fill.setSolidColor(s.color);
  });
}

function writeSheetBody(ws: Excel.Worksheet, sheet: PlanSheet, has: Features): void {
  sheet.columnWidths.forEach((width, i) => {
    ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = width * POINTS_PER_CHAR;
  });
  for (const f of sheet.formats) applyFormat(ws, f);
  if (has.links) {
    for (const link of sheet.links) {
      ws.getRange(link.cell).hyperlink = { documentReference: `'${link.targetSheet.replace(/'/g, "''")}'!${link.targetCell}`, screenTip: link.targetCell };
    }
  }
  if (has.charts) for (const spec of sheet.charts) addChart(ws, spec);
  if (has.freeze && sheet.freeze) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(Math.max(0, sheet.freeze.columns - 1))}${Math.max(1, sheet.freeze.rows)}`));
  if (has.tabColor && sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (has.pageLayout) {
    ws.pageLayout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${sheet.print.repeatRows[0]}:$${sheet.print.repeatRows[1]}`);
  }
}

function temporaryName(index: number): string {
  return `RP_tmp_${Date.now().toString(36).slice(-5)}_${index}`;
}

export function applyPlan(env: ExcelEnv, plan: WritePlan): Promise<ApplyResult> {
  const has = features(env);
  return guarded(() =>
    runBatch(env, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      const names = context.workbook.names;
      names.load('items/name,items/value');
      await context.sync();

      const owned = ownedFromNames(names.items.map((n) => ({ name: n.name, value: n.value })));
      const check = checkPlan(plan, { sheetNames: worksheets.items.map((w) => w.name), ownedSheets: owned });
      if (check.conflicts.length > 0 || check.invalidNames.length > 0) {
        throw new HostError('conflict', 'refusing to overwrite', { sheets: [...check.conflicts, ...check.invalidNames].join('」「') });
      }

      // Round trip 2: the new sheets under temporary names, so no final name ever shows a half-written sheet.
      const temporary = plan.sheets.map((sheet, i) => ({ sheet, ws: worksheets.add(temporaryName(i)) }));
      let pendingBytes = 0;
      try {
        for (const { sheet, ws } of temporary) {
          const body = block(sheet);
          if (body) {
            const bytes = JSON.stringify(body.values).length;
            // Keep each request under the web's limit; typical summaries fit in one.
            if (pendingBytes > 0 && pendingBytes + bytes > env.maxRequestBytes) {
              // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB chunk, not per sheet
              await context.sync();
              pendingBytes = 0;
            }
            ws.getRange(body.address).values = body.values;
            pendingBytes += bytes;
          }
          writeSheetBody(ws, sheet, has);
        }
        await context.sync();
      } catch (err) {
        // Best effort: take the temporary sheets away; the previous summary was never touched.
        for (const { ws } of temporary) ws.delete();
        await context.sync().catch(() => undefined);
        throw toHostError(err);
      }

      // Round trip 3: swap in the new sheets and renew the ownership markers.
      const replaced = new Set(check.replaced.map((n) => n.toLowerCase()));
      for (const ws of worksheets.items) if (replaced.has(ws.name.toLowerCase())) ws.delete();
      temporary.forEach(({ sheet, ws }) => (ws.name = sheet.name));
      if (has.names) {
        for (const item of names.items) if (isMarkerName(item.name)) item.delete();
        const stillOwned = check.stale;
        const targets = [...temporary.map(({ ws }) => ws), ...stillOwned.map((name) => worksheets.getItem(name))];
        targets.forEach((ws, i) => names.add(markerName(i + 1), ws.getRange('A1')));
      }
      temporary[0]?.ws.activate();
      await context.sync();
      return { written: plan.sheets.map((s) => s.name), replaced: check.replaced };
    }),
  );
}

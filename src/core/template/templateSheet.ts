/**
 * Lays out one department's template: heading rows (1. 基本方針, (1) 施策) and, under each measure,
 * a plan table with the two-row header the reader understands — 進捗状況 merged over the plan's
 * years, each year merged over its 計画 / 実績 indicator columns — the mark legend, print settings
 * and the cells that take a mark from a dropdown. Data only: a shell writes it.
 */
import { a1, type CellRange } from '../grid';
import { markLabels, templateWords } from '../messages';
import type { FiscalYear } from '../model';
import { gradesOf, type Settings } from '../settings';
import { stripControlChars, truncateUnits } from '../textSafety';
import { formatFiscalYear, nextFiscalYear, parseFiscalYear } from '../values';
import type { PlanSheet, PlanValue } from '../writePlan';
import type { PlanDefinition, PlanDefinitionItem, PlanOwner } from './planDefinition';
import { SheetBuilder, span } from '../layout/sheetBuilder';

/**
 * A new sheet for people to fill: not one of the add-in's own sheets (the reader reads it). Its
 * content is a sheet of the one model (merges, the marks' dropdown, headers locked); the department
 * and the number of items it holds are for the messages that report it.
 */
export interface TemplateSheet extends PlanSheet {
  readonly department: string;
  readonly items: number;
}

const STATUS_FILL = '#FFF9E5';
/** Excel's limit on sheet names, and the characters it refuses in them. */
const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts: NFC, no control characters, none of []:*?/\\, no apostrophe at either end,
 * at most 31 UTF-16 units (Excel counts units) without cutting a surrogate pair.
 */
export function sheetNameFor(department: string): string {
  const cleaned = stripControlChars(department.normalize('NFC'))
    .replace(BAD_SHEET_CHARS, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return truncateUnits(cleaned === '' ? '_' : cleaned, MAX_SHEET_NAME);
}

const CIRCLED: readonly [number, number, number][] = [
  [1, 20, 0x2460],
  [21, 35, 0x3251],
  [36, 50, 0x32b1],
];

/** ① … ㊿ as the seed writes item numbers; plain digits beyond 50. */
export function circledNumber(n: number): string {
  const band = CIRCLED.find(([from, to]) => n >= from && n <= to);
  return band ? String.fromCodePoint(band[2] + n - band[0]) : String(n);
}

/** The column layout shared by every table of a template (0-based columns). */
export interface TemplateColumns {
  readonly number: number;
  readonly name: number;
  /** First status column; one per plan year. */
  readonly status: number;
  readonly department: number;
  readonly division: number;
  readonly indicator: number;
  /** First 計画 column; 計画 / 実績 per plan year. */
  readonly figures: number;
  readonly result: number;
  readonly nextPlan: number;
  readonly width: number;
}

export function templateColumns(yearCount: number): TemplateColumns {
  const status = 2;
  const department = status + yearCount;
  const figures = department + 3;
  const result = figures + 2 * yearCount;
  return {
    number: 0,
    name: 1,
    status,
    department,
    division: department + 1,
    indicator: department + 2,
    figures,
    result,
    nextPlan: result + 1,
    width: result + 2,
  };
}

const ownerCell = (owners: readonly PlanOwner[], field: 'department' | 'division') =>
  owners.map((o) => o[field]).join('\n');

function headerRows(years: readonly FiscalYear[], cols: TemplateColumns): [PlanValue[], PlanValue[]] {
  const top: PlanValue[] = Array<PlanValue>(cols.width).fill(null);
  const bottom: PlanValue[] = Array<PlanValue>(cols.width).fill(null);
  const w = templateWords;
  top[cols.number] = w.number;
  top[cols.name] = w.name;
  top[cols.department] = w.department;
  top[cols.division] = w.division;
  top[cols.indicator] = w.indicator;
  top[cols.result] = w.result.replace('{year}', years[0]!);
  top[cols.nextPlan] = w.nextPlan.replace(
    '{year}',
    formatFiscalYear(nextFiscalYear(years[0]!), 'ja', 'long'),
  );
  years.forEach((year, i) => {
    top[cols.status + i] = w.status;
    bottom[cols.status + i] = year;
    top[cols.figures + 2 * i] = formatFiscalYear(year, 'ja', 'long');
    top[cols.figures + 2 * i + 1] = formatFiscalYear(year, 'ja', 'long');
    bottom[cols.figures + 2 * i] = w.target;
    bottom[cols.figures + 2 * i + 1] = w.actual;
  });
  return [top, bottom];
}

/** The header's merged cells, rows relative to its first: down both rows, 進捗状況 across the years, each year across its two. */
function headerMerges(years: readonly FiscalYear[], cols: TemplateColumns): CellRange[] {
  const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
  const down = [
    cols.number,
    cols.name,
    cols.department,
    cols.division,
    cols.indicator,
    cols.result,
    cols.nextPlan,
  ].map((c) => range(0, c, 1, c));
  const across = years.length > 1 ? [range(0, cols.status, 0, cols.status + years.length - 1)] : [];
  const perYear = years.map((_, i) => range(0, cols.figures + 2 * i, 0, cols.figures + 2 * i + 1));
  return [...down, ...across, ...perYear];
}

function itemRow(
  item: PlanDefinitionItem,
  index: number,
  years: readonly FiscalYear[],
  cols: TemplateColumns,
): PlanValue[] {
  const row: PlanValue[] = Array<PlanValue>(cols.width).fill(null);
  row[cols.number] = item.number ?? circledNumber(index + 1);
  row[cols.name] = item.priority ? `${item.name}${templateWords.priority}` : item.name;
  row[cols.department] = ownerCell(item.owners, 'department');
  row[cols.division] = ownerCell(item.owners, 'division');
  if (item.indicator) {
    row[cols.indicator] = item.indicator.key
      ? `${templateWords.keyIndicator}${item.indicator.name}`
      : item.indicator.name;
    const targets = targetsByYear(item.indicator.targets);
    years.forEach((year, i) => {
      const target = targets.get(year);
      if (target !== undefined) row[cols.figures + 2 * i] = target;
    });
  }
  return row;
}

/** Targets keyed as people type years (`R4`, `令和4年度`) → canonical labels. */
function targetsByYear(targets: Readonly<Record<string, number | string>>): Map<FiscalYear, number | string> {
  const map = new Map<FiscalYear, number | string>();
  for (const [label, value] of Object.entries(targets)) {
    const year = parseFiscalYear(label);
    if (year) map.set(year, value);
  }
  return map;
}

function legendText(settings: Settings): string {
  const parts = gradesOf(settings).map((m) => `${m.symbol}：${m.label?.ja ?? markLabels[m.key].ja}`);
  return `${templateWords.legend}\u3000${parts.join('\u3000')}`;
}

const belongsTo = (item: PlanDefinitionItem, department: string) =>
  item.owners.some((o) => o.department === department);

/** The template of one department, or null when the plan gives it no item. */
export function templateSheet(
  plan: PlanDefinition,
  department: string,
  settings: Settings,
): TemplateSheet | null {
  const years = plan.years;
  const cols = templateColumns(years.length);
  const symbols = gradesOf(settings).map((m) => m.symbol);
  const last = cols.width - 1;
  const b = new SheetBuilder(sheetNameFor(department));
  let items = 0;

  const title = b.title(
    templateWords.title
      .replace('{plan}', plan.title)
      .replace('{from}', formatFiscalYear(years[0]!, 'ja', 'long'))
      .replace('{to}', formatFiscalYear(years[years.length - 1]!, 'ja', 'long'))
      .replace('{department}', department),
  );
  const legend = b.add([legendText(settings)]);
  b.blank();
  b.lock(span(title, 0, legend, 0));

  plan.policies.forEach((policy, p) => {
    const measures = policy.measures
      .map((m, i) => ({ measure: m, no: i + 1, items: m.items.filter((it) => belongsTo(it, department)) }))
      .filter((m) => m.items.length > 0);
    if (measures.length === 0) return;
    b.lock(a1(b.heading(`${p + 1}. ${policy.title}`), 0));
    for (const { measure, no, items: measureItems } of measures) {
      b.lock(a1(b.subheading(`(${no}) ${measure.title}`), 0));
      const header = b.mergedHeader(headerRows(years, cols), headerMerges(years, cols));
      b.lock(span(header.top, 0, header.bottom, last));
      // Numbers restart in each measure, as in the seed; the number is the item's place among all
      // of the measure's items, so a department sees the plan's own numbering.
      const rows = measureItems.map((item) => b.add(itemRow(item, measure.items.indexOf(item), years, cols)));
      const [first, lastItem] = [rows[0]!, rows[rows.length - 1]!];
      b.format({ range: span(first, 0, lastItem, last), border: 'thin', wrap: true });
      const statusRange = span(first, cols.status, lastItem, cols.status + years.length - 1);
      b.format({ range: statusRange, align: 'center', fill: STATUS_FILL, fontSize: 12 });
      b.format({ range: span(first, cols.number, lastItem, cols.number), align: 'center' });
      b.dropdown(statusRange, symbols);
      items += measureItems.length;
      b.blank();
    }
  });
  if (items === 0) return null;
  b.protect('lockedHeaders');
  return { ...b.build(columnWidths(cols, years.length)), department, items };
}

function columnWidths(cols: TemplateColumns, yearCount: number): number[] {
  const widths: number[] = Array<number>(cols.width).fill(10);
  widths[cols.number] = 6;
  widths[cols.name] = 34;
  for (let i = 0; i < yearCount; i += 1) widths[cols.status + i] = 6;
  widths[cols.department] = 12;
  widths[cols.division] = 14;
  widths[cols.indicator] = 24;
  widths[cols.result] = 40;
  widths[cols.nextPlan] = 40;
  return widths;
}

/** One template per department that has items, in first-mention order. */
export function templateSheets(
  plan: PlanDefinition,
  departments: readonly string[],
  settings: Settings,
): TemplateSheet[] {
  const sheets = departments
    .map((d) => templateSheet(plan, d, settings))
    .filter((s): s is TemplateSheet => s !== null);
  return dedupeNames(sheets);
}

/** Two departments whose names clean to the same sheet name get ` (2)`, ` (3)`. */
function dedupeNames(sheets: TemplateSheet[]): TemplateSheet[] {
  const used = new Set<string>();
  return sheets.map((s) => {
    let name = s.name;
    for (let n = 2; used.has(name.toLowerCase()); n += 1)
      name = `${[...s.name].slice(0, MAX_SHEET_NAME - 4).join('')} (${n})`;
    used.add(name.toLowerCase());
    return name === s.name ? s : { ...s, name };
  });
}

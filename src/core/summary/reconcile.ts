/**
 * Reconciliation: a workbook that holds a hand-made summary table (実施項目数, 進んでいる, …, 進捗率
 * against year columns) is checked figure by figure against the figures computed from the items,
 * under the ended-item rule in force. Years without item data are not checked.
 */
import { a1, cellAt, sheetColumnCount, type SheetSnapshot, type WorkbookSnapshot } from '../grid';
import type { Finding, FiscalYear, TableInfo } from '../model';
import { finding } from '../findings/finding';
import type { EndedRule } from '../settings';
import { cellText, cleanText, foldForMatch, parseFiscalYear } from '../values';
import type { YearSummary } from './types';

export type FigureKind = 'items' | 'ahead' | 'onPlan' | 'nearlyOnPlan' | 'behind' | 'ended' | 'rate';

// Order matters: ほぼ計画どおり before 計画どおり.
const LABELS: ReadonlyArray<readonly [FigureKind, RegExp]> = [
  ['items', /^(実施)?(項目数|取組項目数|実施項目数)$/],
  ['rate', /^進捗率/],
  ['nearlyOnPlan', /^(□)?[:・]?ほぼ計画(どおり|通り)/],
  ['ahead', /^(◎)?[:・]?進んでいる|^◎$/],
  ['onPlan', /^(○|〇)?[:・]?計画(どおり|通り)|^[○〇]$/],
  ['behind', /^(▲)?[:・]?遅れている|^▲$/],
  ['ended', /^(事業)?終了$/],
  ['nearlyOnPlan', /^□$/],
];

/** How many different figures a label can name (FigureKind). */
const FIGURE_KINDS = 7;

export function figureKind(text: string): FigureKind | null {
  const t = foldForMatch(text);
  if (t === '' || t.length > 30) return null;
  for (const [kind, re] of LABELS) if (re.test(t)) return kind;
  return null;
}

export interface HandMadeFigure {
  readonly kind: FigureKind;
  readonly label: string;
  readonly year: FiscalYear;
  readonly row: number;
  readonly col: number;
  readonly value: number | null;
  /** How the figure is written, for messages (`32`, `82.4%`). */
  readonly written: string;
  /** Decimals of the percentage as written (82.4% → 1), for rates. */
  readonly decimals: number;
}

export interface HandMadeTable {
  readonly sheet: string;
  readonly figures: readonly HandMadeFigure[];
}

function decimalsOf(n: number): number {
  const text = String(Number(n.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A figure cell: a number, or text such as `75.7%`; dashes and other text are not figures. */
function readFigure(
  sheet: SheetSnapshot,
  row: number,
  col: number,
  kind: FigureKind,
): Pick<HandMadeFigure, 'value' | 'written' | 'decimals'> | null {
  const v = cellAt(sheet, row, col);
  const format = sheet.numberFormats?.[row - sheet.top]?.[col - sheet.left] ?? '';
  if (typeof v === 'number') {
    if (kind !== 'rate') return { value: v, written: String(v), decimals: 0 };
    const percent = v <= 1.5 ? Number((v * 100).toPrecision(12)) : v;
    const shownDecimals = /%/.test(format)
      ? (/0\.(0+)%/.exec(format)?.[1]?.length ?? 0)
      : decimalsOf(percent);
    return { value: percent, written: `${percent.toFixed(shownDecimals)}%`, decimals: shownDecimals };
  }
  if (typeof v !== 'string') return null;
  const t = cleanText(v).normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  if (kind === 'rate')
    return {
      value: m[2] ? n : n <= 1.5 ? n * 100 : n,
      written: t,
      decimals: decimalsOf(m[2] ? n : n <= 1.5 ? n * 100 : n),
    };
  return { value: n, written: t, decimals: 0 };
}

interface LabelCell {
  readonly row: number;
  readonly col: number;
  readonly kind: FigureKind;
  readonly label: string;
}

/**
 * What a text reads as, worked out once per distinct text (marks, names and headers repeat): its
 * figure kind and label, and the fiscal year it names.
 */
export interface LabelCache {
  readonly labels: Map<string, { readonly kind: FigureKind; readonly label: string } | null>;
  readonly years: Map<string, FiscalYear | null>;
}

export function labelCache(): LabelCache {
  return { labels: new Map(), years: new Map() };
}

/** Cells of a plan table (its header and item rows, its columns): marks and item names, never a summary's labels. */
interface PlanArea {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The area each plan table read on a sheet covers. */
function planAreas(tables: readonly TableInfo[], sheet: string): PlanArea[] {
  return tables
    .filter((t) => t.sheet === sheet)
    .map((t) => ({ top: t.headerTop, bottom: t.lastRow, left: t.firstColumn, right: t.lastColumn }));
}

function labelCells(sheet: SheetSnapshot, cache: LabelCache, plans: readonly PlanArea[]): LabelCell[] {
  const out: LabelCell[] = [];
  const { values, top, left } = sheet;
  for (let i = 0; i < values.length; i += 1) {
    const row = values[i]!;
    // A status column's ◎ ○ ▲ would read as labels: the plan tables' cells are passed over.
    const covering =
      plans.length === 0 ? plans : plans.filter((p) => top + i >= p.top && top + i <= p.bottom);
    for (let j = 0; j < row.length; j += 1) {
      const plan =
        covering.length === 0 ? undefined : covering.find((p) => left + j >= p.left && left + j <= p.right);
      if (plan) {
        j = plan.right - left;
        continue;
      }
      const v = row[j];
      if (typeof v !== 'string') continue;
      let known = cache.labels.get(v);
      if (known === undefined) {
        const kind = figureKind(v);
        known = kind ? { kind, label: cleanText(v) } : null;
        cache.labels.set(v, known);
      }
      if (known) out.push({ row: top + i, col: left + j, kind: known.kind, label: known.label });
    }
  }
  return out;
}

/** Cells a table's year line may skip: before its first year (a unit, 区分) and gaps between years. */
const MAX_SKIPPED = 2;

/**
 * Years labelling a line of cells: across a row (to the right of `from`) or down a column (below it).
 * The years of a summary table sit together, so the scan ends where they end: reading on to the
 * sheet's end would make every item row of a long sheet rescan the whole sheet.
 */
function yearsAlong(
  sheet: SheetSnapshot,
  fixed: number,
  from: number,
  across: boolean,
  cache: LabelCache,
): Map<number, FiscalYear> {
  const years = new Map<number, FiscalYear>();
  const limit = across ? sheet.left + sheetColumnCount(sheet) : sheet.top + sheet.values.length;
  let skipped = 0;
  for (let k = from + 1; k < limit && skipped <= MAX_SKIPPED; k += 1) {
    const v = across ? cellAt(sheet, fixed, k) : cellAt(sheet, k, fixed);
    const text = cellText(v);
    let year = text === '' ? null : cache.years.get(text);
    if (year === undefined) {
      const clean = cleanText(text);
      year = clean === '' ? null : parseFiscalYear(clean);
      cache.years.set(text, year);
    }
    if (year) {
      years.set(k, year);
      skipped = 0;
    } else {
      skipped += 1;
    }
  }
  return years;
}

/**
 * Runs of label cells that could head a summary table: neighbours (at most MAX_SKIPPED cells apart)
 * naming at least three different figures, none more than twice. A status column full of ○ and ▲
 * repeats its kinds and is an item table, not a summary.
 */
function labelRuns<T extends { kind: FigureKind }>(sorted: readonly T[], position: (l: T) => number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  const flush = () => {
    // Three kinds at most twice each: 3 to 14 labels (7 kinds), so a long status column is settled by its length.
    if (run.length >= 3 && run.length <= 2 * FIGURE_KINDS) {
      const counts = new Map<FigureKind, number>();
      for (const l of run) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
      if (counts.size >= 3 && [...counts.values()].every((n) => n <= 2)) runs.push(run);
    }
    run = [];
  };
  for (const l of sorted) {
    const last = run[run.length - 1];
    if (last && position(l) - position(last) > MAX_SKIPPED + 1) flush();
    run.push(l);
  }
  flush();
  return runs;
}

/**
 * The two ways a hand-made table lies: labels down a column with the years across a header row above
 * them, or labels across a row with the years down a column to their left. One reading serves both.
 */
interface Axis {
  /** The line the labels share (their column, or their row). */
  readonly line: (l: LabelCell) => number;
  /** A label's place along that line. */
  readonly along: (l: LabelCell) => number;
  /** The sheet's first line on the years' side (its top row, or its left column). */
  readonly first: (sheet: SheetSnapshot) => number;
  /** Whether the years run across a row (else down a column). */
  readonly yearsAcross: boolean;
  /** The figure cell of a label for the year at `at` on the years' line. */
  readonly figure: (l: LabelCell, at: number) => { readonly row: number; readonly col: number };
}

const AXES: readonly Axis[] = [
  {
    line: (l) => l.col,
    along: (l) => l.row,
    first: (sheet) => sheet.top,
    yearsAcross: true,
    figure: (l, at) => ({ row: l.row, col: at }),
  },
  {
    line: (l) => l.row,
    along: (l) => l.col,
    first: (sheet) => sheet.left,
    yearsAcross: false,
    figure: (l, at) => ({ row: at, col: l.col }),
  },
];

function tablesInSheet(sheet: SheetSnapshot, cache: LabelCache, plans: readonly PlanArea[]): HandMadeTable[] {
  const labels = labelCells(sheet, cache, plans);
  const tables: HandMadeTable[] = [];
  for (const axis of AXES) {
    // labelCells walks row by row, left to right, so each line's labels are already in order along it.
    const lines = new Map<number, LabelCell[]>();
    for (const l of labels) {
      const line = lines.get(axis.line(l));
      if (line) line.push(l);
      else lines.set(axis.line(l), [l]);
    }
    for (const [line, group] of lines) {
      if (group.length < 3) continue; // fewer labels than any run that counts
      for (const run of labelRuns(group, axis.along)) {
        // The years sit on one of the three lines before the run's first label.
        let start = Infinity;
        for (const l of run) start = Math.min(start, axis.along(l));
        let years = new Map<number, FiscalYear>();
        for (let k = start - 1; k >= Math.max(axis.first(sheet), start - 3) && years.size === 0; k -= 1)
          years = yearsAlong(sheet, k, line, axis.yearsAcross, cache);
        if (years.size === 0) continue;
        const figures: HandMadeFigure[] = [];
        for (const l of run) {
          for (const [at, year] of years) {
            const { row, col } = axis.figure(l, at);
            const figure = readFigure(sheet, row, col, l.kind);
            if (figure) figures.push({ kind: l.kind, label: l.label, year, row, col, ...figure });
          }
        }
        if (figures.length > 0) tables.push({ sheet: sheet.name, figures });
      }
    }
  }
  return tables;
}

/**
 * `cache` may be shared by the workbooks of one run: a text reads the same in each. `tables`: the plan
 * tables read from this workbook, whose cells hold no hand-made summary.
 */
export function findHandMadeSummaries(
  snapshot: WorkbookSnapshot,
  cache: LabelCache = labelCache(),
  tables: readonly TableInfo[] = [],
): HandMadeTable[] {
  const owned = new Set(snapshot.ownedSheets);
  return snapshot.sheets
    .filter((s) => !owned.has(s.name))
    .flatMap((s) => tablesInSheet(s, cache, planAreas(tables, s.name)));
}

/** The computed figure a hand-made one stands for, under the rule (on-plan: 計画どおり includes 終了). */
function computedFigure(kind: FigureKind, summary: YearSummary, rule: EndedRule): number | null {
  const c = summary.counts;
  switch (kind) {
    case 'items':
      return rule === 'exclude' ? summary.items - c.ended : summary.items;
    case 'ahead':
      return c.ahead;
    case 'onPlan':
      return rule === 'on-plan' ? c.onPlan + c.ended : c.onPlan;
    case 'nearlyOnPlan':
      return c.nearlyOnPlan;
    case 'behind':
      return c.behind;
    case 'ended':
      return c.ended;
    case 'rate':
      return summary.progress.rate === null ? null : summary.progress.rate * 100;
  }
}

export function reconcile(
  tables: readonly HandMadeTable[],
  summaries: readonly YearSummary[],
  rule: EndedRule,
  file: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const table of tables) {
    for (const figure of table.figures) {
      const summary = summaries.find((s) => s.year === figure.year);
      if (!summary || summary.items === 0 || figure.value === null) continue;
      const computed = computedFigure(figure.kind, summary, rule);
      if (computed === null) continue;
      const same =
        figure.kind === 'rate'
          ? Number(computed.toFixed(figure.decimals)) === Number(figure.value.toFixed(figure.decimals))
          : computed === figure.value;
      if (same) continue;
      findings.push(
        finding(
          'summary.mismatch',
          { file, sheet: table.sheet, cell: a1(figure.row, figure.col) },
          {
            year: figure.year,
            label: figure.label,
            written: figure.written,
            computed: figure.kind === 'rate' ? `${computed.toFixed(figure.decimals)}%` : String(computed),
            rule,
          },
        ),
      );
    }
  }
  return findings;
}

/**
 * Plan items → the summary model: counts, progress rates under the ended-item rule in force,
 * history across years, breakdowns, lists and indicators. Pure and deterministic.
 */
import type { Finding, FiscalYear, MarkKey, PlanItem } from '../model';
import { type EndedRule, gradesOf, type Settings } from '../settings';
import { compareFiscalYears } from '../values';
import { inPlan } from './inPlan';
import { indicatorRows } from './indicators';
import type {
  GroupRow,
  MarkChange,
  MarkCounts,
  Progress,
  Provenance,
  ReportKind,
  SummaryGroups,
  SummaryModel,
  YearSummary,
} from './types';

const ZERO: MarkCounts = { ahead: 0, onPlan: 0, nearlyOnPlan: 0, behind: 0, ended: 0, notEvaluated: 0 };

/** Higher is better; 終了 and 対象外 are not on this scale (neither is a rise nor a fall). */
const RANK: Readonly<Record<Exclude<MarkKey, 'ended' | 'notEvaluated'>, number>> = {
  ahead: 3,
  onPlan: 2,
  nearlyOnPlan: 1,
  behind: 0,
};

export function markOf(item: PlanItem, year: FiscalYear): MarkKey | null {
  return item.marks.find((m) => m.year === year)?.mark ?? null;
}

/**
 * 進捗率 = items whose grade counts toward the rate (□ or better on the kasama scale) ÷ evaluated items,
 * with ended items counted as the rule says: on-plan: as ○ (the published report's method); exclude:
 * left out of both; not-achieved: denominator only. Items with no recognised mark are in the
 * denominator only; not-evaluated items (対象外) are in neither.
 */
export function progressOf(counts: MarkCounts, achieved: number, items: number, rule: EndedRule): Progress {
  const numerator = rule === 'on-plan' ? achieved + counts.ended : achieved;
  const evaluated = items - counts.notEvaluated;
  const denominator = rule === 'exclude' ? evaluated - counts.ended : evaluated;
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

interface Tally {
  items: number;
  counts: { -readonly [K in keyof MarkCounts]: number };
  /** Items whose grade counts toward the rate (ended items aside: the rule decides those). */
  achieved: number;
}

/** Each item's standing in one year, worked out once and shared by the counts, the groups and the lists. */
interface YearStatus {
  readonly inPlan: readonly boolean[];
  readonly marks: readonly (MarkKey | null)[];
  readonly achieved: readonly boolean[];
}

/** Whether a grade counts toward the rate: as the scale says, else by its role. */
function countingGrades(settings: Settings): ReadonlySet<string> {
  return new Set(
    gradesOf(settings)
      .filter((g) => g.key !== 'ended' && g.key !== 'notEvaluated')
      .filter((g) => g.counts ?? (g.key === 'ahead' || g.key === 'onPlan' || g.key === 'nearlyOnPlan'))
      .map((g) => g.symbol),
  );
}

function yearStatus(
  items: readonly PlanItem[],
  year: FiscalYear,
  reportingYear: FiscalYear,
  counting: ReadonlySet<string>,
): YearStatus {
  const entries = items.map((item) => item.marks.find((m) => m.year === year));
  return {
    inPlan: items.map((item) => inPlan(item, year, reportingYear)),
    marks: entries.map((e) => e?.mark ?? null),
    achieved: entries.map((e) => e?.grade !== null && e?.grade !== undefined && counting.has(e.grade)),
  };
}

/** Counts over the items at the given positions (all items when none are given). */
function tally(status: YearStatus, positions?: readonly number[]): Tally {
  const t: Tally = { items: 0, counts: { ...ZERO }, achieved: 0 };
  const count = (i: number) => {
    if (!status.inPlan[i]) return;
    t.items += 1;
    const mark = status.marks[i];
    if (mark) t.counts[mark] += 1;
    if (status.achieved[i]) t.achieved += 1;
  };
  if (positions) positions.forEach(count);
  else for (let i = 0; i < status.inPlan.length; i += 1) count(i);
  return t;
}

function unmarkedOf(t: Tally): number {
  const c = t.counts;
  return t.items - (c.ahead + c.onPlan + c.nearlyOnPlan + c.behind + c.ended + c.notEvaluated);
}

function summaryOf(year: FiscalYear, kind: ReportKind, status: YearStatus, rule: EndedRule): YearSummary {
  const t = tally(status);
  return {
    year,
    kind,
    items: t.items,
    counts: t.counts,
    unmarked: unmarkedOf(t),
    progress: progressOf(t.counts, t.achieved, t.items, rule),
  };
}

/** Group rows in first-appearance order; an item with two owners counts in both owners' rows. */
function groupBy(
  items: readonly PlanItem[],
  status: YearStatus,
  rule: EndedRule,
  keysOf: (item: PlanItem) => { key: string; parent?: string }[],
): GroupRow[] {
  const groups = new Map<string, { key: string; parent?: string; positions: number[] }>();
  items.forEach((item, i) => {
    if (!status.inPlan[i]) return;
    for (const { key, parent } of keysOf(item)) {
      const id = `${parent ?? ''}\u0000${key}`;
      let group = groups.get(id);
      if (!group) {
        group = { key, ...(parent !== undefined ? { parent } : {}), positions: [] };
        groups.set(id, group);
      }
      // The same owner named twice on one item counts once.
      if (group.positions[group.positions.length - 1] !== i) group.positions.push(i);
    }
  });
  return [...groups.values()].map((g) => {
    const t = tally(status, g.positions);
    return {
      key: g.key,
      ...(g.parent !== undefined ? { parent: g.parent } : {}),
      items: t.items,
      counts: t.counts,
      unmarked: unmarkedOf(t),
      progress: progressOf(t.counts, t.achieved, t.items, rule),
    };
  });
}

const UNKNOWN = '—';

function groupsOf(items: readonly PlanItem[], status: YearStatus, rule: EndedRule): SummaryGroups {
  return {
    policy: groupBy(items, status, rule, (i) => [{ key: i.policy ?? UNKNOWN }]),
    measure: groupBy(items, status, rule, (i) => [
      { key: i.measure ?? UNKNOWN, parent: i.policy ?? UNKNOWN },
    ]),
    department: groupBy(items, status, rule, (i) =>
      i.owners.length > 0 ? i.owners.map((o) => ({ key: o.department || UNKNOWN })) : [{ key: UNKNOWN }],
    ),
    division: groupBy(items, status, rule, (i) =>
      i.owners.length > 0
        ? i.owners.map((o) => ({ key: o.division ?? UNKNOWN, parent: o.department || UNKNOWN }))
        : [{ key: UNKNOWN, parent: UNKNOWN }],
    ),
  };
}

/** Items whose mark rose or fell since the previous year that has a column (new items are not changes). */
export function markChanges(
  items: readonly PlanItem[],
  year: FiscalYear,
  years: readonly FiscalYear[],
): MarkChange[] {
  const earlier = years.filter((y) => compareFiscalYears(y, year) < 0);
  const previous = earlier[earlier.length - 1];
  if (!previous) return [];
  const changes: MarkChange[] = [];
  for (const item of items) {
    const from = markOf(item, previous);
    const to = markOf(item, year);
    if (!from || !to || from === to) continue;
    if (from === 'ended' || to === 'ended' || from === 'notEvaluated' || to === 'notEvaluated') continue;
    changes.push({ item, from, to, fromYear: previous, direction: RANK[to] > RANK[from] ? 'up' : 'down' });
  }
  return changes;
}

const LAST = Number.MAX_SAFE_INTEGER;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Plan order: policy number, measure number, item number (then names and sources), whatever order the
 * files were read in, so that groups and lists come out the same for the same data.
 */
export function planOrder(a: PlanItem, b: PlanItem): number {
  return (
    (a.policyNo ?? LAST) - (b.policyNo ?? LAST) ||
    compareText(a.policy ?? '', b.policy ?? '') ||
    (a.measureNo ?? LAST) - (b.measureNo ?? LAST) ||
    compareText(a.measure ?? '', b.measure ?? '') ||
    (a.numberValue ?? LAST) - (b.numberValue ?? LAST) ||
    compareText(a.number, b.number) ||
    compareText(a.name, b.name) ||
    compareText(a.file, b.file) ||
    compareText(a.sheet, b.sheet) ||
    a.row - b.row
  );
}

export interface SummarizeOptions {
  readonly year: FiscalYear;
  readonly years: readonly FiscalYear[];
  readonly settings: Settings;
  readonly provenance: Omit<Provenance, 'year' | 'ended' | 'reportKind'>;
  readonly findings?: readonly Finding[];
  /** Mid-year reports found in the workbook's earlier summary (see previousReports.ts). */
  readonly earlierReports?: readonly YearSummary[];
}

/**
 * Earlier mid-year reports kept in the history: those up to the target year, except the target year's
 * own when this run is that mid-year report again (it is recomputed). One per year.
 */
function keptReports(reports: readonly YearSummary[], year: FiscalYear, kind: ReportKind): YearSummary[] {
  const seen = new Set<FiscalYear>();
  return reports
    .filter(
      (r) =>
        r.kind === 'midYear' &&
        compareFiscalYears(r.year, year) <= 0 &&
        !(r.year === year && kind === 'midYear'),
    )
    .filter((r) => !seen.has(r.year) && seen.add(r.year))
    .sort((a, b) => compareFiscalYears(a.year, b.year));
}

export function summarize(unordered: readonly PlanItem[], options: SummarizeOptions): SummaryModel {
  const { year, settings } = options;
  const items = [...unordered].sort(planOrder);
  const rule = settings.endedRule;
  // Years after the one reported are the plan's future (a template has their columns already): not history.
  const years = [...new Set([...options.years, year])]
    .filter((y) => compareFiscalYears(y, year) <= 0)
    .sort(compareFiscalYears);
  const counting = countingGrades(settings);
  const statuses = new Map(years.map((y) => [y, yearStatus(items, y, year, counting)] as const));
  const status = statuses.get(year)!;
  const withMark = (mark: MarkKey) => items.filter((_, i) => status.inPlan[i] && status.marks[i] === mark);
  return {
    year,
    ended: rule,
    years: years.map((y) =>
      summaryOf(y, y === year ? settings.reportKind : 'yearEnd', statuses.get(y)!, rule),
    ),
    earlierReports: keptReports(options.earlierReports ?? [], year, settings.reportKind),
    groups: groupsOf(items, status, rule),
    behind: withMark('behind'),
    endedItems: withMark('ended'),
    changes: markChanges(items, year, years),
    indicators: indicatorRows(items, year, settings),
    items,
    findings: options.findings ?? [],
    provenance: { ...options.provenance, year, ended: rule, reportKind: settings.reportKind },
  };
}

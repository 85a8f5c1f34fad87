/**
 * Plan items → the summary model: counts, progress rates under the ended-item rule in force,
 * history across years, breakdowns, lists and indicators. Pure and deterministic.
 */
import type { Finding, FiscalYear, MarkEntry, MarkKey, PlanItem } from '../model';
import { type EndedRule, gradesOf, type Settings } from '../settings';
import { compareFiscalYears, fiscalYearToWestern } from '../values';
import { inPlanAt } from './inPlan';
import { indicatorRow } from './indicators';
import type {
  GroupRow,
  IndicatorRow,
  MarkChange,
  MarkCounts,
  Progress,
  Provenance,
  ReportKind,
  SummaryGroups,
  SummaryModel,
  YearSummary,
} from './types';

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
  /** 1 where the item is in the plan that year. */
  readonly inPlan: Uint8Array;
  /** The item's mark that year (its first entry for the year), or null. */
  readonly marks: readonly (MarkKey | null)[];
  /** 1 where its grade counts toward the rate. */
  readonly achieved: Uint8Array;
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

/** What one pass over the items gathers: every year's standings, the breakdowns and the indicator rows. */
interface ItemPass {
  readonly statuses: readonly YearStatus[];
  readonly groups: { readonly [K in keyof SummaryGroups]: Grouper };
  readonly indicators: readonly IndicatorRow[];
}

/**
 * Each item read once (at 100,000 items the reads, not the arithmetic, take the time): its standing
 * in every year, its place in the target year's breakdowns, its indicator row. Each item's mark years
 * are turned into numbers once, not once per year and mark.
 */
function readItems(
  items: readonly PlanItem[],
  years: readonly FiscalYear[],
  year: FiscalYear,
  counting: ReadonlySet<string>,
): ItemPass {
  const n = items.length;
  const statuses = years.map((): YearStatus => ({
    inPlan: new Uint8Array(n),
    marks: new Array<MarkKey | null>(n).fill(null),
    achieved: new Uint8Array(n),
  }));
  const target = years.indexOf(year);
  const groups = {
    policy: new Grouper(),
    measure: new Grouper(),
    department: new Grouper(),
    division: new Grouper(),
  };
  const indicators: IndicatorRow[] = [];
  const yearWesterns = years.map(fiscalYearToWestern);
  let markWesterns = new Float64Array(8);
  for (let i = 0; i < n; i += 1) {
    const item = items[i]!;
    const marks = item.marks;
    if (marks.length > markWesterns.length) markWesterns = new Float64Array(marks.length);
    for (let j = 0; j < marks.length; j += 1) markWesterns[j] = fiscalYearToWestern(marks[j]!.year);
    for (let y = 0; y < years.length; y += 1) {
      const label = years[y]!;
      let entry: MarkEntry | undefined;
      for (let j = 0; j < marks.length; j += 1)
        if (marks[j]!.year === label) {
          entry = marks[j];
          break;
        }
      const status = statuses[y]!;
      if (inPlanAt(marks, entry, label, yearWesterns[y]!, markWesterns, year)) status.inPlan[i] = 1;
      if (!entry) continue;
      (status.marks as (MarkKey | null)[])[i] = entry.mark ?? null;
      if (entry.grade !== null && entry.grade !== undefined && counting.has(entry.grade))
        status.achieved[i] = 1;
    }
    if (target < 0) continue;
    const status = statuses[target]!;
    if (status.inPlan[i]) addToGroups(groups, item, i);
    const row = indicatorRow(item, year, status.marks[i]!);
    if (row) indicators.push(row);
  }
  return { statuses, groups, indicators };
}

/** Counts over the items at the given positions (all items when none are given). */
function tally(status: YearStatus, positions?: readonly number[]): Tally {
  const { inPlan, marks, achieved } = status;
  let items = 0;
  let counted = 0;
  let ahead = 0;
  let onPlan = 0;
  let nearlyOnPlan = 0;
  let behind = 0;
  let ended = 0;
  let notEvaluated = 0;
  const n = positions ? positions.length : inPlan.length;
  for (let k = 0; k < n; k += 1) {
    const i = positions ? positions[k]! : k;
    if (!inPlan[i]) continue;
    items += 1;
    switch (marks[i]) {
      case 'ahead':
        ahead += 1;
        break;
      case 'onPlan':
        onPlan += 1;
        break;
      case 'nearlyOnPlan':
        nearlyOnPlan += 1;
        break;
      case 'behind':
        behind += 1;
        break;
      case 'ended':
        ended += 1;
        break;
      case 'notEvaluated':
        notEvaluated += 1;
        break;
    }
    if (achieved[i]) counted += 1;
  }
  // In MarkCounts' order (the JSON's).
  return { items, counts: { ahead, onPlan, nearlyOnPlan, behind, ended, notEvaluated }, achieved: counted };
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

interface Group {
  readonly key: string;
  readonly parent?: string;
  readonly positions: number[];
}

/**
 * Group rows in first-appearance order; an item with two owners counts in both owners' rows. Groups
 * are found by parent, then key, without a string made per item; items in plan order come in runs of
 * one policy, measure or owner, so the last group is tried first.
 */
class Grouper {
  private readonly byParent = new Map<string | undefined, Map<string, Group>>();
  private readonly groups: Group[] = [];
  private last: Group | undefined;

  /** The item at position `i` into the group of `key` (under `parent`). */
  add(i: number, key: string, parent?: string): void {
    const last = this.last;
    let group = last && last.key === key && last.parent === parent ? last : undefined;
    if (!group) {
      let byKey = this.byParent.get(parent);
      if (!byKey) this.byParent.set(parent, (byKey = new Map()));
      group = byKey.get(key);
      if (!group) {
        group = { key, ...(parent !== undefined ? { parent } : {}), positions: [] };
        byKey.set(key, group);
        this.groups.push(group);
      }
      this.last = group;
    }
    // The same owner named twice on one item counts once.
    if (group.positions[group.positions.length - 1] !== i) group.positions.push(i);
  }

  rows(status: YearStatus, rule: EndedRule): GroupRow[] {
    return this.groups.map((g) => {
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
}

const UNKNOWN = '—';

/** An item in the target year's four breakdowns: its policy, measure, departments and divisions. */
function addToGroups(groups: ItemPass['groups'], item: PlanItem, i: number): void {
  const policyKey = item.policy ?? UNKNOWN;
  groups.policy.add(i, policyKey);
  groups.measure.add(i, item.measure ?? UNKNOWN, policyKey);
  const owners = item.owners;
  if (owners.length === 0) {
    groups.department.add(i, UNKNOWN);
    groups.division.add(i, UNKNOWN, UNKNOWN);
  } else
    for (const o of owners) {
      const departmentKey = o.department || UNKNOWN;
      groups.department.add(i, departmentKey);
      groups.division.add(i, o.division ?? UNKNOWN, departmentKey);
    }
}

/** Items whose mark rose or fell since the previous year that has a column (new items are not changes). */
export function markChanges(
  items: readonly PlanItem[],
  year: FiscalYear,
  years: readonly FiscalYear[],
): MarkChange[] {
  const previous = previousYear(year, years);
  if (!previous) return [];
  return changesBetween(
    items,
    previous,
    items.map((item) => markOf(item, previous)),
    items.map((item) => markOf(item, year)),
  );
}

function previousYear(year: FiscalYear, years: readonly FiscalYear[]): FiscalYear | undefined {
  const earlier = years.filter((y) => compareFiscalYears(y, year) < 0);
  return earlier[earlier.length - 1];
}

/** The changes from each item's mark in `previous` (`fromMarks`) to its mark in the year (`toMarks`). */
function changesBetween(
  items: readonly PlanItem[],
  previous: FiscalYear,
  fromMarks: readonly (MarkKey | null)[],
  toMarks: readonly (MarkKey | null)[],
): MarkChange[] {
  const changes: MarkChange[] = [];
  items.forEach((item, i) => {
    const from = fromMarks[i];
    const to = toMarks[i];
    if (!from || !to || from === to) return;
    if (from === 'ended' || to === 'ended' || from === 'notEvaluated' || to === 'notEvaluated') return;
    changes.push({ item, from, to, fromYear: previous, direction: RANK[to] > RANK[from] ? 'up' : 'down' });
  });
  return changes;
}

const LAST = Number.MAX_SAFE_INTEGER;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Policy number and title, measure number and title: the part of plan order items share by the hundred. */
type Section = readonly [policyNo: number, policy: string, measureNo: number, measure: string];

function compareSections(a: Section, b: Section): number {
  return a[0] - b[0] || compareText(a[1], b[1]) || a[2] - b[2] || compareText(a[3], b[3]);
}

/**
 * Plan order: policy number, measure number, item number (then names and sources), whatever order the
 * files were read in, so that groups and lists come out the same for the same data. Each item's keys
 * are read once into arrays: the sort compares arrays, not items scattered over the heap; ties keep
 * their order (a stable sort). The policy and measure (numbers and titles) are ranked once per
 * distinct section, so that the sort compares one integer where it compared two titles that are
 * mostly equal (equal text is compared to its last character).
 */
export function inPlanOrder(unordered: readonly PlanItem[]): PlanItem[] {
  const n = unordered.length;
  const sectionOf = new Int32Array(n);
  const numberValue = new Float64Array(n);
  const row = new Float64Array(n);
  const number: string[] = new Array<string>(n);
  const name: string[] = new Array<string>(n);
  const file: string[] = new Array<string>(n);
  const sheet: string[] = new Array<string>(n);
  // Policy number → policy → measure number → measure → the section's index in `sections`.
  const ids = new Map<number, Map<string, Map<number, Map<string, number>>>>();
  const sections: Section[] = [];
  for (let i = 0; i < n; i += 1) {
    const item = unordered[i]!;
    const policyNo = item.policyNo ?? LAST;
    const policy = item.policy ?? '';
    const measureNo = item.measureNo ?? LAST;
    const measure = item.measure ?? '';
    let byPolicy = ids.get(policyNo);
    if (!byPolicy) ids.set(policyNo, (byPolicy = new Map()));
    let byMeasureNo = byPolicy.get(policy);
    if (!byMeasureNo) byPolicy.set(policy, (byMeasureNo = new Map()));
    let byMeasure = byMeasureNo.get(measureNo);
    if (!byMeasure) byMeasureNo.set(measureNo, (byMeasure = new Map()));
    let id = byMeasure.get(measure);
    if (id === undefined) {
      id = sections.push([policyNo, policy, measureNo, measure]) - 1;
      byMeasure.set(measure, id);
    }
    sectionOf[i] = id;
    numberValue[i] = item.numberValue ?? LAST;
    number[i] = item.number;
    name[i] = item.name;
    file[i] = item.file;
    sheet[i] = item.sheet;
    row[i] = item.row;
  }
  const rank = new Int32Array(sections.length);
  const ranked = Array.from({ length: sections.length }, (_, i) => i).sort((a, b) =>
    compareSections(sections[a]!, sections[b]!),
  );
  // Sections that compare equal (a number written 1 and 1.0 is one number) share a rank.
  for (let r = 0, k = 0; k < ranked.length; k += 1) {
    if (k > 0 && compareSections(sections[ranked[k - 1]!]!, sections[ranked[k]!]!) !== 0) r += 1;
    rank[ranked[k]!] = r;
  }
  const key = new Int32Array(n);
  for (let i = 0; i < n; i += 1) key[i] = rank[sectionOf[i]!]!;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      key[a]! - key[b]! ||
      numberValue[a]! - numberValue[b]! ||
      compareText(number[a]!, number[b]!) ||
      compareText(name[a]!, name[b]!) ||
      compareText(file[a]!, file[b]!) ||
      compareText(sheet[a]!, sheet[b]!) ||
      row[a]! - row[b]!,
  );
  return order.map((i) => unordered[i]!);
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
  const items = inPlanOrder(unordered);
  const rule = settings.endedRule;
  // Years after the one reported are the plan's future (a template has their columns already): not history.
  const years = [...new Set([...options.years, year])]
    .filter((y) => compareFiscalYears(y, year) <= 0)
    .sort(compareFiscalYears);
  const counting = countingGrades(settings);
  const pass = readItems(items, years, year, counting);
  const statuses = new Map(years.map((y, i) => [y, pass.statuses[i]!] as const));
  const status = statuses.get(year)!;
  const withMark = (mark: MarkKey) => items.filter((_, i) => status.inPlan[i] && status.marks[i] === mark);
  // markChanges, from the marks already found: the previous year with a column is one of `years`.
  const previous = previousYear(year, years);
  return {
    year,
    ended: rule,
    years: years.map((y) =>
      summaryOf(y, y === year ? settings.reportKind : 'yearEnd', statuses.get(y)!, rule),
    ),
    earlierReports: keptReports(options.earlierReports ?? [], year, settings.reportKind),
    groups: {
      policy: pass.groups.policy.rows(status, rule),
      measure: pass.groups.measure.rows(status, rule),
      department: pass.groups.department.rows(status, rule),
      division: pass.groups.division.rows(status, rule),
    },
    behind: withMark('behind'),
    endedItems: withMark('ended'),
    changes: previous ? changesBetween(items, previous, statuses.get(previous)!.marks, status.marks) : [],
    indicators: pass.indicators,
    items,
    findings: options.findings ?? [],
    provenance: { ...options.provenance, year, ended: rule, reportKind: settings.reportKind },
  };
}

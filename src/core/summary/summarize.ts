/**
 * Plan items → the summary model: counts, progress rates under the ended-item rule in force,
 * history across years, breakdowns, lists and indicators. Pure and deterministic.
 */
import type { Finding, FiscalYear, MarkKey, PlanItem } from '../model';
import type { EndedRule, Settings } from '../settings';
import { compareFiscalYears } from '../values';
import { inPlan } from './inPlan';
import { indicatorRows } from './indicators';
import type { GroupRow, MarkChange, MarkCounts, Progress, Provenance, SummaryGroups, SummaryModel, YearSummary } from './types';

const ZERO: MarkCounts = { ahead: 0, onPlan: 0, nearlyOnPlan: 0, behind: 0, ended: 0 };

/** Higher is better; 終了 is not on this scale (an ending is neither a rise nor a fall). */
const RANK: Readonly<Record<Exclude<MarkKey, 'ended'>, number>> = { ahead: 3, onPlan: 2, nearlyOnPlan: 1, behind: 0 };

export function markOf(item: PlanItem, year: FiscalYear): MarkKey | null {
  return item.marks.find((m) => m.year === year)?.mark ?? null;
}

/**
 * 進捗率 = items at □ or better ÷ items, with ended items counted as the rule says:
 * on-plan: as ○ (the published report's method); exclude: left out of both; not-achieved: denominator only.
 * Items with no recognised mark are in the denominator only.
 */
export function progressOf(counts: MarkCounts, items: number, rule: EndedRule): Progress {
  const achieved = counts.ahead + counts.onPlan + counts.nearlyOnPlan;
  const numerator = rule === 'on-plan' ? achieved + counts.ended : achieved;
  const denominator = rule === 'exclude' ? items - counts.ended : items;
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

interface Tally {
  items: number;
  counts: { -readonly [K in keyof MarkCounts]: number };
}

function tally(items: readonly PlanItem[], year: FiscalYear): Tally {
  const t: Tally = { items: 0, counts: { ...ZERO } };
  for (const item of items) {
    if (!inPlan(item, year)) continue;
    t.items += 1;
    const mark = markOf(item, year);
    if (mark) t.counts[mark] += 1;
  }
  return t;
}

function unmarkedOf(t: Tally): number {
  const c = t.counts;
  return t.items - (c.ahead + c.onPlan + c.nearlyOnPlan + c.behind + c.ended);
}

export function yearSummary(items: readonly PlanItem[], year: FiscalYear, rule: EndedRule): YearSummary {
  const t = tally(items, year);
  return { year, items: t.items, counts: t.counts, unmarked: unmarkedOf(t), progress: progressOf(t.counts, t.items, rule) };
}

/** Group rows in first-appearance order; an item with two owners counts in both owners' rows. */
function groupBy(items: readonly PlanItem[], year: FiscalYear, rule: EndedRule, keysOf: (item: PlanItem) => { key: string; parent?: string }[]): GroupRow[] {
  const groups = new Map<string, { key: string; parent?: string; items: PlanItem[] }>();
  for (const item of items) {
    if (!inPlan(item, year)) continue;
    const seen = new Set<string>();
    for (const { key, parent } of keysOf(item)) {
      const id = `${parent ?? ''}\u0000${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const group = groups.get(id) ?? { key, ...(parent !== undefined ? { parent } : {}), items: [] };
      group.items.push(item);
      groups.set(id, group);
    }
  }
  return [...groups.values()].map((g) => {
    const t = tally(g.items, year);
    return { key: g.key, ...(g.parent !== undefined ? { parent: g.parent } : {}), items: t.items, counts: t.counts, unmarked: unmarkedOf(t), progress: progressOf(t.counts, t.items, rule) };
  });
}

const UNKNOWN = '—';

export function summaryGroups(items: readonly PlanItem[], year: FiscalYear, rule: EndedRule): SummaryGroups {
  return {
    policy: groupBy(items, year, rule, (i) => [{ key: i.policy ?? UNKNOWN }]),
    measure: groupBy(items, year, rule, (i) => [{ key: i.measure ?? UNKNOWN, parent: i.policy ?? UNKNOWN }]),
    department: groupBy(items, year, rule, (i) => (i.owners.length > 0 ? i.owners.map((o) => ({ key: o.department || UNKNOWN })) : [{ key: UNKNOWN }])),
    division: groupBy(items, year, rule, (i) =>
      i.owners.length > 0 ? i.owners.map((o) => ({ key: o.division ?? UNKNOWN, parent: o.department || UNKNOWN })) : [{ key: UNKNOWN, parent: UNKNOWN }],
    ),
  };
}

/** Items whose mark rose or fell since the previous year that has a column (new items are not changes). */
export function markChanges(items: readonly PlanItem[], year: FiscalYear, years: readonly FiscalYear[]): MarkChange[] {
  const earlier = years.filter((y) => compareFiscalYears(y, year) < 0);
  const previous = earlier[earlier.length - 1];
  if (!previous) return [];
  const changes: MarkChange[] = [];
  for (const item of items) {
    const from = markOf(item, previous);
    const to = markOf(item, year);
    if (!from || !to || from === 'ended' || to === 'ended' || from === to) continue;
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
}

export function summarize(unordered: readonly PlanItem[], options: SummarizeOptions): SummaryModel {
  const { year, settings } = options;
  const items = [...unordered].sort(planOrder);
  const rule = settings.endedRule;
  const years = [...new Set([...options.years, year])].sort(compareFiscalYears);
  return {
    year,
    ended: rule,
    years: years.map((y) => yearSummary(items, y, rule)),
    groups: summaryGroups(items, year, rule),
    behind: items.filter((i) => inPlan(i, year) && markOf(i, year) === 'behind'),
    endedItems: items.filter((i) => inPlan(i, year) && markOf(i, year) === 'ended'),
    changes: markChanges(items, year, years),
    indicators: indicatorRows(items, year, settings),
    items,
    findings: options.findings ?? [],
    provenance: { ...options.provenance, year, ended: rule, reportKind: settings.reportKind },
  };
}

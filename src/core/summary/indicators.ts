/**
 * Indicator achievement. No single formula is standard in Japanese practice, so each row says
 * which one it used:
 * - higher is better: actual ÷ target;
 * - lower is better (排出量, 時間外, 経常収支比率, 削減…): target ÷ actual;
 * - a target of 0, a negative figure (`▲3%` as a reduction target) or signs that differ:
 *   no percentage is meaningful, so pass/fail only (actual ≥ target, or ≤ for lower is better).
 * Achievement is capped to 0–200 %; "passed" means 100 % or more.
 */
import type { FiscalYear, MarkKey, ParsedValue, PlanItem } from '../model';
import type { Settings } from '../settings';
import type { AchievementFormula, IndicatorRow } from './types';

const MAX_ACHIEVEMENT = 2;
/** □ means "80 % of plan or more"; ◎/○ well below that is a contradiction worth a look. */
const NEARLY_THRESHOLD = 0.8;

interface Achievement {
  readonly formula: AchievementFormula;
  readonly achievement: number | null;
  readonly pass: boolean | null;
  readonly note: IndicatorRow['note'];
}

export function achievementOf(target: ParsedValue, actual: ParsedValue, lowerIsBetter: boolean): Achievement {
  if (
    target.kind !== 'number' ||
    actual.kind !== 'number' ||
    target.value === null ||
    actual.value === null
  ) {
    return { formula: 'none', achievement: null, pass: null, note: 'notNumeric' };
  }
  const t = target.value;
  const a = actual.value;
  if (t <= 0 || a < 0) {
    const pass = lowerIsBetter ? a <= t : a >= t;
    return { formula: 'passFail', achievement: null, pass, note: t === 0 ? 'zeroTarget' : null };
  }
  const raw = lowerIsBetter ? (a === 0 ? MAX_ACHIEVEMENT : t / a) : a / t;
  const achievement = Math.min(MAX_ACHIEVEMENT, Math.max(0, raw));
  return {
    formula: lowerIsBetter ? 'targetOverActual' : 'actualOverTarget',
    achievement,
    pass: achievement >= 1,
    note: null,
  };
}

export function consistencyOf(
  mark: MarkKey | null,
  achievement: number | null,
  pass: boolean | null,
): IndicatorRow['consistency'] {
  if (mark === null || mark === 'ended' || mark === 'notEvaluated' || (achievement === null && pass === null))
    return 'unknown';
  if (mark === 'behind') return pass ? 'mismatch' : 'consistent';
  if (achievement === null)
    return (mark === 'ahead' || mark === 'onPlan') && pass === false ? 'mismatch' : 'consistent';
  return achievement < NEARLY_THRESHOLD ? 'mismatch' : 'consistent';
}

/** One row per item that has an indicator (a name, or a target or actual). */
export function indicatorRows(
  items: readonly PlanItem[],
  year: FiscalYear,
  _settings: Settings,
): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const item of items) {
    if (!item.indicator) continue;
    const row = indicatorRow(item, year, item.marks.find((m) => m.year === year)?.mark ?? null);
    if (row) rows.push(row);
  }
  return rows;
}

/** An item's indicator row, given its mark in `year`; null when it has no indicator. */
export function indicatorRow(item: PlanItem, year: FiscalYear, mark: MarkKey | null): IndicatorRow | null {
  const indicator = item.indicator;
  if (!indicator) return null;
  const result = achievementOf(indicator.target, indicator.actual, indicator.direction === 'lowerIsBetter');
  const tagged = indicator.actual.yearTag !== null && indicator.actual.yearTag !== year;
  return {
    item,
    name: indicator.name,
    key: indicator.key,
    target: indicator.target,
    actual: indicator.actual,
    direction: indicator.direction,
    formula: result.formula,
    achievement: result.achievement,
    pass: result.pass,
    mark,
    consistency: consistencyOf(mark, result.achievement, result.pass),
    note: result.note ?? (tagged ? 'yearTag' : null),
  };
}

import type { FiscalYear, MarkEntry, PlanItem } from '../model';
import { fiscalYearToWestern } from '../values';

/**
 * Whether an item is in the plan in a year (and so in that year's item count):
 * - it has a mark or some other text for the year; or
 * - the mark is blank, the item had a mark in an earlier year and had not ended; or
 * - the mark is blank, the year is the year being reported (the target year; by default the last
 *   year column of the item's table), nothing is marked after it, and the item had not ended: a
 *   listed item is expected to report. A template has columns for every year of the plan, so the
 *   reported year is not always the last column.
 * A dash means "not applicable": not in the plan. No column for the year: not in the plan.
 * So new items with blank earlier years (the seed's ⑫ DX計画) are not counted in those years.
 */
export function inPlan(item: PlanItem, year: FiscalYear, reportingYear?: FiscalYear): boolean {
  const marks = item.marks;
  return inPlanAt(
    marks,
    marks.find((m) => m.year === year),
    year,
    fiscalYearToWestern(year),
    marks.map((m) => fiscalYearToWestern(m.year)),
    reportingYear,
  );
}

/**
 * inPlan for a year's own entry (the first mark of that year), the year as a western number and each
 * mark's year as one (NaN where a label is not a year), for callers that judge every item in several
 * years and work these out once per item.
 */
export function inPlanAt(
  marks: readonly MarkEntry[],
  entry: MarkEntry | undefined,
  year: FiscalYear,
  yearWestern: number,
  markWesterns: ArrayLike<number>,
  reportingYear?: FiscalYear,
): boolean {
  if (!entry) return false;
  if (entry.state === 'mark' || entry.state === 'unknown') return true;
  if (entry.state === 'notApplicable') return false;
  // Runs for every item and year: one pass over the other years, no intermediate arrays.
  let reportedEarlier = false;
  let reportedLater = false;
  for (let j = 0; j < marks.length; j += 1) {
    const m = marks[j]!;
    // compareFiscalYears(m.year, year), from the westerns given.
    const order = markWesterns[j]! - yearWestern;
    if (order > 0) {
      if (m.state === 'mark' || m.state === 'unknown') reportedLater = true;
      continue;
    }
    if (order === 0) continue;
    if (m.mark === 'ended') return false;
    if (m.state === 'mark' || m.state === 'unknown') reportedEarlier = true;
  }
  if (reportedEarlier) return true;
  const reporting = reportingYear ?? marks[marks.length - 1]?.year;
  return !reportedLater && reporting === year;
}

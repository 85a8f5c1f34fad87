/**
 * Mid-year reports (中間実績, October) kept across runs: by March the marks they counted have been
 * overwritten, so the only record is the history sheet the add-in wrote then. It is read back from
 * the workbook's own RP_推移 sheet — rows whose year label carries the mid-year tag — and checked
 * like any outside data (someone may have edited it): a row that does not add up is left out.
 */
import { z } from 'zod';
import { cellText, findFiscalYear } from '../values';
import type { WorkbookSnapshot } from '../grid';
import { HISTORY_SHEET } from '../layout/historySheet';
import { layoutMessages } from '../messages';
import type { YearSummary } from './types';

const count = z.number().int().min(0);
const rowSchema = z.tuple([
  z.string(),
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  count,
  z.number().min(0).max(1).nullable(),
]);

const MID_YEAR_TAGS = Object.values(layoutMessages.midYearTag).map((t) => t.trim().toLowerCase());

export function previousMidYearReports(workbook: WorkbookSnapshot): YearSummary[] {
  const sheet = workbook.sheets.find(
    (s) => s.name === HISTORY_SHEET && workbook.ownedSheets.includes(s.name),
  );
  if (!sheet) return [];
  const reports: YearSummary[] = [];
  for (const values of sheet.values) {
    const label = cellText(values[0] ?? null);
    if (!MID_YEAR_TAGS.some((tag) => label.toLowerCase().includes(tag))) continue;
    // As historySheet writes it: label, items, the five marks, unmarked, numerator, denominator, rate.
    const parsed = rowSchema.safeParse([label, ...values.slice(1, 10), values[10] ?? null]);
    const year = findFiscalYear(label);
    if (!parsed.success || !year) continue;
    const [, items, ahead, onPlan, nearlyOnPlan, behind, ended, unmarked, numerator, denominator, rate] =
      parsed.data;
    // A scale with 対象外 / 未評価 has their count after the rate (historySheet).
    const extra = values[11];
    const notEvaluated = typeof extra === 'number' && Number.isInteger(extra) && extra >= 0 ? extra : 0;
    if (
      ahead + onPlan + nearlyOnPlan + behind + ended + notEvaluated + unmarked !== items ||
      numerator > denominator
    )
      continue;
    reports.push({
      year,
      kind: 'midYear',
      items,
      counts: { ahead, onPlan, nearlyOnPlan, behind, ended, notEvaluated },
      unmarked,
      progress: { numerator, denominator, rate },
    });
  }
  return reports;
}

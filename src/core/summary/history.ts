import { compareFiscalYears } from '../values';
import type { SummaryModel, YearSummary } from './types';

/** The history as published: each year in order, its mid-year report before its year-end one. */
export function historyEntries(model: Pick<SummaryModel, 'years' | 'earlierReports'>): YearSummary[] {
  return [...model.earlierReports, ...model.years].sort(
    (a, b) => compareFiscalYears(a.year, b.year) || (a.kind === b.kind ? 0 : a.kind === 'midYear' ? -1 : 1),
  );
}

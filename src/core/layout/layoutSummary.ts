/**
 * Summary model → write plan: the sheets the add-in owns, in the order they appear.
 * Sheet names are fixed whatever the language, so a re-run in English replaces the Japanese sheets.
 */
import { gradesOf } from '../settings';
import type { SummaryModel } from '../summary/types';
import type { WritePlan } from '../writePlan';
import { breakdownSheet } from './breakdownSheet';
import { LayoutContext, type LayoutOptions } from './context';
import { findingsSheet } from './findingsSheet';
import { historySheet } from './historySheet';
import { indicatorSheet } from './indicatorSheet';
import { CONSOLIDATED_SHEET, ITEM_SHEET, itemSheet } from './itemSheet';
import { listsSheet } from './listsSheet';
import { provenanceSheet } from './provenanceSheet';
import { summarySheet } from './summarySheet';

export type { LayoutOptions } from './context';

export function layoutSummary(model: SummaryModel, options: LayoutOptions): WritePlan {
  const ctx = new LayoutContext(model, options);
  const years = model.years.map((y) => y.year);
  const sheets = [
    summarySheet(ctx),
    historySheet(ctx),
    breakdownSheet(ctx),
    listsSheet(ctx),
    indicatorSheet(ctx),
  ];
  if (options.consolidated)
    sheets.push(itemSheet(CONSOLIDATED_SHEET, model.items, years, options.lang, gradesOf(options.settings)));
  else if (options.includeItemSheet)
    sheets.push(itemSheet(ITEM_SHEET, model.items, years, options.lang, gradesOf(options.settings)));
  sheets.push(findingsSheet(ctx), provenanceSheet(ctx));
  return { sheets };
}

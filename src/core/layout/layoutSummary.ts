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
import { publicationSheet } from './publicationSheet';
import { summarySheet } from './summarySheet';

export type { LayoutOptions } from './context';

export function layoutSummary(model: SummaryModel, options: LayoutOptions): WritePlan {
  const ctx = new LayoutContext(model, options);
  const years = model.years.map((y) => y.year);
  const sheets = [
    publicationSheet(ctx),
    summarySheet(ctx),
    historySheet(ctx),
    breakdownSheet(ctx),
    listsSheet(ctx),
    indicatorSheet(ctx),
  ];
  const items = (name: string) =>
    itemSheet(
      name,
      model.items,
      years,
      options.lang,
      gradesOf(options.settings),
      ctx.print(name),
      ctx.fileName,
    );
  if (options.consolidated) sheets.push(items(CONSOLIDATED_SHEET));
  else if (options.includeItemSheet) sheets.push(items(ITEM_SHEET));
  sheets.push(findingsSheet(ctx), provenanceSheet(ctx));
  return { sheets };
}

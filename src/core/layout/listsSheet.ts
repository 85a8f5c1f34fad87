/** RP_遅れ・終了: items behind, items ended, and marks that rose or fell since the previous year. */
import type { PlanItem } from '../model';
import type { PlanSheet, PlanValue } from '../writePlan';
import { formatParsedValue } from '../values';
import type { LayoutContext } from './context';
import { SheetBuilder } from './sheetBuilder';

export const LISTS_SHEET = 'RP_遅れ・終了';

export function listsSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  const b = new SheetBuilder(LISTS_SHEET);
  const title = ctx.t('listsTitle', { year: ctx.year() });
  b.title(title);
  const itemHeader = [
    ctx.t('policy'),
    ctx.t('measure'),
    ctx.t('number'),
    ctx.t('name'),
    ctx.t('owners'),
    ctx.t('indicator'),
    ctx.t('target'),
    ctx.t('actual'),
  ];
  const itemRow = (i: PlanItem): PlanValue[] => [
    i.policy ?? '',
    i.measure ?? '',
    i.number,
    i.name,
    ctx.owners(i),
    i.indicator?.name ?? '',
    i.indicator ? formatParsedValue(i.indicator.target) : '',
    i.indicator ? formatParsedValue(i.indicator.actual) : '',
  ];
  const list = (title: string, items: readonly PlanItem[]) => {
    b.blank();
    b.heading(title);
    if (items.length === 0) b.note(ctx.t('none'));
    else b.table(itemHeader, items.map(itemRow));
  };
  list(ctx.t('behindList'), m.behind);
  list(ctx.t('endedList'), m.endedItems);
  const previous = m.changes[0]?.fromYear;
  b.blank();
  b.heading(ctx.t('changesList', { from: previous ? ctx.year(previous) : '—' }));
  if (m.changes.length === 0) b.note(ctx.t('none'));
  else {
    // The same first columns as the lists above, so every table lines up under the same widths.
    b.table(
      [
        ctx.t('policy'),
        ctx.t('measure'),
        ctx.t('number'),
        ctx.t('name'),
        ctx.t('owners'),
        ctx.t('from'),
        ctx.t('to'),
        ctx.t('change'),
      ],
      m.changes.map((c) => [
        c.item.policy ?? '',
        c.item.measure ?? '',
        c.item.number,
        c.item.name,
        ctx.owners(c.item),
        ctx.symbol(c.from),
        ctx.symbol(c.to),
        ctx.t(c.direction),
      ]),
    );
  }
  return b.build([18, 22, 6, 40, 26, 28, 12, 12], undefined, ctx.print(title), [30, 30, 8, 44, 30, 36]);
}

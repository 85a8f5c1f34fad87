/** RP_内訳: the target year by basic policy, measure, department and division, each with its total. */
import type { MarkKey } from '../model';
import type { GroupRow, YearSummary } from '../summary/types';
import type { PlanSheet, PlanValue } from '../writePlan';
import { a1 } from '../grid';
import { type LayoutContext, MARK_COLORS } from './context';
import { PERCENT, SheetBuilder, columnRange, rowRange, type TableRange } from './sheetBuilder';

export const BREAKDOWN_SHEET = 'RP_内訳';

function figures(
  g: Pick<GroupRow, 'items' | 'counts' | 'unmarked' | 'progress'>,
  roles: readonly MarkKey[],
): PlanValue[] {
  return [g.items, ...roles.map((k) => g.counts[k]), g.unmarked, g.progress.rate];
}

export function breakdownSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  // The scale's own roles: kasama's five columns, or S A B C 完了 対象外, …
  const roles = ctx.roles;
  // Every table has the same columns in the same places; the parent (policy of a measure…) comes last.
  const rateColumn = 3 + roles.length;
  const current: YearSummary = m.years.find((y) => y.year === m.year)!;
  const b = new SheetBuilder(BREAKDOWN_SHEET);
  const title = ctx.t('breakdownTitle', { year: ctx.year() });
  b.title(title);
  b.note(`${ctx.t('rule')}: ${ctx.ruleText()}`);
  const section = (heading: string, key: string, parent: string | null, groups: readonly GroupRow[]) => {
    b.blank();
    b.heading(heading);
    const header = [
      key,
      ctx.t('count'),
      ...roles.map((k) => ctx.symbol(k)),
      ctx.t('unmarked'),
      ctx.t('progress'),
      ...(parent ? [parent] : []),
    ];
    const table: TableRange = b.table(
      header,
      groups.map((g) => [g.key, ...figures(g, roles), ...(parent ? [g.parent ?? ''] : [])]),
      { [rateColumn]: PERCENT },
    );
    const total = b.add([ctx.t('total'), ...figures(current, roles)]);
    b.tableRow(total, { [rateColumn]: PERCENT });
    b.format({ range: rowRange(total, 0, parent ? rateColumn + 1 : rateColumn), bold: true, border: 'thin' });
    b.format({ range: a1(total, rateColumn), numberFormat: PERCENT });
    return table;
  };
  section(ctx.t('byPolicy'), ctx.t('policy'), null, m.groups.policy);
  section(ctx.t('byMeasure'), ctx.t('measure'), ctx.t('policy'), m.groups.measure);
  const departments = section(ctx.t('byDepartment'), ctx.t('department'), null, m.groups.department);
  b.note(ctx.t('ownersNote'));
  section(ctx.t('byDivision'), ctx.t('division'), ctx.t('department'), m.groups.division);
  b.note(ctx.t('ownersNote'));
  if (departments.last >= departments.first) {
    b.chart({
      type: 'barStacked',
      title: ctx.t('chartByDepartment'),
      categories: columnRange(departments, 0),
      series: roles.map((k, i) => ({
        name: ctx.legendName(k),
        values: columnRange(departments, 2 + i),
        color: MARK_COLORS[k],
      })),
      from: a1(2, rateColumn + 3),
      to: a1(25, rateColumn + 11),
    });
  }
  return b.build([20, 8, ...roles.map(() => 6), 8, 10, 18], undefined, ctx.print(title));
}

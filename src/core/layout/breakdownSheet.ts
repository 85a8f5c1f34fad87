/** RP_内訳: the target year by basic policy, measure, department and division, each with its total. */
import { MARK_KEYS } from '../model';
import type { GroupRow, YearSummary } from '../summary/types';
import type { PlanSheet, PlanValue } from '../writePlan';
import { columnLetters } from '../grid';
import { type LayoutContext, MARK_COLORS } from './context';
import { PERCENT, SheetBuilder, columnRange, type TableRange } from './sheetBuilder';

export const BREAKDOWN_SHEET = 'RP_内訳';

/** Every table has the same columns in the same places; the parent (policy of a measure…) comes last. */
const RATE_COL = 8;
const LAST_COL = 9;

function figures(g: Pick<GroupRow, 'items' | 'counts' | 'unmarked' | 'progress'>): PlanValue[] {
  return [g.items, ...MARK_KEYS.map((k) => g.counts[k]), g.unmarked, g.progress.rate];
}

export function breakdownSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
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
      ...MARK_KEYS.map((k) => ctx.symbol(k)),
      ctx.t('unmarked'),
      ctx.t('progress'),
      ...(parent ? [parent] : []),
    ];
    const table: TableRange = b.table(
      header,
      groups.map((g) => [g.key, ...figures(g), ...(parent ? [g.parent ?? ''] : [])]),
      { [RATE_COL]: PERCENT },
    );
    const total = b.add([ctx.t('total'), ...figures(current)]);
    b.tableRow(total, { [RATE_COL]: PERCENT });
    const end = columnLetters(parent ? LAST_COL : RATE_COL);
    b.format({ range: `A${total}:${end}${total}`, bold: true, border: 'thin' });
    b.format({ range: `${columnLetters(RATE_COL)}${total}`, numberFormat: PERCENT });
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
      series: MARK_KEYS.map((k, i) => ({
        name: ctx.legendName(k),
        values: columnRange(departments, 2 + i),
        color: MARK_COLORS[k],
      })),
      from: 'L3',
      to: 'T26',
    });
  }
  return b.build([20, 8, 6, 6, 6, 6, 6, 8, 10, 18], undefined, ctx.print(title));
}

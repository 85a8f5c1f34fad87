/** RP_内訳: the target year by basic policy, measure, department and division. */
import { MARK_KEYS } from '../model';
import type { GroupRow } from '../summary/types';
import type { PlanSheet, PlanValue } from '../writePlan';
import { type LayoutContext, MARK_COLORS } from './context';
import { PERCENT, SheetBuilder, columnRange, type TableRange } from './sheetBuilder';

export const BREAKDOWN_SHEET = 'RP_内訳';

function groupRow(g: GroupRow): PlanValue[] {
  return [g.key, g.parent ?? '', g.items, ...MARK_KEYS.map((k) => g.counts[k]), g.unmarked, g.progress.rate];
}

export function breakdownSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  const b = new SheetBuilder(BREAKDOWN_SHEET);
  b.title(ctx.t('breakdownTitle', { year: ctx.year() }));
  b.note(`${ctx.t('rule')}: ${ctx.ruleText()}`);
  const header = (key: string, parent: string) => [
    key,
    parent,
    ctx.t('count'),
    ...MARK_KEYS.map((k) => ctx.symbol(k)),
    ctx.t('unmarked'),
    ctx.t('progress'),
  ];
  const section = (title: string, key: string, parent: string, groups: readonly GroupRow[]): TableRange => {
    b.blank();
    b.heading(title);
    return b.table(header(key, parent), groups.map(groupRow), { 9: PERCENT });
  };
  section(ctx.t('byPolicy'), ctx.t('policy'), '', m.groups.policy);
  section(ctx.t('byMeasure'), ctx.t('measure'), ctx.t('policy'), m.groups.measure);
  const departments = section(ctx.t('byDepartment'), ctx.t('department'), '', m.groups.department);
  const current = m.years.find((y) => y.year === m.year)!;
  const totalRow = b.add([
    ctx.t('total'),
    '',
    current.items,
    ...MARK_KEYS.map((k) => current.counts[k]),
    current.unmarked,
    current.progress.rate,
  ]);
  b.format({ range: `A${totalRow}:J${totalRow}`, bold: true, border: 'thin' });
  b.format({ range: `J${totalRow}`, numberFormat: PERCENT });
  b.note(ctx.t('ownersNote'));
  section(ctx.t('byDivision'), ctx.t('division'), ctx.t('department'), m.groups.division);
  if (departments.last >= departments.first) {
    b.chart({
      type: 'barStacked',
      title: ctx.t('chartByDepartment'),
      categories: columnRange(departments, 0),
      series: MARK_KEYS.map((k, i) => ({
        name: ctx.symbol(k),
        values: columnRange(departments, 3 + i),
        color: MARK_COLORS[k],
      })),
      from: 'L3',
      to: 'S24',
    });
  }
  return b.build([26, 18, 8, 6, 6, 6, 6, 6, 8, 10]);
}

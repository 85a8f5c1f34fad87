/** RP_内訳: the target year by basic policy, measure, department and division. */
import type { MarkKey } from '../model';
import type { GroupRow } from '../summary/types';
import type { PlanSheet, PlanValue } from '../writePlan';
import { type LayoutContext, MARK_COLORS } from './context';
import { PERCENT, SheetBuilder, columnRange, type TableRange } from './sheetBuilder';

export const BREAKDOWN_SHEET = 'RP_内訳';

function groupRow(g: GroupRow, roles: readonly MarkKey[]): PlanValue[] {
  return [g.key, g.parent ?? '', g.items, ...roles.map((k) => g.counts[k]), g.unmarked, g.progress.rate];
}

/** A1 column letters of a 0-based column (up to Z: the sheet has a dozen columns). */
const letter = (col: number) => String.fromCharCode(65 + col);

export function breakdownSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  // The scale's own roles: kasama's five columns, or S A B C 完了 対象外, …
  const roles = ctx.roles;
  const rateColumn = 4 + roles.length;
  const b = new SheetBuilder(BREAKDOWN_SHEET);
  b.title(ctx.t('breakdownTitle', { year: ctx.year() }));
  b.note(`${ctx.t('rule')}: ${ctx.ruleText()}`);
  const header = (key: string, parent: string) => [
    key,
    parent,
    ctx.t('count'),
    ...roles.map((k) => ctx.symbol(k)),
    ctx.t('unmarked'),
    ctx.t('progress'),
  ];
  const section = (title: string, key: string, parent: string, groups: readonly GroupRow[]): TableRange => {
    b.blank();
    b.heading(title);
    return b.table(
      header(key, parent),
      groups.map((g) => groupRow(g, roles)),
      { [rateColumn]: PERCENT },
    );
  };
  section(ctx.t('byPolicy'), ctx.t('policy'), '', m.groups.policy);
  section(ctx.t('byMeasure'), ctx.t('measure'), ctx.t('policy'), m.groups.measure);
  const departments = section(ctx.t('byDepartment'), ctx.t('department'), '', m.groups.department);
  const current = m.years.find((y) => y.year === m.year)!;
  const totalRow = b.add([
    ctx.t('total'),
    '',
    current.items,
    ...roles.map((k) => current.counts[k]),
    current.unmarked,
    current.progress.rate,
  ]);
  b.format({ range: `A${totalRow}:${letter(rateColumn)}${totalRow}`, bold: true, border: 'thin' });
  b.format({ range: `${letter(rateColumn)}${totalRow}`, numberFormat: PERCENT });
  b.note(ctx.t('ownersNote'));
  section(ctx.t('byDivision'), ctx.t('division'), ctx.t('department'), m.groups.division);
  if (departments.last >= departments.first) {
    b.chart({
      type: 'barStacked',
      title: ctx.t('chartByDepartment'),
      categories: columnRange(departments, 0),
      series: roles.map((k, i) => ({
        name: ctx.symbol(k),
        values: columnRange(departments, 3 + i),
        color: MARK_COLORS[k],
      })),
      from: 'L3',
      to: 'S24',
    });
  }
  return b.build([26, 18, 8, ...roles.map(() => 6), 8, 10]);
}

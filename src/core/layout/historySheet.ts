/** RP_推移: every year's counts and rate, with charts of the rate and of the counts. */
import { a1 } from '../grid';
import { MARK_KEYS } from '../model';
import { historyEntries } from '../summary/history';
import type { PlanSheet, PlanValue } from '../writePlan';
import { type LayoutContext, MARK_COLORS } from './context';
import { PERCENT, SheetBuilder, columnRange } from './sheetBuilder';

export const HISTORY_SHEET = 'RP_推移';

export function historySheet(ctx: LayoutContext): PlanSheet {
  const b = new SheetBuilder(HISTORY_SHEET);
  const title = ctx.t('historyTitle');
  b.title(title);
  b.note(`${ctx.t('rule')}: ${ctx.ruleText()}`);
  b.blank();
  // Five role columns always (an earlier mid-year row is read back by position: previousReports.ts);
  // 対象外 / 未評価 after the rate, where the scale has them.
  const notEvaluated = ctx.roles.includes('notEvaluated');
  const header = [
    ctx.t('year'),
    ctx.t('items'),
    ...MARK_KEYS.map((k) => ctx.symbol(k)),
    ctx.t('unmarked'),
    ctx.t('numerator'),
    ctx.t('denominator'),
    ctx.t('progress'),
    ...(notEvaluated ? [ctx.symbol('notEvaluated')] : []),
  ];
  // Each year in order, its mid-year report (kept from an earlier run, or this run's) before its year-end one.
  const rows: PlanValue[][] = historyEntries(ctx.model).map((y) => [
    y.kind === 'midYear' ? `${ctx.year(y.year)}${ctx.t('midYearTag')}` : ctx.year(y.year),
    y.items,
    ...MARK_KEYS.map((k) => y.counts[k]),
    y.unmarked,
    y.progress.numerator,
    y.progress.denominator,
    y.progress.rate,
    ...(notEvaluated ? [y.counts.notEvaluated] : []),
  ]);
  const table = b.table(header, rows, { 10: PERCENT }, { repeatHeader: true });
  b.note(ctx.t('progressDefinition'));
  b.chart({
    type: 'line',
    title: ctx.t('chartRate'),
    categories: columnRange(table, 0),
    series: [{ name: ctx.t('progress'), values: columnRange(table, 10), color: '#1565C0' }],
    valueFormat: '0%',
    valueAxis: { min: 0, max: 1 },
    from: a1(table.last + 3, 0),
    to: a1(table.last + 20, 5),
  });
  b.chart({
    type: 'columnClustered',
    title: ctx.t('chartCounts'),
    categories: columnRange(table, 0),
    series: MARK_KEYS.flatMap((k, i) =>
      ctx.roles.includes(k)
        ? [{ name: ctx.legendName(k), values: columnRange(table, 2 + i), color: MARK_COLORS[k] }]
        : [],
    ),
    from: a1(table.last + 3, 6),
    to: a1(table.last + 20, 11),
  });
  return b.build(
    [14, 10, 7, 7, 7, 7, 7, 9, 12, 10, 10],
    { rows: table.header + 1, columns: 1 },
    ctx.print(title),
  );
}

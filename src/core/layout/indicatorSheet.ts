/** RP_指標: each indicator's target, actual, achievement, the formula used, and whether it fits the mark. */
import { a1 } from '../grid';
import type { IndicatorRow } from '../summary/types';
import type { PlanSheet, PlanValue } from '../writePlan';
import type { LayoutContext } from './context';
import { PERCENT, SheetBuilder } from './sheetBuilder';

export const INDICATOR_SHEET = 'RP_指標';

function figure(v: IndicatorRow['target']): PlanValue {
  return v.kind === 'number' && v.value !== null ? v.value : v.raw;
}

export function indicatorSheet(ctx: LayoutContext): PlanSheet {
  const b = new SheetBuilder(INDICATOR_SHEET);
  const title = ctx.t('indicatorsTitle', { year: ctx.year() });
  b.title(title);
  b.note(ctx.t('indicatorsNote'));
  b.blank();
  const rows = ctx.model.indicators.map((r): PlanValue[] => [
    r.item.measure ?? '',
    r.item.number,
    r.item.name,
    r.key ? '☆' : '',
    r.name,
    figure(r.target),
    figure(r.actual),
    r.actual.yearTag ? ctx.year(r.actual.yearTag) : '',
    ctx.t(r.direction),
    ctx.t(`formula_${r.formula}`),
    r.achievement,
    r.pass === null ? '' : r.pass ? ctx.t('passed') : ctx.t('failed'),
    r.mark ? ctx.symbol(r.mark) : '',
    r.consistency === 'unknown' ? '—' : ctx.t(r.consistency),
  ]);
  const header = [
    ctx.t('measure'),
    ctx.t('number'),
    ctx.t('name'),
    ctx.t('keyIndicator'),
    ctx.t('indicator'),
    ctx.t('target'),
    ctx.t('actual'),
    ctx.t('yearTag'),
    ctx.t('direction'),
    ctx.t('formula'),
    ctx.t('achievement'),
    ctx.t('pass'),
    ctx.t('status'),
    ctx.t('consistency'),
  ];
  const table = b.table(header, rows, { 10: PERCENT }, { repeatHeader: true });
  ctx.model.indicators.forEach((r, i) => {
    if (r.consistency === 'mismatch')
      b.format({ range: a1(table.first + i, 13), fill: '#FCE4E4', bold: true });
  });
  return b.build(
    [18, 6, 34, 5, 30, 12, 12, 12, 12, 12, 10, 8, 8, 10],
    { rows: table.header + 1, columns: 3 },
    ctx.print(title),
    [24, 8, 40, 6, 32],
  );
}

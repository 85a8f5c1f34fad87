/** RP_集計表: the table as the report publishes it, computed, with the rule in force written beside it. */
import type { MarkKey } from '../model';
import { reportKindLabels } from '../messages';
import type { PlanSheet, PlanValue } from '../writePlan';
import type { LayoutContext } from './context';
import { MARK_COLORS } from './context';
import { a1 } from '../grid';
import { PERCENT, SheetBuilder, columnRange, rowRange, span } from './sheetBuilder';

export const SUMMARY_SHEET = 'RP_集計表';

const share = (n: number, of: number): PlanValue => (of > 0 ? n / of : null);

export function summarySheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  const current = m.years.find((y) => y.year === m.year)!;
  const b = new SheetBuilder(SUMMARY_SHEET);
  const title = ctx.t('summaryTitle', { year: ctx.year() });
  b.title(title);
  b.note(
    ctx.t('summarySubtitle', {
      items: current.items,
      kind: reportKindLabels[m.provenance.reportKind][ctx.lang],
      rule: ctx.ruleText(),
    }),
  );
  b.blank();

  const roles = ctx.roles;
  const rows: PlanValue[][] = roles.map((k) => [
    ctx.symbol(k),
    ctx.markLabel(k),
    current.counts[k],
    share(current.counts[k], current.items),
  ]);
  if (current.unmarked > 0)
    rows.push(['', ctx.t('unmarked'), current.unmarked, share(current.unmarked, current.items)]);
  rows.push(['', ctx.t('items'), current.items, share(current.items, current.items)]);
  const counts = b.table([ctx.t('mark'), ctx.t('status'), ctx.t('count'), ctx.t('share')], rows, {
    3: PERCENT,
  });
  b.format({
    range: span(counts.first, 0, counts.first + roles.length - 1, 0),
    align: 'center',
    bold: true,
  });
  b.format({ range: rowRange(counts.last, 0, 3), bold: true });
  b.blank();

  const rate = b.table(
    ['', ctx.t('progress'), ctx.t('numerator'), ctx.t('denominator')],
    [['', current.progress.rate, current.progress.numerator, current.progress.denominator]],
    { 1: PERCENT },
  );
  b.format({ range: a1(rate.first, 1), bold: true, fontSize: 14 });
  b.note(ctx.t('progressDefinition'));
  b.note(ctx.t('endedRuleNote', { rule: ctx.ruleText() }));
  b.blank();

  // The published style: ○ includes ended items under the on-plan rule (27 = 25 + 2 in the seed).
  b.heading(ctx.t('publishedStyle'));
  const c = current.counts;
  const published: [MarkKey, number][] = roles
    .filter((k) => k !== 'ended' && k !== 'notEvaluated')
    .map((k) => [k, k === 'onPlan' && m.ended === 'on-plan' ? c.onPlan + c.ended : c[k]]);
  if (m.ended === 'not-achieved' && roles.includes('ended')) published.push(['ended', c.ended]);
  const denominator = current.progress.denominator;
  const pubRows: PlanValue[][] = published.map(([k, n]) => [
    ctx.symbol(k),
    ctx.markLabel(k),
    n,
    share(n, denominator),
  ]);
  pubRows.push(['', ctx.t('items'), denominator, share(denominator, denominator)]);
  pubRows.push(['', ctx.t('progress'), current.progress.numerator, current.progress.rate]);
  b.table([ctx.t('mark'), ctx.t('status'), ctx.t('count'), ctx.t('share')], pubRows, { 3: PERCENT });
  if (m.ended === 'on-plan' && c.ended > 0)
    b.note(ctx.t('publishedNote', { onPlan: c.onPlan + c.ended, raw: c.onPlan, ended: c.ended }));

  const markRows = { ...counts, last: counts.first + roles.length - 1 };
  b.chart({
    type: 'doughnut',
    title: ctx.t('chartDistribution', { year: ctx.year() }),
    categories: columnRange(markRows, 1),
    series: [{ name: ctx.t('count'), values: columnRange(markRows, 2) }],
    pointColors: roles.map((k) => MARK_COLORS[k]),
    showShares: true,
    from: 'F3',
    to: 'L22',
  });
  return b.build([6, 30, 12, 12], undefined, ctx.print(title));
}

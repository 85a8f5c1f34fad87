/**
 * RP_公表用: the table as the report publishes it — marks down, years across (with the count and the
 * share of each), 実施項目数 and 進捗率, the ended-item rule and the rate's definition as footnotes,
 * under a title naming the plan. Years the items do not cover but a hand-made table of the workbook
 * publishes are carried over as written and marked 公表値（項目データなし）.
 */
import { reportKindLabels } from '../messages';
import type { MarkKey } from '../model';
import type { PublishedYear } from '../summary/publication';
import type { YearSummary } from '../summary/types';
import { compareFiscalYears } from '../values';
import type { PlanSheet, PlanValue } from '../writePlan';
import type { LayoutContext } from './context';
import { HEADER_FILL, PERCENT, SheetBuilder, rowRange, span, widthFor } from './sheetBuilder';

export const PUBLICATION_SHEET = 'RP_公表用';

type Row = MarkKey | 'onPlanEnded' | 'unmarked';

interface Column {
  readonly year: string;
  readonly label: string;
  readonly carried: boolean;
  readonly count: (row: Row) => number | null;
  readonly items: number | null;
  readonly numerator: number | null;
  readonly rate: number | null;
}

const share = (n: number | null, of: number | null): PlanValue => (n === null || !of ? null : n / of);

export function publicationSheet(ctx: LayoutContext): PlanSheet {
  const m = ctx.model;
  const rule = m.ended;
  const computed = (y: YearSummary): Column => ({
    year: y.year,
    label: ctx.year(y.year),
    carried: false,
    count: (row) => {
      const c = y.counts;
      if (row === 'onPlan') return rule === 'on-plan' ? c.onPlan + c.ended : c.onPlan;
      if (row === 'onPlanEnded') return c.ended;
      if (row === 'unmarked') return y.unmarked;
      return c[row as MarkKey];
    },
    items: y.progress.denominator,
    numerator: y.progress.numerator,
    rate: y.progress.rate,
  });
  const carried = (p: PublishedYear): Column => {
    return {
      year: p.year,
      label: ctx.year(p.year),
      carried: true,
      count: (row) =>
        row === 'onPlanEnded' || row === 'unmarked' || row === 'notEvaluated'
          ? null
          : row === 'ended'
            ? p.ended
            : p[row],
      items: p.items,
      // Not published in the table: nothing is computed from another's figures.
      numerator: null,
      rate: p.rate,
    };
  };
  const columns = [
    ...(ctx.options.publication?.carried ?? []).map(carried),
    ...m.years.filter((y) => y.items > 0).map(computed),
  ].sort((a, b) => compareFiscalYears(a.year, b.year));

  const anyEnded = m.years.some((y) => y.counts.ended > 0);
  // The scale's own grades in order (◎ ○ □ ▲, or S A B C…); ended items after 計画どおり under the rule.
  const rows: [Row, string, string][] = [];
  for (const k of ctx.roles) {
    if (k === 'ended' || k === 'notEvaluated') continue;
    rows.push([k, ctx.symbol(k), ctx.markLabel(k)]);
    if (k === 'onPlan' && rule === 'on-plan' && anyEnded)
      rows.push(['onPlanEnded', '', ctx.t('onPlanWithEnded')]);
  }
  if (rule === 'not-achieved') rows.push(['ended', ctx.symbol('ended'), ctx.markLabel('ended')]);
  if (rule === 'exclude' && anyEnded) rows.push(['ended', ctx.symbol('ended'), ctx.t('endedExcluded')]);
  if (m.years.some((y) => y.unmarked > 0)) rows.push(['unmarked', '', ctx.t('unmarked')]);

  const b = new SheetBuilder(PUBLICATION_SHEET);
  const first = columns[0]?.label ?? ctx.year();
  const last = columns[columns.length - 1]?.label ?? ctx.year();
  const title = ctx.t('publicationTitle', { plan: ctx.planName(), from: first, to: last });
  b.title(title);
  b.note(
    ctx.t('publicationSubtitle', {
      kind: reportKindLabels[m.provenance.reportKind][ctx.lang],
      date: ctx.preparedOn(),
    }),
  );
  b.blank();

  const yearCol = (i: number) => 2 + i * 2;
  const right = yearCol(columns.length - 1) + 1;
  const yearRow = b.add([ctx.t('mark'), ctx.t('status'), ...columns.flatMap((c) => [c.label, ''])]);
  const sourceRow = b.add([
    '',
    ctx.t('source'),
    ...columns.flatMap((c) => [c.carried ? ctx.t('carriedOver') : ctx.t('fromItems'), '']),
  ]);
  const body: PlanValue[][] = rows.map(([row, symbol, label]) => [
    symbol,
    label,
    ...columns.flatMap((c) => {
      const n = c.count(row);
      const notPublished = c.carried && n === null;
      return [
        notPublished ? ctx.t('notPublished') : n,
        row === 'onPlanEnded' || row === 'unmarked' || notPublished ? null : share(n, c.items),
      ];
    }),
  ]);
  body.push(['', ctx.t('items'), ...columns.flatMap((c) => [c.items, c.items ? 1 : null])]);
  body.push([
    '',
    ctx.t('progress'),
    ...columns.flatMap((c) => [
      c.carried && c.numerator === null ? ctx.t('notPublished') : c.numerator,
      c.rate,
    ]),
  ]);
  const formats: Record<number, string> = {};
  columns.forEach((_, i) => (formats[yearCol(i) + 1] = PERCENT));
  const table = b.table(['', '', ...columns.flatMap(() => [ctx.t('count'), ctx.t('share')])], body, formats);

  for (const row of [yearRow, sourceRow]) {
    b.format({ range: rowRange(row, 0, right), bold: row === yearRow, fill: HEADER_FILL, border: 'thin' });
    columns.forEach((_, i) => {
      b.format({ range: rowRange(row, yearCol(i), yearCol(i) + 1), align: 'centerAcross' });
    });
  }
  columns.forEach((c, i) => {
    if (c.carried)
      b.format({
        range: span(sourceRow, yearCol(i), table.last, yearCol(i) + 1),
        fill: '#F2F2F2',
      });
  });
  b.format({ range: span(table.first, 0, table.last, 0), align: 'center', bold: true });
  b.format({ range: span(table.last - 1, 0, table.last, right), bold: true });
  b.format({ range: span(table.first, 2, table.last, right), align: 'right' });

  b.blank();
  b.note(ctx.t('progressDefinition'));
  b.note(ctx.t('endedRuleNote', { rule: ctx.ruleText() }));
  const carriedColumns = columns.filter((c) => c.carried);
  if (carriedColumns.length > 0) {
    const sheets = [...new Set((ctx.options.publication?.carried ?? []).map((p) => p.sheet))];
    b.note(
      ctx.t('carriedOverNote', {
        years: carriedColumns.map((c) => c.label).join(ctx.lang === 'ja' ? '・' : ', '),
        sheet: sheets.join(ctx.lang === 'ja' ? '」「' : '”, “'),
      }),
    );
  }

  // Each year's pair of columns holds its label and its source marker, centred across the two.
  const pairWidths = columns.flatMap((c) => {
    const half =
      Math.max(widthFor(c.label), widthFor(c.carried ? ctx.t('carriedOver') : ctx.t('fromItems'))) / 2;
    return [Math.max(8, half), Math.max(8, half)];
  });
  return b.build([6, 26, ...pairWidths], undefined, {
    ...ctx.print(title),
    orientation: columns.length > 3 ? 'landscape' : 'portrait',
  });
}

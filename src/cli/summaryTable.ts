/** The published-style table on the terminal (its figures are the JSON's, rendered). */
import {
  MARK_KEYS,
  formatMessage,
  layoutMessages,
  markLabels,
  endedRuleLabels,
  type Lang,
  type Settings,
  historyEntries,
  type SummaryModel,
  formatFiscalYear,
  markSymbol,
} from '../core';
import { cliMessages } from './messages';

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Display width: East Asian wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u25a0-\u25ff]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - width(text))) + text;

export function summaryTable(model: SummaryModel, settings: Settings, lang: Lang): string {
  const current = model.years.find((y) => y.year === model.year)!;
  const c = current.counts;
  const t = (key: keyof typeof layoutMessages) => formatMessage(layoutMessages[key], lang);
  const lines = [
    formatMessage(cliMessages.tableTitle, lang, { year: formatFiscalYear(model.year, lang, 'long') }),
  ];
  const published: [string, number, string][] = [
    [`${markSymbol('ahead', settings.marks)} ${markLabels.ahead[lang]}`, c.ahead, ''],
    [
      `${markSymbol('onPlan', settings.marks)} ${markLabels.onPlan[lang]}`,
      model.ended === 'on-plan' ? c.onPlan + c.ended : c.onPlan,
      model.ended === 'on-plan' && c.ended > 0
        ? formatMessage(cliMessages.tableOnPlanNote, lang, { raw: c.onPlan, ended: c.ended })
        : '',
    ],
    [`${markSymbol('nearlyOnPlan', settings.marks)} ${markLabels.nearlyOnPlan[lang]}`, c.nearlyOnPlan, ''],
    [`${markSymbol('behind', settings.marks)} ${markLabels.behind[lang]}`, c.behind, ''],
  ];
  if (model.ended === 'not-achieved')
    published.push([`${markSymbol('ended', settings.marks)} ${markLabels.ended[lang]}`, c.ended, '']);
  if (current.unmarked > 0) published.push([t('unmarked'), current.unmarked, '']);
  const denominator = current.progress.denominator;
  for (const [label, n, note] of published) {
    lines.push(
      `  ${padEnd(label, 36)}${padStart(String(n), 4)}  ${padStart(percent(denominator > 0 ? n / denominator : null), 6)}  ${note}`.trimEnd(),
    );
  }
  lines.push(`  ${padEnd(t('items'), 36)}${padStart(String(denominator), 4)}`);
  lines.push(
    `  ${padEnd(t('progress'), 36)}${padStart(percent(current.progress.rate), 10)}  (${current.progress.numerator}/${denominator})  ${endedRuleLabels[model.ended][lang]}`,
  );
  lines.push('', formatMessage(cliMessages.historyTitle, lang));
  // One column per figure, each as wide as its widest entry: years of any length line up.
  const header = [
    formatMessage(cliMessages.historyYear, lang),
    t('items'),
    ...MARK_KEYS.map((k) => markSymbol(k, settings.marks)),
    t('progress'),
    '',
  ];
  const rows = historyEntries(model).map((y) => [
    `${formatFiscalYear(y.year, lang, 'short')}${y.kind === 'midYear' ? layoutMessages.midYearTag[lang] : ''}`,
    String(y.items),
    ...MARK_KEYS.map((k) => String(y.counts[k])),
    percent(y.progress.rate),
    `(${y.progress.numerator}/${y.progress.denominator})`,
  ]);
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  for (const row of [header, ...rows])
    lines.push(
      `  ${row.map((cell, c) => (c === 0 || c === row.length - 1 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!))).join('  ')}`.trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}

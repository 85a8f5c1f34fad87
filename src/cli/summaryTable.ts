/** The published-style table on the terminal (its figures are the JSON's, rendered). */
import {
  formatList,
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
  rolesOf,
  gradesOf,
  type MarkKey,
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
  const grades = gradesOf(settings);
  const roles = rolesOf(grades);
  const label = (k: MarkKey) => {
    const own = grades.filter((g) => g.key === k && g.label).map((g) => g.label![lang]);
    const symbol = markSymbol(k, grades);
    const name = own.length > 0 ? formatList(own, lang, 'alternatives') : markLabels[k][lang];
    return name === symbol ? symbol : `${symbol} ${name}`;
  };
  const published: [string, number, string][] = roles
    .filter((k) => k !== 'ended' && k !== 'notEvaluated')
    .map((k) =>
      k === 'onPlan'
        ? [
            label(k),
            model.ended === 'on-plan' ? c.onPlan + c.ended : c.onPlan,
            model.ended === 'on-plan' && c.ended > 0
              ? formatMessage(cliMessages.tableOnPlanNote, lang, { raw: c.onPlan, ended: c.ended })
              : '',
          ]
        : [label(k), c[k], ''],
    );
  if (model.ended === 'not-achieved' && roles.includes('ended'))
    published.push([label('ended'), c.ended, '']);
  // 対象外 / 未評価: listed, outside the rate (so no share of it).
  const notEvaluated = roles.includes('notEvaluated') ? label('notEvaluated') : null;
  if (current.unmarked > 0) published.push([t('unmarked'), current.unmarked, '']);
  const denominator = current.progress.denominator;
  // The label column as wide as its widest label (a scale's long names line up too).
  const labelWidth = Math.max(
    36,
    ...published.map(([l]) => width(l) + 1),
    width(t('items')) + 1,
    width(t('progress')) + 1,
    notEvaluated === null ? 0 : width(notEvaluated) + 1,
  );
  for (const [label, n, note] of published) {
    lines.push(
      `  ${padEnd(label, labelWidth)}${padStart(String(n), 4)}  ${padStart(percent(denominator > 0 ? n / denominator : null), 6)}  ${note}`.trimEnd(),
    );
  }
  lines.push(`  ${padEnd(t('items'), labelWidth)}${padStart(String(denominator), 4)}`);
  if (notEvaluated !== null)
    lines.push(`  ${padEnd(notEvaluated, labelWidth)}${padStart(String(c.notEvaluated), 4)}`);
  lines.push(
    `  ${padEnd(t('progress'), labelWidth)}${padStart(percent(current.progress.rate), 10)}  (${current.progress.numerator}/${denominator})  ${endedRuleLabels[model.ended][lang]}`,
  );
  lines.push('', formatMessage(cliMessages.historyTitle, lang));
  // One column per figure, each as wide as its widest entry: years of any length line up.
  const header = [
    formatMessage(cliMessages.historyYear, lang),
    t('items'),
    ...roles.map((k) => markSymbol(k, grades)),
    t('progress'),
    '',
  ];
  const rows = historyEntries(model).map((y) => [
    `${formatFiscalYear(y.year, lang, 'short')}${y.kind === 'midYear' ? layoutMessages.midYearTag[lang] : ''}`,
    String(y.items),
    ...roles.map((k) => String(y.counts[k])),
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

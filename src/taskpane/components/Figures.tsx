/** The figures of a summary (counts per grade and 進捗率 for its year), after 集計表を作成 and 取り込み alike. */
import { tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { type SummaryModel, formatFiscalYear, gradesOf, markSymbol, rolesOf } from '../../core';
import { usePane } from '../pane';

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  heading: { fontSize: tokens.fontSizeBase300 },
  mark: { textAlign: 'left', paddingRight: tokens.spacingHorizontalM },
} satisfies Record<string, CSSProperties>;

/** 75.7% (one decimal, as published), or — when nothing counts towards the rate. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function Figures(props: { model: SummaryModel }) {
  const { model } = props;
  const { lang, t, settings } = usePane();
  const current = model.years.find((y) => y.year === model.year);
  if (!current) return null;
  const title = t('resultTitle', { year: formatFiscalYear(model.year, lang, 'long') });
  const grades = gradesOf(settings);
  return (
    <section aria-label={title}>
      <h3 style={styles.heading}>{title}</h3>
      <table data-testid="result-counts">
        <tbody>
          {rolesOf(grades).map((k) => (
            <tr key={k}>
              <th scope="row" style={styles.mark}>
                {markSymbol(k, grades)}
              </th>
              <td data-mark={k}>{current.counts[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="result-rate">
        {t('resultRate', {
          rate: rateText(current.progress.rate),
          numerator: current.progress.numerator,
          denominator: current.progress.denominator,
        })}
      </p>
    </section>
  );
}

/** 集計表を作成: target year and ended-item rule, steps while it works, the figures when done. */
import { Button, Field, ProgressBar, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import {
  type GenerateResult,
  type GenerateStep,
  type EndedRule,
  formatFiscalYear,
  runGenerate,
  gradesOf,
  markSymbol,
  rolesOf,
} from '../../core';
import { useAction, usePane } from '../pane';
import type { PaneKey } from '../text';
import { YearField } from './YearField';

const RULE_LABELS: Readonly<Record<EndedRule, PaneKey>> = {
  'on-plan': 'rule_on_plan',
  exclude: 'rule_exclude',
  'not-achieved': 'rule_not_achieved',
};
const RULES = Object.keys(RULE_LABELS) as EndedRule[];
const STEPS: readonly GenerateStep[] = ['read', 'summarize', 'write'];

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  action: { marginTop: tokens.spacingVerticalS },
  result: { marginTop: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300 },
  mark: { textAlign: 'left', paddingRight: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, CSSProperties>;

export function GenerateView(props: { years: readonly string[]; onDone: (result: GenerateResult) => void }) {
  const { years, onDone } = props;
  const { host, lang, t, settings } = usePane();
  const { busy, run } = useAction();
  const [year, setYear] = useState<string>(settings.targetYear ?? '');
  const [rule, setRule] = useState<EndedRule>(settings.endedRule);
  const [step, setStep] = useState<GenerateStep | null>(null);
  const [result, setResult] = useState<{ outcome: GenerateResult; written: readonly string[] } | null>(null);

  const generate = () =>
    run(async () => {
      setResult(null);
      try {
        const outcome = await runGenerate(
          host,
          { ...settings, endedRule: rule, targetYear: year || null },
          lang,
          new Date().toISOString(),
          setStep,
        );
        setResult(outcome);
        onDone(outcome.outcome);
        if (outcome.outcome.ok) return null;
        const { analysis, reason } = outcome.outcome;
        const text =
          reason === 'yearNotInPlan' && analysis.yearNotInPlan
            ? t('yearNotInPlan', { year: formatFiscalYear(analysis.yearNotInPlan, lang, 'long') })
            : t('noItems');
        return { text, intent: 'warning' };
      } finally {
        setStep(null);
      }
    });

  const ok = result?.outcome.ok ? result.outcome : null;
  const current = ok ? ok.model.years.find((y) => y.year === ok.model.year) : undefined;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of ok?.findings ?? []) counts[f.severity] += 1;
  return (
    <div>
      <YearField years={years} value={year} onChange={setYear} />
      <Field label={t('endedRule')}>
        <RadioGroup value={rule} onChange={(_, data) => setRule(data.value as EndedRule)}>
          {RULES.map((r) => (
            <Radio key={r} value={r} label={t(RULE_LABELS[r])} />
          ))}
        </RadioGroup>
      </Field>
      <Button appearance="primary" disabled={busy} onClick={() => void generate()} style={styles.action}>
        {t('generate')}
      </Button>
      {step && (
        <Field validationMessage={t(`step_${step}`)} validationState="none">
          <ProgressBar value={(STEPS.indexOf(step) + 1) / STEPS.length} aria-label={t(`step_${step}`)} />
        </Field>
      )}
      {ok && current && (
        <section
          aria-label={t('resultTitle', { year: formatFiscalYear(ok.model.year, lang, 'long') })}
          style={styles.result}
        >
          <h3 style={styles.heading}>
            {t('resultTitle', { year: formatFiscalYear(ok.model.year, lang, 'long') })}
          </h3>
          <table data-testid="result-counts">
            <tbody>
              {rolesOf(gradesOf(settings)).map((k) => (
                <tr key={k}>
                  <th scope="row" style={styles.mark}>
                    {markSymbol(k, gradesOf(settings))}
                  </th>
                  <td data-mark={k}>{current.counts[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="result-rate">
            {t('resultRate', {
              rate: current.progress.rate === null ? '—' : `${(current.progress.rate * 100).toFixed(1)}%`,
              numerator: current.progress.numerator,
              denominator: current.progress.denominator,
            })}
          </p>
          <p>{t('resultSheets', { sheets: result?.written ?? [] })}</p>
          <p>{t('resultFindings', counts)}</p>
          {!host.capabilities().charts && <p role="note">{t('noCharts')}</p>}
          <p style={styles.note}>{t('undoNote')}</p>
        </section>
      )}
    </div>
  );
}

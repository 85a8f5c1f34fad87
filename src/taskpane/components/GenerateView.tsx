/** 集計表を作成: target year and ended-item rule, steps while it works, the figures when done. */
import { Button, Field, ProgressBar, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import {
  type GenerateResult,
  type GenerateStep,
  type EndedRule,
  countBySeverity,
  formatFiscalYear,
  runGenerate,
} from '../../core';
import { useAction, usePane } from '../pane';
import type { PaneKey } from '../text';
import { Figures, rateText } from './Figures';
import { FindingsPanel } from './FindingsPanel';
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
  note: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, CSSProperties>;

export function GenerateView(props: { years: readonly string[]; onDone: (result: GenerateResult) => void }) {
  const { years, onDone } = props;
  const { host, lang, t, settings, showRun, notify } = usePane();
  const { busy, run } = useAction();
  const [year, setYear] = useState<string>(settings.targetYear ?? '');
  const [rule, setRule] = useState<EndedRule>(settings.endedRule);
  const [step, setStep] = useState<GenerateStep | null>(null);
  const [result, setResult] = useState<{
    outcome: GenerateResult;
    written: readonly string[];
    file: string;
  } | null>(null);

  const generate = () =>
    run(
      async () => {
        setResult(null);
        try {
          const outcome = await runGenerate(
            host,
            { ...settings, endedRule: rule, targetYear: year || null },
            lang,
            new Date().toISOString(),
            (next) => {
              setStep(next);
              notify({ text: t(`step_${next}`), intent: 'info' });
              // A turn for the page, so that the step is shown and announced before its work blocks it.
              return new Promise<void>((resolve) => setTimeout(resolve, 0));
            },
          );
          setResult(outcome);
          onDone(outcome.outcome);
          const done = outcome.outcome;
          showRun({
            source: 'generate',
            analysis: done.analysis,
            findings: done.ok ? done.findings : done.analysis.findings,
            openFile: outcome.file,
          });
          if (done.ok) {
            const current = done.model.years.find((y) => y.year === done.model.year);
            return t('generated', {
              rate: rateText(current?.progress.rate ?? null),
              count: done.findings.length,
            });
          }
          const text =
            done.reason === 'yearNotInPlan' && done.analysis.yearNotInPlan
              ? t('yearNotInPlan', { year: formatFiscalYear(done.analysis.yearNotInPlan, lang, 'long') })
              : t('noItems');
          return { text, intent: 'warning' };
        } finally {
          setStep(null);
        }
      },
      { progress: t('step_read') },
    );

  const ok = result?.outcome.ok ? result.outcome : null;
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
      {ok && (
        <div style={styles.result}>
          <Figures model={ok.model} />
          <p>{t('resultSheets', { sheets: result?.written ?? [] })}</p>
          <p>{t('resultFindings', countBySeverity(ok.findings))}</p>
          {!host.capabilities().charts && <p role="note">{t('noCharts')}</p>}
          <p style={styles.note}>{t('undoNote')}</p>
          <FindingsPanel
            findings={ok.findings}
            openFile={result?.file ?? null}
            caption={t('runFrom_generate')}
          />
        </div>
      )}
    </div>
  );
}

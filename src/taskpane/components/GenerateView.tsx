/** 集計表を作成: target year and ended-item rule, steps while it works, the figures when done. */
import { Button, Field, ProgressBar, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  type GenerateResult,
  type GenerateStep,
  type HostPort,
  type Lang,
  type EndedRule,
  type Settings,
  formatFiscalYear,
  runGenerate,
} from '../../core';
import type { Translate } from '../text';
import { YearField } from './YearField';

const RULES: readonly EndedRule[] = ['on-plan', 'exclude', 'not-achieved'];
const STEPS: readonly GenerateStep[] = ['read', 'summarize', 'write'];

export function GenerateView(props: {
  host: HostPort;
  lang: Lang;
  t: Translate;
  settings: Settings;
  years: readonly string[];
  onError: (err: unknown) => void;
  onDone: (result: GenerateResult) => void;
}) {
  const { host, lang, t, settings, years, onError, onDone } = props;
  const [year, setYear] = useState<string>(settings.targetYear ?? '');
  const [rule, setRule] = useState<EndedRule>(settings.endedRule);
  const [step, setStep] = useState<GenerateStep | null>(null);
  const [result, setResult] = useState<{ outcome: GenerateResult; written: readonly string[] } | null>(null);

  const generate = async () => {
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
    } catch (err) {
      onError(err);
    } finally {
      setStep(null);
    }
  };

  const ok = result?.outcome.ok ? result.outcome : null;
  const current = ok ? ok.model.years.find((y) => y.year === ok.model.year) : undefined;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of ok?.findings ?? []) counts[f.severity] += 1;
  return (
    <div>
      <YearField t={t} lang={lang} years={years} value={year} onChange={setYear} />
      <Field label={t('endedRule')}>
        <RadioGroup value={rule} onChange={(_, data) => setRule(data.value as EndedRule)}>
          {RULES.map((r) => (
            <Radio key={r} value={r} label={t(`rule_${r.replace('-', '_')}` as 'rule_on_plan')} />
          ))}
        </RadioGroup>
      </Field>
      <Button
        appearance="primary"
        disabled={step !== null}
        onClick={() => void generate()}
        style={{ marginTop: 8 }}
      >
        {t('generate')}
      </Button>
      {step && (
        <Field validationMessage={t(`step_${step}`)} validationState="none">
          <ProgressBar value={(STEPS.indexOf(step) + 1) / STEPS.length} aria-label={t(`step_${step}`)} />
        </Field>
      )}
      {result && !result.outcome.ok && (
        <Text role="status">
          {result.outcome.reason === 'yearNotInPlan' && result.outcome.analysis.yearNotInPlan
            ? t('yearNotInPlan', {
                year: formatFiscalYear(result.outcome.analysis.yearNotInPlan, lang, 'long'),
              })
            : t('noItems')}
        </Text>
      )}
      {ok && current && (
        <section
          aria-label={t('resultTitle', { year: formatFiscalYear(ok.model.year, lang, 'long') })}
          style={{ marginTop: 12 }}
        >
          <h3 style={{ fontSize: 14 }}>
            {t('resultTitle', { year: formatFiscalYear(ok.model.year, lang, 'long') })}
          </h3>
          <table data-testid="result-counts">
            <tbody>
              {(['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row" style={{ textAlign: 'left', paddingRight: 12 }}>
                    {settings.marks.find((m) => m.key === k)?.symbol ?? k}
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
          <p style={{ color: '#555' }}>{t('undoNote')}</p>
        </section>
      )}
    </div>
  );
}

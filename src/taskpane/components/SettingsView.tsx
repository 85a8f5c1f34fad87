/** 設定: stored in the workbook, so the pane, the ribbon button and the CLI (from a file) agree. */
import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useState } from 'react';
import {
  type HostPort,
  MARK_KEYS,
  markLabels,
  type Lang,
  settingsSchema,
  type EndedRule,
  type Settings,
} from '../../core';
import type { Translate } from '../text';
import { YearField } from './YearField';
import { InfoBar } from './ErrorBar';

export function SettingsView(props: {
  host: HostPort;
  lang: Lang;
  t: Translate;
  settings: Settings;
  years: readonly string[];
  indicators: readonly string[];
  onSaved: (settings: Settings) => void;
  onError: (err: unknown) => void;
}) {
  const { host, lang, t, years, indicators, onSaved, onError } = props;
  const [draft, setDraft] = useState<Settings>(props.settings);
  const [done, setDone] = useState<string | null>(null);
  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    try {
      const checked = settingsSchema.parse(draft);
      await host.saveSettings(checked);
      onSaved(checked);
      setDone(t('saved'));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <div>
      <YearField
        t={t}
        lang={lang}
        years={years}
        value={draft.targetYear ?? ''}
        onChange={(y) => update({ targetYear: y || null })}
      />
      <Field label={t('endedRule')}>
        <RadioGroup value={draft.endedRule} onChange={(_, d) => update({ endedRule: d.value as EndedRule })}>
          <Radio value="on-plan" label={t('rule_on_plan')} />
          <Radio value="exclude" label={t('rule_exclude')} />
          <Radio value="not-achieved" label={t('rule_not_achieved')} />
        </RadioGroup>
      </Field>
      <Field label={t('reportKind')}>
        <RadioGroup
          value={draft.reportKind}
          onChange={(_, d) => update({ reportKind: d.value as Settings['reportKind'] })}
        >
          <Radio value="yearEnd" label={t('yearEnd')} />
          <Radio value="midYear" label={t('midYear')} />
        </RadioGroup>
      </Field>
      <fieldset style={{ border: 'none', padding: 0 }}>
        <legend>{t('marks')}</legend>
        {MARK_KEYS.map((key) => {
          const entry = draft.marks.find((m) => m.key === key);
          return (
            <Field key={key} label={markLabels[key][lang]}>
              <Input
                value={entry ? [entry.symbol, ...entry.variants].join(', ') : ''}
                onChange={(_, d) => {
                  const [symbol = '', ...variants] = d.value
                    .split(/[,、]/)
                    .map((s) => s.trim())
                    .filter(Boolean);
                  const others = draft.marks.filter((m) => m.key !== key);
                  update({ marks: symbol ? [...others, { key, symbol, variants }] : others });
                }}
              />
            </Field>
          );
        })}
      </fieldset>
      {indicators.length > 0 && (
        <fieldset style={{ border: 'none', padding: 0 }}>
          <legend>{t('directions')}</legend>
          {indicators.map((name) => (
            <Field key={name} label={name}>
              <Select
                value={draft.indicatorDirections[name] ?? ''}
                onChange={(_, d) => {
                  const next = { ...draft.indicatorDirections };
                  if (d.value === 'higherIsBetter' || d.value === 'lowerIsBetter') next[name] = d.value;
                  else delete next[name];
                  update({ indicatorDirections: next });
                }}
              >
                <option value="">—</option>
                <option value="higherIsBetter">{t('higherIsBetter')}</option>
                <option value="lowerIsBetter">{t('lowerIsBetter')}</option>
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      <Button appearance="primary" onClick={() => void save()}>
        {t('save')}
      </Button>
      <InfoBar message={done} />
    </div>
  );
}

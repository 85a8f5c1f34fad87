/** 設定: stored in the workbook, so the pane, the ribbon button and the CLI (from a file) agree. */
import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useEffect, useState, type CSSProperties } from 'react';
import {
  detectedDirection,
  MARK_KEYS,
  markLabels,
  settingsSchema,
  type EndedRule,
  type Settings,
  scaleOf,
  PRESET_SCALE_NAMES,
  PRESET_SCALES,
} from '../../core';
import { useAction, usePane } from '../pane';
import { YearField } from './YearField';

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = { group: { border: 'none', padding: 0 } } satisfies Record<string, CSSProperties>;

export function SettingsView(props: {
  years: readonly string[];
  indicators: readonly string[];
  /** Reads the open workbook (for its years and indicators) when nothing has yet; null when done. */
  onDetect: (() => Promise<unknown>) | null;
  onSaved: (settings: Settings) => void;
}) {
  const { years, indicators, onDetect, onSaved } = props;
  const { host, lang, t, settings, reportError } = usePane();
  const { busy, run } = useAction();
  const [draft, setDraft] = useState<Settings>(settings);
  useEffect(() => {
    // Once, when the tab opens on a workbook nothing has read yet.
    if (onDetect) void onDetect().catch(reportError);
  }, []);
  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  const automatic = (name: string) => {
    const { direction, source } = detectedDirection(name, draft.lowerIsBetterWords);
    return t('directionAuto', {
      direction: t(direction),
      source: t(source === 'name' ? 'directionByName' : 'directionByDefault'),
    });
  };

  const save = () =>
    run(async () => {
      const checked = settingsSchema.parse(draft);
      await host.saveSettings(checked);
      onSaved(checked);
      return t('saved');
    });

  return (
    <div>
      <YearField
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
      <Field label={t('scale')}>
        <Select
          value={draft.scale}
          // kasama's marks stay in `marks` whatever scale is chosen: switching back finds them as they were.
          onChange={(_, d) => update({ scale: d.value })}
        >
          {PRESET_SCALE_NAMES.map((name) => (
            <option key={name} value={name}>
              {PRESET_SCALES[name].label?.[lang] ?? name}
            </option>
          ))}
          {Object.keys(draft.scales).map((name) => (
            <option key={name} value={name}>
              {draft.scales[name]!.label?.[lang] ?? name}
            </option>
          ))}
        </Select>
      </Field>
      {draft.scale !== 'kasama' && (
        <p>
          {t('scaleGrades', {
            grades: scaleOf(draft)
              .grades.map((g) => `${g.symbol}（${g.label?.[lang] ?? markLabels[g.key][lang]}）`)
              .join(' '),
          })}
        </p>
      )}
      <fieldset style={styles.group} hidden={draft.scale !== 'kasama'}>
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
        <fieldset style={styles.group}>
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
                <option value="">{automatic(name)}</option>
                <option value="higherIsBetter">{t('higherIsBetter')}</option>
                <option value="lowerIsBetter">{t('lowerIsBetter')}</option>
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => void save()}>
        {t('save')}
      </Button>
    </div>
  );
}

/** 部ごとの記入シートを作成: from this workbook's items or a plan definition file, one sheet per department. */
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { type HostPort, type Settings, buildTemplates, type TemplateOutcome } from '../../core';
import type { Translate } from '../text';
import { InfoBar } from './ErrorBar';

const PROBLEM_KEYS = {
  needYears: 'templateNeedYears',
  badYears: 'templateBadYears',
  badPlan: 'templateBadPlan',
  noItems: 'templateNoItems',
} as const;

export function TemplateView(props: {
  host: HostPort;
  t: Translate;
  settings: Settings;
  onError: (err: unknown) => void;
}) {
  const { host, t, settings, onError } = props;
  const [source, setSource] = useState<'workbook' | 'file'>('workbook');
  const [fileText, setFileText] = useState<string | null>(null);
  const [years, setYears] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'info' | 'warning' | 'success'; text: string } | null>(
    null,
  );

  const describe = (outcome: Extract<TemplateOutcome, { ok: false }>) =>
    t(PROBLEM_KEYS[outcome.problem], { value: outcome.detail, detail: outcome.detail });

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const input =
        source === 'file'
          ? { kind: 'file' as const, text: fileText ?? '' }
          : { kind: 'workbooks' as const, snapshots: [await host.readSnapshot()] };
      const outcome = buildTemplates(input, { years, title }, settings);
      if (!outcome.ok) {
        setMessage({ intent: 'warning', text: describe(outcome) });
        return;
      }
      const result = await host.createSheets(outcome.sheets);
      const done = t('templateDone', { count: result.created.length, sheets: result.created });
      setMessage({
        intent: 'success',
        text: result.protectedHeaders ? `${done} ${t('templateLocked')}` : done,
      });
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (list: FileList | null) => {
    const file = list?.[0];
    setFileText(file ? await file.text() : null);
  };

  return (
    <section aria-label={t('templateTitle')}>
      <h2 style={{ fontSize: 15 }}>{t('templateTitle')}</h2>
      <Field label={t('templateSource')}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as 'workbook' | 'file')}>
          <Radio value="workbook" label={t('templateFromWorkbook')} />
          <Radio value="file" label={t('templateFromFile')} />
        </RadioGroup>
      </Field>
      {source === 'file' && (
        <Field label={t('templateFile')}>
          {(field) => (
            <input
              {...field}
              type="file"
              accept=".json,application/json"
              onChange={(e) => void chooseFile(e.target.files)}
            />
          )}
        </Field>
      )}
      <Field label={t('templateYears')}>
        <Input value={years} onChange={(_, d) => setYears(d.value)} placeholder="R4-R8" />
      </Field>
      <Field label={t('templatePlanTitle')}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Button
        appearance="primary"
        disabled={busy || (source === 'file' && fileText === null)}
        onClick={() => void create()}
        style={{ marginTop: 8 }}
      >
        {t('templateCreate')}
      </Button>
      <InfoBar intent={message?.intent ?? 'info'} message={message?.text ?? null} />
    </section>
  );
}

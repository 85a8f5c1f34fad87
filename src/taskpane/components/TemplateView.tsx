/** 部ごとの記入シートを作成: from this workbook's items or a plan definition file, one sheet per department. */
import { Button, Field, Input, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import { buildTemplates, type TemplateOutcome } from '../../core';
import { useAction, usePane } from '../pane';

const PROBLEM_KEYS = {
  needYears: 'templateNeedYears',
  badYears: 'templateBadYears',
  badPlan: 'templateBadPlan',
  noItems: 'templateNoItems',
} as const;

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  heading: { fontSize: tokens.fontSizeBase400 },
  action: { marginTop: tokens.spacingVerticalS },
} satisfies Record<string, CSSProperties>;

export function TemplateView() {
  const { host, t, settings } = usePane();
  const { busy, run } = useAction();
  const [source, setSource] = useState<'workbook' | 'file'>('workbook');
  const [fileText, setFileText] = useState<string | null>(null);
  const [years, setYears] = useState('');
  const [title, setTitle] = useState('');

  const describe = (outcome: Extract<TemplateOutcome, { ok: false }>) =>
    t(PROBLEM_KEYS[outcome.problem], { value: outcome.detail, detail: outcome.detail });

  const create = () =>
    run(async () => {
      const input =
        source === 'file'
          ? { kind: 'file' as const, text: fileText ?? '' }
          : { kind: 'workbooks' as const, snapshots: [await host.readSnapshot()] };
      const outcome = buildTemplates(input, { years, title }, settings);
      if (!outcome.ok) return { text: describe(outcome), intent: 'warning' };
      const result = await host.createSheets(outcome.sheets);
      const done = t('templateDone', { count: result.created.length, sheets: result.created });
      return result.protectedHeaders ? `${done} ${t('templateLocked')}` : done;
    });

  const chooseFile = async (list: FileList | null) => {
    const file = list?.[0];
    setFileText(file ? await file.text() : null);
  };

  return (
    <section aria-label={t('templateTitle')}>
      <h2 style={styles.heading}>{t('templateTitle')}</h2>
      {!host.capabilities().dataValidation && <p role="note">{t('noDropdownsOnNewCells')}</p>}
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
        style={styles.action}
      >
        {t('templateCreate')}
      </Button>
    </section>
  );
}
